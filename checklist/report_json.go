package checklist

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// reportData is the report with every string already sanitised, so the
// writers only lay it out and cannot forget to clean a field. It doubles as
// the JSON document: fields tagged "-" are wording for the other formats.
// REPORT-SCHEMA.md documents the JSON side; keep the two in step.
type reportData struct {
	Schema      string        `json:"schema"`
	GeneratedAt string        `json:"generated_at"`
	Audit       auditInfo     `json:"audit"`
	Pack        packInfo      `json:"pack"`
	Profile     *profileInfo  `json:"profile"`
	Progress    progressInfo  `json:"progress"`
	AllClear    bool          `json:"all_clear"`
	Score       scoreInfo     `json:"score"`
	First       *actionView   `json:"first"`
	OpenActions int           `json:"open_actions"`
	OpenMinutes int           `json:"open_minutes"`
	Actions     []actionView  `json:"actions"`
	Accepted    []acceptView  `json:"accepted"`
	Notes       []noteView    `json:"notes"`
	Unanswered  int           `json:"unanswered"`
	NextReview  string        `json:"next_review"`
	SinceLast   *sinceView    `json:"since_last"`
	Notice      string        `json:"notice"`
	Groups      []groupView   `json:"-"`
	Date        string        `json:"-"`
	Sentences   reportPhrases `json:"-"`
}

// reportPhrases are sentences built from counts and dates only (never user
// text), worded once so every format agrees.
type reportPhrases struct {
	Progress, Open, Unanswered, Review, Since, Finish string
	Stale                                             []string
}

// The types below mirror REPORT-SCHEMA.md section by section; the tables
// there say what each field means, so they are not repeated here.

type auditInfo struct {
	Name      string `json:"name"`
	File      string `json:"file"`
	Quick     bool   `json:"quick"`
	Created   string `json:"created"`
	Updated   string `json:"updated"`
	Completed string `json:"completed"`
}

type packInfo struct {
	ID       string   `json:"id"`
	Version  string   `json:"version"`
	Title    string   `json:"title"`
	Layers   []string `json:"layers"`
	Reviewed string   `json:"reviewed"`
	// OldPaths are the user's platforms whose click-paths are past the
	// nine-month check (see CheckFreshness).
	OldPaths []string `json:"old_paths"`
	Label    string   `json:"-"`
}

type named struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

type profileInfo struct {
	Role         named          `json:"role"`
	Regulator    named          `json:"regulator"`
	Nation       named          `json:"nation"`
	Identifies   bool           `json:"identifies"`
	Publishes    bool           `json:"publishes"`
	PracticePage bool           `json:"practice_page"`
	Platforms    []platformInfo `json:"platforms"`
}

type platformInfo struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Account string `json:"account"`
}

type progressInfo struct {
	Answered int `json:"answered"`
	Total    int `json:"total"`
}

type tallyView struct {
	Band          string `json:"band"`
	Percent       int    `json:"percent"`
	Safe          int    `json:"safe"`
	Action        int    `json:"action"`
	Unanswered    int    `json:"unanswered"`
	NotApplicable int    `json:"not_applicable"`
	Accepted      int    `json:"accepted"`
	HighOpen      int    `json:"high_open"`
	Label         string `json:"-"`
	Counts        string `json:"-"`
}

// sectionView embeds the tally so its fields sit beside id and title in
// the JSON, as the schema documents.
type sectionView struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	tallyView
}

type scoreInfo struct {
	Overall     tallyView     `json:"overall"`
	Sections    []sectionView `json:"sections"`
	Explanation []string      `json:"explanation"`
	Caveat      string        `json:"caveat"`
}

type citeView struct {
	Text      string `json:"text"`
	Source    string `json:"source"`
	Para      string `json:"para"`
	Uncertain bool   `json:"uncertain"`
}

type actionView struct {
	Key             string     `json:"key"`
	Item            string     `json:"item"`
	Section         string     `json:"section"`
	Platform        string     `json:"platform"`
	PlatformName    string     `json:"platform_name"`
	Severity        string     `json:"severity"`
	Raised          bool       `json:"raised"`
	State           string     `json:"state"`
	Text            string     `json:"text"`
	Question        string     `json:"question"`
	Minutes         int        `json:"minutes"`
	Group           string     `json:"group"`
	Done            bool       `json:"done"`
	DoneAt          string     `json:"done_at"`
	Note            string     `json:"note"`
	Check           string     `json:"check"`
	Steps           []string   `json:"steps"`
	Verified        string     `json:"verified"`
	Confidence      string     `json:"confidence"`
	ConfidenceLabel string     `json:"confidence_label"`
	Fallback        string     `json:"fallback"`
	HowToNote       string     `json:"howto_note"`
	Uncertain       string     `json:"uncertain"`
	Citations       []citeView `json:"citations"`
	StepsText       string     `json:"-"`
	VerifiedText    string     `json:"-"`
	DoneText        string     `json:"-"`
	RaisedText      string     `json:"-"`
}

// groupView is layout only: the JSON keeps the plan's single priority order.
type groupView struct {
	Platform string
	Name     string
	Actions  []actionView
}

type acceptView struct {
	Key          string `json:"key"`
	Item         string `json:"item"`
	Platform     string `json:"platform"`
	PlatformName string `json:"platform_name"`
	Severity     string `json:"severity"`
	Question     string `json:"question"`
	Reason       string `json:"reason"`
	Note         string `json:"note"`
}

// noteView is a note on a question that is neither an action nor an
// accepted risk, so nothing the user wrote is dropped from their report.
type noteView struct {
	Key          string `json:"key"`
	Item         string `json:"item"`
	Platform     string `json:"platform"`
	PlatformName string `json:"platform_name"`
	Question     string `json:"question"`
	State        string `json:"state"`
	StateLabel   string `json:"-"`
	Note         string `json:"note"`
}

type sinceView struct {
	ToYes       int `json:"to_yes"`
	AwayFromYes int `json:"away_from_yes"`
}

// buildPack describes the content the answers were given against, and
// which of the user's platforms have click-paths due a re-check.
func buildPack(pack *Pack, p *Profile, now time.Time) packInfo {
	info := packInfo{
		ID: cleanLine(pack.ID), Version: cleanLine(pack.Version), Title: cleanLine(pack.Title),
		Layers: []string{}, Reviewed: cleanLine(string(pack.Reviewed)), OldPaths: []string{},
	}
	for _, l := range pack.Layers {
		info.Layers = append(info.Layers, cleanLine(l))
	}
	// The loader records layers as "id@version", base first; when the base
	// is this pack, the layer list alone says everything without repeating it.
	info.Label = info.ID + "@" + info.Version
	switch {
	case len(info.Layers) < 2:
	case info.Layers[0] == info.Label:
		info.Label = strings.Join(info.Layers, " + ")
	default:
		info.Label += " (" + strings.Join(info.Layers, " + ") + ")"
	}
	for _, id := range CheckFreshness(pack, now).OldPaths {
		if p != nil && p.Uses(id) {
			info.OldPaths = append(info.OldPaths, cleanLine(id))
		}
	}
	return info
}

// buildProfile lists the profile with display names, platforms in the
// pack's order so the report is stable from run to run.
func buildProfile(pack *Pack, p *Profile) *profileInfo {
	pi := &profileInfo{
		Role:       named{ID: cleanLine(p.Role), Name: cleanLine(p.Role)},
		Nation:     named{ID: cleanLine(p.Nation), Name: cleanLine(p.Nation)},
		Identifies: p.Identifies, Publishes: p.Publishes, PracticePage: p.PracticePage,
		Platforms: []platformInfo{},
	}
	if r, ok := pack.Role(p.Role); ok {
		pi.Role.Name = cleanLine(r.Name)
	}
	if n, ok := pack.Nation(p.Nation); ok {
		pi.Nation.Name = cleanLine(n.Name)
	}
	reg := p.RegulatorID(pack)
	pi.Regulator = named{ID: cleanLine(reg), Name: cleanLine(reg)}
	if r, ok := pack.Regulator(reg); ok {
		pi.Regulator.Name = cleanLine(r.Name)
	}
	for _, pl := range pack.Platforms {
		if t, ok := p.Accounts[pl.ID]; ok {
			pi.Platforms = append(pi.Platforms, platformInfo{ID: cleanLine(pl.ID), Name: cleanLine(pl.Name), Account: cleanLine(string(t))})
		}
	}
	return pi
}

func buildScore(pack *Pack, s Score) scoreInfo {
	si := scoreInfo{Overall: tallyOf(s.Overall), Sections: []sectionView{}, Explanation: ScoreExplanation(), Caveat: scoreCaveat}
	for _, sec := range s.Sections {
		sv := sectionView{tallyView: tallyOf(sec.Tally)}
		if sec.Section >= 0 && sec.Section < len(pack.Sections) {
			sv.ID, sv.Title = cleanLine(pack.Sections[sec.Section].ID), cleanLine(pack.Sections[sec.Section].Title)
		}
		si.Sections = append(si.Sections, sv)
	}
	return si
}

// tallyOf leads with the band, as the product notes ask: the percentage
// only ever appears beside it.
func tallyOf(t Tally) tallyView {
	v := tallyView{
		Band: string(t.Band), Percent: t.Percent, Safe: t.Safe, Action: t.Action, Unanswered: t.Unanswered,
		NotApplicable: t.NotApplies, Accepted: t.Accepted, HighOpen: t.HighOpen,
		Label:  fmt.Sprintf("%s (%d%%)", t.Band, t.Percent),
		Counts: fmt.Sprintf("%d safe, %d to act on, %d unanswered", t.Safe, t.Action, t.Unanswered),
	}
	switch {
	case t.Band == BandNone:
		v.Label = string(BandNone) + " yet"
	case t.Unanswered > 0:
		// A band for a half-answered section mostly reflects the gaps, so
		// the label says so rather than calling the user "exposed".
		v.Label = fmt.Sprintf("not finished (so far %s, %d%%)", t.Band, t.Percent)
	}
	return v
}

// writeJSON writes the report document. Indented output keeps it readable
// and diffable; HTML escaping stays on so the file is safe to paste into a
// web page.
func writeJSON(b *bytes.Buffer, d *reportData) error {
	enc := json.NewEncoder(b)
	enc.SetIndent("", "  ")
	return enc.Encode(d)
}
