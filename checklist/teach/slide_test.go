package teach

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// TestSlideRoundTrip: the slide file is written whole and private, read
// back exactly, and a missing, damaged or foreign file is told apart.
func TestSlideRoundTrip(t *testing.T) {
	d := testDeck(t)
	path := filepath.Join(t.TempDir(), SlideFile)
	if _, err := ReadSlide(path); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a missing slide file should be fs.ErrNotExist, got %v", err)
	}
	q := d.Questions()[1]
	want := Slide{Session: "ACDE34", Deck: d.Hash, Question: q.ID, Index: 1, Phase: PhaseBoth, ShowBest: true}
	if err := WriteSlide(path, want); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}
	got, err := ReadSlide(path)
	if err != nil || got != want {
		t.Fatalf("read back %+v, %v; want %+v", got, err, want)
	}
	if !d.Fits(got) {
		t.Error("a slide written for this deck should fit it")
	}
	for _, bad := range []Slide{{Deck: "other", Question: q.ID, Index: 1}, {Deck: d.Hash, Question: q.ID, Index: 0}, {Deck: d.Hash, Question: q.ID, Index: 99}} {
		if d.Fits(bad) {
			t.Errorf("%+v should not fit", bad)
		}
	}
	os.WriteFile(path, []byte(`{"format":"pressend.teach.slide/v1","extra":1}`), 0o600)
	if _, err := ReadSlide(path); err == nil {
		t.Error("a file with unknown keys should be refused")
	}
}
