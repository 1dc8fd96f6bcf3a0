package cli

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/pressend/pressend/checklist/report"
	"github.com/pressend/pressend/checklist/store"
	"github.com/pressend/pressend/checklist/teach"
)

// Shell completion: `pressend completion bash|zsh|fish|powershell` (from
// cobra) prints the script, which calls `pressend __complete ARGS...` on
// each Tab. The functions here give that command what cobra cannot guess:
// each --format's values, and the names of saved audits for --audit and
// forget. They run on every Tab, so they only read, and never create the
// data folder the way opening the store does.

// addCompletions registers the completion functions on the tree built by
// commands. A command or flag renamed without updating this is caught by
// the tests, not at run time.
func (a *app) addCompletions(root *cobra.Command) {
	formats := map[string][]string{
		"report":        report.Formats(),
		"audits":        {"text", "json"},
		"pack show":     {"yaml", "json"},
		"teach deck":    {"text", "json"},
		"teach pool":    {"text", "json", "html"},
		"teach handout": teach.HandoutFormats(),
	}
	for path, values := range formats {
		if c := findCommand(root, path); c != nil {
			_ = c.RegisterFlagCompletionFunc("format", oneOf(values))
		}
	}
	for _, path := range []string{"", "report"} {
		if c := findCommand(root, path); c != nil {
			_ = c.RegisterFlagCompletionFunc("audit", a.completeAudits)
		}
	}
	if c := findCommand(root, "forget"); c != nil {
		c.ValidArgsFunction = func(c *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
			if len(args) > 0 || a.due {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return a.completeAudits(c, args, toComplete)
		}
	}
	if c := findCommand(root, "pack validate"); c != nil {
		c.ValidArgsFunction = func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return []string{"yaml", "yml"}, cobra.ShellCompDirectiveFilterFileExt
		}
	}
	_ = root.MarkPersistentFlagDirname("data-dir")
	for path, flag := range map[string]string{"teach answer": "out", "teach present": "collect"} {
		if c := findCommand(root, path); c != nil {
			_ = c.MarkFlagDirname(flag)
		}
	}
}

// oneOf completes a flag's value from a fixed list.
func oneOf(values []string) cobra.CompletionFunc {
	return func(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		return withPrefix(values, toComplete), cobra.ShellCompDirectiveNoFileComp
	}
}

func withPrefix(values []string, prefix string) []string {
	var out []string
	for _, v := range values {
		if strings.HasPrefix(v, prefix) {
			out = append(out, v)
		}
	}
	return out
}

// findCommand returns the command at path ("teach pool"; "" for root), or
// nil.
func findCommand(root *cobra.Command, path string) *cobra.Command {
	c := root
	for _, name := range strings.Fields(path) {
		var next *cobra.Command
		for _, sub := range c.Commands() {
			if sub.Name() == name {
				next = sub
			}
		}
		if next == nil {
			return nil
		}
		c = next
	}
	return c
}

// completeAudits offers the names of saved audits in the data folder that
// --data-dir or PRESSEND_DATA_DIR (already parsed from the command line
// being completed) or the default selects.
func (a *app) completeAudits(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	return withPrefix(a.savedAuditNames(), toComplete), cobra.ShellCompDirectiveNoFileComp
}

// savedAuditNames lists the audits in the data folder, as store.List
// names them (NAME.json with a name ValidateName accepts; no dotfiles, so
// no temporary files, and no damaged copies set aside), without opening
// the store: store.OpenStore creates the folder when it is missing, and
// List reads every file, which is more than a Tab needs.
func (a *app) savedAuditNames() []string {
	override := a.dataDir
	if override == "" {
		override = a.getenv("PRESSEND_DATA_DIR")
	}
	dir, err := store.DataDir(override)
	if err != nil {
		return nil
	}
	entries, err := os.ReadDir(filepath.Join(dir, "audits"))
	if err != nil {
		return nil
	}
	var names []string
	for _, e := range entries { // os.ReadDir sorts by name
		name, ok := strings.CutSuffix(e.Name(), ".json")
		if ok && !e.IsDir() && !strings.HasPrefix(name, ".") && store.ValidateName(name) == nil {
			names = append(names, name)
		}
	}
	return names
}
