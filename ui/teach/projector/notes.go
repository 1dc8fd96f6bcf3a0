package projector

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/pressend/pressend/checklist/teach"
	uiteach "github.com/pressend/pressend/ui/teach"
)

// NotesConfig is the facilitator's notes window.
type NotesConfig struct {
	Deck *teach.Deck
	// SlidePath is the projector's slide file, read every Poll.
	SlidePath string
	Poll      time.Duration
}

// Notes follows the projector and shows the notes for its slide. It can
// also be stepped by hand (← →) when no projector runs, to prepare.
type Notes struct {
	cfg    NotesConfig
	qs     []teach.Question
	idx    int
	slide  teach.Slide
	status string
	vp     viewport.Model
	w, h   int
	// follow is off once the facilitator steps by hand, until the
	// projector next changes slide.
	follow bool
}

// NewNotes opens the notes on the first question until the slide file
// says otherwise.
func NewNotes(cfg NotesConfig) *Notes {
	if cfg.Poll <= 0 {
		cfg.Poll = 500 * time.Millisecond
	}
	n := &Notes{cfg: cfg, qs: cfg.Deck.Questions(), follow: true, vp: viewport.New(), w: 80, h: 24}
	n.status = "Waiting for the projector (pressend teach present)."
	n.layout()
	return n
}

type notesTickMsg struct{}

// Init reads the slide file and keeps reading it.
func (n *Notes) Init() tea.Cmd { return n.poll() }

func (n *Notes) poll() tea.Cmd {
	return tea.Batch(readSlide(n.cfg.SlidePath),
		tea.Tick(n.cfg.Poll, func(time.Time) tea.Msg { return notesTickMsg{} }))
}

// Update follows the slide file and scrolls.
func (n *Notes) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		n.w, n.h = msg.Width, msg.Height
		n.layout()
	case notesTickMsg:
		return n, n.poll()
	case slideMsg:
		n.onSlide(msg)
	case tea.KeyPressMsg:
		switch msg.String() {
		case "q", "ctrl+c", "esc":
			return n, tea.Quit
		case "right", "n":
			n.step(1)
			return n, nil
		case "left", "p":
			n.step(-1)
			return n, nil
		case "f":
			n.follow = true
			n.status = "Following the projector again."
			return n, readSlide(n.cfg.SlidePath)
		}
	}
	var cmd tea.Cmd
	n.vp, cmd = n.vp.Update(msg)
	return n, cmd
}

func (n *Notes) onSlide(msg slideMsg) {
	switch {
	case msg.missing:
		n.status = "Waiting for the projector (pressend teach present); ← → step through the notes meanwhile."
		return
	case msg.err != nil:
		n.status = msg.err.Error()
		return
	case !n.cfg.Deck.Fits(msg.slide):
		n.status = "The projector is showing another version of the teaching deck: run the same pressend in both windows."
		return
	}
	changed := msg.slide != n.slide
	n.slide = msg.slide
	if changed {
		n.follow = true
	}
	n.status = "Following the projector: " + phaseWords(msg.slide)
	if n.follow && n.idx != msg.slide.Index {
		n.idx = msg.slide.Index
		n.layout()
		n.vp.GotoTop()
	}
}

func (n *Notes) step(by int) {
	i := n.idx + by
	if i < 0 || i >= len(n.qs) {
		return
	}
	n.idx, n.follow = i, false
	n.status = "Stepping by hand; press f to follow the projector."
	n.layout()
	n.vp.GotoTop()
}

func (n *Notes) layout() {
	width := max(n.w-2, 20)
	n.vp.SetWidth(width)
	n.vp.SetHeight(max(n.h-3, 1))
	n.vp.SetContent(strings.Join(uiteach.Wrap(uiteach.FacilitatorNotes(n.cfg.Deck, n.qs[n.idx]), width), "\n"))
}

// View draws the notes with a header and the keys.
func (n *Notes) View() tea.View {
	v := tea.NewView(n.render())
	v.AltScreen = true
	v.WindowTitle = "pressend teaching notes"
	return v
}

func (n *Notes) render() string {
	head := headerStyle().Render(ansi.Truncate(fmt.Sprintf(" Facilitator's notes · not for the projector · %d of %d ", n.idx+1, len(n.qs)), max(n.w, 10), ""))
	status := ansi.Truncate(" "+n.status, n.w, "…")
	keys := faintStyle().Render(ansi.Truncate(" ↑/↓ scroll · ←/→ step by hand · f follow · q quit", n.w, "…"))
	return strings.Join([]string{head, indent(n.vp.View()), status, keys}, "\n")
}

func indent(s string) string {
	ls := strings.Split(s, "\n")
	for i, l := range ls {
		ls[i] = " " + l
	}
	return strings.Join(ls, "\n")
}

func phaseWords(s teach.Slide) string {
	words := map[teach.Phase]string{
		teach.PhaseAsk:    "question shown, answers hidden",
		teach.PhaseRound1: "answers given alone shown",
		teach.PhaseBoth:   "both rounds shown",
	}[s.Phase]
	if s.ShowBest {
		words += ", suggested answer marked"
	}
	return words
}
