package main

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestNoNetworkOrExecImports backs the promise in README.md and SECURITY.md
// that pressend never touches the network and runs no other programs: no
// non-test Go file in this module may import net, anything under net/, or
// os/exec. It parses the sources rather than running `go list`, so the test
// needs no toolchain at run time and sees every build-tagged file, not just
// the ones for this platform. It guards this module's own code; what the
// dependencies import is listed in SECURITY.md.
func TestNoNetworkOrExecImports(t *testing.T) {
	fset := token.NewFileSet()
	checked := 0
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			// Hidden folders (.git, .ci), testdata and vendored code are not
			// part of the shipped program.
			if path != "." && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || name == "testdata" || name == "vendor") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		checked++
		for _, imp := range f.Imports {
			p, err := strconv.Unquote(imp.Path.Value)
			if err != nil {
				return err
			}
			if forbiddenImport(p) {
				t.Errorf("%s imports %q: pressend must not use the network or run other programs", fset.Position(imp.Pos()), p)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked == 0 {
		t.Fatal("no Go files were checked; is the test running from the module root?")
	}
}

func forbiddenImport(p string) bool {
	return p == "net" || strings.HasPrefix(p, "net/") || p == "os/exec"
}

func TestForbiddenImport(t *testing.T) {
	for p, want := range map[string]bool{
		"net": true, "net/http": true, "net/url": true, "os/exec": true,
		"os": false, "network": false, "github.com/x/net": false, "golang.org/x/net/html": false,
	} {
		if got := forbiddenImport(p); got != want {
			t.Errorf("forbiddenImport(%q) = %v, want %v", p, got, want)
		}
	}
}
