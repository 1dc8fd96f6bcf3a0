package main

import (
	"debug/buildinfo"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

// What --version prints for each way of building pressend.
func TestVersionString(t *testing.T) {
	vcs := func(rev, modified string) []debug.BuildSetting {
		return []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: rev}, {Key: "vcs.modified", Value: modified}}
	}
	const rev = "28abdfa8c306c1f06b0d5a083d80a67ba06f84dc"
	for _, tc := range []struct {
		name            string
		version, commit string
		info            *debug.BuildInfo
		want            string
	}{
		{"goreleaser", "1.2.3", rev, &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "1.2.3 (28abdfa)"},
		{"ldflags version, commit from git", "1.2.3", "", &debug.BuildInfo{Main: debug.Module{Version: "v1.2.3"}, Settings: vcs(rev, "false")}, "1.2.3 (28abdfa)"},
		{"ldflags version only", "1.2.3", "", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "1.2.3"},
		{"goreleaser without git", "0.0.0-SNAPSHOT-none", "none", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "0.0.0-SNAPSHOT-none"},
		{"go install @v1.2.3", "", "", &debug.BuildInfo{Main: debug.Module{Version: "v1.2.3", Sum: "h1:abc="}}, "v1.2.3"},
		{"go build in a clone", "", "", &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261201120450-28abdfa8c306+dirty"}, Settings: vcs(rev, "true")}, "v0.0.0-20261201120450-28abdfa8c306+dirty"},
		{"go build without git", "", "", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "(devel)"},
		{"no build info", "", "", nil, "(devel)"},
	} {
		if got := versionString(tc.version, tc.commit, tc.info); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

// The binary prints what its own build information says: not "dev", not
// fang's "unknown".
func TestBinaryVersion(t *testing.T) {
	if e2eBinary == "" {
		t.Skip("no binary")
	}
	info, err := buildinfo.ReadFile(e2eBinary)
	if err != nil {
		t.Fatal(err)
	}
	want := "pressend version " + versionString("", "", info) + "\n"
	out, err := exec.Command(e2eBinary, "--version").Output()
	if err != nil || string(out) != want {
		t.Errorf("--version: %q (%v), want %q", out, err, want)
	}
}

// A release build's -ldflags reach --version.
func TestReleaseVersion(t *testing.T) {
	if testing.Short() {
		t.Skip("builds pressend")
	}
	bin := filepath.Join(t.TempDir(), "pressend")
	build := exec.Command("go", "build", "-o", bin, "-ldflags", "-X main.version=1.2.3 -X main.commit=0123456789abcdef", ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "--version").Output()
	if got := strings.TrimSpace(string(out)); err != nil || got != "pressend version 1.2.3 (0123456)" {
		t.Errorf("--version: %q (%v)", got, err)
	}
}
