package checklist

// ScenarioType is how students answer a teaching scenario.
type ScenarioType string

// The scenario types.
const (
	// ScenarioChoice asks the student to pick one of 2 to 4 options.
	ScenarioChoice ScenarioType = "choice"
	// ScenarioScale asks how acceptable something is, from 1 to 5. It is
	// often honest to say there is no single right answer
	// (Scenario.NoSingleAnswer).
	ScenarioScale ScenarioType = "scale"
)

// Option is one answer to a teaching scenario or knowledge check.
type Option struct {
	Text     string `yaml:"text" json:"text"`
	Feedback string `yaml:"feedback" json:"feedback"`
	// Best marks the suggested answer (the correct one, in a knowledge
	// check). The app reveals it only after the second round, and on the
	// projector only when the facilitator chooses.
	Best bool `yaml:"best,omitempty" json:"best,omitempty"`
}

// Scale labels the two ends of a 1 to 5 acceptability scale.
type Scale struct {
	Low  string `yaml:"low" json:"low"`
	High string `yaml:"high" json:"high"`
}

// FacilitatorNotes are for the person running the session, shown in the
// notes window, never on the projector or a student's screen.
type FacilitatorNotes struct {
	TeachingPoints []string `yaml:"teaching_points,omitempty" json:"teaching_points,omitempty"`
	Misconceptions []string `yaml:"misconceptions,omitempty" json:"misconceptions,omitempty"`
}

// Scenario is a teaching vignette with choices (or a scale) and feedback.
type Scenario struct {
	ID       string       `yaml:"id" json:"id"`
	Title    string       `yaml:"title" json:"title"`
	Type     ScenarioType `yaml:"type,omitempty" json:"type,omitempty"`
	Story    string       `yaml:"story" json:"story"`
	Question string       `yaml:"question" json:"question"`
	Options  []Option     `yaml:"options,omitempty" json:"options,omitempty"`
	Scale    Scale        `yaml:"scale,omitempty" json:"scale,omitempty"`
	// NoSingleAnswer says the scenario has no single right answer: no
	// option is marked best, and Commentary discusses the range.
	NoSingleAnswer bool `yaml:"no_single_answer,omitempty" json:"no_single_answer,omitempty"`
	// Commentary is the feedback shown after the second answer to a scale
	// or no-single-answer scenario.
	Commentary string `yaml:"commentary,omitempty" json:"commentary,omitempty"`
	Principle  string `yaml:"principle" json:"principle"`
	// Placement marks a scenario written for students on placement.
	Placement  bool             `yaml:"placement,omitempty" json:"placement,omitempty"`
	Cite       []Citation       `yaml:"cite" json:"cite"`
	Discussion []string         `yaml:"discussion" json:"discussion"`
	Notes      FacilitatorNotes `yaml:"notes,omitempty" json:"notes,omitempty"`
	Items      []string         `yaml:"items,omitempty" json:"items,omitempty"`
}

// Kind returns the scenario's type, choice when unset.
func (s Scenario) Kind() ScenarioType {
	if s.Type == "" {
		return ScenarioChoice
	}
	return s.Type
}

// Check is one short item of the untimed knowledge check: a question with
// options, exactly one of them correct, and feedback with citations.
type Check struct {
	ID       string     `yaml:"id" json:"id"`
	Question string     `yaml:"question" json:"question"`
	Options  []Option   `yaml:"options" json:"options"`
	Cite     []Citation `yaml:"cite" json:"cite"`
	Items    []string   `yaml:"items,omitempty" json:"items,omitempty"`
}

// Org describes the organisation behind a layered pack (a union or
// defence body, say): its contact details and a footer for reports.
type Org struct {
	Name    string `yaml:"name" json:"name"`
	Contact string `yaml:"contact,omitempty" json:"contact,omitempty"`
	Footer  string `yaml:"footer,omitempty" json:"footer,omitempty"`
}
