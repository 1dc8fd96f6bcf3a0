package display

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/pressend/pressend/checklist"
)

// packInfo describes the content, and which of the user's platforms have
// click-paths due a re-check.
func packInfo(pack *checklist.Pack, p *checklist.Profile, o ReportOptions) PackInfo {
	info := PackInfo{
		ID: Line(pack.ID), Version: Line(pack.Version), Title: Line(pack.Title),
		Layers: []string{}, Reviewed: Line(string(pack.Reviewed)), OldPaths: []string{},
	}
	for _, l := range pack.Layers {
		info.Layers = append(info.Layers, Line(l))
	}
	info.Label = PackLabel(pack)
	for _, id := range checklist.CheckFreshness(pack, o.Now).OldPaths {
		if p != nil && p.Uses(id) {
			info.OldPaths = append(info.OldPaths, Line(id))
		}
	}
	return info
}

// PackLabel names the content in use: "uk@2.0.0", or the layers when an
// organisation's pack is on top ("uk@2.0.0 + acme@1").
func PackLabel(pack *checklist.Pack) string {
	label := Line(pack.ID) + "@" + Line(pack.Version)
	var layers []string
	for _, l := range pack.Layers {
		layers = append(layers, Line(l))
	}
	switch {
	case len(layers) < 2:
		return label
	case layers[0] == label:
		return strings.Join(layers, " + ")
	}
	return label + " (" + strings.Join(layers, " + ") + ")"
}

// profileInfo lists the profile with display names, platforms in the pack's
// order so the report is stable from run to run.
func profileInfo(pack *checklist.Pack, p *checklist.Profile) *ProfileInfo {
	pi := &ProfileInfo{
		Role:       Named{ID: Line(p.Role), Name: Line(p.Role)},
		Nation:     Named{ID: Line(p.Nation), Name: Line(p.Nation)},
		Identifies: p.Identifies, Publishes: p.Publishes, PracticePage: p.PracticePage,
		Platforms: []PlatformInfo{}, Gaps: Gaps(pack, p),
	}
	if r, ok := pack.Role(p.Role); ok {
		pi.Role.Name = Line(r.Name)
	}
	if n, ok := pack.Nation(p.Nation); ok {
		pi.Nation.Name = Line(n.Name)
	}
	reg := p.RegulatorID(pack)
	pi.Regulator = Named{ID: Line(reg), Name: Line(reg)}
	if r, ok := pack.Regulator(reg); ok {
		pi.Regulator.Name = Line(r.Name)
	}
	for _, pl := range pack.Platforms {
		if t, ok := p.Accounts[pl.ID]; ok {
			pi.Platforms = append(pi.Platforms, PlatformInfo{ID: Line(pl.ID), Name: Line(pl.Name), Account: Line(string(t))})
		}
	}
	return pi
}

// Gaps says what the content does not cover for this user: a regulator's
// own note (PSNI guidance not researched, say), so the user is told rather
// than left to assume the audit covered it.
func Gaps(pack *checklist.Pack, p *checklist.Profile) []string {
	out := []string{}
	if p == nil {
		return out
	}
	if r, ok := pack.Regulator(p.RegulatorID(pack)); ok && r.Note != "" {
		out = append(out, Line(r.Note))
	}
	return out
}

// RegulatorName is the user's regulator's short name, or "".
func RegulatorName(pack *checklist.Pack, p *checklist.Profile) string {
	if p == nil {
		return ""
	}
	if r, ok := pack.Regulator(p.RegulatorID(pack)); ok {
		return Line(r.Name)
	}
	return ""
}

// scoreInfo is the score with its explanation and the harm ranking.
func scoreInfo(pack *checklist.Pack, s checklist.Score) ScoreInfo {
	si := ScoreInfo{Overall: tally(s.Overall), Sections: []SectionTally{}, Explanation: checklist.ScoreExplanation(),
		Harms: Harms(pack), Caveat: ScoreCaveat}
	for _, sec := range s.Sections {
		sv := SectionTally{Tally: tally(sec.Tally)}
		if sec.Section >= 0 && sec.Section < len(pack.Sections) {
			sv.ID, sv.Title = Line(pack.Sections[sec.Section].ID), Line(pack.Sections[sec.Section].Title)
		}
		si.Sections = append(si.Sections, sv)
	}
	return si
}

// Harms lists the pack's harms in rank order with their reasons.
func Harms(pack *checklist.Pack) []HarmInfo {
	out := []HarmInfo{}
	for _, h := range pack.Harms {
		out = append(out, HarmInfo{Rank: h.Rank, Title: Line(h.Title), Reason: Line(h.Reason)})
	}
	slices.SortStableFunc(out, func(x, y HarmInfo) int { return cmp.Compare(x.Rank, y.Rank) })
	return out
}

// tally leads with the band, as the product notes ask: the percentage only
// ever appears beside it.
func tally(t checklist.Tally) Tally {
	v := Tally{
		Band: string(t.Band), Percent: t.Percent, Safe: t.Safe, Action: t.Action, Unanswered: t.Unanswered,
		NotApplicable: t.NotApplies, Accepted: t.Accepted, HighOpen: t.HighOpen,
		Label:  fmt.Sprintf("%s (%d%%)", t.Band, t.Percent),
		Counts: fmt.Sprintf("%d safe, %d to act on, %d unanswered", t.Safe, t.Action, t.Unanswered),
	}
	switch {
	case t.Band == checklist.BandNone:
		v.Label = string(checklist.BandNone) + " yet"
	case t.Unanswered > 0:
		// A band for a half-answered section mostly reflects the gaps, so
		// the label says so rather than calling the user "exposed".
		v.Label = fmt.Sprintf("not finished (so far %s, %d%%)", t.Band, t.Percent)
	}
	return v
}
