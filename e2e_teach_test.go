package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestE2ETeachingSession runs a session as a room would: the facilitator
// makes a code, five students answer the first scenario (four from a pipe,
// one in the full-screen view), and the projector, watching the folder,
// shows round 1 only when revealed.
func TestE2ETeachingSession(t *testing.T) {
	bin := needE2E(t)
	t.Parallel()
	data, class := t.TempDir(), t.TempDir()
	env := append(os.Environ(), "PRESSEND_DATA_DIR="+data)
	out, err := exec.Command(bin, "teach", "session").Output()
	if err != nil {
		t.Fatal(err)
	}
	code := strings.TrimSpace(strings.TrimPrefix(strings.SplitN(string(out), "\n", 2)[0], "Session code:"))
	for i := range 4 {
		cmd := exec.Command(bin, "teach", "answer", code, "--accessible", "--out", class)
		cmd.Env = env
		cmd.Stdin = strings.NewReader(fmt.Sprintf("1\n%d\n3\n4\n", 1+i%2))
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("student %d: %v\n%s", i, err, out)
		}
	}

	tt := newTerm(t)
	tt.start(fmt.Sprintf("PRESSEND_DATA_DIR=%s %s teach answer %s --out %s", data, bin, code, class))
	tt.waitFor("Your profession")
	tt.keys("Enter")
	tt.waitFor("Round 1, on your own")
	tt.keys("b")
	tt.waitFor("Round 2, after discussion")
	tt.keys("c")
	tt.waitFor("How sure")
	tt.keys("s")
	tt.waitFor("Feedback")
	tt.keys("q")
	tt.waitFor("This is everything it holds")
	tt.waitFor("EXIT:0")
	files, _ := filepath.Glob(filepath.Join(class, "pressend-answers-*.json"))
	if len(files) != 5 {
		t.Fatalf("%d answers files, want 5", len(files))
	}

	tt.start(fmt.Sprintf("PRESSEND_DATA_DIR=%s %s teach present --session %s --collect %s", data, bin, code, class))
	tt.waitFor("Round 1: 5 answered")
	if s := tt.screen(); strings.Contains(s, "%") {
		t.Fatalf("results shown before the reveal:\n%s", s)
	}
	tt.keys("Space")
	tt.waitFor("Round 1  ")
	// The slide file is written in a command, which may finish just after
	// the screen shows the round: give it a moment.
	var slide []byte
	for end := time.Now().Add(5 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		slide, err = os.ReadFile(filepath.Join(data, "teach-slide.json"))
		if err == nil && strings.Contains(string(slide), `"phase":"round1"`) || time.Now().After(end) {
			break
		}
	}
	if err != nil || !strings.Contains(string(slide), `"phase":"round1"`) {
		t.Errorf("the slide file should say round 1 is shown: %v %s", err, slide)
	}
	tt.keys("q")
	tt.waitFor("EXIT:0")
}
