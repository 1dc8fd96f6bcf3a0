package report

import (
	"bytes"
	"html/template"
	"sync"

	"github.com/pressend/pressend/checklist"
	"github.com/pressend/pressend/checklist/display"
)

// htmlStyle is shared by the HTML report and the share summary. It prints
// on A4 with page numbers; long words wrap only where they must
// (overflow-wrap: break-word), so table headers never split mid-word.
const htmlStyle = `<style>
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#fff;max-width:48rem;margin:2rem auto;padding:0 1rem}
p,li,dd,td{overflow-wrap:break-word}
h1{font-size:1.6rem;margin:0 0 .5rem}
h2{font-size:1.25rem;border-bottom:1px solid #bbb;padding-bottom:.2rem;margin-top:2rem}
h3{font-size:1.05rem;margin:1.5rem 0 .5rem}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;margin:0}
dl.meta dt{font-weight:600}
dl.meta dd{margin:0}
.note{white-space:pre-wrap}
.notice{border-left:4px solid #888;padding:.25rem .75rem;background:#f4f4f4}
.action{border-left:4px solid #888;padding:.25rem .75rem;margin:.75rem 0}
.action.high{border-left-color:#a3172b}
.action.medium{border-left-color:#b35c00}
.action p{margin:.2rem 0}
.box{font-size:1.1em;margin-right:.3em}
.sev{font-weight:700}
.meta-line{color:#444}
.cites{font-size:.9rem;color:#333;margin:.2rem 0 .2rem 1.2rem;padding:0}
.tier{font-size:.9rem;color:#333;margin:.4rem 0 0}
.done{color:#444;list-style:none}
table{border-collapse:collapse;margin:.5rem 0}
caption{text-align:left;font-weight:600;padding:.2rem 0}
th,td{border:1px solid #bbb;padding:.25rem .5rem;text-align:left;vertical-align:top}
td.n{text-align:right}
footer{margin-top:2rem;border-top:1px solid #bbb;font-size:.9rem}
a{color:#1a3d8f}
@page{size:A4;margin:16mm 15mm 18mm;@bottom-right{content:"Page " counter(page) " of " counter(pages);font:9pt system-ui,sans-serif;color:#444}}
@media print{
body{margin:0;max-width:none;font-size:10.5pt;color:#000}
h2,h3{break-after:avoid}
h2{margin-top:1.2rem}
.action,tr,li{break-inside:avoid}
.notice,.action{background:none}
.cites,.tier{font-size:8.5pt}
a{color:#000;text-decoration:none}
}
</style>`

// htmlHead opens a self-contained page: inline CSS, no scripts, no fonts,
// images or links to fetch, so it opens offline and prints cleanly. The
// Content-Security-Policy makes that a promise the browser enforces. Pack
// and user text is auto-escaped by html/template and wrapped in <bdi> so
// right-to-left text cannot reorder the words around it.
const htmlHead = `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="pressend">
`

const htmlTemplate = htmlHead + `<title>{{.Title}}: {{.R.Audit.Name}}</title>
` + htmlStyle + `
</head>
<body>
{{with .R}}<header>
<h1>{{$.Title}}</h1>
<dl class="meta">
<dt>Audit</dt><dd><bdi>{{.Audit.Name}}</bdi></dd>
<dt>Date</dt><dd>{{.Date}}</dd>
<dt>Pack</dt><dd><bdi>{{.Pack.Label}}</bdi>{{with .Pack.Reviewed}}, reviewed {{longDate .}}{{end}}</dd>
{{with .Profile}}<dt>Role</dt><dd><bdi>{{roleLine .}}</bdi></dd>
<dt>Nation</dt><dd><bdi>{{.Nation.Name}}</bdi></dd>
<dt>Accounts</dt><dd><bdi>{{accountsLine .}}</bdi></dd>
{{range .Gaps}}<dt>Not covered</dt><dd><bdi>{{.}}</bdi></dd>
{{end}}{{end}}<dt>Progress</dt><dd>{{.Sentences.Progress}}</dd>
</dl>
{{range .Sentences.Stale}}<p class="notice">Note: {{.}}</p>
{{end}}</header>
<main>
{{if .AllClear}}<p class="notice">{{$.AllClear}}</p>
{{end}}{{if .First}}<section>
<h2>{{$.FirstHeading}}</h2>
<p><span class="box" aria-hidden="true">☐</span><span class="sev">[{{.First.Severity}}]</span> <bdi>{{.First.Text}}</bdi></p>
<p class="meta-line"><bdi>{{firstWhere .First}}</bdi></p>
<p class="meta-line">About: <bdi>{{.First.Subject}}</bdi></p>
</section>
{{else if .Sentences.Finish}}<section>
<h2>{{$.FirstHeading}}</h2>
<p>{{.Sentences.Finish}}</p>
</section>
{{end}}<section>
<h2>Your score</h2>
<p><strong>Overall: {{.Score.Overall.Label}}</strong> · {{.Score.Overall.Counts}}</p>
{{if .Score.Sections}}<table>
<caption>Bands by section</caption>
<thead><tr><th scope="col">Section</th><th scope="col">Band</th><th scope="col">Safe</th><th scope="col">To act on</th><th scope="col">Unanswered</th></tr></thead>
<tbody>
{{range .Score.Sections}}<tr><th scope="row"><bdi>{{.Title}}</bdi></th><td>{{.Label}}</td><td class="n">{{.Safe}}</td><td class="n">{{.Action}}</td><td class="n">{{.Unanswered}}</td></tr>
{{end}}</tbody>
</table>
{{end}}<p><em>{{.Score.Caveat}}</em></p>
<h3>How this is calculated</h3>
<ul>
{{range .Score.Explanation}}<li>{{.}}</li>
{{end}}</ul>
{{if .Score.Harms}}<p>The harms, most serious first:</p>
{{end}}<ol>
{{range .Score.Harms}}<li><strong><bdi>{{.Title}}</bdi>:</strong> <bdi>{{.Reason}}</bdi></li>
{{end}}</ol>
</section>
{{if .Groups}}<section>
<h2>Actions by platform</h2>
<p>{{.Sentences.Open}}</p>
{{with .Sentences.Carried}}<p class="notice">{{.}}</p>
{{end}}{{range .Groups}}<h3><bdi>{{.Name}}</bdi></h3>
{{range .Actions}}{{if .Done}}<p class="done">☑ <bdi>{{doneLine .}}</bdi></p>
{{else}}<div class="action {{.Severity}}">
<p><span class="box" aria-hidden="true">☐</span><span class="sev">[{{.Severity}}]</span> <bdi>{{.Text}}</bdi></p>
<p class="meta-line">{{actionMeta .}}</p>
{{with .RaisedText}}<p>{{.}}</p>
{{end}}<p>About: <bdi>{{.Subject}}</bdi></p>
{{if .Steps}}<p>Steps: <bdi>{{.Path}}</bdi></p>
<p class="meta-line">{{.Researched}}</p>
{{else if .Check}}<p>How to check: <bdi>{{.Check}}</bdi></p>
{{end}}{{with .StepNote}}<p><bdi>{{.}}</bdi></p>
{{end}}{{with .Fallback}}<p><bdi>{{fallbackLine .}}</bdi></p>
{{end}}{{range .Uncertain}}<p>Uncertain: <bdi>{{.}}</bdi></p>
{{end}}{{with .Note}}<p>Your note: <bdi class="note">{{.}}</bdi></p>
{{end}}{{range tiers .Cites}}<p class="tier">{{tierHeading (index . 0) (regName $.R)}}:</p>
<ul class="cites">
{{range .}}<li>{{if .URL}}<a href="{{.URL}}"><bdi>{{.Text}}</bdi></a>{{else}}<bdi>{{.Text}}</bdi>{{end}}</li>
{{end}}</ul>
{{end}}{{if .StepCites}}<p class="tier">{{$.StepsHeading}}:</p>
<ul class="cites">
{{range .StepCites}}<li>{{if .URL}}<a href="{{.URL}}"><bdi>{{.Text}}</bdi></a>{{else}}<bdi>{{.Text}}</bdi>{{end}}</li>
{{end}}</ul>
{{end}}</div>
{{end}}{{end}}{{end}}</section>
{{end}}{{if .Accepted}}<section>
<h2>{{$.AcceptedHeading}}</h2>
<ul>
{{range .Accepted}}<li><bdi>{{.Question}}</bdi>{{with .PlatformName}} (<bdi>{{.}}</bdi>){{end}}
<br>Your reason: <bdi class="note">{{.Reason}}</bdi>{{with .Note}}
<br>Your note: <bdi class="note">{{.}}</bdi>{{end}}</li>
{{end}}</ul>
</section>
{{end}}{{if .Notes}}<section>
<h2>{{$.NotesHeading}}</h2>
<ul>
{{range .Notes}}<li><bdi>{{.Question}}</bdi>{{with .PlatformName}} (<bdi>{{.}}</bdi>){{end}} · {{.StateLabel}}
<br><bdi class="note">{{.Note}}</bdi></li>
{{end}}</ul>
</section>
{{end}}{{with .Sentences.Unanswered}}<section>
<h2>Not answered yet</h2>
<p>{{.}}</p>
</section>
{{end}}{{if or .Sentences.Review .Sentences.Since}}<section>
<h2>Checking again</h2>
{{with .Sentences.Review}}<p>{{.}}</p>
{{end}}{{with .Sentences.Since}}<p>{{.}}</p>
{{end}}</section>
{{end}}</main>
<footer>
<p>{{$.NotLegalAdvice}}</p>
{{with .Audit.File}}<p>Your audit is saved on this computer at <bdi>{{.}}</bdi></p>
{{end}}<p>{{$.Generated}}</p>
</footer>
{{end}}</body>
</html>
`

// htmlPage is what the template sees: the report and the fixed wording.
type htmlPage struct {
	R                                                     *display.Report
	Title, AllClear, FirstHeading, AcceptedHeading        string
	NotesHeading, NotLegalAdvice, Generated, StepsHeading string
}

// htmlReport parses the template on first use, not at start-up: most runs
// never write HTML.
var htmlReport = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("report").Funcs(template.FuncMap{
		"longDate": func(d string) string { return display.DateText(checklist.Date(d), display.LongDate) },
		"roleLine": roleLine, "accountsLine": accountsLine, "firstWhere": firstWhere,
		"actionMeta": actionMeta, "fallbackLine": display.FallbackText, "doneLine": doneLine,
		"tiers": display.Tiers, "regName": regName,
		"tierHeading": func(c display.Cite, reg string) string { return display.TierHeading(c.Tier, reg) },
	}).Parse(htmlTemplate))
})

// writeHTML renders the print-ready page.
func writeHTML(b *bytes.Buffer, d *display.Report) error {
	return htmlReport().Execute(b, htmlPage{
		R: d, Title: Title, AllClear: display.AllClear, FirstHeading: display.FirstHeading,
		AcceptedHeading: display.AcceptedHeading, NotesHeading: display.OtherNotesHeading,
		NotLegalAdvice: display.NotLegalAdvice, Generated: display.GeneratedHere,
		StepsHeading: display.TierHeading(checklist.TierSteps, ""),
	})
}
