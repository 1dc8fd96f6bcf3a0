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

// The end-to-end tests run the built binary in a real pseudo-terminal
// (a private tmux server). The binary is built once per run (TestMain), and
// each tmux server's socket lives in a temporary folder that is removed.
// Without tmux they are skipped on a developer's machine, but fail in CI
// (CI set), so a fresh machine cannot pass without running them.

// e2eBinary is the binary TestMain built, or "" when it was not built.
var e2eBinary string

func TestMain(m *testing.M) {
	os.Exit(runMain(m))
}

func runMain(m *testing.M) int {
	dir, err := os.MkdirTemp("", "pressend-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	bin := filepath.Join(dir, "pressend")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building pressend for the end-to-end tests: %v\n%s", err, out)
		return 1
	}
	e2eBinary = bin
	return m.Run()
}

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

// needE2E skips in -short runs and checks tmux is there.
func needE2E(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end test")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("tmux is not installed: the end-to-end tests cannot run (.ci/run installs it)")
		}
		t.Skip("tmux is not installed")
	}
	return e2eBinary
}

// term drives the binary inside a private tmux server: a real
// pseudo-terminal at a fixed size, whose screen we can read back.
type term struct {
	t    *testing.T
	dir  string
	sock string
	runs int
}

func newTerm(t *testing.T) *term {
	t.Helper()
	// A short folder: a Unix socket's path is limited to about 100 bytes.
	dir, err := os.MkdirTemp("", "pe2e")
	if err != nil {
		t.Fatal(err)
	}
	tt := &term{t: t, dir: dir}
	t.Cleanup(func() {
		tt.stop()
		os.RemoveAll(dir)
	})
	return tt
}

// stop ends the program the way a user would (Ctrl-C), waits for it to
// save and exit, then ends the tmux server, so nothing writes into a test's
// folders while they are being removed.
func (tt *term) stop() {
	if tt.sock == "" {
		return
	}
	_ = exec.Command("tmux", "-S", tt.sock, "send-keys", "-t", "e2e", "C-c").Run()
	for end := time.Now().Add(2 * time.Second); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		out, err := exec.Command("tmux", "-S", tt.sock, "capture-pane", "-p", "-t", "e2e").Output()
		if err != nil || strings.Contains(string(out), "EXIT:") {
			break
		}
	}
	_ = exec.Command("tmux", "-S", tt.sock, "kill-server").Run()
}

func (tt *term) tmux(args ...string) string {
	tt.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-S", tt.sock}, args...)...).CombinedOutput()
	if err != nil {
		tt.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// start runs a shell command in a fresh 80x24 window; the shell stays so
// the exit code and the printed plan can be read afterwards.
func (tt *term) start(cmd string) {
	tt.t.Helper()
	// Each run gets its own server: reusing a socket straight after
	// kill-server races with the old server's exit.
	tt.stop()
	tt.runs++
	tt.sock = filepath.Join(tt.dir, fmt.Sprintf("s%d", tt.runs))
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
		time.Sleep(15 * time.Millisecond)
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
	bin := needE2E(t)
	t.Parallel()
	data, conf := t.TempDir(), t.TempDir()
	env := fmt.Sprintf("env -u NO_COLOR PRESSEND_DATA_DIR=%s XDG_CONFIG_HOME=%s TERM=xterm-256color ", data, conf)
	tt := newTerm(t)

	tt.start(env + bin + " --quick")
	tt.waitFor("Your answers stay on this computer")
	tt.keys("Enter")
	tt.waitFor("What is your role?")
	tt.keys("Enter", "Enter") // Doctor, England
	tt.waitFor("Which platforms")
	tt.keys("Space")
	tt.waitFor("[✓] X")
	tt.keys("Enter")
	tt.waitFor("account is")
	tt.keys("Enter") // personal
	for _, q := range []string{"Do you show", "Do you publish", "official, practice"} {
		tt.waitFor(q)
		tt.keys("Enter") // no
	}
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
	if len(a.Answers) != 2 || a.Profile == nil || a.Profile.Accounts["x"] != checklist.Personal || a.Mode != checklist.Quick {
		t.Fatalf("saved audit: %d answers, profile %+v, mode %s", len(a.Answers), a.Profile, a.Mode)
	}

	// Resume: straight back to question 3, then finish.
	tt.start(env + bin)
	tt.waitFor("Question 3 of")
	ev := checklist.Evaluate(packForTest(t), a)
	for i := 2; i < ev.Rows; i++ {
		tt.keys("y")
		time.Sleep(30 * time.Millisecond)
	}
	tt.waitFor("Do this first")
	tt.keys("q")
	tt.waitFor("EXIT:0")
	if a := loadSaved(t, data); a.Completed == nil || len(a.Answers) != ev.Rows {
		t.Fatalf("audit not completed: %d of %d answers", len(a.Answers), ev.Rows)
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
	t.Parallel()
	data := t.TempDir()
	// Doctor, England, X, personal, three no's, then two answers and EOF.
	cmd := exec.Command(e2eBinary, "--accessible", "--quick")
	cmd.Env = append(os.Environ(), "PRESSEND_DATA_DIR="+data, "XDG_CONFIG_HOME="+t.TempDir(), "NO_COLOR=1")
	cmd.Stdin = strings.NewReader("1\n1\n1\n1\n2\n2\n2\nn\ny\n")
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
