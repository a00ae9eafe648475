package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
	"unicode/utf8"
)

// Limits bound every run; a run that reaches one is stopped and says which.
type Limits struct {
	Time        time.Duration
	OutputBytes int64
}

// Event is one thing a run reports while it goes: output, or its end.
type Event struct {
	Type       string       `json:"type"`             // "start", "output" or "end"
	Stream     string       `json:"stream,omitempty"` // "stdout" or "stderr"
	Text       string       `json:"text,omitempty"`
	ID         string       `json:"id,omitempty"`
	Command    []string     `json:"command,omitempty"`
	ExitCode   *int         `json:"exitCode,omitempty"`
	DurationMs int64        `json:"durationMs,omitempty"`
	StoppedBy  string       `json:"stoppedBy,omitempty"`
	Truncated  bool         `json:"truncated,omitempty"`
	Files      []OutputFile `json:"files,omitempty"`
}

// OutputFile is a file the program wrote to its working folder, offered for download.
type OutputFile struct {
	Name string `json:"name"`
	Size int64  `json:"size"`
	URL  string `json:"url"`
}

const maxOfferedFiles = 50

// Run is one execution of the program in a folder of its own.
type Run struct {
	ID      string
	Dir     string
	started time.Time
	done    atomic.Bool
	files   []OutputFile
	mu      sync.Mutex
	result  Result       // what the run printed (within the output limit) and how it ended, once done
	asked   atomic.Int64 // when a client last asked for the outcome (unix nanoseconds)
}

// unattendedGrace is how long a run goes on after its client's connection ended. A proxy or a network
// may cut a stream that the page then follows by asking for the outcome (every half second), and a
// run killed at the first broken read would leave that page nothing to show; a run nobody asks about
// for this long has lost its visitor and gives its slot back.
var unattendedGrace = 5 * time.Second

// wasAsked records that a client follows the run through its outcome.
func (r *Run) wasAsked() { r.asked.Store(time.Now().UnixNano()) }

func (r *Run) askedWithin(d time.Duration) bool {
	return time.Since(time.Unix(0, r.asked.Load())) < d
}

// The folders DropDeploy makes in a run's folder; hidden, so never offered as output.
const (
	homeFolder    = ".home"
	uploadsFolder = ".uploads"
)

func newRun(base string) (*Run, error) {
	id := make([]byte, 16)
	if _, err := rand.Read(id); err != nil {
		return nil, err
	}
	run := &Run{ID: hex.EncodeToString(id), started: time.Now()}
	run.Dir = filepath.Join(base, run.ID)
	if err := os.MkdirAll(filepath.Join(run.Dir, homeFolder), 0o700); err != nil {
		return nil, err
	}
	return run, nil
}

func (r *Run) remove() { _ = os.RemoveAll(r.Dir) }

// keep adds output to the run's own record, which a client whose stream broke reads afterwards.
func (r *Run) keep(e Event) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if e.Stream == "stdout" {
		r.result.Stdout += e.Text
	} else {
		r.result.Stderr += e.Text
	}
}

// outcome is the finished run's record; false while it still runs.
func (r *Run) outcome() (Result, bool) {
	if !r.finished() {
		return Result{}, false
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	result := r.result
	if result.Files == nil {
		result.Files = []OutputFile{}
	}
	return result, true
}

func (r *Run) finished() bool { return r.done.Load() }

// wrote tells whether the run reported this file as written, the only files it offers.
func (r *Run) wrote(name string) bool {
	if !r.finished() {
		return false
	}
	for _, file := range r.files {
		if file.Name == name {
			return true
		}
	}
	return false
}

// linkAppFiles makes the app's own files (data it reads by a relative name) visible in the run's
// folder without copying them; what the program writes next to them stays in the run's folder.
func (r *Run) linkAppFiles(appDir string) error {
	if appDir == "" || appDir == "/" {
		return nil
	}
	entries, err := os.ReadDir(appDir)
	if err != nil {
		return nil
	}
	for _, entry := range entries {
		if entry.Name() == homeFolder || entry.Name() == uploadsFolder {
			continue
		}
		if err := os.Symlink(filepath.Join(appDir, entry.Name()), filepath.Join(r.Dir, entry.Name())); err != nil {
			return fmt.Errorf("the run's folder could not be prepared: %v", err)
		}
	}
	return nil
}

// saveUpload stores an uploaded file in the run's uploads folder under a plain base name, never a
// path, and answers the relative name the program is given (it cannot start with "-").
func (r *Run) saveUpload(name string, content io.Reader, maxBytes int64) (string, error) {
	folder := filepath.Join(r.Dir, uploadsFolder)
	if err := os.MkdirAll(folder, 0o700); err != nil {
		return "", err
	}
	base := safeName(name)
	file, err := os.OpenFile(filepath.Join(folder, base), os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return "", fmt.Errorf("two uploaded files are named %q", base)
	}
	defer file.Close()
	written, err := io.Copy(file, io.LimitReader(content, maxBytes+1))
	if err == nil && written > maxBytes {
		err = fmt.Errorf("the uploaded file is larger than %s", sizeText(maxBytes))
	}
	if err != nil {
		return "", err
	}
	return uploadsFolder + "/" + base, nil
}

func safeName(name string) string {
	base := filepath.Base(strings.ReplaceAll(name, "\\", "/"))
	clean := strings.Map(func(r rune) rune {
		if r < 32 || r == '/' || r == 0x7f {
			return -1
		}
		return r
	}, base)
	clean = strings.TrimLeft(clean, ".")
	if clean == "" {
		return "upload"
	}
	if len(clean) > 100 {
		clean = clean[len(clean)-100:]
	}
	return clean
}

// execute runs command with args and stdin in the run's folder, reporting output as it comes. The
// program and everything it starts form one process group, killed as a whole at the end.
func (r *Run) execute(ctx context.Context, command, shown, args []string, stdin string, limits Limits, emit func(Event)) {
	defer r.done.Store(true)
	full := append(append([]string{}, command...), args...)
	emit(Event{Type: "start", ID: r.ID, Command: append(append([]string{}, shown...), args...)})
	cmd := exec.Command(full[0], full[1:]...)
	cmd.Dir = r.Dir
	cmd.Env = append(os.Environ(), "HOME="+filepath.Join(r.Dir, ".home"), "TMPDIR="+filepath.Join(r.Dir, ".home"))
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	outRead, outWrite, _ := os.Pipe()
	errRead, errWrite, _ := os.Pipe()
	inRead, inWrite, _ := os.Pipe()
	cmd.Stdout, cmd.Stderr, cmd.Stdin = outWrite, errWrite, inRead
	err := cmd.Start()
	outWrite.Close()
	errWrite.Close()
	inRead.Close()
	if err != nil {
		inWrite.Close()
		outRead.Close()
		errRead.Close()
		code := 127
		r.files = []OutputFile{}
		r.result = Result{ID: r.ID, Command: full, ExitCode: code, Stderr: "The program could not start: " + err.Error() + "\n"}
		emit(Event{Type: "output", Stream: "stderr", Text: "The program could not start: " + err.Error() + "\n"})
		emit(Event{Type: "end", ExitCode: &code})
		return
	}
	go func() {
		_, _ = io.WriteString(inWrite, stdin)
		inWrite.Close()
	}()
	output := newOutputBudget(limits.OutputBytes)
	chunks := make(chan Event)
	readersDone := make(chan struct{})
	go func() {
		done := make(chan struct{}, 2)
		go readStream(outRead, "stdout", chunks, done)
		go readStream(errRead, "stderr", chunks, done)
		<-done
		<-done
		close(readersDone)
	}()
	exited := make(chan *os.ProcessState, 1)
	go func() {
		state, _ := cmd.Process.Wait()
		exited <- state
	}()
	timer := time.NewTimer(limits.Time)
	defer timer.Stop()
	stoppedBy := ""
	var state *os.ProcessState
	var grace <-chan time.Time
	left := ctx.Done()
	var unattended <-chan time.Time
	kill := func(reason string) {
		if stoppedBy == "" {
			stoppedBy = reason
		}
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
	for state == nil || readersDone != nil {
		select {
		case chunk := <-chunks:
			text, over := output.take(chunk.Text)
			if text != "" {
				chunk.Text = text
				r.keep(chunk)
				emit(chunk)
			}
			if over {
				kill(fmt.Sprintf("output limit (%s)", sizeText(limits.OutputBytes)))
			}
		case s := <-exited:
			state = s
			// Whatever the program left running in the background ends with it; something that left
			// the group and kept the output open is not waited for long.
			_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
			grace = time.After(2 * time.Second)
		case <-grace:
			outRead.Close()
			errRead.Close()
		case <-readersDone:
			readersDone = nil
		case <-left:
			left = nil
			unattended = time.After(unattendedGrace)
		case <-unattended:
			if r.askedWithin(unattendedGrace) {
				unattended = time.After(unattendedGrace)
			} else if state == nil {
				kill("the visitor left")
			}
		case <-timer.C:
			if state != nil {
				continue
			}
			kill(fmt.Sprintf("time limit (%d s)", int64(limits.Time/time.Second)))
		}
	}
	inWrite.Close() // a program that never read its input leaves the writer waiting no longer
	code := state.ExitCode()
	r.files = r.writtenFiles()
	end := Event{Type: "end", ExitCode: &code, DurationMs: time.Since(r.started).Milliseconds(),
		StoppedBy: stoppedBy, Truncated: output.over, Files: r.files}
	r.mu.Lock()
	r.result.ID, r.result.Command, r.result.ExitCode = r.ID, append(append([]string{}, shown...), args...), code
	r.result.DurationMs, r.result.StoppedBy, r.result.Truncated, r.result.Files = end.DurationMs, stoppedBy, output.over, r.files
	r.mu.Unlock()
	emit(end)
}

func readStream(pipe *os.File, name string, chunks chan<- Event, done chan<- struct{}) {
	defer func() { done <- struct{}{} }()
	defer pipe.Close()
	buffer := make([]byte, 16*1024)
	var carry []byte
	for {
		n, err := pipe.Read(buffer)
		if n > 0 {
			data := append(carry, buffer[:n]...)
			cut := completeUTF8(data)
			carry = append([]byte{}, data[cut:]...)
			if cut > 0 {
				chunks <- Event{Type: "output", Stream: name, Text: string(data[:cut])}
			}
		}
		if err != nil {
			if len(carry) > 0 {
				chunks <- Event{Type: "output", Stream: name, Text: string(carry)}
			}
			return
		}
	}
}

// completeUTF8 is the length of data without a character cut in half at its end, which the next
// read completes.
func completeUTF8(data []byte) int {
	for back := 1; back <= 3 && back <= len(data); back++ {
		start := len(data) - back
		if utf8.RuneStart(data[start]) {
			if !utf8.FullRune(data[start:]) {
				return start
			}
			break
		}
	}
	return len(data)
}

type outputBudget struct {
	left int64
	over bool
}

func newOutputBudget(limit int64) *outputBudget { return &outputBudget{left: limit} }

// take returns what of text fits in what is left of the budget, and whether the budget ran out.
func (b *outputBudget) take(text string) (string, bool) {
	if b.over {
		return "", true
	}
	if int64(len(text)) <= b.left {
		b.left -= int64(len(text))
		return text, false
	}
	fits := text[:completeUTF8([]byte(text[:b.left]))]
	b.left, b.over = 0, true
	return fits, true
}

// writtenFiles lists the regular files the program created in its folder (not the app's linked
// files, not uploads, not its home folder), smallest paths first.
func (r *Run) writtenFiles() []OutputFile {
	var files []OutputFile
	_ = filepath.WalkDir(r.Dir, func(path string, entry os.DirEntry, err error) error {
		if err != nil || path == r.Dir {
			return nil
		}
		rel, _ := filepath.Rel(r.Dir, path)
		if entry.IsDir() {
			if strings.HasPrefix(entry.Name(), ".") || strings.Count(rel, string(filepath.Separator)) >= 3 {
				return filepath.SkipDir
			}
			return nil
		}
		if !entry.Type().IsRegular() || len(files) >= maxOfferedFiles {
			return nil
		}
		info, err := entry.Info()
		if err != nil {
			return nil
		}
		files = append(files, OutputFile{Name: rel, Size: info.Size(), URL: "/api/runs/" + r.ID + "/files/" + escapePath(rel)})
		return nil
	})
	sort.Slice(files, func(i, j int) bool { return files[i].Name < files[j].Name })
	return files
}

func escapePath(rel string) string {
	parts := strings.Split(filepath.ToSlash(rel), "/")
	for i, part := range parts {
		parts[i] = url.PathEscape(part)
	}
	return strings.Join(parts, "/")
}

func sizeText(bytes int64) string {
	switch {
	case bytes >= 1<<20 && bytes%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", bytes>>20)
	case bytes >= 1<<10 && bytes%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", bytes>>10)
	}
	return fmt.Sprintf("%d bytes", bytes)
}
