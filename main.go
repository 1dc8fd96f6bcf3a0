// Command pressend walks UK health professionals through an audit of their
// own social media accounts and gives them an action plan. It never touches
// the network.
//
// This file is only the entry point. The command line lives in ui/cli, the
// rules in checklist/, the wording in content/ and the screens in ui/.
package main

import (
	"context"
	"fmt"
	"os"
	"runtime/debug"
	"strings"

	"github.com/pressend/pressend/ui/cli"
)

// version and commit are set by release builds (.goreleaser.yaml) with
// -ldflags "-X main.version=1.2.3 -X main.commit=<sha>". Left empty, as
// they are for `go install` and `go build`, --version reports what the Go
// toolchain recorded in the binary instead: see versionString.
var version, commit string

// versionString is what --version prints, and it is always something true
// about this binary:
//
//   - a release build: its version and commit, "1.2.3 (28abdfa)";
//   - `go install github.com/pressend/pressend@v1.2.3`: the module version,
//     "v1.2.3";
//   - `go build` in a git clone: the version Go derives from the commit
//     and tags, with +dirty for uncommitted changes,
//     "v0.0.0-20261201120450-28abdfa8c306+dirty";
//   - a build without version control information (-buildvcs=false, a
//     copy of the source without .git): "(devel)".
//
// fang would do part of this itself for an empty version, but it prints
// "unknown (built from source)" for every `go build`, discarding the
// version Go recorded.
func versionString(version, commit string, info *debug.BuildInfo) string {
	setting := func(key string) string {
		if info != nil {
			for _, s := range info.Settings {
				if s.Key == key {
					return s.Value
				}
			}
		}
		return ""
	}
	if version != "" {
		// goreleaser passes "none" when it found no commit.
		if !isHash(commit) {
			commit = setting("vcs.revision")
		}
		if isHash(commit) {
			return version + " (" + commit[:7] + ")"
		}
		return version
	}
	if info != nil && info.Main.Version != "" {
		return info.Main.Version
	}
	return "(devel)"
}

func main() {
	os.Exit(run())
}

// isHash reports whether s looks like a git commit hash.
func isHash(s string) bool {
	if len(s) < 7 {
		return false
	}
	for _, c := range s {
		if !strings.ContainsRune("0123456789abcdef", c) {
			return false
		}
	}
	return true
}

// buildVersion is versionString for this binary.
func buildVersion() string {
	info, _ := debug.ReadBuildInfo()
	return versionString(version, commit, info)
}

// run is main with a last line of defence: nothing is expected to panic,
// but if something does the user gets one calm line, not a stack trace.
func run() (code int) {
	defer func() {
		if r := recover(); r != nil {
			msg := strings.Join(strings.Fields(fmt.Sprint(r)), " ")
			fmt.Fprintf(os.Stderr, "pressend stopped unexpectedly (%s). Answers saved before this are kept. Please report it.\n", msg)
			code = 1
		}
	}()
	return cli.Execute(context.Background(), cli.Env{
		Args: os.Args[1:], Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr,
		Environ: os.Environ(), Version: buildVersion(),
	})
}
