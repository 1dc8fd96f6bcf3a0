package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/adrg/xdg"
	"github.com/pressend/pressend/checklist"
)

// Modes and hard conditions: accessible input, quick mode, --no-save,
// adviser mode, damaged files, no home folder, an unwritable data folder.

// Accessible mode needs no terminal: it reads answers from a pipe and, at
// the end of input, saves and exits 0. Each way of asking for it works.
func TestAccessibleWithoutTerminal(t *testing.T) {
	for _, tc := range []struct {
		env  []string
		args []string
	}{
		{nil, []string{"--accessible"}},
		{[]string{"ACCESSIBLE=1"}, nil},
		{[]string{"TERM=dumb"}, nil},
	} {
		c := newSandbox(t)
		o := c.runEnv(tc.env, "", tc.args...)
		c.want(o, 0, tc.args...)
		if strings.Contains(o.stderr, "needs a terminal") {
			t.Errorf("env %q args %q: refused as if interactive:\n%s", tc.env, tc.args, o.stderr)
		}
	}
	c := newSandbox(t)
	c.want(c.runEnv([]string{"ACCESSIBLE=0"}, ""), 1)
}

// Quick and full are two views of one audit: --quick starts a quick one,
// and never turns a full audit with answers into a quick one.
func TestQuickNeverHidesFullAnswers(t *testing.T) {
	c := newSandbox(t)
	profile := "1\n1\n1\n1\n2\n2\n2\n" // doctor, England, X, personal, no, no, no
	c.want(c.run(profile+"q\n", "--accessible", "--quick"), 0)
	if got := c.read("me").Mode; got != checklist.Quick {
		t.Fatalf("--quick on a new audit: mode %s", got)
	}
	c.want(c.run("q\n", "--accessible"), 0)
	if got := c.read("me").Mode; got != checklist.Quick {
		t.Fatalf("resuming without --quick changed the mode to %s", got)
	}
	// A full audit with answers stays full, and says why.
	c.saveAudit("full")
	o := c.run("q\n", "--accessible", "--quick", "--audit", "full")
	c.want(o, 0)
	if a := c.read("full"); a.Mode != checklist.Full || len(a.Answers) != 2 {
		t.Fatalf("--quick converted a full audit: mode %s, %d answers", a.Mode, len(a.Answers))
	}
	if !strings.Contains(o.stdout, "quick mode would hide answers") {
		t.Errorf("no explanation:\n%s", o.stdout)
	}
}

// --no-save runs a whole session and leaves nothing under the data or
// config folders.
func TestNoSaveWritesNothing(t *testing.T) {
	c := newSandbox(t)
	home := filepath.Dir(c.data)
	before := listFiles(t, home)
	o := c.run("1\n1\n1\n1\n2\n2\n2\ny\nn\n", "--accessible", "--no-save")
	c.want(o, 0)
	if !strings.Contains(o.stdout, "Nothing is being saved") {
		t.Errorf("--no-save does not say so:\n%s", o.stdout)
	}
	if after := listFiles(t, home); !slices.Equal(before, after) {
		t.Errorf("--no-save wrote files: %v", after)
	}
}

func listFiles(t *testing.T, root string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil {
			out = append(out, p)
		}
		return nil
	})
	return out
}

func TestAdviserNeedsAnAudit(t *testing.T) {
	c := newSandbox(t)
	o := c.run("", "--adviser", "--accessible")
	c.want(o, 2)
	if !strings.Contains(o.stderr, "--audit") {
		t.Errorf("adviser without --audit: %q", o.stderr)
	}
	o = c.runEnv([]string{"PRESSEND_ADVISER=1"}, "", "--accessible")
	c.want(o, 2)
	o = c.run("", "--adviser", "--accessible", "--audit", "jane.smith")
	if !strings.Contains(o.stderr, "looks like a person's name") {
		t.Errorf("no warning for a name: %q", o.stderr)
	}
}

func TestAuditsJSON(t *testing.T) {
	c := newSandbox(t)
	c.saveAudit("case-1")
	o := c.run("", "audits", "--format", "json")
	c.want(o, 0)
	var doc struct {
		Folder string
		Audits []map[string]any
	}
	if err := json.Unmarshal([]byte(o.stdout), &doc); err != nil || len(doc.Audits) != 1 {
		t.Fatalf("audits json: %v\n%s", err, o.stdout)
	}
	for _, k := range []string{"name", "updated", "answered", "total", "completed", "delete_after", "next_review"} {
		if _, ok := doc.Audits[0][k]; !ok {
			t.Errorf("audits json lacks %q", k)
		}
	}
	if u, _ := doc.Audits[0]["updated"].(string); u != "2026-11-23T10:00:00Z" {
		t.Errorf("updated = %q, want the RFC 3339 time the audit was saved", u)
	}
	c.want(c.run("", "audits", "--format", "xml"), 2)
}

func TestDamagedAudit(t *testing.T) {
	c := newSandbox(t)
	path := filepath.Join(c.data, "audits", "me.json")
	writeFile(t, path, "{not json")
	o := c.run("", "report")
	c.want(o, 1)
	for _, s := range []string{path, "damaged", "pressend --audit me"} {
		if !strings.Contains(o.stderr, s) {
			t.Errorf("damaged report: stderr lacks %q:\n%s", s, o.stderr)
		}
	}
	o = c.run("", "audits")
	c.want(o, 0)
	if !strings.Contains(o.stdout, "damaged") {
		t.Errorf("audits does not flag the damaged file:\n%s", o.stdout)
	}
	if got, _ := os.ReadFile(path); string(got) != "{not json" {
		t.Errorf("damaged file changed to %q", got)
	}

	// forget removes the file and the copies set aside.
	aside := filepath.Join(c.data, "audits", "me.damaged-20260101T000000.json")
	writeFile(t, aside, "{}")
	c.want(c.run("", "forget", "me", "--yes"), 0)
	for _, p := range []string{path, aside} {
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Errorf("%s still there after forget", p)
		}
	}
}

// With no home directory and no PRESSEND_DATA_DIR there is nowhere safe
// to keep audits: a clear error, exit 1.
func TestNoHome(t *testing.T) {
	if os.PathSeparator != '/' {
		t.Skip("HOME does not decide the data folder on Windows")
	}
	c := newSandbox(t)
	t.Setenv("HOME", "")
	t.Setenv("XDG_DATA_HOME", "")
	t.Setenv("PRESSEND_DATA_DIR", "")
	xdg.Reload()
	c.baseEnv = []string{"TERM=xterm"}
	for _, args := range [][]string{{"audits"}, {"report"}, {"--accessible"}} {
		o := c.run("", args...)
		c.want(o, 1, args...)
		if !strings.Contains(o.stderr, "PRESSEND_DATA_DIR") {
			t.Errorf("pressend %q: stderr does not say how to fix it:\n%s", args, o.stderr)
		}
	}
}

// TestUnwritableDataDirKeepsGoing: when the data folder cannot be used the
// user can still answer, is told at once that nothing is saved, gets the
// plan, and the exit code says it was not saved.
func TestUnwritableDataDirKeepsGoing(t *testing.T) {
	c := newSandbox(t)
	file := filepath.Join(t.TempDir(), "a-file")
	writeFile(t, file, "x")
	o := c.run("1\n1\n1\n1\n2\n2\n2\nn\nn\n", "--accessible", "--quick", "--data-dir", file)
	c.want(o, 1)
	if !strings.Contains(o.stdout, "Nothing is being saved") || !strings.Contains(o.stdout, "pressend action plan") {
		t.Errorf("unsaved session not explained or no plan:\n%s", o.stdout)
	}
	if !strings.Contains(o.stderr, "nothing was saved") || !strings.Contains(o.stderr, "--data-dir") {
		t.Errorf("exit message lacks the reason or the fix:\n%s", o.stderr)
	}
}
