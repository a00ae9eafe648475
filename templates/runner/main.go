// The run page: DropDeploy's small server in front of a program that does not serve HTTP. It shows a
// form derived from the program, runs the program once per request in a folder of its own, streams
// what it prints and offers the files it writes. It starts as the image's entrypoint, with the
// program's own command after "--", and runs as the app's non-root user.
package main

import (
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

type settings struct {
	port        string
	form        Form
	command     []string
	shown       []string
	appDir      string
	runsDir     string
	limits      Limits
	concurrency int
	uploadBytes int64
	keep        time.Duration
}

func main() {
	s, err := load(os.Args[1:])
	if err != nil {
		log.Fatalf("run page: %v", err)
	}
	server := newServer(s)
	go server.sweep()
	log.Printf("run page for %q on port %s: each run at most %v and %s of output, %d at a time",
		s.form.Name, s.port, s.limits.Time, sizeText(s.limits.OutputBytes), s.concurrency)
	httpServer := &http.Server{Addr: ":" + s.port, Handler: server.routes(), ReadHeaderTimeout: 10 * time.Second}
	log.Fatal(httpServer.ListenAndServe())
}

func load(args []string) (settings, error) {
	if len(args) > 0 && args[0] == "--" {
		args = args[1:]
	}
	if len(args) == 0 {
		return settings{}, fmt.Errorf("no program to run: start as dd-runner -- COMMAND [ARGS]")
	}
	form, err := readForm(env("DROPDEPLOY_RUN_FORM", "/opt/dropdeploy/run.json"))
	if err != nil {
		return settings{}, err
	}
	appDir, _ := os.Getwd()
	command, shown := programCommand(args)
	return settings{
		port:    env("PORT", "8080"),
		form:    form,
		command: command,
		shown:   shown,
		appDir:  appDir,
		runsDir: env("DROPDEPLOY_RUN_DIR", filepath.Join(os.TempDir(), "dropdeploy-runs")),
		limits: Limits{
			Time:        time.Duration(number("DROPDEPLOY_RUN_SECONDS", 30)) * time.Second,
			OutputBytes: number("DROPDEPLOY_RUN_OUTPUT_BYTES", 1<<20),
		},
		concurrency: int(number("DROPDEPLOY_RUN_CONCURRENCY", 2)),
		uploadBytes: number("DROPDEPLOY_RUN_UPLOAD_BYTES", 10<<20),
		keep:        15 * time.Minute,
	}, nil
}

// programCommand makes a shell-form command (an image's CMD written as text becomes sh -c "...") pass the
// run's arguments on to the program, which sh -c alone would drop; shown is the command as a person
// wrote it, for the page.
func programCommand(args []string) (command, shown []string) {
	if len(args) == 3 && (filepath.Base(args[0]) == "sh" || filepath.Base(args[0]) == "bash") && args[1] == "-c" {
		script := args[2]
		return []string{args[0], "-c", script + ` "$@"`, "program"}, strings.Fields(strings.TrimPrefix(script, "exec "))
	}
	return args, args
}

func env(name, fallback string) string {
	if value := os.Getenv(name); value != "" {
		return value
	}
	return fallback
}

func number(name string, fallback int64) int64 {
	value, err := strconv.ParseInt(os.Getenv(name), 10, 64)
	if err != nil || value <= 0 {
		return fallback
	}
	return value
}

func writeJSON(w http.ResponseWriter, status int, value any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(value)
}

func problem(w http.ResponseWriter, status int, message string) {
	writeJSON(w, status, map[string]string{"error": message})
}
