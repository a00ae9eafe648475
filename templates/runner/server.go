package main

import (
	"embed"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"
)

//go:embed page
var page embed.FS

const (
	keptRuns     = 20
	maxFileParts = 8
	queuedEvents = 1024
)

type server struct {
	settings
	slots chan struct{}
	mu    sync.Mutex
	runs  map[string]*Run
}

func newServer(s settings) *server {
	return &server{settings: s, slots: make(chan struct{}, s.concurrency), runs: map[string]*Run{}}
}

func (s *server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.asset("index.html"))
	mux.HandleFunc("GET /run-page/page.js", s.asset("page.js"))
	mux.HandleFunc("GET /run-page/page.css", s.asset("page.css"))
	mux.HandleFunc("GET /api/form", s.describe)
	mux.HandleFunc("POST /api/run", s.run)
	mux.HandleFunc("GET /api/runs/{id}", s.outcome)
	mux.HandleFunc("GET /api/runs/{id}/files/{name...}", s.download)
	return secure(mux)
}

// secure keeps the page's own script the only one that runs, whatever the program printed.
func secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'self'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}

func (s *server) asset(name string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		data, err := page.ReadFile("page/" + name)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", mime.TypeByExtension(filepath.Ext(name)))
		w.Header().Set("Cache-Control", "no-cache")
		_, _ = w.Write(data)
	}
}

type formView struct {
	Form
	TimeLimitSeconds int64 `json:"timeLimitSeconds"`
	OutputLimitBytes int64 `json:"outputLimitBytes"`
	UploadLimitBytes int64 `json:"uploadLimitBytes"`
	ConcurrentRuns   int   `json:"concurrentRuns"`
}

func (s *server) describe(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, formView{s.form, int64(s.limits.Time / time.Second), s.limits.OutputBytes,
		s.uploadBytes, s.concurrency})
}

// run answers with one JSON document, or with one JSON event per line as the program goes when the
// caller asks for application/x-ndjson (the page does).
func (s *server) run(w http.ResponseWriter, r *http.Request) {
	// The input is read and checked before a slot is taken, so a slow or broken request holds no slot.
	run, err := newRun(s.runsDir)
	if err != nil {
		problem(w, http.StatusInternalServerError, "no room for the run: "+err.Error())
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, s.uploadBytes+1<<20)
	input, err := s.readInput(r, run)
	var args []string
	if err == nil {
		args, err = s.form.arguments(input)
	}
	if err == nil {
		err = run.linkAppFiles(s.appDir)
	}
	if err != nil {
		run.remove()
		problem(w, http.StatusBadRequest, err.Error())
		return
	}
	select {
	case s.slots <- struct{}{}:
	default:
		run.remove()
		w.Header().Set("Retry-After", "5")
		problem(w, http.StatusTooManyRequests,
			fmt.Sprintf("%d runs are already going on, the most this program runs at once; try again in a moment", s.concurrency))
		return
	}
	release := sync.OnceFunc(func() { <-s.slots })
	defer release()
	s.keepRun(run)
	if strings.Contains(r.Header.Get("Accept"), "application/x-ndjson") {
		s.stream(w, r, run, args, input.Stdin, release)
		return
	}
	result := s.collect(r, run, args, input.Stdin)
	release() // the answer may be slow to leave; the next run need not wait for it
	writeJSON(w, http.StatusOK, result)
}

// stream sends each event as it comes. The run never waits for the client: events queue for a writer
// of their own, and when a client stops reading, output it has no room for is dropped, so the limits
// still hold and the slot is free as soon as the program ends. The end is always delivered.
func (s *server) stream(w http.ResponseWriter, r *http.Request, run *Run, args []string, stdin string, release func()) {
	w.Header().Set("Content-Type", "application/x-ndjson")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Accel-Buffering", "no")
	// Known before any output: a client whose stream breaks asks GET /api/runs/{id} for the outcome.
	w.Header().Set("X-Run-Id", run.ID)
	events := make(chan Event, queuedEvents)
	written := make(chan struct{})
	go func() {
		defer close(written)
		control := http.NewResponseController(w)
		encoder := json.NewEncoder(w)
		for e := range events {
			if encoder.Encode(e) != nil || control.Flush() != nil {
				for range events { // the client is gone: let the run finish without it
				}
				return
			}
		}
	}()
	var end Event
	run.execute(r.Context(), s.command, s.shown, args, stdin, s.limits, func(e Event) {
		if e.Type == "end" {
			end = e
			return
		}
		select {
		case events <- e:
		default:
		}
	})
	release()
	events <- end
	close(events)
	<-written
}

// Result is the JSON API's answer: what the program printed, how it ended, what it wrote.
type Result struct {
	ID         string       `json:"id"`
	Command    []string     `json:"command"`
	ExitCode   int          `json:"exitCode"`
	Stdout     string       `json:"stdout"`
	Stderr     string       `json:"stderr"`
	DurationMs int64        `json:"durationMs"`
	StoppedBy  string       `json:"stoppedBy,omitempty"`
	Truncated  bool         `json:"truncated"`
	Files      []OutputFile `json:"files"`
}

func (s *server) collect(r *http.Request, run *Run, args []string, stdin string) Result {
	var out, errs strings.Builder
	result := Result{ID: run.ID, Files: []OutputFile{}}
	run.execute(r.Context(), s.command, s.shown, args, stdin, s.limits, func(e Event) {
		switch {
		case e.Type == "start":
			result.Command = e.Command
		case e.Type == "output" && e.Stream == "stdout":
			out.WriteString(e.Text)
		case e.Type == "output":
			errs.WriteString(e.Text)
		case e.Type == "end":
			result.ExitCode, result.DurationMs, result.StoppedBy, result.Truncated = *e.ExitCode, e.DurationMs, e.StoppedBy, e.Truncated
			if e.Files != nil {
				result.Files = e.Files
			}
		}
	})
	result.Stdout, result.Stderr = out.String(), errs.String()
	return result
}

// readInput takes the JSON API's document or the page's multipart form (which carries uploads).
func (s *server) readInput(r *http.Request, run *Run) (Input, error) {
	input := Input{Fields: map[string]string{}, Uploads: map[string]string{}}
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		return input, s.readMultipart(r, run, &input)
	}
	var body struct {
		Fields map[string]any  `json:"fields"`
		Args   json.RawMessage `json:"args"`
		Stdin  string          `json:"stdin"`
	}
	if r.ContentLength != 0 {
		if err := json.NewDecoder(r.Body).Decode(&body); err != nil && err != io.EOF {
			return input, fmt.Errorf("the body is not the JSON this API takes (see GET /api/form): %v", err)
		}
	}
	for name, value := range body.Fields {
		input.Fields[name] = fmt.Sprint(value)
	}
	input.Stdin = body.Stdin
	args, err := jsonArguments(body.Args)
	input.Args = args
	return input, err
}

// jsonArguments takes a list of words as they are, or a line split like a shell would.
func jsonArguments(raw json.RawMessage) ([]string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	var words []string
	if json.Unmarshal(raw, &words) == nil {
		return words, nil
	}
	var line string
	if err := json.Unmarshal(raw, &line); err != nil {
		return nil, fmt.Errorf("args must be a list of strings or one string")
	}
	return splitArguments(line)
}

func (s *server) readMultipart(r *http.Request, run *Run, input *Input) error {
	reader, err := r.MultipartReader()
	if err != nil {
		return err
	}
	var prompts []string
	files := 0
	for {
		part, err := reader.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("the form could not be read: %v", err)
		}
		name := part.FormName()
		if part.FileName() != "" {
			field := strings.TrimPrefix(name, "file.")
			if !s.form.takesFile(field) {
				return fmt.Errorf("this program takes no file named %q", field)
			}
			if files++; files > maxFileParts {
				return fmt.Errorf("at most %d files per run", maxFileParts)
			}
			saved, err := run.saveUpload(part.FileName(), part, s.uploadBytes)
			if err != nil {
				return err
			}
			input.Uploads[field] = saved
			continue
		}
		value, err := io.ReadAll(io.LimitReader(part, 1<<20))
		if err != nil {
			return err
		}
		switch {
		case strings.HasPrefix(name, "field."):
			input.Fields[strings.TrimPrefix(name, "field.")] = string(value)
		case strings.HasPrefix(name, "prompt."):
			prompts = append(prompts, string(value))
		case name == "args":
			if input.Args, err = splitArguments(string(value)); err != nil {
				return err
			}
		case name == "stdin":
			input.Stdin = string(value)
		}
	}
	input.Stdin = promptLines(prompts) + input.Stdin
	return nil
}

// promptLines answers the program's prompts in order, one line each, before any further input.
func promptLines(answers []string) string {
	if len(answers) == 0 {
		return ""
	}
	return strings.Join(answers, "\n") + "\n"
}

// outcome answers a run's record once it has ended (202 while it runs), for a client whose stream broke.
func (s *server) outcome(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	run := s.runs[r.PathValue("id")]
	s.mu.Unlock()
	if run == nil {
		problem(w, http.StatusNotFound, "no such run: runs are kept for 15 minutes")
		return
	}
	run.wasAsked()
	result, done := run.outcome()
	if !done {
		writeJSON(w, http.StatusAccepted, map[string]bool{"running": true})
		return
	}
	writeJSON(w, http.StatusOK, result)
}

// download serves only a file the run itself reported, opened inside the run's folder so that no link
// (one the program made, or an app folder linked in) leads anywhere else.
func (s *server) download(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	run := s.runs[r.PathValue("id")]
	s.mu.Unlock()
	name := r.PathValue("name")
	if run == nil || !run.wrote(name) {
		problem(w, http.StatusNotFound, "no such file: runs keep their files for 15 minutes")
		return
	}
	root, err := os.OpenRoot(run.Dir)
	if err != nil {
		problem(w, http.StatusNotFound, "no such file: runs keep their files for 15 minutes")
		return
	}
	defer root.Close()
	file, err := root.Open(name)
	if err != nil {
		problem(w, http.StatusNotFound, "no such file: it cannot be read")
		return
	}
	defer file.Close()
	info, err := file.Stat()
	if err != nil || !info.Mode().IsRegular() {
		problem(w, http.StatusNotFound, "no such file: it is not a plain file")
		return
	}
	w.Header().Set("Content-Type", "application/octet-stream")
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": filepath.Base(name)}))
	http.ServeContent(w, r, "", info.ModTime(), file)
}

func (s *server) keepRun(run *Run) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.runs[run.ID] = run
	s.forgetLocked(func(all []*Run) []*Run {
		var finished []*Run
		for _, run := range all {
			if run.finished() {
				finished = append(finished, run)
			}
		}
		if len(finished) <= keptRuns {
			return nil
		}
		return finished[:len(finished)-keptRuns]
	})
}

// sweep deletes the folders of runs older than the keep time, so the app's small /tmp never fills.
func (s *server) sweep() {
	for range time.Tick(time.Minute) {
		s.mu.Lock()
		s.forgetLocked(func(all []*Run) []*Run {
			var old []*Run
			for _, run := range all {
				if run.finished() && time.Since(run.started) > s.keep {
					old = append(old, run)
				}
			}
			return old
		})
		s.mu.Unlock()
	}
}

func (s *server) forgetLocked(pick func(oldestFirst []*Run) []*Run) {
	all := make([]*Run, 0, len(s.runs))
	for _, run := range s.runs {
		all = append(all, run)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].started.Before(all[j].started) })
	for _, run := range pick(all) {
		delete(s.runs, run.ID)
		run.remove()
	}
}
