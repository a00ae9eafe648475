package main

import (
	"reflect"
	"testing"
)

func TestSplitArgumentsKeepsQuotedWordsTogetherAndExpandsNothing(t *testing.T) {
	words, err := splitArguments(`--name "Ada Lovelace" 'it''s' a\ b $HOME *`)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"--name", "Ada Lovelace", "its", "a b", "$HOME", "*"}
	if !reflect.DeepEqual(words, want) {
		t.Fatalf("got %q, want %q", words, want)
	}
}

func TestSplitArgumentsRefusesAnUnclosedQuote(t *testing.T) {
	if _, err := splitArguments(`"open`); err == nil {
		t.Fatal("an unclosed quote was accepted")
	}
}

func TestArgumentsPutOptionsBeforePositionalsAndLeaveDefaultsOut(t *testing.T) {
	form := Form{Upload: true, FreeArguments: true, Fields: []Field{
		{Name: "principal", Kind: "number", Required: true},
		{Name: "rate", Flag: "--rate", Kind: "number", Default: "5"},
		{Name: "years", Flag: "--years", Kind: "integer", Default: "30"},
		{Name: "verbose", Flag: "-v", Kind: "switch", Default: "false"},
	}}
	args, err := form.arguments(Input{
		Fields:  map[string]string{"principal": "1000", "rate": "5", "years": "10", "verbose": "on"},
		Args:    []string{"extra"},
		Uploads: map[string]string{"upload": "data.csv"},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"--years", "10", "-v", "1000", "data.csv", "extra"}
	if !reflect.DeepEqual(args, want) {
		t.Fatalf("got %q, want %q", args, want)
	}
}

func TestArgumentsRefuseAMissingRequiredFieldAndAValueOutsideTheChoices(t *testing.T) {
	form := Form{Fields: []Field{{Name: "city", Label: "City", Required: true}}}
	if _, err := form.arguments(Input{}); err == nil || err.Error() != "City is required" {
		t.Fatalf("got %v", err)
	}
	choice := Form{Fields: []Field{{Name: "unit", Flag: "--unit", Choices: []string{"c", "f"}}}}
	if _, err := choice.arguments(Input{Fields: map[string]string{"unit": "k"}}); err == nil {
		t.Fatal("a value outside the choices was accepted")
	}
}

func TestASwitchOnByDefaultIsPassedWhenTurnedOff(t *testing.T) {
	form := Form{Fields: []Field{{Name: "color", Flag: "--no-color", Kind: "switch", Default: "true"}}}
	args, _ := form.arguments(Input{Fields: map[string]string{"color": "false"}})
	if !reflect.DeepEqual(args, []string{"--no-color"}) {
		t.Fatalf("got %q", args)
	}
}

func TestAShellFormCommandPassesTheRunsArgumentsToTheProgram(t *testing.T) {
	command, shown := programCommand([]string{"/bin/sh", "-c", "exec python main.py"})
	want := []string{"/bin/sh", "-c", `exec python main.py "$@"`, "program"}
	if !reflect.DeepEqual(command, want) || !reflect.DeepEqual(shown, []string{"python", "main.py"}) {
		t.Fatalf("got %q and %q", command, shown)
	}
	exec, _ := programCommand([]string{"/usr/local/bin/server"})
	if !reflect.DeepEqual(exec, []string{"/usr/local/bin/server"}) {
		t.Fatalf("an exec-form command changed: %q", exec)
	}
}

func TestAVisitorCannotTurnAValueIntoAnOptionOrAddArgumentsTheProgramDoesNotTake(t *testing.T) {
	form := Form{Fields: []Field{
		{Name: "city", Kind: "text"},
		{Name: "count", Flag: "--count", Kind: "integer"},
	}}
	for _, in := range []Input{
		{Fields: map[string]string{"city": "--delete-everything"}},
		{Fields: map[string]string{"count": "3 --force"}},
		{Fields: map[string]string{"city": "Oslo"}, Args: []string{"--also"}},
	} {
		if args, err := form.arguments(in); err == nil {
			t.Fatalf("%+v was accepted as %q", in, args)
		}
	}
	if !(Form{Upload: true}).takesFile("upload") || form.takesFile("upload") || form.takesFile("city") {
		t.Fatal("a file was taken where the form has no file")
	}
}
