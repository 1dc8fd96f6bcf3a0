package main

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/adrg/xdg"

	"github.com/pressend/pressend/checklist"
	"github.com/pressend/pressend/checklist/store"
	"github.com/pressend/pressend/content"
	"github.com/pressend/pressend/ui/cli"
)

// sandbox is one isolated pressend installation: its own data folder and
// config folder, so no test reads or writes the real HOME.
type sandbox struct {
	t       *testing.T
	data    string
	packs   string
	baseEnv []string
}

type outcome struct {
	code           int
	stdout, stderr string
}

func newSandbox(t *testing.T) *sandbox {
	t.Helper()
	// Registered before t.Setenv so it runs after the environment is
	// restored, leaving xdg as it found it for the next test.
	t.Cleanup(xdg.Reload)
	home := t.TempDir()
	cfg := filepath.Join(home, "config")
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", cfg)
	t.Setenv("XDG_DATA_HOME", filepath.Join(home, "share"))
	xdg.Reload()
	c := &sandbox{t: t, data: filepath.Join(home, "audits"), packs: filepath.Join(cfg, "pressend", "packs")}
	c.baseEnv = []string{"HOME=" + home, "TERM=xterm-256color", "PRESSEND_DATA_DIR=" + c.data}
	return c
}

// run executes pressend in-process with stdin as its (non-terminal) input.
func (c *sandbox) run(stdin string, args ...string) outcome {
	c.t.Helper()
	var stdout, stderr strings.Builder
	code := cli.Execute(context.Background(), cli.Env{
		Args: args, Stdin: strings.NewReader(stdin), Stdout: &stdout, Stderr: &stderr,
		Environ: c.baseEnv, Version: testVersion,
	})
	o := outcome{code, stdout.String(), stderr.String()}
	for _, s := range []string{o.stdout, o.stderr} {
		low := strings.ToLower(s)
		if strings.Contains(low, "panic") || strings.Contains(low, "goroutine") {
			c.t.Errorf("pressend %q printed a crash:\n%s", args, s)
		}
	}
	return o
}

func (c *sandbox) want(o outcome, code int, args ...string) {
	c.t.Helper()
	if o.code != code {
		c.t.Errorf("pressend %q: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", args, o.code, code, o.stdout, o.stderr)
	}
}

// saveAudit writes a partly answered audit the way the interactive
// command would, so report, audits and forget have something to read.
func (c *sandbox) saveAudit(name string) string {
	c.t.Helper()
	pack, err := content.Embedded()
	if err != nil {
		c.t.Fatal(err)
	}
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	a := checklist.NewAudit(name, pack, now)
	a.SetProfile(&checklist.Profile{
		Role: pack.Roles[0].ID, Nation: pack.Nations[0].ID,
		Accounts: map[string]checklist.AccountType{pack.Platforms[0].ID: checklist.Personal},
	}, now)
	keys := checklist.Keys(checklist.Questions(pack, a.Profile, checklist.Full))
	if len(keys) < 2 {
		c.t.Fatalf("only %d rows apply to the test profile", len(keys))
	}
	if err := a.SetAnswer(keys[0], checklist.No, "", now); err != nil {
		c.t.Fatal(err)
	}
	if err := a.SetAnswer(keys[1], checklist.Yes, "", now); err != nil {
		c.t.Fatal(err)
	}
	c.write(a)
	return filepath.Join(c.data, "audits", name+".json")
}

// write saves an audit as the store does.
func (c *sandbox) write(a *checklist.Audit) {
	c.t.Helper()
	st, err := store.OpenStore(c.data)
	if err != nil {
		c.t.Fatal(err)
	}
	s, err := st.OpenSession(a.Name)
	if err != nil {
		c.t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Load(); err != nil && !errors.Is(err, store.ErrNotFound) {
		c.t.Fatal(err)
	}
	if err := s.Save(a); err != nil {
		c.t.Fatal(err)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"--nope"},
		{"--audit"},
		{"report", "--format"},
		{"report", "--format", "pdf"},
		{"report", "--bogus"},
		{"pack", "show", "--format", "toml"},
		{"not-a-command"},
		{"report", "extra"},
		{"forget"},
		{"forget", "a", "b"},
		{"pack", "validate"},
		{"audits", "x"},
		{"--quick=maybe"},
		{"pack", "nope"},
	} {
		c := newSandbox(t)
		o := c.run("", args...)
		c.want(o, 2, args...)
		if !strings.Contains(o.stderr, "--help") {
			t.Errorf("pressend %q: stderr does not point to --help:\n%s", args, o.stderr)
		}
		if o.stdout != "" {
			t.Errorf("pressend %q: wrote to stdout on a usage error:\n%s", args, o.stdout)
		}
	}
}

func TestBadAuditNames(t *testing.T) {
	names := []string{"", "../x", "a/b", "..", strings.Repeat("a", 200)}
	for _, name := range names {
		for _, args := range [][]string{
			{"--audit", name},
			{"--audit=" + name, "--accessible"},
			{"report", "--audit", name},
			{"forget", name},
		} {
			c := newSandbox(t)
			o := c.run("", args...)
			c.want(o, 2, args...)
			// The message must say what is allowed, not only that it failed.
			if !strings.Contains(strings.ToLower(o.stderr), "letters") {
				t.Errorf("pressend %q: message does not say what names are allowed:\n%s", args, o.stderr)
			}
		}
	}
}

func TestNoTerminal(t *testing.T) {
	c := newSandbox(t)
	o := c.run("", "--audit", "me")
	c.want(o, 1)
	for _, s := range []string{"needs a terminal", "pressend --accessible", "pressend report"} {
		if !strings.Contains(o.stderr, s) {
			t.Errorf("no-terminal message lacks %q:\n%s", s, o.stderr)
		}
	}
	// Refused before anything was created.
	if _, err := os.Stat(c.data); !os.IsNotExist(err) {
		t.Errorf("data folder touched without a terminal: %v", err)
	}
}

func TestVersion(t *testing.T) {
	c := newSandbox(t)
	o := c.run("", "--version")
	c.want(o, 0)
	if !strings.Contains(o.stdout, testVersion) {
		t.Errorf("--version printed %q, want it to contain %q", o.stdout, testVersion)
	}
}

// testVersion is the version the in-process runs report, so a test can
// tell it from fang's fallbacks ("unknown", "dev").
const testVersion = "1.2.3-test"

func TestReportWithoutAudit(t *testing.T) {
	c := newSandbox(t)
	o := c.run("", "report")
	c.want(o, 1)
	want := "No saved audit named me in " + c.data
	if !strings.Contains(o.stderr, want) || !strings.Contains(o.stderr, "Run `pressend` to start one.") {
		t.Errorf("stderr = %q, want it to contain %q", o.stderr, want)
	}
	// A named audit's hint names it.
	o = c.run("", "report", "--audit", "member-0142")
	c.want(o, 1)
	if !strings.Contains(o.stderr, "Run `pressend --audit member-0142` to start one.") {
		t.Errorf("named audit hint: %q", o.stderr)
	}
}

func TestReportFormats(t *testing.T) {
	c := newSandbox(t)
	c.saveAudit("me")
	checks := map[string]func(string) bool{
		"":         func(s string) bool { return len(s) > 100 },
		"text":     func(s string) bool { return len(s) > 100 && !strings.Contains(s, "\x1b[") },
		"markdown": func(s string) bool { return strings.Contains(s, "# ") },
		"json":     func(s string) bool { var v map[string]any; return json.Unmarshal([]byte(s), &v) == nil },
		"html":     func(s string) bool { return strings.Contains(strings.ToLower(s), "<html") },
	}
	for format, ok := range checks {
		args := []string{"report"}
		if format != "" {
			args = append(args, "--format", format)
		}
		o := c.run("", args...)
		c.want(o, 0, args...)
		if !ok(o.stdout) {
			t.Errorf("pressend %q printed an unexpected report:\n%.400s", args, o.stdout)
		}
	}
}

func TestReportOutput(t *testing.T) {
	c := newSandbox(t)
	c.saveAudit("member-1")
	out := filepath.Join(t.TempDir(), "plan.json")
	// An existing file is never replaced without --force; with it, it is
	// replaced by a private one.
	if err := os.WriteFile(out, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	o := c.run("", "report", "--audit", "member-1", "--format", "json", "--output", out)
	c.want(o, 1)
	if got, _ := os.ReadFile(out); string(got) != "old" || !strings.Contains(o.stderr, "--force") {
		t.Fatalf("an existing file was replaced without --force: %q", o.stderr)
	}
	o = c.run("", "report", "--audit", "member-1", "--format", "json", "--output", out, "--force")
	c.want(o, 0)
	fi, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	if perm := fi.Mode().Perm(); perm != 0o600 && os.PathSeparator == '/' {
		t.Errorf("report written with mode %v, want 0600", perm)
	}
	if o.stdout != "" {
		t.Errorf("report went to stdout as well as the file:\n%.200s", o.stdout)
	}
	if data, _ := os.ReadFile(out); !json.Valid(data) {
		t.Errorf("report file is not the JSON report: %.200s", data)
	}

	dir := t.TempDir()
	o = c.run("", "report", "--audit", "member-1", "--output", dir)
	c.want(o, 1)
	if !strings.Contains(o.stderr, "folder") {
		t.Errorf("writing over a folder: stderr = %q", o.stderr)
	}
	// A missing folder is named as such, never as a temporary file.
	missing := filepath.Join(dir, "nope", "plan.txt")
	o = c.run("", "report", "--audit", "member-1", "--output", missing)
	c.want(o, 1)
	if !strings.Contains(o.stderr, "the folder "+filepath.Dir(missing)+" does not exist") || strings.Contains(o.stderr, ".tmp") {
		t.Errorf("missing folder: stderr = %q", o.stderr)
	}
	// The audit's path is in a report only when asked for.
	if o := c.run("", "report", "--audit", "member-1"); strings.Contains(o.stdout, c.data) {
		t.Error("the report shows the audit's path without --show-path")
	}
	if o := c.run("", "report", "--audit", "member-1", "--show-path"); !strings.Contains(o.stdout, "member-1.json") {
		t.Error("--show-path did not show the path")
	}
}

func TestAuditsAndForget(t *testing.T) {
	c := newSandbox(t)
	o := c.run("", "audits")
	c.want(o, 0)
	if want := "No saved audits in " + c.data + "."; !strings.Contains(o.stdout, want) {
		t.Errorf("audits with none: %q, want %q", o.stdout, want)
	}

	o = c.run("", "forget", "me")
	c.want(o, 1)
	if !strings.Contains(o.stderr, "No saved audit named me") {
		t.Errorf("forget missing: stderr = %q", o.stderr)
	}

	path := c.saveAudit("me")
	o = c.run("", "audits")
	c.want(o, 0)
	if !strings.Contains(o.stdout, "me") || !strings.Contains(o.stdout, c.data) {
		t.Errorf("audits listing lacks the audit or the folder:\n%s", o.stdout)
	}

	// stdin is not a terminal: nothing is deleted without --yes.
	o = c.run("y\n", "forget", "me")
	c.want(o, 2)
	if _, err := os.Stat(path); err != nil || !strings.Contains(o.stderr, "--yes") {
		t.Fatalf("forget without a terminal or --yes: %v\n%s", err, o.stderr)
	}
	o = c.run("", "forget", "me", "--yes")
	c.want(o, 0)
	if !strings.Contains(o.stdout, "Deleted audit me") {
		t.Errorf("forget did not say what it deleted:\n%s", o.stdout)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("audit file still there after forget: %v", err)
	}
	c.want(c.run("", "report"), 1)
}

func TestDataDirProblems(t *testing.T) {
	c := newSandbox(t)
	file := filepath.Join(t.TempDir(), "a-file")
	writeFile(t, file, "x")
	for _, args := range [][]string{
		{"audits", "--data-dir", file},
		{"report", "--data-dir", filepath.Join(file, "below")},
	} {
		o := c.run("", args...)
		c.want(o, 1, args...)
		if o.stderr == "" {
			t.Errorf("pressend %q failed without saying why", args)
		}
	}
}

func writeFile(t *testing.T, path, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
}

// runEnv is run with extra environment variables for pressend.
func (c *sandbox) runEnv(extra []string, stdin string, args ...string) outcome {
	c.t.Helper()
	saved := c.baseEnv
	c.baseEnv = append(append([]string(nil), saved...), extra...)
	defer func() { c.baseEnv = saved }()
	return c.run(stdin, args...)
}

func (c *sandbox) read(name string) *checklist.Audit {
	c.t.Helper()
	st, err := store.OpenStore(c.data)
	if err != nil {
		c.t.Fatal(err)
	}
	a, err := st.Read(name)
	if err != nil {
		c.t.Fatal(err)
	}
	return a
}
