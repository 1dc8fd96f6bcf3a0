package teach

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/pressend/pressend/checklist"
)

// Handout formats.
const (
	FormatMarkdown = "markdown"
	FormatHTML     = "html"
)

// HandoutFormats lists the handout formats, for flag help.
func HandoutFormats() []string { return []string{FormatMarkdown, FormatHTML} }

// Fixed wording shared by both handout formats. It is ours, so it is not
// escaped; everything from the pack is.
const (
	handoutTitle = "Teaching handout"
	disclaimer   = "The suggested answers are one reasonable reading of the guidance, offered for discussion; they are not guidance themselves. Follow your own regulator's guidance, and for a real situation take advice from your defence organisation or union. This is not legal advice."
	madeBy       = "Made with pressend, which works offline and stores no names."
)

// handout is the cleaned content both writers lay out. Every string from
// the pack has been through checklist.Sanitize, so no control character
// reaches a page; escaping is left to each writer.
type handout struct {
	PackTitle  string
	Deck       string
	Session    string
	Responses  int
	MinCount   int
	HasResults bool
	Scenarios  []hQuestion
	Checks     []hQuestion
	Sources    []hGroup
	Disclaimer string
}

type hQuestion struct {
	N                     int
	Title, Story, Prompt  string
	ScaleLow, ScaleHigh   string
	Options               []hOption
	NoSingle              bool
	Commentary, Principle string
	Discussion            []string
	Cites                 []hCite
	Results               []hRound
}

type hOption struct {
	Label, Text, Feedback string
	Best                  bool
	// BestWord marks the best option: "Suggested answer" for a scenario,
	// "Correct answer" for a check.
	BestWord string
}

type hCite struct{ Text, Kind, URL string }

type hRound struct {
	Name  string
	Total int
	Cells []hCell
}

type hCell struct{ Label, Value string }

type hGroup struct {
	Heading string
	Sources []hCite
}

// WriteHandout writes the handout in the given format. res may be nil;
// with results, each question shows the class's rounded percentages.
func WriteHandout(format string, d *Deck, res *Results) ([]byte, error) {
	h := buildHandout(d, res)
	var b bytes.Buffer
	switch format {
	case FormatMarkdown:
		writeHandoutMarkdown(&b, h)
	case FormatHTML:
		if err := handoutPage().Execute(&b, h); err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("unknown handout format %q: use %s", format, strings.Join(HandoutFormats(), " or "))
	}
	return b.Bytes(), nil
}

func buildHandout(d *Deck, res *Results) *handout {
	pack := d.Pack
	h := &handout{PackTitle: line(pack.Title), Deck: line(d.Version), Disclaimer: disclaimer}
	if res != nil {
		h.HasResults, h.Session, h.Responses, h.MinCount = true, FormatSessionCode(res.Session), res.Responses, res.MinCount
	}
	var all []Cited
	for _, q := range d.questions {
		var hq hQuestion
		var cites []checklist.Citation
		if sc, ok := d.Scenario(q); ok {
			hq = hQuestion{Title: line(sc.Title), Story: text(sc.Story), Prompt: text(sc.Question),
				Options: options(q, sc.Options), NoSingle: sc.NoSingleAnswer || q.Scale,
				Commentary: text(sc.Commentary), Principle: text(sc.Principle)}
			if sc.Scale != (checklist.Scale{}) {
				hq.ScaleLow, hq.ScaleHigh = line(sc.Scale.Low), line(sc.Scale.High)
			}
			for _, p := range sc.Discussion {
				hq.Discussion = append(hq.Discussion, text(p))
			}
			cites = sc.Cite
		} else if ck, ok := d.CheckItem(q); ok {
			hq = hQuestion{Prompt: text(ck.Question), Options: options(q, ck.Options)}
			cites = ck.Cite
		}
		for _, c := range AllCitations(pack, cites) {
			hq.Cites = append(hq.Cites, hCite{Text: c.Text, Kind: KindLabel(pack, c), URL: link(c.Source.URL)})
			all = append(all, c)
		}
		if res != nil {
			if qr, ok := res.Result(q.ID); ok {
				hq.Results = handoutRounds(q, qr)
			}
		}
		if q.Check {
			hq.N = len(h.Checks) + 1
			h.Checks = append(h.Checks, hq)
		} else {
			hq.N = len(h.Scenarios) + 1
			h.Scenarios = append(h.Scenarios, hq)
		}
	}
	h.Sources = sourceGroups(all)
	return h
}

func options(q Question, opts []checklist.Option) []hOption {
	var out []hOption
	word := "Suggested answer"
	if q.Check {
		word = "Correct answer"
	}
	for i, o := range opts {
		out = append(out, hOption{Label: OptionLabel(q, i+1), Text: text(o.Text), Feedback: text(o.Feedback), Best: o.Best, BestWord: word})
	}
	return out
}

// handoutRounds gives whole percentages only, never counts: a handout
// travels further than the projector. Labels come from the deck, not the
// results file, which is only trusted for numbers.
func handoutRounds(q Question, qr QuestionResult) []hRound {
	var out []hRound
	for _, rd := range qr.Rounds {
		name := "Round 1, alone"
		switch {
		case qr.Type == "check":
			name = "Answers"
		case rd.Round == 2:
			name = "Round 2, after discussion"
		}
		r := hRound{Name: name, Total: rd.Total}
		for i, c := range rd.Counts {
			v := TooFew
			if !c.Suppressed && c.Percent != nil {
				v = fmt.Sprintf("%d%%", *c.Percent)
			}
			r.Cells = append(r.Cells, hCell{Label: OptionLabel(q, i+1), Value: v})
		}
		out = append(out, r)
	}
	return out
}

// sourceGroups lists every cited source once, grouped by kind in tier
// order, then by publisher and title.
func sourceGroups(all []Cited) []hGroup {
	byTier := map[checklist.Tier][]hCite{}
	seen := map[string]bool{}
	for _, c := range all {
		key := fmt.Sprint(c.Tier, "\x00", c.Source.ID)
		if seen[key] {
			continue
		}
		seen[key] = true
		t := line(c.Source.Publisher) + ", " + line(c.Source.Title)
		if c.Source.Year != "" {
			t += " (" + line(c.Source.Year) + ")"
		}
		if c.Source.Confidence == checklist.Uncertain {
			t += " [source uncertain]"
		}
		byTier[c.Tier] = append(byTier[c.Tier], hCite{Text: t, URL: link(c.Source.URL)})
	}
	var out []hGroup
	for t := checklist.TierRegulator; t <= checklist.TierSteps; t++ {
		if len(byTier[t]) == 0 {
			continue
		}
		g := byTier[t]
		slices.SortStableFunc(g, func(a, b hCite) int { return strings.Compare(a.Text, b.Text) })
		out = append(out, hGroup{Heading: TierHeading(t), Sources: g})
	}
	return out
}

// link keeps only web addresses: anything else in a pack (javascript:,
// file:, a bare word) is shown as no link at all.
func link(u string) string {
	u = strings.TrimSpace(u)
	low := strings.ToLower(u)
	if !strings.HasPrefix(low, "https://") && !strings.HasPrefix(low, "http://") {
		return ""
	}
	if strings.ContainsFunc(u, func(r rune) bool { return r <= ' ' || r == 0x7f }) {
		return ""
	}
	return u
}

func line(s string) string { return checklist.SanitizeLine(s) }
func text(s string) string { return strings.TrimSpace(checklist.Sanitize(s)) }
