package report

import (
	"bytes"
	"encoding/json"

	"github.com/pressend/pressend/checklist/display"
)

// writeJSON writes the report document. Indented output keeps it readable
// and diffable; HTML escaping stays on so the file is safe to paste into a
// web page.
func writeJSON(b *bytes.Buffer, d *display.Report) error {
	enc := json.NewEncoder(b)
	enc.SetIndent("", "  ")
	return enc.Encode(d)
}
