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
	"strings"

	"github.com/pressend/pressend/ui/cli"
)

// version is set at release time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	os.Exit(run())
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
		Environ: os.Environ(), Version: version,
	})
}
