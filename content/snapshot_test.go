package content

import (
	"reflect"
	"testing"
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
