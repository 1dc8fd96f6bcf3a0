package teach

import (
	"slices"
	"strings"

	"github.com/pressend/pressend/checklist"
)

// Cited is a citation ready to show: its text, its source and its tier.
type Cited struct {
	Citation checklist.Citation
	Source   checklist.Source
	Tier     checklist.Tier
	// Text is checklist.FormatCitation's rendering, with unconfirmed
	// paragraph numbers marked.
	Text string
}

// ForRole picks the citations a student of the given role sees after a
// scenario: their own regulator's guidance, professional guidance written
// for their role, and the law and evidence everyone sees, in tier order.
// The role is used for this and nothing else; it is never saved. An empty
// or unknown role ("prefer not to say") sees only what is for everyone.
// Nation-limited sources are left out, because the session does not ask.
func ForRole(pack *checklist.Pack, cites []checklist.Citation, roleID string) []Cited {
	if _, ok := pack.Role(roleID); !ok {
		roleID = ""
	}
	var out []Cited
	for _, c := range checklist.CitationsFor(pack, cites, &checklist.Profile{Role: roleID}) {
		out = append(out, Cited{Citation: c.Citation, Source: c.Source, Tier: c.Tier,
			Text: checklist.SanitizeLine(checklist.FormatCitation(pack, c.Citation))})
	}
	return out
}

// AllCitations is every citation, for everyone: the handout shows each
// profession its own guidance side by side. Citations of one source are
// joined ("paras 4, 9") unless a paragraph is unconfirmed, so its caveat
// stays with it. The pack's order is kept.
func AllCitations(pack *checklist.Pack, cites []checklist.Citation) []Cited {
	var out []Cited
	seen := map[string]int{}
	for _, c := range cites {
		src, ok := pack.Source(c.Source)
		if !ok || !citable(src) {
			continue
		}
		key := c.Source
		if c.Historical {
			key += "\x00history"
		}
		if i, dup := seen[key]; dup && !c.Uncertain && !out[i].Citation.Uncertain {
			m := &out[i].Citation
			switch {
			case m.Para == "":
				m.Para = c.Para
			case c.Para != "" && !strings.Contains(m.Para, c.Para):
				m.Para += ", " + c.Para
			}
			out[i].Text = checklist.SanitizeLine(checklist.FormatCitation(pack, *m))
			continue
		}
		seen[key] = len(out)
		out = append(out, cited(pack, c, src))
	}
	return out
}

// citable leaves out what must never be shown as support: sources the
// research judged unreliable, and platform help, which belongs with
// click-paths only. The validator forbids both; this holds for custom
// packs that were not validated.
func citable(s checklist.Source) bool {
	return s.Status != checklist.StatusUnreliable && s.Kind != checklist.SourceSteps
}

func cited(pack *checklist.Pack, c checklist.Citation, src checklist.Source) Cited {
	return Cited{Citation: c, Source: src, Tier: checklist.TierOf(src, c.Historical),
		Text: checklist.SanitizeLine(checklist.FormatCitation(pack, c))}
}

// StudentTierLabel heads a student's citations, in the words the audit
// uses (content/README.md): the student's own regulator is "Your
// regulator", never just "guidance".
func StudentTierLabel(pack *checklist.Pack, t checklist.Tier, regulatorID string) string {
	switch t {
	case checklist.TierRegulator:
		if r, ok := pack.Regulator(regulatorID); ok {
			return "Your regulator (" + checklist.SanitizeLine(r.Name) + ")"
		}
		return "Your regulator"
	case checklist.TierProfessional:
		return "Professional guidance for you"
	case checklist.TierLaw:
		return "Law and advertising rules"
	case checklist.TierHistory:
		return "History (superseded guidance)"
	case checklist.TierSteps:
		return "Platform help"
	}
	return "Cases and evidence"
}

// KindLabel says what a source is, for a handout read by every
// profession: "Regulator guidance (GMC)", "Professional guidance (for
// Doctor, Medical student)", "Law", "Cases and evidence".
func KindLabel(pack *checklist.Pack, c Cited) string {
	return kindLabel(pack, c) + forNations(pack, c.Source.Nations)
}

func kindLabel(pack *checklist.Pack, c Cited) string {
	switch c.Tier {
	case checklist.TierRegulator:
		if r, ok := pack.Regulator(c.Source.Regulator); ok {
			return "Regulator guidance (" + checklist.SanitizeLine(r.Name) + ")"
		}
		return "Regulator guidance"
	case checklist.TierProfessional:
		return "Professional guidance" + forRoles(pack, c.Source.Roles)
	case checklist.TierLaw:
		return "Law"
	case checklist.TierHistory:
		return "Superseded guidance, for history"
	case checklist.TierSteps:
		return "Platform help"
	}
	return "Cases and evidence"
}

// TierHeading is the handout's heading for a group of sources.
func TierHeading(t checklist.Tier) string {
	switch t {
	case checklist.TierRegulator:
		return "Regulator guidance"
	case checklist.TierProfessional:
		return "Professional guidance"
	case checklist.TierLaw:
		return "Law"
	case checklist.TierHistory:
		return "Superseded guidance (history)"
	case checklist.TierSteps:
		return "Platform help"
	}
	return "Cases and evidence"
}

func forRoles(pack *checklist.Pack, roles []string) string {
	if len(roles) == 0 || slices.Contains(roles, checklist.AllRoles) {
		return " (for everyone in healthcare)"
	}
	var names []string
	for _, id := range roles {
		if r, ok := pack.Role(id); ok {
			names = append(names, checklist.SanitizeLine(r.Name))
		}
	}
	if len(names) == 0 {
		return ""
	}
	return " (for " + strings.Join(names, "; ") + ")"
}

// forNations names the nations a source is limited to, so a handout read
// across the UK does not present Scotland's standards as everyone's.
func forNations(pack *checklist.Pack, nations []string) string {
	if len(nations) == 0 {
		return ""
	}
	var names []string
	for _, id := range nations {
		if n, ok := pack.Nation(id); ok {
			names = append(names, checklist.SanitizeLine(n.Name))
		} else {
			names = append(names, checklist.SanitizeLine(id))
		}
	}
	return ", " + strings.Join(names, " and ") + " only"
}
