package main

import (
	"context"
	"strings"
	"testing"
	"time"
)

func runAfterTheClientLeft(t *testing.T, script string, follow bool) Event {
	t.Helper()
	saved := unattendedGrace
	unattendedGrace = 300 * time.Millisecond
	t.Cleanup(func() { unattendedGrace = saved })
	run, err := newRun(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // the stream broke before the program printed anything
	stop := make(chan struct{})
	defer close(stop)
	if follow {
		go func() {
			for {
				select {
				case <-stop:
					return
				case <-time.After(100 * time.Millisecond):
					run.wasAsked()
				}
			}
		}()
	}
	var end Event
	var out strings.Builder
	run.execute(ctx, []string{"sh", "-c", script}, nil, nil, "", Limits{Time: 10 * time.Second, OutputBytes: 1 << 20},
		func(e Event) {
			if e.Type == "end" {
				end = e
			} else if e.Stream == "stdout" {
				out.WriteString(e.Text)
			}
		})
	end.Text = out.String() // what the run printed, for the tests to read
	return end
}

func TestARunWhoseStreamBrokeFinishesWhileItsPageAsksForTheOutcome(t *testing.T) {
	end := runAfterTheClientLeft(t, "sleep 1; echo done", true)
	if end.StoppedBy != "" || end.ExitCode == nil || *end.ExitCode != 0 {
		t.Fatalf("the run was stopped by %q with exit code %v", end.StoppedBy, end.ExitCode)
	}
}

func TestARunNobodyFollowsAnyMoreIsStoppedAfterTheGrace(t *testing.T) {
	started := time.Now()
	end := runAfterTheClientLeft(t, "sleep 8", false)
	if end.StoppedBy != "the visitor left" {
		t.Fatalf("the run ended with %q", end.StoppedBy)
	}
	if time.Since(started) > 5*time.Second {
		t.Fatalf("the run went on for %s after its visitor left", time.Since(started))
	}
}

func TestAShortRunWhoseStreamBrokeKeepsItsOutput(t *testing.T) {
	end := runAfterTheClientLeft(t, "echo quick", false)
	if end.StoppedBy != "" || end.Text != "quick\n" {
		t.Fatalf("a run shorter than the grace was stopped by %q and printed %q", end.StoppedBy, end.Text)
	}
}
