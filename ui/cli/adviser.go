package cli

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/spf13/cobra"

	"github.com/pressend/pressend/checklist"
)

// adviserMode reports whether this run is an adviser's session with a
// member: --adviser or PRESSEND_ADVISER.
func (a *app) adviserMode() bool { return a.adviser || truthy(a.getenv("PRESSEND_ADVISER")) }

// checkAdviser refuses adviser mode without a named audit, and warns when
// the name looks like an email address or a person's name.
func (a *app) checkAdviser(cmd *cobra.Command) error {
	if !a.adviserMode() {
		return nil
	}
	if !cmd.Flags().Changed("audit") {
		return usagef("adviser mode needs the member's audit: give a case reference with --audit, for example `pressend --adviser --audit case-0142`")
	}
	if a.keep < 1 {
		return usagef("--keep must be 1 day or more")
	}
	// A name that identifies a person should be a case reference instead,
	// because it appears in file names, headers and reports.
	emailLike := regexp.MustCompile(`@|\.(com|org|net|uk|nhs)$`)
	nameLike := regexp.MustCompile(`^[a-z]{2,}[-_.][a-z]{2,}([-_.][a-z]{2,})?$`)
	switch {
	case emailLike.MatchString(a.audit):
		fmt.Fprintf(a.stderr, "warning: %q looks like an email address. Use a case reference instead: the name appears in file names, on screen and in reports.\n", a.audit)
	case nameLike.MatchString(a.audit) && !strings.ContainsAny(a.audit, "0123456789"):
		fmt.Fprintf(a.stderr, "warning: %q looks like a person's name. Use a case reference (for example case-0142) instead: the name appears in file names, on screen and in reports.\n", a.audit)
	}
	return nil
}

// adviserSetUp records, on a new member audit, the adviser's initials and
// when the audit is due for deletion.
func (a *app) adviserSetUp(au *checklist.Audit) {
	if !a.adviserMode() {
		return
	}
	au.Adviser = &checklist.AdviserInfo{Initials: strings.ToUpper(strings.TrimSpace(a.initials))}
	au.DeleteAfter = checklist.DateOf(a.now().AddDate(0, 0, a.keep))
}
