package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pressend/pressend/checklist"
	"github.com/pressend/pressend/content"
)

// packForTest loads the embedded pack, as the binary does with no custom
// packs installed.
func packForTest(t *testing.T) *checklist.Pack {
	t.Helper()
	p, err := content.Embedded()
	if err != nil {
		t.Fatalf("embedded pack: %v", err)
	}
	return p
}

// buildBinary builds pressend once per test run into a temporary folder.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "pressend")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

// term drives the binary inside a private tmux server: a real
// pseudo-terminal at a fixed size, whose screen we can read back.
type term struct {
	t    *testing.T
	sock string
	runs int
}

func newTerm(t *testing.T) *term {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	tt := &term{t: t}
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", tt.sock, "kill-server").Run() })
	return tt
}

func (tt *term) tmux(args ...string) string {
	tt.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", tt.sock}, args...)...).CombinedOutput()
	if err != nil {
		tt.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// start runs a shell command in a fresh 80x24 window; the shell stays so
// the exit code and the printed plan can be read afterwards.
func (tt *term) start(cmd string) {
	tt.t.Helper()
	// Each run gets its own private server: reusing a socket straight after
	// kill-server races with the old server's exit.
	if tt.sock != "" {
		_ = exec.Command("tmux", "-L", tt.sock, "kill-server").Run()
	}
	tt.runs++
	tt.sock = fmt.Sprintf("pressend-e2e-%d-%d-%d", os.Getpid(), time.Now().UnixNano(), tt.runs)
	tt.tmux("new-session", "-d", "-x", "80", "-y", "24", "-s", "e2e", "sh", "-c", cmd+"; echo EXIT:$?; sleep 60")
}

func (tt *term) screen() string { return tt.tmux("capture-pane", "-p", "-t", "e2e", "-S", "-400") }

func (tt *term) waitFor(s string) {
	tt.t.Helper()
	end := time.Now().Add(10 * time.Second)
	for !strings.Contains(tt.screen(), s) {
		if time.Now().After(end) {
			tt.t.Fatalf("timed out waiting for %q; screen:\n%s", s, tt.screen())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func (tt *term) keys(k ...string) { tt.tmux(append([]string{"send-keys", "-t", "e2e"}, k...)...) }

func loadSaved(t *testing.T, dir string) *checklist.Audit {
	t.Helper()
	path := filepath.Join(dir, "audits", "me.json")
	st, err := os.Stat(path)
	if err != nil {
		t.Fatalf("no saved audit: %v", err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("audit file mode = %v, want 0600", st.Mode().Perm())
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var a checklist.Audit
	if err := json.Unmarshal(data, &a); err != nil {
		t.Fatalf("saved audit is not JSON: %v", err)
	}
	return &a
}

// TestE2EAuditQuitResume answers part of a quick audit in a real terminal,
// quits, checks the printed plan and the saved file, resumes where it
// stopped, finishes, and comes back to the finished-audit menu.
func TestE2EAuditQuitResume(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test")
	}
	bin := buildBinary(t)
	data, conf := t.TempDir(), t.TempDir()
	env := fmt.Sprintf("env -u NO_COLOR PRESSEND_DATA_DIR=%s XDG_CONFIG_HOME=%s TERM=xterm-256color ", data, conf)
	tt := newTerm(t)

	tt.start(env + bin + " --quick")
	tt.waitFor("Your answers stay on this computer")
	tt.keys("Enter")
	tt.waitFor("What is your role?")
	tt.keys("Enter") // Doctor
	tt.waitFor("Where do you practise")
	tt.keys("Enter") // England
	tt.waitFor("Which platforms")
	tt.keys("Space", "Enter") // X
	tt.waitFor("Do you show you are a health professional")
	tt.keys("n")
	tt.waitFor("Do you publish")
	tt.keys("n")
	tt.waitFor("official, practice or department")
	tt.keys("n")
	tt.waitFor("account is")
	tt.keys("Enter") // personal
	tt.waitFor("Question 1 of")
	tt.keys("n")
	tt.waitFor("Question 2 of")
	tt.keys("y")
	tt.waitFor("Question 3 of")
	tt.keys("q")
	tt.waitFor("EXIT:0")
	out := tt.screen()
	for _, want := range []string{"pressend action plan", "Do this first", "not legal advice"} {
		if !strings.Contains(out, want) {
			t.Errorf("printed plan lacks %q:\n%s", want, out)
		}
	}
	a := loadSaved(t, data)
	if len(a.Answers) != 2 || a.Profile == nil || a.Profile.Accounts["x"] != checklist.Personal {
		t.Fatalf("saved audit: %d answers, profile %+v", len(a.Answers), a.Profile)
	}

	// Resume: straight back to question 3, then finish.
	tt.start(env + bin)
	tt.waitFor("Question 3 of")
	total := len(checklist.Questions(packForTest(t), a.Profile, true))
	for i := 3; i <= total; i++ {
		tt.waitFor(fmt.Sprintf("Question %d of", i))
		tt.keys("y")
	}
	tt.waitFor("Do this first")
	tt.keys("q")
	tt.waitFor("EXIT:0")
	if a := loadSaved(t, data); a.Completed == nil || len(a.Answers) != total {
		t.Fatalf("audit not completed: %d of %d answers", len(a.Answers), total)
	}

	// A finished audit offers review, plan or re-audit.
	tt.start(env + bin)
	tt.waitFor("Start a re-audit")
	tt.keys("q")
	tt.waitFor("EXIT:0")
}

// TestE2EAccessiblePipe feeds the accessible mode from a pipe.
func TestE2EAccessiblePipe(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test")
	}
	bin := buildBinary(t)
	data := t.TempDir()
	// Doctor, England, tick the first platform (X), done, three no's for
	// the screening questions, X personal, then two answers and EOF.
	cmd := exec.Command(bin, "--accessible", "--quick")
	cmd.Env = append(os.Environ(), "PRESSEND_DATA_DIR="+data, "XDG_CONFIG_HOME="+t.TempDir(), "NO_COLOR=1")
	cmd.Stdin = strings.NewReader("1\n1\n1\n0\nn\nn\nn\n1\nn\ny\n")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("accessible run failed: %v\n%s", err, out)
	}
	if strings.Contains(string(out), "\x1b[") {
		t.Error("colour codes printed despite NO_COLOR")
	}
	for _, want := range []string{"What is your role?", "End of input", "pressend action plan"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if a := loadSaved(t, data); len(a.Answers) != 2 {
		t.Fatalf("saved %d answers, want 2", len(a.Answers))
	}
}
