package report

import (
	"regexp"
	"strings"
	"testing"
)

// TestReportHTMLSelfContained: the page must open offline and leak nothing.
func TestReportHTMLSelfContained(t *testing.T) {
	pack := reportPack()
	in := input(pack, reportAudit(pack), "")
	in.Path = "/secret/path.json" // known, but not asked for
	out := render(t, FormatHTML, in)
	for _, bad := range []string{"<script", "src=", "<link", "@import", "url(", "/secret/path.json"} {
		if strings.Contains(out, bad) {
			t.Errorf("HTML report contains %q", bad)
		}
	}
	// Links to sources are navigation, not resources: allowed, and only to
	// web addresses.
	for _, m := range regexp.MustCompile(`href="([^"]*)"`).FindAllStringSubmatch(out, -1) {
		if !strings.HasPrefix(m[1], "https://") && !strings.HasPrefix(m[1], "http://") {
			t.Errorf("HTML report links to %q", m[1])
		}
	}
	for _, want := range []string{"@page{size:A4", "counter(page)", "<caption>", `scope="col"`, "☐"} {
		if !strings.Contains(out, want) {
			t.Errorf("HTML report lacks %q", want)
		}
	}
	if strings.Contains(out, "overflow-wrap:anywhere") {
		t.Error("overflow-wrap:anywhere splits table headers mid-word")
	}
	if !strings.Contains(out, "@media print") {
		t.Error("HTML report has no print styles")
	}
}
