// Command gensnapshot parses and validates the embedded YAML pack and
// writes it as content/snapshot.json, which the app loads at start-up.
// Run it with `go generate ./content` after editing packs/uk.
package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/pressend/pressend/content"
)

func main() {
	p, err := content.EmbeddedFromSource()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	data, err := json.MarshalIndent(p, "", " ")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := os.WriteFile("snapshot.json", append(data, '\n'), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
