package content

import (
	"encoding/json"
	"io/fs"
	"strings"
	"testing"

	"github.com/pressend/pressend/checklist"
)

// roundTrip encodes p as YAML and parses it back.
func roundTrip(t *testing.T, name string, p *checklist.Pack) {
	t.Helper()
	out, err := Encode(p, "yaml")
	if err != nil {
		t.Fatal(err)
	}
	back, probs := ParseFile(name, out)
	if len(probs) > 0 {
		t.Fatalf("%s: encoded pack does not parse: %v\n%s", name, probs, out)
	}
	back.Layers = p.Layers // not part of the format
	if !equalPacks(p, back) {
		t.Errorf("%s: encoded pack parses to a different pack:\n%s", name, out)
	}
}

func TestEncodeRoundTrip(t *testing.T) {
	roundTrip(t, "base", loadBase(t))

	// The embedded files merged without validation, so this holds while
	// the pack is being written; then the validated pack itself.
	names, _ := fs.Glob(packsFS, embeddedDir+"/*.yaml")
	merged := &checklist.Pack{}
	o := &origin{lists: map[string][]ref{}, fields: map[string]int{}}
	for i, name := range names {
		data, _ := fs.ReadFile(packsFS, name)
		p, f, _ := parse(name, data)
		o.files = append(o.files, f)
		if p != nil {
			mergeFile(merged, p, o, i)
		}
	}
	roundTrip(t, "embedded files", merged)
	if p, err := Embedded(); err == nil {
		roundTrip(t, "embedded", p)
		out, _ := Encode(p, "yaml")
		if !strings.HasPrefix(string(out), "# layers: "+p.Layers[0]+"\n") {
			t.Errorf("YAML does not start with the layers comment: %.80s", out)
		}
	}
}

func TestEncodeAwkwardText(t *testing.T) {
	texts := []string{
		"yes", "no", "2024", "20.10", "1e3", ".inf", "-.inf", ".NaN", "0x10", "null", "~", "true", "2026-11-22", "12:30",
		"- x", "? x", ": x", "#x", "x # y", "a: b", "x:", "---", "...", "a\n---\nb", "@at", "`tick", "%pct", "!bang",
		"&amp", "*star", "|pipe", ">gt", "{b}", "[s]", "'q'", `"dq"`, `back\slash`, " lead", "trail ", "  ", "",
		"line1\nline2", "line1\nline2\n", "two\n\n", "\n", "trail \nx", "  indented\nfirst", "a\n\nb", "\ttab",
		"a\tb", "a\r\nb", "\r", "x\x7f", "\x00z", "\u2028", "\u0085", "\ufeffbom", "a\u00a0", "é ünï", "emoji 😀",
		strings.Repeat("long words that fold ", 12) + "end",
		strings.Repeat("x", 200), "  two  spaces  " + strings.Repeat("y ", 50),
	}
	p := loadBase(t)
	it := &p.Sections[0].Items[0]
	for _, s := range texts {
		it.Question, it.Why, it.Action, it.Check = s, s, s, s
		it.HowTo = map[string]checklist.HowTo{s: {Steps: []string{s, s}, Fallback: s, Researched: "2026-01-01"}}
		it.Cite[0].Para = s
		p.Title = s
		roundTrip(t, strings.ReplaceAll(s, "\n", `\n`), p)
	}
}

func TestEncodeJSON(t *testing.T) {
	p := loadBase(t)
	out, err := Encode(p, "json")
	if err != nil {
		t.Fatal(err)
	}
	var back checklist.Pack
	if err := json.Unmarshal(out, &back); err != nil {
		t.Fatal(err)
	}
	if !equalPacks(p, &back) || len(back.Layers) != 1 || !strings.Contains(string(out), `"severity": "medium"`) {
		t.Errorf("JSON does not round-trip:\n%s", out)
	}
	if _, err := Encode(p, "toml"); err == nil {
		t.Error("unknown format must fail")
	}
}
