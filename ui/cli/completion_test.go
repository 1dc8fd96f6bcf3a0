package cli_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// complete runs cobra's hidden `__complete` command, as the shell scripts
// do on Tab, and returns the candidates and the directive (":4" is
// ShellCompDirectiveNoFileComp).
func (s *sandbox) complete(args ...string) ([]string, string) {
	s.t.Helper()
	o := s.must(s.run("", append([]string{"__complete"}, args...)...), 0, args...)
	lines := strings.Split(strings.TrimSpace(o.stdout), "\n")
	var out []string
	for _, l := range lines[:len(lines)-1] {
		name, _, _ := strings.Cut(l, "\t") // candidate<TAB>description
		out = append(out, name)
	}
	return out, lines[len(lines)-1]
}

func TestCompleteFormats(t *testing.T) {
	for cmd, want := range map[string][]string{
		"report":        {"text", "markdown", "json", "html", "ics"},
		"audits":        {"text", "json"},
		"teach deck":    {"text", "json"},
		"teach pool":    {"text", "json", "html"},
		"teach handout": {"markdown", "html"},
		"pack show":     {"yaml", "json"},
	} {
		s := newSandbox(t)
		args := append(strings.Fields(cmd), "--format", "")
		got, directive := s.complete(args...)
		if !slices.Equal(got, want) || directive != ":4" {
			t.Errorf("pressend %s --format <Tab>: %q %s, want %q :4", cmd, got, directive, want)
		}
	}
	// What has been typed narrows the list.
	s := newSandbox(t)
	if got, _ := s.complete("report", "--format", "m"); !slices.Equal(got, []string{"markdown"}) {
		t.Errorf("report --format m<Tab>: %q", got)
	}
}

// auditFiles makes a data folder holding two audits and files that are
// not audits, and returns it.
func auditFiles(t *testing.T, dir string) string {
	t.Helper()
	audits := filepath.Join(dir, "audits")
	for _, f := range []string{
		"me.json", "case-0142.json",
		"me.lock", ".me.json.tmp-123", "me.damaged-20260101T000000.json", "Not A Name.json", "notes.txt",
	} {
		putFile(t, filepath.Join(audits, f), "{}")
	}
	if err := os.Mkdir(filepath.Join(audits, "folder.json"), 0o700); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestCompleteAuditNames(t *testing.T) {
	t.Setenv("PRESSEND_DATA_DIR", "")
	s := newSandbox(t)
	home := strings.TrimPrefix(s.env[0], "HOME=")
	// The default data folder, from XDG_DATA_HOME.
	auditFiles(t, filepath.Join(home, "share", "pressend"))
	elsewhere := auditFiles(t, filepath.Join(t.TempDir(), "data"))
	putFile(t, filepath.Join(elsewhere, "audits", "member-7.json"), "{}")

	both := []string{"case-0142", "me"}
	for _, tc := range []struct {
		env  []string
		args []string
		want []string
	}{
		{nil, []string{"--audit", ""}, both},
		{nil, []string{"report", "--audit", ""}, both},
		{nil, []string{"report", "--audit", "c"}, []string{"case-0142"}},
		{nil, []string{"forget", ""}, both},
		{nil, []string{"forget", "m"}, []string{"me"}},
		{nil, []string{"forget", "me", ""}, nil},
		{nil, []string{"forget", "--due", ""}, nil},
		// --data-dir, wherever it is on the line, and PRESSEND_DATA_DIR.
		{nil, []string{"--data-dir", elsewhere, "forget", "m"}, []string{"me", "member-7"}},
		{nil, []string{"report", "--data-dir", elsewhere, "--audit", "mem"}, []string{"member-7"}},
		{[]string{"PRESSEND_DATA_DIR=" + elsewhere}, []string{"--audit", "mem"}, []string{"member-7"}},
	} {
		saved := s.env
		s.env = append(append([]string(nil), s.env...), tc.env...)
		got, directive := s.complete(tc.args...)
		s.env = saved
		if !slices.Equal(got, tc.want) || directive != ":4" {
			t.Errorf("%q pressend %q<Tab>: %q %s, want %q :4", tc.env, tc.args, got, directive, tc.want)
		}
	}
}

// Tab never creates the data folder, nor anything else.
func TestCompleteWritesNothing(t *testing.T) {
	t.Setenv("PRESSEND_DATA_DIR", "")
	s := newSandbox(t)
	home := strings.TrimPrefix(s.env[0], "HOME=")
	missing := filepath.Join(t.TempDir(), "not-yet")
	before := treeOf(t, home)
	for _, args := range [][]string{
		{"--audit", ""},
		{"forget", ""},
		{"report", "--audit", ""},
		{"--data-dir", missing, "forget", ""},
		{"report", "--format", ""},
	} {
		if got, _ := s.complete(args...); slices.ContainsFunc(got, func(c string) bool { return c == "me" }) {
			t.Errorf("pressend %q<Tab> offers an audit that does not exist: %q", args, got)
		}
	}
	if after := treeOf(t, home); !slices.Equal(before, after) {
		t.Errorf("completion changed HOME:\nbefore %q\nafter  %q", before, after)
	}
	if _, err := os.Stat(missing); !os.IsNotExist(err) {
		t.Errorf("completion created --data-dir: %v", err)
	}
}

func treeOf(t *testing.T, root string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(root, func(p string, _ fs.DirEntry, err error) error {
		if err == nil {
			out = append(out, p)
		}
		return nil
	})
	return out
}

func TestCompletionScripts(t *testing.T) {
	s := newSandbox(t)
	for _, shell := range []string{"bash", "zsh", "fish", "powershell"} {
		o := s.must(s.run("", "completion", shell), 0, shell)
		if !strings.Contains(o.stdout, "pressend") || !strings.Contains(o.stdout, "__complete") {
			t.Errorf("completion %s does not look like a %s script:\n%.300s", shell, shell, o.stdout)
		}
	}
	got, directive := s.complete("pack", "validate", "")
	if !slices.Equal(got, []string{"yaml", "yml"}) || directive != ":8" {
		t.Errorf("pack validate <Tab>: %q %s, want yaml and yml files (:8)", got, directive)
	}
	// Folders only (:16) for the flags that take one.
	for _, args := range [][]string{{"--data-dir", ""}, {"teach", "answer", "--out", ""}, {"teach", "present", "--collect", ""}} {
		if _, directive := s.complete(args...); directive != ":16" {
			t.Errorf("pressend %q<Tab>: directive %s, want folders (:16)", args, directive)
		}
	}
}

func putFile(t *testing.T, path, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
}
