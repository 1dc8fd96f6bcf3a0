package teach

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"
)

// DeckListFormat identifies `pressend teach deck --format json`, version 1.
const DeckListFormat = "pressend.teach.decklist/v1"

type deckList struct {
	Format    string      `json:"format"`
	Version   string      `json:"version"`
	Hash      string      `json:"hash"`
	Scenarios []deckEntry `json:"scenarios"`
	Checks    []deckEntry `json:"checks"`
}

type deckEntry struct {
	Number int    `json:"number"`
	ID     string `json:"id"`
	Type   string `json:"type"`
	// Title is the scenario's title, or the check's question.
	Title     string   `json:"title"`
	Options   []string `json:"options,omitempty"`
	ScaleLow  string   `json:"scale_low,omitempty"`
	ScaleHigh string   `json:"scale_high,omitempty"`
	// Best is the suggested or correct option; 0 for none. It is in the
	// JSON for tools, and left out of the text listing, which may be read
	// on a shared screen.
	Best      int  `json:"best"`
	Placement bool `json:"placement,omitempty"`
}

func (d *Deck) entries() (scs, cks []deckEntry) {
	scs, cks = []deckEntry{}, []deckEntry{}
	for _, q := range d.questions {
		e := deckEntry{ID: q.ID, Best: q.Best}
		if sc, ok := d.Scenario(q); ok {
			e.Number, e.Type, e.Title, e.Placement = len(scs)+1, string(sc.Kind()), line(sc.Title), sc.Placement
			for _, o := range sc.Options {
				e.Options = append(e.Options, line(o.Text))
			}
			if sc.Scale.Low != "" || sc.Scale.High != "" {
				e.ScaleLow, e.ScaleHigh = line(sc.Scale.Low), line(sc.Scale.High)
			}
			scs = append(scs, e)
			continue
		}
		ck, _ := d.CheckItem(q)
		e.Number, e.Type, e.Title = len(cks)+1, "check", line(ck.Question)
		for _, o := range ck.Options {
			e.Options = append(e.Options, line(o.Text))
		}
		cks = append(cks, e)
	}
	return scs, cks
}

// DeckJSON lists the deck for tools.
func DeckJSON(d *Deck) ([]byte, error) {
	scs, cks := d.entries()
	b, err := json.MarshalIndent(deckList{Format: DeckListFormat, Version: d.Version, Hash: d.Hash, Scenarios: scs, Checks: cks}, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// DeckText lists the deck for a facilitator planning a session: number,
// id, type and title, then each option on one line, cut to fit width.
func DeckText(d *Deck, width int) string {
	width = max(width, 40)
	scs, cks := d.entries()
	var b strings.Builder
	fmt.Fprintf(&b, "Teaching deck %s\n", d.Version)
	fmt.Fprintf(&b, "%d %s, %d knowledge-check %s\n", len(scs), plural(len(scs), "scenario", "scenarios"),
		len(cks), plural(len(cks), "question", "questions"))
	section := func(title string, es []deckEntry) {
		if len(es) == 0 {
			return
		}
		fmt.Fprintf(&b, "\n%s\n", title)
		for _, e := range es {
			kind := e.Type
			if e.Placement {
				kind += ", placement"
			}
			fmt.Fprintf(&b, "%3d. %s (%s)\n", e.Number, e.ID, kind)
			fmt.Fprintf(&b, "     %s\n", cut(e.Title, width-5))
			if e.ScaleLow != "" {
				fmt.Fprintf(&b, "     %s\n", cut("1 = "+e.ScaleLow+" … 5 = "+e.ScaleHigh, width-5))
			}
			for i, o := range e.Options {
				label := string(rune('A' + i))
				fmt.Fprintf(&b, "     %s  %s\n", label, cut(o, width-8))
			}
		}
	}
	section("Scenarios", scs)
	section("Knowledge check", cks)
	return b.String()
}

// cut shortens s to n characters, ending in "…" when anything was cut.
func cut(s string, n int) string {
	if n < 2 || utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimRight(string(r[:n-1]), " ") + "…"
}
