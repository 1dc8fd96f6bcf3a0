package cli

import (
	"encoding/json"
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/pressend/pressend/checklist"
	"github.com/pressend/pressend/checklist/display"
	"github.com/pressend/pressend/checklist/store"
)

// auditRow is one audit in `pressend audits`, as text or JSON.
type auditRow struct {
	Name        string `json:"name"`
	Updated     string `json:"updated"`
	Answered    int    `json:"answered"`
	Total       int    `json:"total"`
	Completed   bool   `json:"completed"`
	NextReview  string `json:"next_review"`
	ReviewDue   bool   `json:"review_due"`
	DeleteAfter string `json:"delete_after"`
	DeleteDue   bool   `json:"delete_due"`
	Damaged     string `json:"damaged"`
}

// auditList is the JSON document of `pressend audits --format json`.
type auditList struct {
	Folder string     `json:"folder"`
	Audits []auditRow `json:"audits"`
}

func (a *app) runAudits(_ *cobra.Command, _ []string) error {
	if a.listFormat != "text" && a.listFormat != "json" {
		return usagef("unknown --format %q: use text or json", a.listFormat)
	}
	st, err := a.openStore()
	if err != nil {
		return err
	}
	pack, _, err := a.loadPack()
	if err != nil {
		return err
	}
	list, err := st.List()
	if err != nil {
		return err
	}
	now := a.now()
	doc := auditList{Folder: st.Dir(), Audits: []auditRow{}}
	for _, in := range list {
		doc.Audits = append(doc.Audits, a.row(st, pack, in, now))
	}
	if a.listFormat == "json" {
		enc := json.NewEncoder(a.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(doc)
	}
	if len(doc.Audits) == 0 {
		fmt.Fprintf(a.stdout, "No saved audits in %s.\n", st.Dir())
		return nil
	}
	tw := tabwriter.NewWriter(a.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tLAST UPDATED\tANSWERED\tCOMPLETED\tREVIEW\tDELETE AFTER")
	due := 0
	for _, r := range doc.Audits {
		if r.Damaged != "" {
			fmt.Fprintf(tw, "%s\t-\t-\t-\t-\tdamaged: %s\n", r.Name, r.Damaged)
			continue
		}
		done := map[bool]string{true: "yes", false: "no"}[r.Completed]
		review := orDash(r.NextReview)
		if r.ReviewDue {
			review += " (due)"
		}
		del := orDash(r.DeleteAfter)
		if r.DeleteDue {
			del += " (due)"
			due++
		}
		fmt.Fprintf(tw, "%s\t%s\t%d of %d\t%s\t%s\t%s\n", r.Name, localTime(r.Updated), r.Answered, r.Total, done, review, del)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "\nSaved in %s\n", st.Dir())
	if due > 0 {
		fmt.Fprintf(a.stdout, "%s due for deletion: `pressend forget --due` deletes them.\n", display.Plural(due, "audit is", "audits are"))
	}
	return nil
}

// row describes one saved audit, with its progress against the current
// content.
func (a *app) row(st *store.Store, pack *checklist.Pack, in store.AuditInfo, now time.Time) auditRow {
	r := auditRow{Name: in.Name, Damaged: in.Damaged}
	if in.Damaged != "" {
		return r
	}
	au, err := st.Read(in.Name)
	if err != nil {
		r.Damaged = err.Error()
		return r
	}
	ev := checklist.Evaluate(pack, au)
	today := checklist.DateOf(now)
	r.Updated = au.Updated.Format(time.RFC3339)
	r.Answered, r.Total, r.Completed = ev.Answered, ev.Rows, au.Completed != nil
	r.NextReview, r.DeleteAfter = string(au.NextReview), string(au.DeleteAfter)
	r.ReviewDue = au.NextReview != "" && au.NextReview <= today
	r.DeleteDue = au.DeleteAfter != "" && au.DeleteAfter <= today
	return r
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// localTime shows an RFC 3339 time from the JSON row as local time for
// people; anything else is shown as it is.
func localTime(stamp string) string {
	t, err := time.Parse(time.RFC3339, stamp)
	if err != nil {
		return stamp
	}
	return t.Local().Format("2006-01-02 15:04")
}
