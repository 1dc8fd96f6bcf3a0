package cli_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/adrg/xdg"

	"github.com/pressend/pressend/ui/cli"
)

// These tests run the teach commands in-process through cli.Execute, as
// main_test.go does for the rest, in a sandbox HOME so no real config or
// custom pack is read. They read the deck through `teach deck --format
// json` rather than from the YAML, so they hold whatever the deck says.

type sandbox struct {
	t   *testing.T
	env []string
}

type outcome struct {
	code           int
	stdout, stderr string
}

func newSandbox(t *testing.T) *sandbox {
	t.Helper()
	t.Cleanup(xdg.Reload)
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, "config"))
	t.Setenv("XDG_DATA_HOME", filepath.Join(home, "share"))
	xdg.Reload()
	return &sandbox{t: t, env: []string{"HOME=" + home, "TERM=xterm-256color"}}
}

func (s *sandbox) run(stdin string, args ...string) outcome {
	s.t.Helper()
	var out, errb strings.Builder
	code := cli.Execute(context.Background(), cli.Env{
		Args: args, Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Environ: s.env, Version: "test",
	})
	o := outcome{code, out.String(), errb.String()}
	if strings.Contains(o.stderr, "goroutine ") || strings.Contains(o.stdout, "goroutine ") {
		s.t.Fatalf("pressend %q crashed:\n%s", args, o.stderr)
	}
	return o
}

func (s *sandbox) must(o outcome, code int, args ...string) outcome {
	s.t.Helper()
	if o.code != code {
		s.t.Fatalf("pressend %q: exit %d, want %d\nstdout:\n%.2000s\nstderr:\n%s", args, o.code, code, o.stdout, o.stderr)
	}
	return o
}

func (s *sandbox) do(stdin string, code int, args ...string) outcome {
	s.t.Helper()
	return s.must(s.run(stdin, args...), code, args...)
}

var sessionLine = regexp.MustCompile(`Session code: ([A-Z0-9]{3}-[A-Z0-9]{3})`)

func (s *sandbox) session() string {
	s.t.Helper()
	o := s.do("", 0, "teach", "session")
	m := sessionLine.FindStringSubmatch(o.stdout)
	if m == nil {
		s.t.Fatalf("no session code in:\n%s", o.stdout)
	}
	return m[1]
}

type deckEntry struct {
	ID      string   `json:"id"`
	Type    string   `json:"type"`
	Options []string `json:"options"`
}

type deckList struct {
	Version   string      `json:"version"`
	Scenarios []deckEntry `json:"scenarios"`
	Checks    []deckEntry `json:"checks"`
}

func (e deckEntry) choices() int {
	if e.Type == "scale" {
		return 5
	}
	return len(e.Options)
}

func (s *sandbox) deck() deckList {
	s.t.Helper()
	var d deckList
	o := s.do("", 0, "teach", "deck", "--format", "json")
	if err := json.Unmarshal([]byte(o.stdout), &d); err != nil {
		s.t.Fatal(err)
	}
	if len(d.Scenarios) == 0 {
		s.t.Fatal("the deck has no scenarios")
	}
	return d
}

// script is one student's typed answers, and what they should add up to.
type script struct {
	input string
	r1    map[string]int
	r2    map[string]int
}

func studentScript(d deckList, i, scenarios int) script {
	sc := script{r1: map[string]int{}, r2: map[string]int{}}
	var b strings.Builder
	fmt.Fprintf(&b, "%d\n", i%3) // a profession, or prefer not to say
	for j, e := range d.Scenarios {
		if j == scenarios {
			// The class stops here, as a session does when time is up:
			// the input ends and the answers so far are saved.
			sc.input = b.String()
			return sc
		}
		n := e.choices()
		a1, a2 := (i+j)%n+1, (i*7+j)%n+1
		sc.r1[e.ID], sc.r2[e.ID] = a1, a2
		conf := ""
		if c := (i + j) % 6; c > 0 {
			conf = fmt.Sprint(c)
		}
		fmt.Fprintf(&b, "%d\n%d\n%s\n", a1, a2, conf)
	}
	for j, e := range d.Checks {
		a := (i*3+j)%e.choices() + 1
		sc.r1[e.ID] = a
		fmt.Fprintf(&b, "%d\n", a)
	}
	sc.input = b.String()
	return sc
}

type pooled struct {
	Session   string `json:"session"`
	Responses int    `json:"responses"`
	Rejected  []struct {
		File   string `json:"file"`
		Reason string `json:"reason"`
	} `json:"rejected"`
	Scenarios []struct {
		ID     string `json:"id"`
		Rounds []struct {
			Round  int `json:"round"`
			Total  int `json:"total"`
			Counts []struct {
				Count      *int `json:"count"`
				Suppressed bool `json:"suppressed"`
			} `json:"counts"`
		} `json:"rounds"`
	} `json:"scenarios"`
}

// TestClassOf40 runs the accessible student flow for 40 scripted students
// into one folder, adds a copy of one file and a file from another
// session, and pools: exactly 40 responses, both extras refused, and
// every count that is shown equals what the scripts typed.
func TestClassOf40(t *testing.T) {
	s := newSandbox(t)
	d := s.deck()
	code := s.session()
	dir := t.TempDir()
	want1, want2 := map[string][]int{}, map[string][]int{}
	for _, e := range d.Scenarios {
		want1[e.ID], want2[e.ID] = make([]int, e.choices()), make([]int, e.choices())
	}
	// One student answers the whole deck, checks included; the other 39
	// answer the first three scenarios, as a session's time allows. Every
	// answer is a synced write, so 40 whole decks would take most of the
	// suite's time without testing anything more.
	const covered = 3
	for i := range 40 {
		n := covered
		if i == 0 {
			n = len(d.Scenarios)
		}
		sc := studentScript(d, i, n)
		o := s.do(sc.input, 0, "teach", "answer", code, "--accessible", "--out", dir)
		if !strings.Contains(o.stdout, "This is everything it holds:") || !strings.Contains(o.stdout, `"format": "pressend.teach.answers/v1"`) {
			t.Fatalf("student %d was not shown their file:\n%.3000s", i, o.stdout)
		}
		for id, v := range sc.r1 {
			if w, ok := want1[id]; ok {
				w[v-1]++
				want2[id][sc.r2[id]-1]++
			}
		}
	}
	files, _ := filepath.Glob(filepath.Join(dir, "pressend-answers-*.json"))
	if len(files) != 40 {
		t.Fatalf("%d answers files, want 40", len(files))
	}
	for _, f := range files {
		fi, _ := os.Stat(f)
		if fi.Mode().Perm() != 0o600 && os.PathSeparator == '/' {
			t.Errorf("%s has mode %v", f, fi.Mode().Perm())
		}
	}
	data, _ := os.ReadFile(files[7])
	os.WriteFile(filepath.Join(dir, "copy-of-a-student.json"), data, 0o600)
	other := s.session()
	for other == code {
		other = s.session()
	}
	otherDir := t.TempDir()
	s.do("1\n1\n", 0, "teach", "answer", other, "--accessible", "--out", otherDir)
	stray, _ := filepath.Glob(filepath.Join(otherDir, "*.json"))
	otherData, _ := os.ReadFile(stray[0])
	os.WriteFile(filepath.Join(dir, "another-session.json"), otherData, 0o600)

	o := s.do("", 0, "teach", "pool", "--session", code, "--format", "json", dir)
	var r pooled
	if err := json.Unmarshal([]byte(o.stdout), &r); err != nil {
		t.Fatal(err)
	}
	if r.Responses != 40 {
		t.Errorf("%d responses, want 40", r.Responses)
	}
	// Folders are read in name order, so the copy is read before the
	// original and the original is the one refused; either way one of the
	// pair counts and the other is named as its duplicate.
	dup := filepath.Base(files[7])
	reasons := map[string]string{}
	for _, rj := range r.Rejected {
		reasons[filepath.Base(rj.File)] = rj.Reason
	}
	if len(r.Rejected) != 2 || !strings.Contains(reasons[dup], "duplicate of "+filepath.Join(dir, "copy-of-a-student.json")) ||
		!strings.Contains(reasons["another-session.json"], "another session") {
		t.Errorf("rejected %+v", r.Rejected)
	}
	for _, name := range []string{dup, "another-session.json"} {
		if !strings.Contains(o.stderr, name+": ") {
			t.Errorf("stderr does not give %s a reason:\n%s", name, o.stderr)
		}
	}
	shown := 0
	for j, q := range r.Scenarios {
		class := 40
		if j >= covered {
			class = 1
		}
		for _, rd := range q.Rounds {
			want := want1[q.ID]
			if rd.Round == 2 {
				want = want2[q.ID]
			}
			if rd.Total != class {
				t.Errorf("%s round %d: %d answered, want %d", q.ID, rd.Round, rd.Total, class)
			}
			for k, c := range rd.Counts {
				switch {
				case c.Suppressed && c.Count != nil:
					t.Errorf("%s round %d option %d: suppressed but the count is there", q.ID, rd.Round, k+1)
				case !c.Suppressed && (c.Count == nil || *c.Count != want[k]):
					t.Errorf("%s round %d option %d: %v, want %d", q.ID, rd.Round, k+1, c.Count, want[k])
				case !c.Suppressed:
					shown++
				}
			}
		}
	}
	if shown == 0 {
		t.Error("no count was shown at all: the class test checks nothing")
	}
	// The text view and the page pool the same folder.
	text := s.do("", 0, "teach", "pool", "--session", code, dir)
	if !strings.Contains(text.stdout, "40 responses") || !strings.Contains(text.stdout, "Round 2") {
		t.Errorf("text results:\n%.1500s", text.stdout)
	}
	html := s.do("", 0, "teach", "pool", "--session", code, "--format", "html", dir)
	if !strings.Contains(html.stdout, "<!DOCTYPE html>") || !strings.Contains(html.stdout, "40 responses") {
		t.Errorf("html results:\n%.500s", html.stdout)
	}
	// Without --session the first valid file sets it, and stderr says so.
	auto := s.run("", "teach", "pool", "--format", "json", dir)
	if !strings.Contains(auto.stderr, "Pooling session ") || !strings.Contains(auto.stderr, "Use --session") {
		t.Errorf("inferred session not announced:\n%s", auto.stderr)
	}
}

func TestTeachCommands(t *testing.T) {
	s := newSandbox(t)
	d := s.deck()
	code := s.session()

	o := s.do("", 0, "teach", "session")
	for _, want := range []string{"pressend teach answer", "pressend teach pool --session", "pressend teach handout"} {
		if !strings.Contains(o.stdout, want) {
			t.Errorf("session output lacks %q:\n%s", want, o.stdout)
		}
	}
	text := s.do("", 0, "teach", "deck")
	if !strings.Contains(text.stdout, d.Version) || !strings.Contains(text.stdout, " 1. "+d.Scenarios[0].ID+" (") {
		t.Errorf("deck listing:\n%.800s", text.stdout)
	}

	// Usage mistakes exit 2 and say what to do.
	for _, args := range [][]string{
		{"teach", "answer"},
		{"teach", "answer", "OOOOOO", "--accessible"},
		{"teach", "answer", code[:5], "--accessible"},
		{"teach", "deck", "--format", "yaml"},
		{"teach", "pool"},
		{"teach", "pool", "--format", "csv", "."},
		{"teach", "pool", "--min-count", "0", "."},
		{"teach", "pool", "--session", "ACDEFG", "."},
		{"teach", "handout", "--format", "pdf"},
		{"teach", "nonsense"},
	} {
		o := s.run("", args...)
		if o.code != 2 || !strings.Contains(o.stderr, "pressend") {
			t.Errorf("pressend %q: exit %d, stderr %q; want 2 with help", args, o.code, o.stderr)
		}
	}
	if o := s.run("", "teach", "answer", "OOOOOO", "--accessible"); !strings.Contains(o.stderr, "mistaken for another character") {
		t.Errorf("look-alike code: %s", o.stderr)
	}

	// Without --accessible and without a terminal: say how.
	dir := t.TempDir()
	o = s.do("1\n", 1, "teach", "answer", code, "--out", dir)
	if !strings.Contains(o.stderr, "--accessible") {
		t.Errorf("no-terminal message: %s", o.stderr)
	}
	// ACCESSIBLE=1 works like the flag, and a code typed with a space is
	// one code.
	s.env = append(s.env, "ACCESSIBLE=1")
	o = s.do("0\n1\n", 0, "teach", "answer", strings.ToLower(code[:3]), code[4:], "--out", dir)
	if !strings.Contains(o.stdout, "This is everything it holds") {
		t.Errorf("ACCESSIBLE=1 did not give plain prompts:\n%.500s", o.stdout)
	}
	s.env = s.env[:len(s.env)-1]
	o = s.do("", 1, "teach", "answer", code, "--accessible", "--out", filepath.Join(dir, "missing"))
	if !strings.Contains(o.stderr, "does not exist") || !strings.Contains(o.stderr, "--out") {
		t.Errorf("missing --out folder: %s", o.stderr)
	}
	// End of input before any answer: exit 0 and nothing saved.
	empty := t.TempDir()
	o = s.do("", 0, "teach", "answer", code, "--accessible", "--out", empty)
	if files, _ := os.ReadDir(empty); len(files) != 0 || !strings.Contains(o.stdout, "nothing was saved") {
		t.Errorf("empty input left %d files:\n%s", len(files), o.stdout)
	}

	// Pooling nothing valid is a runtime error with a next step.
	junk := t.TempDir()
	os.WriteFile(filepath.Join(junk, "x.json"), []byte("{}"), 0o600)
	o = s.do("", 1, "teach", "pool", junk)
	if !strings.Contains(o.stderr, "x.json: ") || !strings.Contains(o.stderr, "no answers to pool") {
		t.Errorf("pooling junk: %s", o.stderr)
	}

	// Answer codes pasted in a chat.
	chat := strings.Builder{}
	chat.WriteString("Facilitator: paste your final codes please\n")
	for i := range 6 {
		sc := studentScript(d, i, len(d.Scenarios))
		o := s.do(sc.input, 0, "teach", "answer", code, "--accessible", "--out", t.TempDir())
		m := regexp.MustCompile(`Your final answer code[^:]*:\s+(PS-[A-Z0-9-]+)`).FindStringSubmatch(o.stdout)
		if m == nil {
			t.Fatalf("no final code:\n%.300s", o.stdout[max(0, len(o.stdout)-2000):])
		}
		fmt.Fprintf(&chat, "10:0%d Student %d: here %s thanks!\n", i, i, m[1])
		if i == 2 {
			fmt.Fprintf(&chat, "10:0%d Student %d: again %s\n", i, i, m[1])
		}
	}
	chat.WriteString("PS-AAAA-nonsense and PS: done\n")
	o = s.do(chat.String(), 0, "teach", "pool", "--paste", "--format", "json")
	var r pooled
	if err := json.Unmarshal([]byte(o.stdout), &r); err != nil {
		t.Fatal(err)
	}
	if r.Responses != 6 || len(r.Rejected) != 2 {
		t.Errorf("paste: %d responses, rejected %+v", r.Responses, r.Rejected)
	}

	// The handout, with and without results, and --output rules.
	results := filepath.Join(t.TempDir(), "results.json")
	os.WriteFile(results, []byte(o.stdout), 0o600)
	md := s.do("", 0, "teach", "handout")
	if !strings.Contains(md.stdout, "# Teaching handout") || !strings.Contains(md.stdout, "## Sources") {
		t.Errorf("markdown handout:\n%.500s", md.stdout)
	}
	out := filepath.Join(t.TempDir(), "handout.html")
	s.do("", 0, "teach", "handout", "--format", "html", "--results", results, "--output", out)
	page, _ := os.ReadFile(out)
	if !strings.Contains(string(page), "Class results") || !strings.Contains(string(page), "6 students") {
		t.Errorf("handout with results:\n%.500s", page)
	}
	if fi, _ := os.Stat(out); fi.Mode().Perm() != 0o600 && os.PathSeparator == '/' {
		t.Errorf("handout mode %v", fi.Mode().Perm())
	}
	o = s.do("", 1, "teach", "handout", "--output", out)
	if !strings.Contains(o.stderr, "already exists") || !strings.Contains(o.stderr, "--force") {
		t.Errorf("overwrite without --force: %s", o.stderr)
	}
	s.do("", 0, "teach", "handout", "--output", out, "--force")
	os.WriteFile(results, []byte(`{"format":"pressend.teach.results/v1","deck":{"hash":"000000000000"}}`), 0o600)
	o = s.do("", 1, "teach", "handout", "--results", results)
	if !strings.Contains(o.stderr, "another version of the teaching deck") {
		t.Errorf("results for another deck: %s", o.stderr)
	}
}

// TestTeachScreensNeedATerminal: the projector and the notes window say
// what to use instead when they cannot draw, and never hang on a pipe.
func TestTeachScreensNeedATerminal(t *testing.T) {
	s := newSandbox(t)
	code := s.session()
	o := s.do("", 1, "teach", "present", "--session", code)
	if !strings.Contains(o.stderr, "needs a terminal") || !strings.Contains(o.stderr, "teach pool") {
		t.Errorf("present without a terminal: %q", o.stderr)
	}
	o = s.do("", 1, "teach", "notes")
	if !strings.Contains(o.stderr, "teach handout") {
		t.Errorf("notes without a terminal: %q", o.stderr)
	}
	s.do("", 2, "teach", "present")
	s.do("", 2, "teach", "present", "--session", "ZZZ-ZZZ")
}
