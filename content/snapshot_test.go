package content

import (
	"reflect"
	"testing"

	"github.com/pressend/pressend/checklist"
	"github.com/pressend/pressend/checklist/display"
)

// TestSnapshotMatchesSource keeps the fast start-up snapshot honest: it
// must equal the pack parsed and validated from the YAML files.
func TestSnapshotMatchesSource(t *testing.T) {
	src, err := EmbeddedFromSource()
	if err != nil {
		t.Fatalf("embedded YAML: %v", err)
	}
	snap, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(src, snap) {
		t.Fatal("content/snapshot.json is out of date: run `go generate ./content`")
	}
}

// TestSnapshotTypicalMinutes keeps the generated typical-length range
// honest: it must be what display.TypicalMinutes works out for the pack
// today, so a change to the pack or to how estimates count fails here
// until `go generate ./content` is run.
func TestSnapshotTypicalMinutes(t *testing.T) {
	p, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, mode := range []checklist.Mode{checklist.Full, checklist.Quick} {
		lo, hi, ok := EmbeddedTypicalMinutes(mode)
		wantLo, wantHi := display.TypicalMinutes(p, mode)
		if !ok || lo != wantLo || hi != wantHi {
			t.Errorf("%s: generated %d to %d (ok %v), worked out %d to %d: run `go generate ./content`", mode, lo, hi, ok, wantLo, wantHi)
		}
	}
	if _, _, ok := EmbeddedTypicalMinutes("other"); ok {
		t.Error("a range for an unknown mode")
	}
}

// TestRequiredPlatformsHaveSteps: the 13 platforms each have dated,
// per-platform steps somewhere in the pack.
func TestRequiredPlatformsHaveSteps(t *testing.T) {
	p, _ := Embedded()
	for _, id := range []string{"x", "facebook", "instagram", "threads", "tiktok", "linkedin", "whatsapp",
		"snapchat", "bluesky", "mastodon", "reddit", "youtube", "fitness"} {
		n := 0
		for _, s := range p.Sections {
			for _, it := range s.Items {
				if h, ok := it.HowTo[id]; ok && len(h.Steps) > 0 && h.Researched != "" && h.Fallback != "" {
					n++
				}
			}
		}
		if n == 0 {
			t.Errorf("no dated steps for %s", id)
		}
		t.Logf("%-10s %d items with steps", id, n)
	}
}
