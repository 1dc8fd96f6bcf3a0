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
	member, share := memberCase(), shareInput()
	member.Path, share.Path, share.ShowPath = in.Path, in.Path, true
	for kind, in := range map[string]Input{"report": in, "member": member, "share": share} {
		t.Run(kind, func(t *testing.T) { checkHTMLPage(t, render(t, FormatHTML, in), kind != "share") })
	}
}

// checkHTMLPage is what every HTML page promises: nothing to fetch, links
// only to web addresses, A4 print rules with page numbers, and accessible
// tables. full pages also have tick boxes and smaller citations in print.
func checkHTMLPage(t *testing.T, out string, full bool) {
	t.Helper()
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
	wants := []string{"@page{size:A4", "counter(page)", "<caption>", `scope="col"`, `scope="row"`}
	if full {
		wants = append(wants, "☐", `class="cites"`)
	}
	for _, want := range wants {
		if !strings.Contains(out, want) {
			t.Errorf("HTML report lacks %q", want)
		}
	}
	i := strings.Index(out, "@media print")
	if i < 0 {
		t.Fatal("HTML report has no print styles")
	}
	if print := out[i:]; !regexp.MustCompile(`\.cites[^{]*\{font-size:[0-9.]+pt`).MatchString(print) {
		t.Error("citations are not set smaller in print")
	}
	if strings.Contains(out, "overflow-wrap:anywhere") {
		t.Error("overflow-wrap:anywhere splits table headers mid-word")
	}
}
