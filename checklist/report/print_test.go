//go:build print

package report

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
)

// TestPrint prints the GP's reports to PDF with headless Chromium and
// checks they fit: the full report in at most eight A4 pages, the member's
// file in at most nine, the summary to share on one. It needs Chromium and
// poppler-utils, so it runs only with -tags print (testdata/print.sh), never
// in CI. The PDFs and a PNG of each first page are left in PRESSEND_PRINT_DIR
// (a temporary folder when it is not set).
func TestPrint(t *testing.T) {
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("chromium is not installed: apt-get install -y chromium poppler-utils")
	}
	dir := os.Getenv("PRESSEND_PRINT_DIR")
	if dir == "" {
		dir = t.TempDir()
	}
	pack, a := gpAudit(t)
	base := Input{Pack: pack, Audit: a, Now: a.Updated, Version: "print"}
	member := base
	member.Member = true
	share := base
	share.Share = true
	for _, tc := range []struct {
		name     string
		in       Input
		maxPages int
	}{{"gp-report", base, 8}, {"gp-member", member, 9}, {"gp-share", share, 1}} {
		t.Run(tc.name, func(t *testing.T) {
			html := filepath.Join(dir, tc.name+".html")
			pdf := filepath.Join(dir, tc.name+".pdf")
			if err := os.WriteFile(html, []byte(render(t, FormatHTML, tc.in)), 0o644); err != nil {
				t.Fatal(err)
			}
			profile := t.TempDir() // a fresh profile each run: no state carried over
			cmd := exec.Command(chromium, "--headless", "--no-sandbox", "--disable-gpu",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--no-first-run", "--user-data-dir="+profile, "--no-pdf-header-footer",
				"--print-to-pdf="+pdf, "file://"+html)
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("chromium: %v\n%s", err, out)
			}
			n := pdfPages(t, pdf)
			t.Logf("%s: %d A4 pages (%s)", tc.name, n, pdf)
			if n > tc.maxPages {
				t.Errorf("%s prints on %d pages, want at most %d", tc.name, n, tc.maxPages)
			}
			if png, err := exec.LookPath("pdftoppm"); err == nil {
				out := filepath.Join(dir, tc.name+"-page1")
				if b, err := exec.Command(png, "-png", "-r", "100", "-f", "1", "-l", "1", "-singlefile", pdf, out).CombinedOutput(); err != nil {
					t.Errorf("pdftoppm: %v\n%s", err, b)
				}
			}
		})
	}
}

// pdfPages counts a PDF's pages with pdfinfo, or failing that by its page
// objects.
func pdfPages(t *testing.T, pdf string) int {
	if out, err := exec.Command("pdfinfo", pdf).Output(); err == nil {
		if m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(out); m != nil {
			n, _ := strconv.Atoi(string(m[1]))
			return n
		}
	}
	b, err := os.ReadFile(pdf)
	if err != nil {
		t.Fatal(err)
	}
	return len(regexp.MustCompile(`/Type\s*/Page[^s]`).FindAll(b, -1))
}
