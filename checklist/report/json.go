package report

import (
	"bytes"
	"encoding/json"
)

// writeJSON writes the report document (a display.Report or a
// display.Share). Indented output keeps it readable and diffable; HTML
// escaping stays on so the file is safe to paste into a web page.
func writeJSON(b *bytes.Buffer, doc any) error {
	enc := json.NewEncoder(b)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}
