package projector

import (
	"fmt"
	mathrand "math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/pressend/pressend/checklist/teach"
	"github.com/pressend/pressend/content"
	uiteach "github.com/pressend/pressend/ui/teach"
)

// session is the session code the tests use: a real code for the deck,
// which changes with it, so goldens show it as ACD-E34.
var session string

func deck(t *testing.T) *teach.Deck {
	t.Helper()
	pack, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	d, err := teach.NewDeck(pack)
	if err != nil {
		t.Fatal(err)
	}
	session, err = teach.NewSessionCode(d, mathrand.NewChaCha8([32]byte{1}))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// classResults pools a class of 40 for the first scenario: round 1 split,
// round 2 moving towards the suggested answer after discussion, as Peer
// Instruction hopes.
func classResults(t *testing.T, d *teach.Deck) *teach.Results {
	t.Helper()
	p, err := teach.NewPool(d, session)
	if err != nil {
		t.Fatal(err)
	}
	q := d.Questions()[0]
	round1, round2 := spread([]int{6, 12, 14, 8}), spread([]int{5, 6, 27, 2})
	rnd := mathrand.New(mathrand.NewPCG(3, 4))
	for i := range round1 {
		s := teach.Submission{Session: session, Deck: d.Hash, ID: fmt.Sprintf("%016x%016x", rnd.Uint64(), rnd.Uint64()),
			Answers: map[string]teach.Answer{q.ID: {Round1: round1[i], Round2: round2[i]}}}
		if err := p.AddSubmission(fmt.Sprint(i), s); err != nil {
			t.Fatal(err)
		}
	}
	return p.Results(teach.DefaultMinCount)
}

// spread turns counts per option into one choice per student.
func spread(counts []int) []int {
	var out []int
	for opt, n := range counts {
		for range n {
			out = append(out, opt+1)
		}
	}
	return out
}

func press(m *Model, keys ...string) {
	for _, k := range keys {
		var msg tea.KeyPressMsg
		switch k {
		case "space":
			msg = tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
		case "enter":
			msg = tea.KeyPressMsg{Code: tea.KeyEnter}
		case "right":
			msg = tea.KeyPressMsg{Code: tea.KeyRight}
		case "esc":
			msg = tea.KeyPressMsg{Code: tea.KeyEscape}
		default:
			msg = tea.KeyPressMsg{Code: rune(k[0]), Text: k}
		}
		m.Update(msg)
	}
}

// screen draws the model at a size, with the session code replaced by a
// fixed one so goldens do not change with the deck.
func screen(m *Model, w, h int) string {
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return strings.ReplaceAll(ansi.Strip(m.render()), teach.FormatSessionCode(session), "ACD-E34")
}

// TestProjectorGoldens draws the first scenario before, during and after
// the two rounds, at the sizes of a zoomed terminal up to full HD.
func TestProjectorGoldens(t *testing.T) {
	d := deck(t)
	for _, size := range [][2]int{{60, 18}, {80, 24}, {160, 45}} {
		w, h := size[0], size[1]
		m := New(Config{Deck: d, Session: session})
		m.Update(resultsMsg{res: classResults(t, d)})
		steps := []struct {
			name string
			keys []string
		}{
			{"ask", nil},
			{"round1", []string{"space"}},
			{"both", []string{"space"}},
			{"best", []string{"b"}},
		}
		for _, s := range steps {
			press(m, s.keys...)
			out := screen(m, w, h)
			t.Run(fmt.Sprintf("%s-%dx%d", s.name, w, h), func(t *testing.T) {
				checkFits(t, out, w, h)
				if !strings.Contains(out, "Session ACD-E34") {
					t.Errorf("the session code is not on screen:\n%s", out)
				}
				golden.RequireEqual(t, []byte(out))
			})
		}
	}
}

func checkFits(t *testing.T, out string, w, h int) {
	t.Helper()
	ls := strings.Split(out, "\n")
	if len(ls) != h {
		t.Errorf("%d lines, want exactly %d", len(ls), h)
	}
	for i, l := range ls {
		if ansi.StringWidth(l) > w {
			t.Errorf("line %d is %d wide, over %d: %q", i+1, ansi.StringWidth(l), w, l)
		}
	}
}

// TestRoundOneStaysHidden: no percentage reaches the screen until the
// facilitator reveals it, and the suggested answer only when marked.
func TestRoundOneStaysHidden(t *testing.T) {
	d := deck(t)
	m := New(Config{Deck: d, Session: session})
	m.Update(resultsMsg{res: classResults(t, d)})
	if out := screen(m, 80, 24); strings.Contains(out, "%") || strings.Contains(out, "Round 1  ") {
		t.Errorf("results shown before the reveal:\n%s", out)
	}
	press(m, "space")
	out := screen(m, 80, 24)
	if !strings.Contains(out, "%") || strings.Contains(out, "Round 2  ") {
		t.Errorf("after one reveal, want round 1 only:\n%s", out)
	}
	press(m, "space")
	if out := screen(m, 80, 24); strings.Contains(out, "suggested answer") || strings.Contains(out, "Suggested") {
		t.Errorf("the suggested answer is marked before the facilitator chose to:\n%s", out)
	}
	press(m, "b")
	if out := screen(m, 80, 24); !strings.Contains(out, "suggested answer") {
		t.Errorf("b should mark the suggested answer:\n%s", out)
	}
	press(m, "space")
	if m.idx != 1 || m.phase != teach.PhaseAsk || m.best {
		t.Errorf("after both rounds, space should go to the next question with everything hidden; at %d %s best=%v", m.idx, m.phase, m.best)
	}
}

// TestShowOfHands: counts typed for a room without laptops are saved as
// a hands file that pooling accepts, and shown at once.
func TestShowOfHands(t *testing.T) {
	d := deck(t)
	dir := t.TempDir()
	h, err := teach.NewHands(d, session, strings.NewReader(strings.Repeat("x", 64)))
	if err != nil {
		t.Fatal(err)
	}
	m := New(Config{Deck: d, Session: session, HandsDir: dir, Hands: h})
	q := d.Questions()[0]
	press(m, "h")
	for i := range q.Choices {
		press(m, fmt.Sprint(i+5), "enter")
	}
	if m.entry != nil {
		t.Fatal("the entry should close after the last count")
	}
	if m.phase != teach.PhaseRound1 {
		t.Errorf("round 1 should be revealed after typing it, phase %s", m.phase)
	}
	// The save command is not run here, as when the facilitator quits at
	// once: Flush, run after the program, writes the file.
	if err := m.Flush(); err != nil {
		t.Fatal(err)
	}
	p, _ := teach.NewPool(d, session)
	p.AddPath(dir)
	res := p.Results(1)
	if res.Hands != 1 || len(res.Rejected) != 0 {
		t.Fatalf("pooling the hands file: %d hands, rejected %v", res.Hands, res.Rejected)
	}
	got := run(t, m.pool()).(resultsMsg)
	m.Update(got)
	if out := screen(m, 80, 24); !strings.Contains(out, "5 of 26") || !strings.Contains(out, "Round 2: 0 answered") {
		t.Errorf("the typed counts should be on screen:\n%s", out)
	}
}

// TestSlideFileFollows: each slide change writes the slide file the
// notes window reads, and the notes window follows it.
func TestSlideFileFollows(t *testing.T) {
	d := deck(t)
	path := filepath.Join(t.TempDir(), teach.SlideFile)
	m := New(Config{Deck: d, Session: session, SlidePath: path})
	_, cmd := m.Update(tea.KeyPressMsg{Code: tea.KeyRight})
	if cmd == nil {
		t.Fatal("moving to the next question wrote no slide")
	}
	run(t, cmd)
	n := NewNotes(NotesConfig{Deck: d, SlidePath: path})
	n.Update(run(t, readSlide(path)))
	if n.idx != 1 {
		t.Errorf("the notes window is at %d, want 1", n.idx)
	}
	out := ansi.Strip(n.render())
	q := d.Questions()[1]
	sc, _ := d.Scenario(q)
	if !strings.Contains(out, sc.Title) || !strings.Contains(out, "not for the projector") {
		t.Errorf("notes should show the second scenario, marked as not for the projector:\n%s", out)
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("slide file: %v, mode %v", err, fi.Mode())
	}
}

// run runs a command and returns its message, running batches in turn
// and leaving out ticks.
func run(t *testing.T, cmd tea.Cmd) tea.Msg {
	t.Helper()
	msg := cmd()
	if b, ok := msg.(tea.BatchMsg); ok {
		for _, c := range b {
			if c == nil {
				continue
			}
			if m := c(); m != nil {
				if _, tick := m.(pollMsg); !tick {
					return m
				}
			}
		}
	}
	return msg
}

// TestNotesNameSources: the notes for every question name their sources
// in words, never by the pack's ids, and label whose guidance each is.
func TestNotesNameSources(t *testing.T) {
	d := deck(t)
	id := regexp.MustCompile(`\([A-Z][A-Z0-9-]{4,}\)`)
	for _, q := range d.Questions() {
		out := uiteach.FacilitatorNotes(d, q)
		if m := id.FindString(out); m != "" {
			t.Errorf("%s: notes refer to a source by its id %s", q.ID, m)
		}
		if !strings.Contains(out, "Sources (each student sees those for their own profession)") {
			t.Errorf("%s: notes list no sources", q.ID)
		}
	}
}

// TestTinyWindow: below the smallest size the projector says how big it
// needs to be, keeps the session code, and never draws past the edge.
func TestTinyWindow(t *testing.T) {
	d := deck(t)
	m := New(Config{Deck: d, Session: session})
	m.Update(resultsMsg{res: classResults(t, d)})
	press(m, "space", "space", "b")
	for _, size := range [][2]int{{1, 1}, {20, 6}, {59, 17}, {80, 10}} {
		out := strings.Join(strings.Fields(screen(m, size[0], size[1])), " ")
		if !strings.Contains(out, "ACD-E34") || !strings.Contains(out, "at least 60 by 16") {
			t.Errorf("%dx%d:\n%s", size[0], size[1], out)
		}
	}
}
