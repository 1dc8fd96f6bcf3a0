package teach

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func first(q Question, round int) int { return 1 }

// TestAnswersFileHoldsOnlyWhatItMay is the privacy promise: the file's
// keys are exactly these, and nothing that could identify the student,
// the computer or the time is anywhere in it.
func TestAnswersFileHoldsOnlyWhatItMay(t *testing.T) {
	d := testDeck(t)
	s := fullSubmission(t, d, session(t, d, "s"), "id", first)
	data, err := s.Encode()
	if err != nil {
		t.Fatal(err)
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for k := range top {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if want := []string{"answers", "deck", "format", "session", "submission"}; !slices.Equal(keys, want) {
		t.Errorf("top-level keys %v, want exactly %v", keys, want)
	}
	var answers map[string]map[string]json.RawMessage
	if err := json.Unmarshal(top["answers"], &answers); err != nil {
		t.Fatal(err)
	}
	for id, a := range answers {
		if _, ok := d.Question(id); !ok {
			t.Errorf("answers key %q is not a deck id", id)
		}
		for k := range a {
			if k != "round1" && k != "round2" && k != "confidence" {
				t.Errorf("answer %q has key %q", id, k)
			}
		}
	}
	host, _ := os.Hostname()
	wd, _ := os.Getwd()
	for _, bad := range []string{os.Getenv("USER"), host, wd, "time", "date", "name", "role", "profession"} {
		if len(bad) >= 3 && strings.Contains(strings.ToLower(string(data)), strings.ToLower(bad)) {
			t.Errorf("answers file contains %q:\n%s", bad, data)
		}
	}
	if !regexp.MustCompile(`"submission": "[0-9a-f]{32}"`).Match(data) {
		t.Errorf("no 128-bit hex submission id:\n%s", data)
	}
}

func TestSubmissionRoundTrip(t *testing.T) {
	d := testDeck(t)
	s := fullSubmission(t, d, session(t, d, "s"), "id", first)
	data, _ := s.Encode()
	got, err := ParseSubmission(data)
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != s.ID || got.Session != s.Session || got.Deck != s.Deck || len(got.Answers) != len(s.Answers) {
		t.Errorf("round trip changed the submission: %+v", got)
	}
	if err := d.Check(got); err != nil {
		t.Errorf("deck refused its own submission: %v", err)
	}
}

func TestParseSubmissionRefuses(t *testing.T) {
	d := testDeck(t)
	sess := session(t, d, "s")
	good := `{"format":"pressend.teach.answers/v1","session":"` + sess + `","deck":"` + d.Hash + `","submission":"0123456789abcdef0123456789abcdef","answers":{"rant":{"round1":1}}}`
	if _, err := ParseSubmission([]byte(good)); err != nil {
		t.Fatalf("the good file was refused: %v", err)
	}
	tests := map[string]string{
		"not JSON":         `hello`,
		"empty":            ``,
		"array":            `[]`,
		"extra field":      strings.Replace(good, `"answers"`, `"name":"Dr A","answers"`, 1),
		"extra in answer":  strings.Replace(good, `"round1":1`, `"round1":1,"time":"09:00"`, 1),
		"no format":        strings.Replace(good, `"format":"pressend.teach.answers/v1",`, ``, 1),
		"other format":     strings.Replace(good, `answers/v1`, `hands/v1`, 1),
		"newer format":     strings.Replace(good, `answers/v1`, `answers/v2`, 1),
		"short id":         strings.Replace(good, `0123456789abcdef0123456789abcdef`, `0123`, 1),
		"upper-case id":    strings.Replace(good, `0123456789abcdef0123456789abcdef`, `0123456789ABCDEF0123456789ABCDEF`, 1),
		"bad deck":         strings.Replace(good, d.Hash, `xyz`, 1),
		"bad session":      strings.Replace(good, sess, `OOOOOO`, 1),
		"no answers":       strings.Replace(good, `,"answers":{"rant":{"round1":1}}`, ``, 1),
		"fraction":         strings.Replace(good, `"round1":1`, `"round1":1.5`, 1),
		"string choice":    strings.Replace(good, `"round1":1`, `"round1":"1"`, 1),
		"trailing data":    good + `{}`,
		"huge number":      strings.Replace(good, `"round1":1`, `"round1":99999999999999999999`, 1),
		"answers is array": strings.Replace(good, `{"rant":{"round1":1}}`, `[]`, 1),
	}
	for name, in := range tests {
		if _, err := ParseSubmission([]byte(in)); err == nil {
			t.Errorf("%s: accepted %s", name, in)
		}
	}
	if _, err := ParseSubmission([]byte(tests["newer format"])); err == nil || !strings.Contains(err.Error(), "newer pressend") {
		t.Errorf("a newer format should say to update pressend: %v", err)
	}
}

func TestDeckCheckRefuses(t *testing.T) {
	d := testDeck(t)
	sess := session(t, d, "s")
	base := func() Submission {
		return Submission{Session: sess, Deck: d.Hash, ID: strings.Repeat("a", 32), Answers: map[string]Answer{}}
	}
	tests := map[string]func(s *Submission){
		"unknown id":        func(s *Submission) { s.Answers["nope"] = Answer{Round1: 1} },
		"choice too high":   func(s *Submission) { s.Answers["rant"] = Answer{Round1: 5} },
		"scale too high":    func(s *Submission) { s.Answers["selfie"] = Answer{Round2: 6} },
		"negative":          func(s *Submission) { s.Answers["rant"] = Answer{Round1: -1} },
		"confidence 6":      func(s *Submission) { s.Answers["rant"] = Answer{Round1: 1, Confidence: 6} },
		"check round 2":     func(s *Submission) { s.Answers["kc.ads"] = Answer{Round1: 1, Round2: 1} },
		"check confidence":  func(s *Submission) { s.Answers["kc.ads"] = Answer{Round1: 1, Confidence: 2} },
		"another deck hash": func(s *Submission) { s.Deck = "000000000000" },
	}
	for name, change := range tests {
		s := base()
		change(&s)
		if err := d.Check(s); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	ok := base()
	ok.Answers["selfie"] = Answer{Round1: 5, Round2: 1, Confidence: 5}
	if err := d.Check(ok); err != nil {
		t.Errorf("a valid scale answer was refused: %v", err)
	}
}

func TestSaverWritesPrivateAtomicFiles(t *testing.T) {
	d := testDeck(t)
	dir := t.TempDir()
	sv, err := NewSaver(dir, newRand("name"))
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^pressend-answers-[a-z0-9]{8}\.json$`).MatchString(filepath.Base(sv.Path())) {
		t.Errorf("file name %q", filepath.Base(sv.Path()))
	}
	if _, err := os.Stat(sv.Path()); !errors.Is(err, os.ErrNotExist) {
		t.Error("the file exists before the first answer: an empty file would be counted")
	}
	s := fullSubmission(t, d, session(t, d, "s"), "id", first)
	for range 3 {
		if err := sv.Save(s); err != nil {
			t.Fatal(err)
		}
	}
	got, _ := os.ReadFile(sv.Path())
	want, _ := s.Encode()
	if string(got) != string(want) {
		t.Errorf("file holds\n%s\nwant\n%s", got, want)
	}
	fi, _ := os.Stat(sv.Path())
	if perm := fi.Mode().Perm(); perm != 0o600 && os.PathSeparator == '/' {
		t.Errorf("mode %v, want 0600", perm)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("%d files in the folder, want 1 (no temp files left)", len(entries))
	}
	// The same random stream would pick the same name: the saver must
	// notice the file is taken and pick another.
	sv2, err := NewSaver(dir, newRand("name"))
	if err != nil {
		t.Fatal(err)
	}
	if sv2.Path() == sv.Path() {
		t.Error("a second student was given a name already in use")
	}
	if _, err := NewSaver(filepath.Join(dir, "missing"), newRand("x")); err == nil || !strings.Contains(err.Error(), "--out") {
		t.Errorf("missing folder: %v", err)
	}
	if _, err := NewSaver(sv.Path(), newRand("x")); err == nil {
		t.Error("a file was accepted as the folder")
	}
}

func TestWriteFileNeverOverwritesUnlessForced(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "handout.md")
	if err := WriteFile(p, []byte("one"), false); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(p, []byte("two"), false); err == nil || !strings.Contains(err.Error(), "--force") {
		t.Errorf("overwrote without --force: %v", err)
	}
	if b, _ := os.ReadFile(p); string(b) != "one" {
		t.Errorf("file now holds %q", b)
	}
	if err := WriteFile(p, []byte("three"), true); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(p); string(b) != "three" {
		t.Errorf("--force did not replace: %q", b)
	}
	fi, _ := os.Stat(p)
	if perm := fi.Mode().Perm(); perm != 0o600 && os.PathSeparator == '/' {
		t.Errorf("mode %v, want 0600", perm)
	}
	if err := WriteFile(dir, []byte("x"), true); err == nil || !strings.Contains(err.Error(), "folder") {
		t.Errorf("writing over a folder: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d files left, want 1", len(entries))
	}
}
