package main

import (
	"fmt"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pressend/pressend/checklist"
	"github.com/pressend/pressend/checklist/store"
)

// seedAudit saves an audit with a finished profile, so a test can start
// straight at the questions.
func seedAudit(t *testing.T, dir string) {
	t.Helper()
	st, err := store.OpenStore(dir)
	if err != nil {
		t.Fatal(err)
	}
	s, err := st.OpenSession("me")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Load(); err == nil {
		t.Fatal("seeding over an existing audit")
	}
	a := checklist.NewAudit("me", packForTest(t), time.Now())
	a.SetProfile(&checklist.Profile{Role: "nurse", Nation: "wales", Accounts: map[string]checklist.AccountType{"x": checklist.Personal}}, time.Now())
	if err := s.Save(a); err != nil {
		t.Fatal(err)
	}
}

// pidOf finds the process whose command line starts with prefix: the
// binary and its arguments, which include the test's own data folder, so
// tests running side by side never signal each other's process.
func pidOf(t *testing.T, prefix string) string {
	t.Helper()
	for end := time.Now().Add(5 * time.Second); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		out, _ := exec.Command("pgrep", "-f", "^"+regexp.QuoteMeta(prefix)).Output()
		if f := strings.Fields(string(out)); len(f) > 0 {
			return f[0]
		}
	}
	t.Fatalf("no process for %s", prefix)
	return ""
}

// TestE2ESignalsSaveAndRestore answers one question, then ends the program
// with SIGTERM, SIGHUP or Ctrl-C: each must keep the answer, exit 0 and
// give the terminal back.
func TestE2ESignalsSaveAndRestore(t *testing.T) {
	bin := needE2E(t)
	t.Parallel()
	if _, err := exec.LookPath("pgrep"); err != nil {
		t.Skip("pgrep is not installed")
	}
	for _, sig := range []string{"TERM", "HUP", "ctrl+c"} {
		t.Run(sig, func(t *testing.T) {
			data := t.TempDir()
			seedAudit(t, data)
			tt := newTerm(t)
			command := fmt.Sprintf("%s --data-dir %s", bin, data)
			tt.start(fmt.Sprintf("XDG_CONFIG_HOME=%s TERM=xterm-256color %s", t.TempDir(), command))
			tt.waitFor("Question 1 of")
			tt.keys("n")
			tt.waitFor("Question 2 of")
			if sig == "ctrl+c" {
				tt.keys("C-c")
			} else if out, err := exec.Command("kill", "-"+sig, pidOf(t, command)).CombinedOutput(); err != nil {
				t.Fatalf("kill: %v %s", err, out)
			}
			tt.waitFor("EXIT:0")
			if strings.Contains(tt.screen(), "Question 2 of") {
				t.Error("the alternate screen was not left: terminal not restored")
			}
			a := loadSaved(t, data)
			if len(a.Answers) != 1 {
				t.Fatalf("answers after %s: %d, want 1", sig, len(a.Answers))
			}
		})
	}
}

// TestE2ESecondWindowIsReadOnly opens the same audit twice: the second
// window says so, where the lock is, and saves nothing.
func TestE2ESecondWindowIsReadOnly(t *testing.T) {
	bin := needE2E(t)
	t.Parallel()
	data, conf := t.TempDir(), t.TempDir()
	seedAudit(t, data)
	cmd := fmt.Sprintf("PRESSEND_DATA_DIR=%s XDG_CONFIG_HOME=%s TERM=xterm-256color %s", data, conf, bin)
	first, second := newTerm(t), newTerm(t)
	first.start(cmd)
	first.waitFor("Question 1 of")
	second.start(cmd)
	second.waitFor("Read-only")
	if !strings.Contains(second.screen(), "another pressend window") {
		t.Fatalf("second window does not explain:\n%s", second.screen())
	}
	second.keys("y")
	second.waitFor("answers can't be changed in this window")
	second.keys("q")
	second.waitFor("EXIT:0")
	if strings.Contains(second.screen(), "saved") {
		t.Errorf("the read-only window claims to have saved:\n%s", second.screen())
	}
	if a := loadSaved(t, data); len(a.Answers) != 0 {
		t.Fatal("the read-only window saved an answer")
	}
	first.keys("n")
	first.waitFor("Question 2 of")
	first.keys("q")
	first.waitFor("EXIT:0")
	if a := loadSaved(t, data); len(a.Answers) != 1 {
		t.Fatal("the first window's answer was lost")
	}
}
