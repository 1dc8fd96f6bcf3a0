package cli

import (
	"testing"

	"github.com/pressend/pressend/checklist"
	"github.com/pressend/pressend/checklist/display"
	"github.com/pressend/pressend/content"
)

// TestKnownTypical: the generated typical length is used for the embedded
// pack as it is, never once an organisation's pack is layered on.
func TestKnownTypical(t *testing.T) {
	base, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	f := knownTypical(base)
	if f == nil {
		t.Fatal("no known range for the embedded pack")
	}
	lo, hi, ok := f(checklist.Full)
	wantLo, wantHi := display.TypicalMinutes(base, checklist.Full)
	if !ok || lo != wantLo || hi != wantHi {
		t.Errorf("known range %d to %d (ok %v), worked out %d to %d", lo, hi, ok, wantLo, wantHi)
	}
	layered := *base
	layered.Layers = append(append([]string{}, base.Layers...), "acme@1")
	if knownTypical(&layered) != nil {
		t.Error("the embedded pack's range was offered for a layered pack")
	}
}
