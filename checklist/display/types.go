package display

// Report is a whole audit as shown: every string already cleaned,
// tailored and masked. It doubles as the JSON report; fields tagged "-"
// are wording for the other formats. checklist/report/REPORT-SCHEMA.md
// documents the JSON side; keep the two in step.
type Report struct {
	Schema      string       `json:"schema"`
	Generator   Generator    `json:"generator"`
	GeneratedAt string       `json:"generated_at"`
	Audit       AuditInfo    `json:"audit"`
	Pack        PackInfo     `json:"pack"`
	Profile     *ProfileInfo `json:"profile"`
	Progress    Progress     `json:"progress"`
	AllClear    bool         `json:"all_clear"`
	Score       ScoreInfo    `json:"score"`
	First       *Action      `json:"first"`
	OpenActions int          `json:"open_actions"`
	DoneActions int          `json:"done_actions"`
	OpenMinutes int          `json:"open_minutes"`
	Actions     []Action     `json:"actions"`
	Accepted    []Risk       `json:"accepted"`
	Notes       []Note       `json:"notes"`
	Unanswered  int          `json:"unanswered"`
	NextReview  string       `json:"next_review"`
	SinceLast   *Since       `json:"since_last"`
	// GeneralNote is the audit's general note; AdviserGeneralNote its
	// adviser-only counterpart, only when adviser notes are asked for.
	GeneralNote        string `json:"general_note"`
	AdviserGeneralNote string `json:"adviser_general_note"`
	// Member is the part of an adviser's report for the member's file.
	Member *Member `json:"member"`
	// Org is the organisation behind a custom pack, for its contact details
	// and footer.
	Org       *OrgInfo  `json:"org"`
	Notice    string    `json:"notice"`
	Groups    []Group   `json:"-"`
	Date      string    `json:"-"`
	Sentences Sentences `json:"-"`
}

// Generator names the program that wrote a report.
type Generator struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Sentences are built from counts and dates only (never user text),
// worded once so every format agrees.
type Sentences struct {
	Progress, Open, Unanswered, Review, Since, Finish, Carried string
	Stale                                                      []string
}

// AuditInfo identifies the audit.
type AuditInfo struct {
	Name      string `json:"name"`
	File      string `json:"file,omitempty"`
	Mode      string `json:"mode"`
	Created   string `json:"created"`
	Updated   string `json:"updated"`
	Completed string `json:"completed"`
}

// PackInfo describes the content the answers were given against.
type PackInfo struct {
	ID       string   `json:"id"`
	Version  string   `json:"version"`
	Title    string   `json:"title"`
	Layers   []string `json:"layers"`
	Reviewed string   `json:"reviewed"`
	// OldPaths are the user's platforms whose click-paths are past the
	// nine-month check (see checklist.CheckFreshness).
	OldPaths []string `json:"old_paths"`
	Label    string   `json:"-"`
}

// Named is an id with its display name.
type Named struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// ProfileInfo is the profile with display names.
type ProfileInfo struct {
	Role         Named          `json:"role"`
	Regulator    Named          `json:"regulator"`
	Nation       Named          `json:"nation"`
	Identifies   bool           `json:"identifies"`
	Publishes    bool           `json:"publishes"`
	PracticePage bool           `json:"practice_page"`
	Platforms    []PlatformInfo `json:"platforms"`
	// Gaps says what pressend's content does not cover for this user, such
	// as a regulator whose guidance was not researched.
	Gaps []string `json:"gaps"`
}

// PlatformInfo is one account in the profile.
type PlatformInfo struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Account string `json:"account"`
}

// Progress counts answered rows in the current round.
type Progress struct {
	Answered int `json:"answered"`
	Total    int `json:"total"`
	// Questions is the number of questions (a question may have a row per
	// platform).
	Questions int `json:"questions"`
}

// Tally is a scored set of rows, band first.
type Tally struct {
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

// SectionTally embeds the tally so its fields sit beside id and title in
// the JSON, as the schema documents.
type SectionTally struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Tally
}

// HarmInfo is a harm as the "how this is calculated" panel lists it.
type HarmInfo struct {
	Rank   int    `json:"rank"`
	Title  string `json:"title"`
	Reason string `json:"reason"`
}

// ScoreInfo is the score with its explanation.
type ScoreInfo struct {
	Overall     Tally          `json:"overall"`
	Sections    []SectionTally `json:"sections"`
	Explanation []string       `json:"explanation"`
	Harms       []HarmInfo     `json:"harms"`
	Caveat      string         `json:"caveat"`
}

// Action is one action of the plan.
type Action struct {
	Key          string `json:"key"`
	Item         string `json:"item"`
	Section      string `json:"section"`
	Platform     string `json:"platform"`
	PlatformName string `json:"platform_name"`
	// Subject is what the action is about: the question it came from.
	Subject    string   `json:"question"`
	Harm       string   `json:"harm"`
	Rank       int      `json:"rank"`
	Severity   string   `json:"severity"`
	Raised     bool     `json:"raised"`
	State      string   `json:"state"`
	Text       string   `json:"text"`
	Minutes    int      `json:"minutes"`
	Group      string   `json:"group"`
	Done       bool     `json:"done"`
	DoneAt     string   `json:"done_at"`
	LastRound  bool     `json:"from_last_round"`
	Note       string   `json:"note"`
	Check      string   `json:"check"`
	Steps      []string `json:"steps"`
	Researched string   `json:"researched"`
	Fallback   string   `json:"fallback"`
	StepNote   string   `json:"steps_note"`
	Uncertain  []string `json:"uncertain"`
	Cites      []Cite   `json:"citations"`
	StepCites  []Cite   `json:"step_sources"`
	DoneText   string   `json:"-"`
	RaisedText string   `json:"-"`
}

// Where names an action's platform, or "All accounts".
func (a Action) Where() string {
	if a.PlatformName == "" {
		return General
	}
	return a.PlatformName
}

// Path is the action's steps joined with arrows.
func (a Action) Path() string {
	s := ""
	for i, st := range a.Steps {
		if i > 0 {
			s += " → "
		}
		s += st
	}
	return s
}

// Group is layout only: the JSON keeps the plan's single priority order.
type Group struct {
	Platform string
	Name     string
	Actions  []Action
}

// Risk is a risk the user chose to keep.
type Risk struct {
	Key          string `json:"key"`
	Item         string `json:"item"`
	Platform     string `json:"platform"`
	PlatformName string `json:"platform_name"`
	Severity     string `json:"severity"`
	Question     string `json:"question"`
	Reason       string `json:"reason"`
	Note         string `json:"note"`
}

// Note is a note on a question that is neither an action nor an accepted
// risk, so nothing the user wrote is dropped from their report.
type Note struct {
	Key          string `json:"key"`
	Item         string `json:"item"`
	Platform     string `json:"platform"`
	PlatformName string `json:"platform_name"`
	Question     string `json:"question"`
	State        string `json:"state"`
	StateLabel   string `json:"-"`
	Note         string `json:"note"`
}

// Member heads an adviser's report for the member's file: whose case it
// is, who advised, which guidance applies, what was not covered and when
// the data will be deleted.
type Member struct {
	Reference string `json:"reference"`
	Date      string `json:"date"`
	Initials  string `json:"adviser_initials"`
	Regulator string `json:"regulator"`
	// NotCovered lists what pressend's content does not cover for this
	// member (a regulator's guidance not researched, say).
	NotCovered  []string `json:"not_covered"`
	DeleteAfter string   `json:"delete_after"`
}

// OrgInfo is the organisation behind a custom pack.
type OrgInfo struct {
	Name    string `json:"name"`
	Contact string `json:"contact"`
	Footer  string `json:"footer"`
}
