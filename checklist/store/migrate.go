package store

import (
	"github.com/pressend/pressend/checklist"

	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"strconv"
	"strings"
	"time"
)

// Schema history
//
//	1  answers were plain state strings ("answers": {"key": "yes"}) with no
//	   reason or time, and the profile listed "platforms": ["x", "facebook"],
//	   all of them personal accounts, instead of the "accounts" map.
//	2  answers are objects {"state", "reason", "at"}; the profile has
//	   "accounts": {"platform": "personal|professional|pseudonymous"}.
//	3  "mode": "full|quick" replaces "quick": true; completed rounds are kept
//	   whole in "rounds" (each with its answers) instead of a "history" of
//	   totals plus the single "previous" map of states; adviser notes,
//	   delete-after dates and written reports are recorded.
//
// Every version is decoded into its own typed struct so that a value of the
// wrong type is reported as damage rather than silently zeroed. Unknown
// fields are ignored, as encoding/json does by default.

// auditV1 is the schema 1 file. Its Answers and Profile fields are at a
// shallower depth than the embedded Audit's, so encoding/json fills these
// instead of Audit's; every other field has the schema 2 shape.
type auditV1 struct {
	checklist.Audit
	Answers  map[string]checklist.State `json:"answers"`
	Profile  *profileV1                 `json:"profile,omitempty"`
	Quick    bool                       `json:"quick,omitempty"`
	History  []roundV2                  `json:"history,omitempty"`
	Previous map[string]checklist.State `json:"previous,omitempty"`
}

// profileV1 is the schema 1 profile. It is spelled out rather than embedding
// Profile so that a stray "accounts" field in an old file stays an unknown,
// ignored field instead of being decoded.
type profileV1 struct {
	Role         string   `json:"role"`
	Nation       string   `json:"nation"`
	Platforms    []string `json:"platforms"`
	Identifies   bool     `json:"identifies"`
	Publishes    bool     `json:"publishes"`
	PracticePage bool     `json:"practice_page"`
}

// auditV2 is the schema 2 file: the fields that changed in schema 3 sit
// beside the embedded Audit, whose other fields have the same shape.
type auditV2 struct {
	checklist.Audit
	Quick    bool                       `json:"quick,omitempty"`
	History  []roundV2                  `json:"history,omitempty"`
	Previous map[string]checklist.State `json:"previous,omitempty"`
}

// roundV2 is a schema 2 history entry: totals only.
type roundV2 struct {
	Completed time.Time      `json:"completed"`
	Percent   int            `json:"percent"`
	Band      checklist.Band `json:"band"`
	Actions   int            `json:"actions"`
}

// decodeAudit turns a file's bytes into an Audit of the current schema,
// migrating older versions in memory. Its errors describe, in words a user
// can act on, why the bytes are not a usable audit; the caller wraps them in
// a DamagedError with the path. It never panics, whatever the input
// (FuzzDecodeAudit checks this).
func decodeAudit(data []byte) (*checklist.Audit, error) {
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 {
		return nil, errors.New("the file is empty")
	}
	if trimmed[0] != '{' {
		return nil, errors.New("it is not a pressend audit (it does not hold a JSON object)")
	}
	// The version is read on its own first: a file from a newer pressend may
	// use types this build does not know, and "made by a newer pressend" is
	// a far more useful message than a type error.
	var head struct {
		Schema *int `json:"schema"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, describeJSONError(err)
	}
	var a *checklist.Audit
	switch {
	case head.Schema == nil || *head.Schema <= 0:
		return nil, errors.New("it has no schema version, so it was not written by pressend or has been edited")
	case *head.Schema > checklist.SchemaVersion:
		return nil, fmt.Errorf("it was made by a newer pressend (file schema %d, this version reads up to %d); update pressend to open it", *head.Schema, checklist.SchemaVersion)
	case *head.Schema == 1:
		var v1 auditV1
		if err := json.Unmarshal(data, &v1); err != nil {
			return nil, describeJSONError(err)
		}
		a = migrateV2(&auditV2{Audit: *migrateV1(&v1), Quick: v1.Quick, History: v1.History, Previous: v1.Previous})
	case *head.Schema == 2:
		var v2 auditV2
		if err := json.Unmarshal(data, &v2); err != nil {
			return nil, describeJSONError(err)
		}
		a = migrateV2(&v2)
	default:
		a = new(checklist.Audit)
		if err := json.Unmarshal(data, a); err != nil {
			return nil, describeJSONError(err)
		}
	}
	if err := checkValues(a); err != nil {
		return nil, err
	}
	a.Schema = checklist.SchemaVersion
	// Callers write into these maps; a file that left them out (omitempty)
	// must not make the first SetNote after loading panic on a nil map.
	if a.Answers == nil {
		a.Answers = map[string]checklist.Answer{}
	}
	if a.Notes == nil {
		a.Notes = map[string]string{}
	}
	if a.Done == nil {
		a.Done = map[string]time.Time{}
	}
	if a.AdviserNotes == nil {
		a.AdviserNotes = map[string]string{}
	}
	return a, nil
}

// migrateV2 lifts a schema 2 audit to schema 3. The quick flag becomes a
// mode. Each history entry becomes a round; only the last one can get its
// answers back: the previous-round states while a re-audit was under way,
// or the current answers when the audit was finished.
func migrateV2(v *auditV2) *checklist.Audit {
	a := v.Audit
	a.Mode = checklist.Full
	if v.Quick {
		a.Mode = checklist.Quick
	}
	for _, h := range v.History {
		a.Rounds = append(a.Rounds, checklist.Round{Completed: h.Completed, Percent: h.Percent, Band: h.Band, Actions: h.Actions})
	}
	if n := len(a.Rounds); n > 0 {
		last := &a.Rounds[n-1]
		switch {
		case a.Completed != nil:
			last.Answers = maps.Clone(a.Answers)
			a.Started = a.Created
		case v.Previous != nil:
			last.Answers = make(map[string]checklist.Answer, len(v.Previous))
			for k, s := range v.Previous {
				// Schema 2 kept no reason or time for previous answers.
				last.Answers[k] = checklist.Answer{State: s}
			}
			// The re-audit began after the last round finished.
			a.Started = last.Completed.Add(time.Second)
		}
	}
	if a.Started.IsZero() {
		a.Started = a.Created
	}
	return &a
}

// migrateV1 lifts a schema 1 audit to the current schema.
func migrateV1(v *auditV1) *checklist.Audit {
	a := v.Audit
	a.Answers = make(map[string]checklist.Answer, len(v.Answers))
	for k, s := range v.Answers {
		// Schema 1 did not record when an answer was given, so At stays
		// zero, meaning unknown, rather than inventing a time.
		a.Answers[k] = checklist.Answer{State: s}
	}
	a.Profile = nil
	if v.Profile != nil {
		p := &checklist.Profile{
			Role: v.Profile.Role, Nation: v.Profile.Nation,
			Identifies: v.Profile.Identifies, Publishes: v.Profile.Publishes, PracticePage: v.Profile.PracticePage,
			Accounts: make(map[string]checklist.AccountType, len(v.Profile.Platforms)),
		}
		// Schema 1 had no notion of account types: every account was a
		// personal one.
		for _, id := range v.Profile.Platforms {
			p.Accounts[id] = checklist.Personal
		}
		a.Profile = p
	}
	return &a
}

// checkValues rejects values of the right JSON type that no pressend ever
// writes. An answer with an unknown state would otherwise be scored as
// unanswered and then dropped or misreported without anyone noticing.
func checkValues(a *checklist.Audit) error {
	for k, ans := range a.Answers {
		if !ans.State.Valid() {
			return fmt.Errorf("the answer to %q has an unknown state %q", k, ans.State)
		}
	}
	for i, r := range a.Rounds {
		for k, ans := range r.Answers {
			if !ans.State.Valid() {
				return fmt.Errorf("round %d's answer to %q has an unknown state %q", i+1, k, ans.State)
			}
		}
	}
	switch a.Mode {
	case "":
		a.Mode = checklist.Full // written without one: the full audit
	case checklist.Full, checklist.Quick:
	default:
		return fmt.Errorf("the mode %q is neither full nor quick", a.Mode)
	}
	if a.Profile != nil {
		for id, t := range a.Profile.Accounts {
			if !t.Valid() {
				return fmt.Errorf("the account on %q has an unknown type %q", id, t)
			}
		}
	}
	return nil
}

// decodeError is a reason for the user with encoding/json's technical
// error behind it: Error gives only the reason, which goes into
// DamagedError.Reason; the detail stays reachable through Unwrap.
type decodeError struct {
	reason string
	err    error
}

func (e *decodeError) Error() string { return e.reason }
func (e *decodeError) Unwrap() error { return e.err }

// describeJSONError rephrases encoding/json's errors for a person deciding
// what to do about their file, keeping the original for errors.As.
func describeJSONError(err error) *decodeError {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF) || strings.Contains(err.Error(), "unexpected end of JSON input"):
		return &decodeError{"the file ends part-way through, as if it was cut short", err}
	case errors.As(err, &syn):
		return &decodeError{fmt.Sprintf("it is not valid JSON (the problem is at byte %d)", syn.Offset), err}
	case errors.As(err, &typ):
		field := "the file as a whole"
		if typ.Field != "" {
			field = strconv.Quote(typ.Field)
		}
		return &decodeError{fmt.Sprintf("%s has the wrong kind of value (a JSON %s)", field, typ.Value), err}
	}
	var pe *time.ParseError
	if errors.As(err, &pe) || strings.Contains(err.Error(), "Time.UnmarshalJSON") {
		// encoding/json does not say which field a bad time was in.
		return &decodeError{"a date or time in it is not valid", err}
	}
	return &decodeError{"it could not be read as an audit", err}
}

// readAudit loads and decodes the file at path. It only reads: a damaged
// file is reported, never changed. A link at path is followed for reading
// (a dangling one counts as no file); Save will replace the link itself.
func readAudit(path string) (*checklist.Audit, error) {
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%w at %s", ErrNotFound, path)
	}
	if err != nil {
		return nil, fmt.Errorf("could not read %s: %w", path, err)
	}
	// Checked before opening: opening a named pipe for reading would block.
	switch {
	case fi.IsDir():
		return nil, &DamagedError{Path: path, Reason: "there is a folder where the audit file should be"}
	case !fi.Mode().IsRegular():
		return nil, &DamagedError{Path: path, Reason: "it is not a regular file (" + fi.Mode().Type().String() + ")"}
	case fi.Size() > maxAuditSize:
		return nil, &DamagedError{Path: path, Reason: fmt.Sprintf("it is too large to be an audit (%d bytes)", fi.Size())}
	}
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%w at %s", ErrNotFound, path)
	}
	if err != nil {
		return nil, fmt.Errorf("could not read %s: %w", path, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxAuditSize+1))
	if err != nil {
		return nil, fmt.Errorf("could not read %s: %w", path, err)
	}
	if len(data) > maxAuditSize {
		return nil, &DamagedError{Path: path, Reason: "it is too large to be an audit"}
	}
	a, err := decodeAudit(data)
	if err != nil {
		return nil, &DamagedError{Path: path, Reason: err.Error(), Err: errors.Unwrap(err)}
	}
	return a, nil
}
