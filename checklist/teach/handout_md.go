package teach

import (
	"bytes"
	"fmt"
	"strings"
)

// mdSpecial and mdEscape follow checklist/report_markdown.go (unexported
// there): every ASCII character that can start or end Markdown syntax in
// pack text is escaped, which is cruder than escaping by context but
// cannot be fooled by a construct nobody thought of.
const mdSpecial = "\\`*_{}[]()#+-.!|~=$&"

func mdEscape(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/4)
	for _, r := range s {
		switch {
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r < 0x80 && strings.ContainsRune(mdSpecial, r):
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// mdText escapes a paragraph, keeping its line breaks as hard breaks so
// a new line in the pack never starts a new Markdown block.
func mdText(s, indent string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = mdEscape(l)
	}
	return strings.Join(lines, "\\\n"+indent)
}

// mdURL percent-encodes the characters that could end or break a link
// destination; link has already kept only http(s) addresses.
func mdURL(u string) string {
	return strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29", "<", "%3C", ">", "%3E",
		"`", "%60", "\\", "%5C", "\"", "%22", "'", "%27", "[", "%5B", "]", "%5D").Replace(u)
}

func mdLink(c hCite) string {
	if c.URL == "" {
		return mdEscape(c.Text)
	}
	return "[" + mdEscape(c.Text) + "](" + mdURL(c.URL) + ")"
}

type mdWriter struct{ b *bytes.Buffer }

func (m mdWriter) p(format string, a ...any) {
	fmt.Fprintf(m.b, format, a...)
	m.b.WriteString("\n\n")
}

func writeHandoutMarkdown(b *bytes.Buffer, h *handout) {
	m := mdWriter{b}
	m.p("# %s: %s", handoutTitle, mdEscape(h.PackTitle))
	meta := "Deck " + mdEscape(h.Deck)
	if h.HasResults {
		meta += fmt.Sprintf(" · session %s · %d %s", mdEscape(h.Session), h.Responses, plural(h.Responses, "student", "students"))
	}
	m.p("%s", meta)
	m.p("> %s", h.Disclaimer)
	if h.HasResults {
		m.p("Class results are whole percentages of those who answered each round. Any option chosen by fewer than %d people shows as \"%s\", and so does one more option when only one would be hidden (the total would give it away), so no one's answer can be picked out.", h.MinCount, TooFew)
	}
	if len(h.Scenarios) > 0 {
		m.p("## Scenarios")
	}
	for _, q := range h.Scenarios {
		m.p("### %d\\. %s", q.N, mdEscape(q.Title))
		m.p("%s", mdText(q.Story, ""))
		m.p("**Question:** %s", mdText(q.Prompt, ""))
		if q.ScaleLow != "" {
			m.p("Answer on a scale from 1 (%s) to 5 (%s).", mdEscape(q.ScaleLow), mdEscape(q.ScaleHigh))
		}
		m.mdOptions(q.Options)
		if q.NoSingle {
			m.p("**No single right answer.** %s", mdText(q.Commentary, ""))
		}
		m.p("**Principle:** %s", mdText(q.Principle, ""))
		if len(q.Discussion) > 0 {
			m.p("**Discussion**")
			m.list(q.Discussion)
		}
		m.mdResults(q.Results)
		m.mdCites(q.Cites)
	}
	if len(h.Checks) > 0 {
		m.p("## Knowledge check")
	}
	for _, q := range h.Checks {
		m.p("### %d\\. %s", q.N, mdText(q.Prompt, ""))
		m.mdOptions(q.Options)
		m.mdResults(q.Results)
		m.mdCites(q.Cites)
	}
	if len(h.Sources) > 0 {
		m.p("## Sources")
		for _, g := range h.Sources {
			m.p("### %s", g.Heading)
			for _, s := range g.Sources {
				fmt.Fprintf(b, "- %s\n", mdLink(s))
			}
			b.WriteString("\n")
		}
	}
	m.p("---")
	fmt.Fprintf(b, "%s\n", madeBy)
}

func (m mdWriter) mdOptions(opts []hOption) {
	for _, o := range opts {
		mark := ""
		if o.Best {
			mark = " ✓ **" + o.BestWord + "**"
		}
		fmt.Fprintf(m.b, "- **%s.** %s%s\n", o.Label, mdText(o.Text, "  "), mark)
		fmt.Fprintf(m.b, "  - %s\n", mdText(o.Feedback, "    "))
	}
	if len(opts) > 0 {
		m.b.WriteString("\n")
	}
}

func (m mdWriter) list(items []string) {
	for _, s := range items {
		fmt.Fprintf(m.b, "- %s\n", mdText(s, "  "))
	}
	m.b.WriteString("\n")
}

func (m mdWriter) mdResults(rounds []hRound) {
	if len(rounds) == 0 {
		return
	}
	m.p("**Class results**")
	for _, r := range rounds {
		var cells []string
		for _, c := range r.Cells {
			cells = append(cells, c.Label+": "+c.Value)
		}
		fmt.Fprintf(m.b, "- %s (%d answered): %s\n", r.Name, r.Total, strings.Join(cells, ", "))
	}
	m.b.WriteString("\n")
}

func (m mdWriter) mdCites(cites []hCite) {
	if len(cites) == 0 {
		return
	}
	m.p("**Sources**")
	for _, c := range cites {
		fmt.Fprintf(m.b, "- %s (%s)\n", mdLink(c), mdEscape(c.Kind))
	}
	m.b.WriteString("\n")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
