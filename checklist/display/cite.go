package display

import (
	"strings"

	"github.com/pressend/pressend/checklist"
)

// Cite is one citation as shown: its tier, the formatted reference and,
// where the source has one, its address.
type Cite struct {
	Tier     checklist.Tier `json:"-"`
	TierName string         `json:"tier"`
	Text     string         `json:"text"`
	// Short leaves out the publisher, for a line headed by Label.
	Short string `json:"-"`
	// Label names the citation's tier in a word or two ("GMC", "Law").
	Label     string `json:"-"`
	Source    string `json:"source"`
	Para      string `json:"para"`
	URL       string `json:"url"`
	Uncertain bool   `json:"uncertain"`
}

// TierNames are the tiers' names in JSON, stable for scripts.
func tierName(t checklist.Tier) string {
	switch t {
	case checklist.TierRegulator:
		return "regulator"
	case checklist.TierProfessional:
		return "professional"
	case checklist.TierLaw:
		return "law"
	case checklist.TierEvidence:
		return "evidence"
	case checklist.TierHistory:
		return "history"
	}
	return "steps"
}

// TierHeading is the heading a tier is shown under, for this user.
func TierHeading(t checklist.Tier, regulator string) string {
	switch t {
	case checklist.TierRegulator:
		if regulator != "" {
			return "Your regulator (" + regulator + ")"
		}
		return "Your regulator"
	case checklist.TierProfessional:
		return "Professional guidance for your role"
	case checklist.TierLaw:
		return "Law and advertising rules"
	case checklist.TierEvidence:
		return "Cases and evidence (not guidance)"
	case checklist.TierHistory:
		return "History (replaced guidance, for context only)"
	}
	return "Sources for these steps"
}

// cites turns the user's citations into views.
func cites(pack *checklist.Pack, cs []checklist.Cited) []Cite {
	out := []Cite{}
	for _, c := range cs {
		short := c.Source
		short.Publisher = ""
		label := map[checklist.Tier]string{checklist.TierProfessional: "Professional guidance", checklist.TierLaw: "Law",
			checklist.TierEvidence: "Evidence", checklist.TierHistory: "History"}[c.Tier]
		if r, ok := pack.Regulator(c.Source.Regulator); ok && c.Tier == checklist.TierRegulator {
			label = Line(r.Name)
		}
		out = append(out, Cite{Label: label,
			Tier: c.Tier, TierName: tierName(c.Tier),
			Text:   Line(checklist.FormatSource(c.Source, c.Para, c.Uncertain)),
			Short:  strings.TrimPrefix(Line(checklist.FormatSource(short, c.Para, c.Uncertain)), ", "),
			Source: Line(c.Source.ID), Para: Line(c.Para), URL: cleanURL(c.Source.URL), Uncertain: c.Uncertain,
		})
	}
	return out
}

// stepCites lists the sources a click-path rests on.
func stepCites(pack *checklist.Pack, ids []string) []Cite {
	out := []Cite{}
	for _, id := range ids {
		s, ok := pack.Source(id)
		if !ok || s.Status == checklist.StatusUnreliable {
			continue
		}
		out = append(out, Cite{Tier: checklist.TierSteps, TierName: "steps",
			Text: Line(checklist.FormatSource(s, "", false)), Source: Line(s.ID), URL: cleanURL(s.URL)})
	}
	return out
}

// cleanURL keeps only web addresses: anything else in a custom pack could
// be a javascript: or file: link in a report.
func cleanURL(u string) string {
	u = Line(u)
	for _, scheme := range []string{"https://", "http://"} {
		if len(u) > len(scheme) && u[:len(scheme)] == scheme {
			return u
		}
	}
	return ""
}

// Primary is the citation the question screen shows on one line: the
// user's own regulator's guidance where there is some, else the first.
func Primary(cs []Cite) (Cite, bool) {
	for _, c := range cs {
		if c.Tier == checklist.TierRegulator {
			return c, true
		}
	}
	if len(cs) > 0 && cs[0].Tier <= checklist.TierLaw {
		return cs[0], true
	}
	return Cite{}, false
}

// Tiers groups citations under their headings, in order.
func Tiers(cs []Cite) [][]Cite {
	var out [][]Cite
	for _, c := range cs {
		if n := len(out); n > 0 && out[n-1][0].Tier == c.Tier {
			out[n-1] = append(out[n-1], c)
			continue
		}
		out = append(out, []Cite{c})
	}
	return out
}
