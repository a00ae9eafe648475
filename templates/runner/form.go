package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// Form is what DropDeploy read from the program (written at build time to run.json): the fields of
// its command line, whether it reads standard input and with which prompts, and whether it needs
// nothing at all (then the page runs it as soon as it opens).
type Form struct {
	Name          string   `json:"name"`
	Summary       string   `json:"summary"`
	Language      string   `json:"language"`
	Fields        []Field  `json:"fields"`
	FreeArguments bool     `json:"freeArguments"`
	Stdin         bool     `json:"stdin"`
	Prompts       []string `json:"prompts"`
	Upload        bool     `json:"upload"`
	AutoRun       bool     `json:"autoRun"`
}

// Field is one argument: a positional one when Flag is empty, else an option.
// Kind is text, number, integer, switch, choice or file.
type Field struct {
	Name     string   `json:"name"`
	Flag     string   `json:"flag"`
	Label    string   `json:"label"`
	Kind     string   `json:"kind"`
	Default  string   `json:"default"`
	Help     string   `json:"help"`
	Required bool     `json:"required"`
	Choices  []string `json:"choices"`
}

func readForm(path string) (Form, error) {
	var form Form
	data, err := os.ReadFile(path)
	if err != nil {
		if os.IsNotExist(err) {
			// Nothing could be read from the program: the free fields still run it.
			return Form{Name: "program", FreeArguments: true, Stdin: true}, nil
		}
		return form, err
	}
	if err := json.Unmarshal(data, &form); err != nil {
		return form, fmt.Errorf("%s: %w", path, err)
	}
	return form, nil
}

// Input is one run's input as a visitor gave it.
type Input struct {
	Fields  map[string]string
	Args    []string
	Stdin   string
	Uploads map[string]string // field name (or "upload") to the file's name in the run folder
}

// arguments lays the form's values out as a command line: options first, then positionals in the
// program's order, then an uploaded input file, then the free arguments as given.
func (f Form) arguments(in Input) ([]string, error) {
	var options, positionals []string
	for _, field := range f.Fields {
		value, given := in.Fields[field.Name]
		if field.Kind == "file" {
			value, given = in.Uploads[field.Name]
		}
		value = strings.TrimSpace(value)
		if field.Kind == "switch" {
			if given && value != "" && isTrue(value) != isTrue(field.Default) {
				options = append(options, field.Flag)
			}
			continue
		}
		if value == "" {
			if field.Required {
				return nil, fmt.Errorf("%s is required", field.title())
			}
			continue
		}
		if len(field.Choices) > 0 && !contains(field.Choices, value) {
			return nil, fmt.Errorf("%s must be one of %s", field.title(), strings.Join(field.Choices, ", "))
		}
		if err := field.checkValue(value); err != nil {
			return nil, err
		}
		if field.Flag == "" {
			positionals = append(positionals, value)
		} else if value != field.Default {
			options = append(options, field.Flag, value)
		}
	}
	args := append(options, positionals...)
	if name, ok := in.Uploads["upload"]; ok && f.Upload {
		args = append(args, name)
	}
	if !f.FreeArguments {
		if len(in.Args) > 0 {
			return nil, fmt.Errorf("this program takes no free arguments; use its fields")
		}
		return args, nil
	}
	return append(args, in.Args...), nil
}

// takesFile tells whether an uploaded file may be given under this name: a file field, or the
// input file of a program that reads one named on its command line.
func (f Form) takesFile(name string) bool {
	if name == "upload" {
		return f.Upload
	}
	for _, field := range f.Fields {
		if field.Name == name && field.Kind == "file" {
			return true
		}
	}
	return false
}

// checkValue refuses what a field's type does not allow, and a value that the program's parser would
// take for an option instead of the value it is.
func (f Field) checkValue(value string) error {
	switch f.Kind {
	case "integer":
		if _, err := strconv.ParseInt(value, 10, 64); err != nil {
			return fmt.Errorf("%s must be a whole number", f.title())
		}
	case "number":
		if _, err := strconv.ParseFloat(value, 64); err != nil {
			return fmt.Errorf("%s must be a number", f.title())
		}
	default:
		if strings.HasPrefix(value, "-") && f.Kind != "file" {
			return fmt.Errorf("%s cannot start with \"-\"", f.title())
		}
	}
	return nil
}

func (f Field) title() string {
	if f.Label != "" {
		return f.Label
	}
	return f.Name
}

func isTrue(value string) bool {
	switch strings.ToLower(strings.TrimSpace(value)) {
	case "true", "on", "yes", "1":
		return true
	}
	return false
}

func contains(values []string, value string) bool {
	for _, v := range values {
		if v == value {
			return true
		}
	}
	return false
}

// splitArguments splits a line the way a POSIX shell splits words (quotes and backslashes), without
// expanding anything: the words reach the program as they are, never through a shell.
func splitArguments(line string) ([]string, error) {
	var words []string
	var word strings.Builder
	inWord := false
	var quote rune
	escaped := false
	for _, r := range line {
		switch {
		case escaped:
			word.WriteRune(r)
			escaped = false
		case quote == '\'':
			if r == '\'' {
				quote = 0
			} else {
				word.WriteRune(r)
			}
		case quote == '"':
			if r == '"' {
				quote = 0
			} else if r == '\\' {
				escaped = true
			} else {
				word.WriteRune(r)
			}
		case r == '\\':
			escaped, inWord = true, true
		case r == '\'' || r == '"':
			quote, inWord = r, true
		case r == ' ' || r == '\t' || r == '\n' || r == '\r':
			if inWord {
				words = append(words, word.String())
				word.Reset()
				inWord = false
			}
		default:
			word.WriteRune(r)
			inWord = true
		}
	}
	if quote != 0 {
		return nil, fmt.Errorf("the arguments have an unclosed %c quote", quote)
	}
	if inWord {
		words = append(words, word.String())
	}
	return words, nil
}
