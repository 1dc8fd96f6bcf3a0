package teach

import (
	"crypto/sha256"
	"io"
	"testing"

	"github.com/pressend/pressend/checklist"
)

// The tests use a small pack of their own, not the UK deck, which is being
// rewritten in parallel: what matters here is the schema, every scenario
// type and every kind of source.
func testPack() *checklist.Pack {
	opt := func(text, fb string, best bool) checklist.Option {
		return checklist.Option{Text: text, Feedback: fb, Best: best}
	}
	return &checklist.Pack{
		ID: "test", Title: "Test pack", Version: "1.0.0", Layers: []string{"test@1.0.0"},
		Sources: []checklist.Source{
			{ID: "REG-GMC", Kind: checklist.SourceRegulator, Regulator: "gmc", Publisher: "General Medical Council", Title: "Social media guidance", Year: "2024", URL: "https://example.org/gmc?a=1&b=(2)", Confidence: checklist.Verified},
			{ID: "REG-NMC", Kind: checklist.SourceRegulator, Regulator: "nmc", Publisher: "Nursing and Midwifery Council", Title: "Guidance on social media", Year: "2015", URL: "https://example.org/nmc", Confidence: checklist.Verified},
			{ID: "PROF-DOC", Kind: checklist.SourceProfessional, Roles: []string{"doctor"}, Publisher: "Doctors' Union", Title: "Advice for doctors", Confidence: checklist.Secondary},
			{ID: "LAW-1", Kind: checklist.SourceLaw, Publisher: "Parliament", Title: "An Act", Year: "2018", URL: "javascript:alert(1)", Confidence: checklist.Verified},
			{ID: "EV-1", Kind: checklist.SourceEvidence, Publisher: "A newspaper", Title: "A case <b>reported</b>", URL: "https://example.org/news", Confidence: checklist.Uncertain},
			{ID: "OLD", Kind: checklist.SourceRegulator, Regulator: "nmc", Publisher: "NMC", Title: "Old advice", Status: checklist.StatusSuperseded, Confidence: checklist.Secondary},
			{ID: "BAD", Kind: checklist.SourceEvidence, Publisher: "Unreliable", Title: "Loose translation", Status: checklist.StatusUnreliable, Confidence: checklist.Secondary},
			{ID: "SCOT", Kind: checklist.SourceProfessional, Roles: []string{"all"}, Nations: []string{"scotland"}, Publisher: "Scottish body", Title: "Scottish standards", Confidence: checklist.Verified},
		},
		Regulators: []checklist.Regulator{{ID: "gmc", Name: "GMC", Full: "General Medical Council"}, {ID: "nmc", Name: "NMC", Full: "Nursing and Midwifery Council"}},
		Roles: []checklist.Role{
			{ID: "doctor", Name: "Doctor", Regulator: "gmc", Clinical: true},
			{ID: "nurse", Name: "Nurse", Regulator: "nmc", Clinical: true},
		},
		Scenarios: []checklist.Scenario{
			{
				ID: "rant", Title: "The rant account", Story: "Dr A posts angry threads.\nA letter arrives.",
				Question: "What should Dr A do?",
				Options: []checklist.Option{
					opt("Delete it", "Looks like hiding.", false), opt("Explain in public", "Keeps it circulating.", false),
					opt("Take advice first", "Open and proportionate.", true), opt("Ignore it", "The GMC must look into it.", false),
				},
				Principle: "A pseudonym is not anonymity.",
				Cite: []checklist.Citation{
					{Source: "REG-GMC", Para: "9", Regulators: []string{"gmc"}}, {Source: "REG-GMC", Para: "14", Regulators: []string{"gmc"}},
					{Source: "REG-NMC", Para: "Code 20.10", Regulators: []string{"nmc"}}, {Source: "PROF-DOC"},
					{Source: "LAW-1"}, {Source: "EV-1"}, {Source: "OLD", Historical: true}, {Source: "BAD"}, {Source: "SCOT"},
				},
				Discussion: []string{"What made it feel private?", "What would you change?"},
				Notes:      checklist.FacilitatorNotes{TeachingPoints: []string{"FACILITATOR ONLY"}},
			},
			{
				ID: "selfie", Title: "The selfie", Type: checklist.ScenarioScale, Story: "A patient asks for a selfie.",
				Question: "How acceptable is it?", Scale: checklist.Scale{Low: "Completely unacceptable", High: "Completely acceptable"},
				NoSingleAnswer: true, Commentary: "It depends on consent and setting.", Principle: "Consent to a photo is not consent to a post.",
				Cite: []checklist.Citation{{Source: "REG-NMC", Regulators: []string{"nmc"}}, {Source: "EV-1"}},
			},
			{
				ID: "group", Title: "The group chat", Story: "A colleague posts a photo in a group.", Question: "What now?",
				Options:        []checklist.Option{opt("Say nothing", "It may spread.", false), opt("Ask them to delete it", "Quick and kind.", false), opt("Report it", "Proportion matters.", false)},
				NoSingleAnswer: true, Commentary: "Several answers can be right.", Principle: "Confidentiality applies in groups.",
				Cite: []checklist.Citation{{Source: "LAW-1"}},
			},
		},
		Checks: []checklist.Check{
			{ID: "kc.groups", Question: "A closed group message is…", Options: []checklist.Option{opt("Private", "It can be forwarded.", false), opt("Able to become public", "Yes.", true), opt("Deleted after a day", "No.", false)}, Cite: []checklist.Citation{{Source: "REG-GMC", Para: "93"}}},
			{ID: "kc.ads", Question: "An affiliate code needs…", Options: []checklist.Option{opt("An Ad label first", "Correct.", true), opt("Nothing", "Wrong.", false)}, Cite: []checklist.Citation{{Source: "LAW-1"}}},
		},
	}
}

func testDeck(t testing.TB) *Deck {
	t.Helper()
	d, err := NewDeck(testPack())
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// detRand is a deterministic random stream: SHA-256 in counter mode over
// a seed, so tests get the same codes and ids on every run.
type detRand struct {
	seed string
	n    int
	buf  []byte
}

func newRand(seed string) *detRand { return &detRand{seed: seed} }

func (r *detRand) Read(p []byte) (int, error) {
	for len(r.buf) < len(p) {
		sum := sha256.Sum256([]byte(r.seed + string(rune(r.n))))
		r.n++
		r.buf = append(r.buf, sum[:]...)
	}
	n := copy(p, r.buf)
	r.buf = r.buf[n:]
	return n, nil
}

var _ io.Reader = (*detRand)(nil)

// zeros gives only zero bytes: a broken random source.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

func session(t testing.TB, d *Deck, seed string) string {
	t.Helper()
	code, err := NewSessionCode(d, newRand(seed))
	if err != nil {
		t.Fatal(err)
	}
	return code
}

// fullSubmission answers everything: round 1 and 2 of each scenario, a
// confidence, and each check.
func fullSubmission(t testing.TB, d *Deck, sess, seed string, pick func(q Question, round int) int) Submission {
	t.Helper()
	s, err := NewSubmission(d, sess, newRand(seed))
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range d.Questions() {
		a := Answer{Round1: pick(q, 1)}
		if !q.Check {
			a.Round2, a.Confidence = pick(q, 2), 3
		}
		s.Answers[q.ID] = a
	}
	return s
}
