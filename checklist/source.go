package checklist

import "slices"

// SourceKind says what a source is, which decides where the app shows it
// and what it calls it. Only a user's own regulator's guidance, and other
// professional guidance written for their role, is ever shown as
// "guidance"; cases and news are labelled as such; platform help supports
// the steps and is shown only beside them.
type SourceKind string

// The kinds of source. Their order here is the order of the tiers a user
// sees.
const (
	// SourceRegulator is guidance or standards issued by a professional
	// regulator (GMC, NMC, HCPC, GDC, GPhC, PSNI). Source.Regulator names it.
	SourceRegulator SourceKind = "regulator"
	// SourceProfessional is guidance from a professional body, defence
	// organisation, royal college, union, university or NHS body, for the
	// roles in Source.Roles.
	SourceProfessional SourceKind = "professional"
	// SourceLaw is legislation, a court judgment used as law, or a code
	// with legal force such as the CAP Code, and the rulings of the bodies
	// that enforce them (ASA, ICO, CMA). It applies to everyone.
	SourceLaw SourceKind = "law"
	// SourceEvidence is a case, statistic, news report, study or
	// commentary: it shows what happens, it is not guidance.
	SourceEvidence SourceKind = "evidence"
	// SourceSteps is a platform's help page or a technology site that a
	// click-path rests on. It is shown only with the steps.
	SourceSteps SourceKind = "steps"
)

// SourceKinds lists the kinds in tier order, for validation and docs.
func SourceKinds() []SourceKind {
	return []SourceKind{SourceRegulator, SourceProfessional, SourceLaw, SourceEvidence, SourceSteps}
}

// SourceStatus marks a source that must not be cited as support.
type SourceStatus string

const (
	// StatusCurrent is the zero value: the source may be cited.
	StatusCurrent SourceStatus = ""
	// StatusSuperseded is guidance replaced by a later version. It may be
	// cited only as history (Citation.Historical), never as support.
	StatusSuperseded SourceStatus = "superseded"
	// StatusUnreliable is a source the research itself judged unreliable
	// (a loose translation, say). It is kept in the register for the
	// record and never cited.
	StatusUnreliable SourceStatus = "unreliable"
)

// AllRoles in Source.Roles means guidance written for everyone who works
// in healthcare, such as NHS England's messaging guidance.
const AllRoles = "all"

// Source is one entry of the pack's source register.
type Source struct {
	ID        string `yaml:"id" json:"id"`
	Publisher string `yaml:"publisher" json:"publisher"`
	Title     string `yaml:"title" json:"title"`
	Year      string `yaml:"year,omitempty" json:"year,omitempty"`
	URL       string `yaml:"url,omitempty" json:"url,omitempty"`
	// Kind places the source in a tier (see SourceKind).
	Kind SourceKind `yaml:"kind" json:"kind"`
	// Regulator names the regulator that issued a SourceRegulator source.
	Regulator string `yaml:"regulator,omitempty" json:"regulator,omitempty"`
	// Roles lists the roles a source is written for. For a professional
	// source it is required ("all" for everyone); for any other kind it
	// narrows the audience, for example guidance for medical students, or
	// a news report about GPs.
	Roles []string `yaml:"roles,omitempty" json:"roles,omitempty"`
	// Nations limits the source to users in these nations (Scotland's
	// whistleblowing standards, say); empty means every nation.
	Nations    []string     `yaml:"nations,omitempty" json:"nations,omitempty"`
	Confidence Confidence   `yaml:"confidence" json:"confidence"`
	Status     SourceStatus `yaml:"status,omitempty" json:"status,omitempty"`
	// SupersededBy names the source that replaced a superseded one.
	SupersededBy string `yaml:"superseded_by,omitempty" json:"superseded_by,omitempty"`
	Note         string `yaml:"note,omitempty" json:"note,omitempty"`
	// Platform marks a source about one platform, such as its help
	// centre; it is then shown only with that platform's steps.
	Platform string `yaml:"platform,omitempty" json:"platform,omitempty"`
}

// For reports whether a source is written for a user: their regulator for
// regulator guidance, their role for professional guidance, their nation
// where the source is limited to some. Law, evidence and steps are for
// everyone (evidence is never called guidance) unless Roles narrows them,
// as for a report about GPs that a nursing student has no use for.
func (s Source) For(regulator, role, nation string) bool {
	if len(s.Nations) > 0 && !slices.Contains(s.Nations, nation) {
		return false
	}
	roleFits := len(s.Roles) == 0 || slices.Contains(s.Roles, AllRoles) || slices.Contains(s.Roles, role)
	switch s.Kind {
	case SourceRegulator:
		return regulator != "" && s.Regulator == regulator && roleFits
	case SourceProfessional:
		return len(s.Roles) > 0 && roleFits
	}
	return roleFits
}

// Citation points an item or scenario at a source, optionally at a paragraph.
// Who sees it follows from the source (Source.For); Regulators and Roles can
// narrow that further but never widen it.
type Citation struct {
	Source     string   `yaml:"source" json:"source"`
	Para       string   `yaml:"para,omitempty" json:"para,omitempty"`
	Regulators []string `yaml:"regulators,omitempty" json:"regulators,omitempty"`
	Roles      []string `yaml:"roles,omitempty" json:"roles,omitempty"`
	// Uncertain marks a paragraph number (or attribution) the research could
	// not confirm; the app says so next to it.
	Uncertain bool `yaml:"uncertain,omitempty" json:"uncertain,omitempty"`
	// Historical cites a superseded source for context, shown as history
	// and never as current guidance.
	Historical bool `yaml:"historical,omitempty" json:"historical,omitempty"`
}

// Tier is a heading under which citations are shown.
type Tier int

// The tiers, in the order they are shown.
const (
	// TierRegulator is the user's own regulator's guidance.
	TierRegulator Tier = iota + 1
	// TierProfessional is other professional guidance for the user's role.
	TierProfessional
	// TierLaw is law and advertising rules that bind everyone.
	TierLaw
	// TierEvidence is cases, news, statistics and commentary.
	TierEvidence
	// TierHistory is superseded guidance, kept for context.
	TierHistory
	// TierSteps is the sources behind a click-path, shown with the steps.
	TierSteps
)

// TierOf places a source in its tier.
func TierOf(s Source, historical bool) Tier {
	switch {
	case historical || s.Status == StatusSuperseded:
		return TierHistory
	case s.Kind == SourceRegulator:
		return TierRegulator
	case s.Kind == SourceProfessional:
		return TierProfessional
	case s.Kind == SourceLaw:
		return TierLaw
	case s.Kind == SourceSteps:
		return TierSteps
	}
	return TierEvidence
}
