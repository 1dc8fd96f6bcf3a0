package checklist

// Harm is a kind of harm an item guards against. Its rank orders the
// action plan: the plan puts what would hurt a patient or the professional
// most first, and the pack writes down why each harm ranks where it does.
type Harm struct {
	ID string `yaml:"id" json:"id"`
	// Rank is 1 for the most serious harm; ranks are unique in a pack.
	Rank  int    `yaml:"rank" json:"rank"`
	Title string `yaml:"title" json:"title"`
	// Reason says, for the user, why this harm ranks here: what the cases
	// and guidance show gets people into trouble.
	Reason string     `yaml:"reason" json:"reason"`
	Cite   []Citation `yaml:"cite,omitempty" json:"cite,omitempty"`
}

// Basis says what a click-path rests on. None of the embedded paths was
// followed in the apps themselves: they were researched from published
// pages, and the app says exactly that.
type Basis string

// The bases of a click-path.
const (
	// BasisHelpPage: the platform's own published help pages.
	BasisHelpPage Basis = "help-page"
	// BasisSecondary: reputable technology sites or news reports only.
	BasisSecondary Basis = "secondary"
	// BasisUncertain: conflicting or weak reports; check in the app.
	BasisUncertain Basis = "uncertain"
)

// Valid reports whether b is a known basis.
func (b Basis) Valid() bool {
	return b == BasisHelpPage || b == BasisSecondary || b == BasisUncertain
}

// HowTo is the click-path for checking one item on one platform.
type HowTo struct {
	Steps []string `yaml:"steps" json:"steps"`
	// Researched is the day the path was worked out from published pages.
	Researched Date  `yaml:"researched" json:"researched"`
	Basis      Basis `yaml:"basis" json:"basis"`
	// Checked is the day someone followed the path in the app itself.
	// Only then may the app call the path verified. A path whose basis is
	// secondary or uncertain cannot carry it: it was never confirmed by
	// the platform.
	Checked Date `yaml:"checked,omitempty" json:"checked,omitempty"`
	// Fallback is what to search for in the app's settings when the path
	// has moved ("search the app's settings for …").
	Fallback string `yaml:"fallback" json:"fallback"`
	Note     string `yaml:"note,omitempty" json:"note,omitempty"`
	// Action replaces the item's action on this platform, so an action
	// names only the platform it is about.
	Action string `yaml:"action,omitempty" json:"action,omitempty"`
	// Uncertain is a fact about this platform's setting that the research
	// marks uncertain; it is shown only to users of this platform.
	Uncertain string `yaml:"uncertain,omitempty" json:"uncertain,omitempty"`
	// Sources are the help pages or sites the path rests on (kind steps).
	Sources []string `yaml:"sources,omitempty" json:"sources,omitempty"`
}

// Applies filters an item by the user's profile. Every non-empty field must
// match. Platforms also makes the item ask one row per chosen platform in
// the list.
type Applies struct {
	Platforms []string      `yaml:"platforms,omitempty" json:"platforms,omitempty"`
	Accounts  []AccountType `yaml:"accounts,omitempty" json:"accounts,omitempty"`
	Roles     []string      `yaml:"roles,omitempty" json:"roles,omitempty"`
	Nations   []string      `yaml:"nations,omitempty" json:"nations,omitempty"`
	// Flags must all hold for the profile: identifies, publishes,
	// practice_page, pseudonym, student, clinical, registered.
	Flags []string `yaml:"flags,omitempty" json:"flags,omitempty"`
	// AnyFlags needs at least one of its flags to hold.
	AnyFlags []string `yaml:"any_flags,omitempty" json:"any_flags,omitempty"`
	// NotFlags must all be false (for example an item only for people who
	// are not students).
	NotFlags []string `yaml:"not_flags,omitempty" json:"not_flags,omitempty"`
}

// Variant rewords an item for some users: students get placement and
// "before you qualify" wording, a nation its own speaking-up routes. The
// first variant whose conditions all hold replaces each field it sets.
type Variant struct {
	Roles       []string `yaml:"roles,omitempty" json:"roles,omitempty"`
	Nations     []string `yaml:"nations,omitempty" json:"nations,omitempty"`
	Flags       []string `yaml:"flags,omitempty" json:"flags,omitempty"`
	Question    string   `yaml:"question,omitempty" json:"question,omitempty"`
	Why         string   `yaml:"why,omitempty" json:"why,omitempty"`
	More        string   `yaml:"more,omitempty" json:"more,omitempty"`
	Check       string   `yaml:"check,omitempty" json:"check,omitempty"`
	Action      string   `yaml:"action,omitempty" json:"action,omitempty"`
	CheckAction string   `yaml:"check_action,omitempty" json:"check_action,omitempty"`
}

// Item is one audit question. Question is phrased so that "yes" is the safe
// answer, and asks about the user's own accounts or habits: a check, never
// a test of knowledge (those belong in the teaching deck).
type Item struct {
	ID       string `yaml:"id" json:"id"`
	Question string `yaml:"question" json:"question"`
	// Why is one or two sentences, shown on the question screen.
	Why string `yaml:"why" json:"why"`
	// More is the fuller explanation, opened on a key.
	More string `yaml:"more,omitempty" json:"more,omitempty"`
	// Harm names the Harm this item guards against; its rank orders the
	// plan.
	Harm     string   `yaml:"harm" json:"harm"`
	Severity Severity `yaml:"severity" json:"severity"`
	// RaiseIfIdentified lifts the severity one level on accounts where the
	// user is identifiable as a health professional (content brief §7).
	RaiseIfIdentified bool    `yaml:"raise_if_identified,omitempty" json:"raise_if_identified,omitempty"`
	Applies           Applies `yaml:"applies,omitempty" json:"applies,omitempty"`
	// Check says how to find out, for items that are not about a platform
	// setting (or in addition to the per-platform steps).
	Check string           `yaml:"check,omitempty" json:"check,omitempty"`
	HowTo map[string]HowTo `yaml:"howto,omitempty" json:"howto,omitempty"`
	// Action is what to do when the answer is not safe.
	Action string `yaml:"action" json:"action"`
	// CheckAction is the action when the answer is "unsure"; it begins
	// "Check…". When empty the app derives one from Action.
	CheckAction string `yaml:"check_action,omitempty" json:"check_action,omitempty"`
	// Work is the minutes of hands-on work the action needs beyond reading
	// it and following the steps (reviewing old posts, say). The app adds
	// the reading and tapping time it computes from the text.
	Work  int        `yaml:"work,omitempty" json:"work,omitempty"`
	Kind  ActionKind `yaml:"kind" json:"kind"`
	Quick bool       `yaml:"quick,omitempty" json:"quick,omitempty"`
	Cite  []Citation `yaml:"cite" json:"cite"`
	// Uncertain names a fact in this item the research marks uncertain.
	// Facts about one platform go in that platform's HowTo.Uncertain.
	Uncertain string `yaml:"uncertain,omitempty" json:"uncertain,omitempty"`
	// Record turns the item into a guided exercise: the app fetches
	// nothing and invites the user to note what they found.
	Record   string    `yaml:"record,omitempty" json:"record,omitempty"`
	Variants []Variant `yaml:"variants,omitempty" json:"variants,omitempty"`
}

// Section groups items under one theme.
type Section struct {
	ID    string `yaml:"id" json:"id"`
	Title string `yaml:"title" json:"title"`
	Intro string `yaml:"intro,omitempty" json:"intro,omitempty"`
	Items []Item `yaml:"items" json:"items"`
}
