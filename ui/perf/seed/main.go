// Command seed writes a saved, partly answered audit named "me" into a data
// folder, so ui/perf/measure.sh can time pressend resuming onto a question.
//
//	go run ./ui/perf/seed DIR
package main

import (
	"fmt"
	"os"
	"time"

	"github.com/pressend/pressend/checklist"
	"github.com/pressend/pressend/checklist/store"
	"github.com/pressend/pressend/content"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: seed DATA_DIR")
		os.Exit(2)
	}
	if err := seed(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "seed:", err)
		os.Exit(1)
	}
}

// seed saves an audit like main_test.go's saveAudit, but with personal
// accounts on the pack's first four platforms, so per-platform questions
// have several rows to move between: the first two rows are answered and
// the app resumes on the third.
func seed(dir string) error {
	pack, err := content.Embedded()
	if err != nil {
		return err
	}
	now := time.Now()
	a := checklist.NewAudit("me", pack, now)
	a.SetProfile(&checklist.Profile{
		Role: pack.Roles[0].ID, Nation: pack.Nations[0].ID,
		Accounts: accounts(pack, 4),
	}, now)
	keys := checklist.Keys(checklist.Questions(pack, a.Profile, checklist.Full))
	if len(keys) < 2 {
		return fmt.Errorf("only %d questions apply", len(keys))
	}
	if err := a.SetAnswer(keys[0], checklist.No, "", now); err != nil {
		return err
	}
	if err := a.SetAnswer(keys[1], checklist.Yes, "", now); err != nil {
		return err
	}
	st, err := store.OpenStore(dir)
	if err != nil {
		return err
	}
	s, err := st.OpenSession(a.Name)
	if err != nil {
		return err
	}
	defer s.Close()
	return s.Save(a)
}

// accounts holds a personal account on each of the pack's first n platforms.
func accounts(pack *checklist.Pack, n int) map[string]checklist.AccountType {
	m := map[string]checklist.AccountType{}
	for _, p := range pack.Platforms[:min(n, len(pack.Platforms))] {
		m[p.ID] = checklist.Personal
	}
	return m
}
