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
