package display

import (
	"github.com/pressend/pressend/checklist"
)

// ShareSchema identifies the JSON share summary.
const ShareSchema = "pressend.share/v1"

// Share is the one-page summary a user can give to an appraiser, a
// portfolio or a manager. It is built only from counts, bands and dates:
// it never holds notes, handles, account or platform names, answers to
// single questions (some amount to admissions) or file paths. TestShare
// plants each of those and checks that none reaches any format.
type Share struct {
	Schema      string        `json:"schema"`
	Generator   Generator     `json:"generator"`
	Date        string        `json:"date"`
	PackVersion string        `json:"pack_version"`
	Role        string        `json:"role"`
	Nation      string        `json:"nation"`
	Accounts    AccountCounts `json:"accounts"`
	Mode        string        `json:"mode"`
	Completed   string        `json:"completed"`
	Overall     string        `json:"overall_band"`
	Sections    []ShareBand   `json:"sections"`
	OpenActions int           `json:"open_actions"`
	DoneActions int           `json:"done_actions"`
	// SinceLast counts changes since the last completed round; nil when
	// there was none.
	SinceLast  *ShareSince `json:"since_last"`
	NextReview string      `json:"next_review"`
	Reflection []string    `json:"reflection"`
	Notice     string      `json:"notice"`
}

// AccountCounts is how many accounts of each kind the user holds.
type AccountCounts struct {
	Personal     int `json:"personal"`
	Professional int `json:"professional"`
	Pseudonymous int `json:"pseudonymous"`
}

// ShareBand is a section's band, by title.
type ShareBand struct {
	Title string `json:"title"`
	Band  string `json:"band"`
}

// ShareSince counts the comparison with the last round, without saying
// which questions moved.
type ShareSince struct {
	Last      string `json:"last"`
	Worse     int    `json:"worse"`
	Fixed     int    `json:"fixed"`
	Changed   int    `json:"changed"`
	Unchanged int    `json:"unchanged"`
	New       int    `json:"new"`
}

// ShareTitle heads the summary in every format.
const ShareTitle = "pressend summary: social media self-audit"

// Reflection prompts suit appraisal and revalidation: they invite
// reflection without asking the user to write down anything admitting.
func Reflection() []string {
	return []string{
		"What did this audit change about how you use social media?",
		"Which action made the biggest difference, and what is still to do?",
		"What will you check at your next review?",
	}
}

// BuildShare makes the share summary of an evaluated audit.
func BuildShare(pack *checklist.Pack, a *checklist.Audit, ev checklist.Evaluation, o ReportOptions) *Share {
	r := Build(pack, a, ev, ReportOptions{Options: Options{Now: o.Now}, Version: o.Version})
	s := &Share{
		Schema: ShareSchema, Generator: r.Generator, Date: string(checklist.DateOf(o.Now)),
		PackVersion: PackLabel(pack), Mode: r.Audit.Mode, Overall: r.Score.Overall.Label,
		OpenActions: r.OpenActions, DoneActions: r.DoneActions, Sections: []ShareBand{},
		Reflection: Reflection(), Notice: NotLegalAdvice,
	}
	if a.Completed != nil {
		s.Completed = Stamp(*a.Completed)
	}
	if a.NextReview != "" {
		s.NextReview = Line(string(a.NextReview))
	}
	if p := r.Profile; p != nil {
		s.Role, s.Nation = p.Role.Name, p.Nation.Name
	}
	if a.Profile != nil {
		for _, t := range a.Profile.Accounts {
			switch t {
			case checklist.Personal:
				s.Accounts.Personal++
			case checklist.Professional:
				s.Accounts.Professional++
			case checklist.Pseudonymous:
				s.Accounts.Pseudonymous++
			}
		}
	}
	for _, sec := range r.Score.Sections {
		s.Sections = append(s.Sections, ShareBand{Title: sec.Title, Band: sec.Label})
	}
	if c := r.SinceLast; c != nil {
		s.SinceLast = &ShareSince{Last: c.Last, Worse: c.Worse, Fixed: c.Fixed, Changed: c.Changed, Unchanged: c.Unchanged, New: c.New}
	}
	return s
}
