package checklist

import (
	"bytes"
	"html/template"
)

// htmlTemplate is a single self-contained page: inline CSS, no scripts, no
// fonts, images or links to fetch, so it opens offline and prints cleanly.
// The Content-Security-Policy makes that a promise the browser enforces,
// should a future edit slip in an external resource. User and pack text is
// auto-escaped by html/template and wrapped in <bdi> so right-to-left text
// cannot reorder the words around it.
const htmlTemplate = `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="pressend">
<title>` + reportTitle + `: {{.Audit.Name}}</title>
<style>
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#fff;max-width:48rem;margin:2rem auto;padding:0 1rem;overflow-wrap:anywhere}
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
.sev{font-weight:700}
.meta-line{color:#444}
.done{color:#444;list-style:none}
table{border-collapse:collapse;margin:.5rem 0}
th,td{border:1px solid #bbb;padding:.25rem .5rem;text-align:left;vertical-align:top}
td.n{text-align:right}
footer{margin-top:2rem;border-top:1px solid #bbb;font-size:.9rem}
@media print{
body{margin:0;max-width:none;font-size:11pt;color:#000}
h2,h3{break-after:avoid}
.action,tr,li{break-inside:avoid}
.notice,.action{background:none}
}
</style>
</head>
<body>
<header>
<h1>` + reportTitle + `</h1>
<dl class="meta">
<dt>Audit</dt><dd><bdi>{{.Audit.Name}}</bdi></dd>
<dt>Date</dt><dd>{{.Date}}</dd>
<dt>Pack</dt><dd><bdi>{{.Pack.Label}}</bdi>{{with .Pack.Reviewed}}, reviewed {{longDate .}}{{end}}</dd>
{{with .Profile}}<dt>Role</dt><dd><bdi>{{roleLine .}}</bdi></dd>
<dt>Nation</dt><dd><bdi>{{.Nation.Name}}</bdi></dd>
<dt>Accounts</dt><dd><bdi>{{accountsLine .}}</bdi></dd>
{{end}}<dt>Progress</dt><dd>{{.Sentences.Progress}}</dd>
</dl>
{{range .Sentences.Stale}}<p class="notice">Note: {{.}}</p>
{{end}}</header>
<main>
{{if .AllClear}}<p class="notice">` + allClear + `</p>
{{end}}{{if .First}}<section>
<h2>Do this first</h2>
<p><span class="sev">[{{.First.Severity}}]</span> <bdi>{{.First.Text}}</bdi></p>
<p class="meta-line"><bdi>{{firstWhere .First}}</bdi></p>
</section>
{{else if .Sentences.Finish}}<section>
<h2>Do this first</h2>
<p>{{.Sentences.Finish}}</p>
</section>
{{end}}<section>
<h2>Your score</h2>
<p><strong>Overall: {{.Score.Overall.Label}}</strong> · {{.Score.Overall.Counts}}</p>
{{if .Score.Sections}}<table>
<thead><tr><th>Section</th><th>Band</th><th>Safe</th><th>To act on</th><th>Unanswered</th></tr></thead>
<tbody>
{{range .Score.Sections}}<tr><td><bdi>{{.Title}}</bdi></td><td>{{.Label}}</td><td class="n">{{.Safe}}</td><td class="n">{{.Action}}</td><td class="n">{{.Unanswered}}</td></tr>
{{end}}</tbody>
</table>
{{end}}<p><em>{{.Score.Caveat}}</em></p>
<h3>How this is calculated</h3>
<ul>
{{range .Score.Explanation}}<li>{{.}}</li>
{{end}}</ul>
</section>
{{if .Groups}}<section>
<h2>Actions by platform</h2>
<p>{{.Sentences.Open}}</p>
{{range .Groups}}<h3><bdi>{{.Name}}</bdi></h3>
{{range .Actions}}{{if .Done}}<p class="done">✓ <bdi>{{doneLine .}}</bdi></p>
{{else}}<div class="action {{.Severity}}">
<p><span class="sev">[{{.Severity}}]</span> <bdi>{{.Text}}</bdi></p>
<p class="meta-line">{{actionMeta .}}</p>
{{with .RaisedText}}<p>{{.}}</p>
{{end}}<p>From the question: <bdi>{{.Question}}</bdi></p>
{{if .StepsText}}<p>Steps: <bdi>{{.StepsText}}</bdi></p>
<p class="meta-line">{{verifiedLine .}}</p>
{{else if .Check}}<p>How to check: <bdi>{{.Check}}</bdi></p>
{{end}}{{with .HowToNote}}<p><bdi>{{.}}</bdi></p>
{{end}}{{with .Fallback}}<p><bdi>{{fallbackLine .}}</bdi></p>
{{end}}{{with .Uncertain}}<p>Uncertain: <bdi>{{.}}</bdi></p>
{{end}}{{with .Note}}<p>Your note: <bdi class="note">{{.}}</bdi></p>
{{end}}{{if .Citations}}<p>Guidance:</p>
<ul>
{{range .Citations}}<li><bdi>{{.Text}}</bdi></li>
{{end}}</ul>
{{end}}</div>
{{end}}{{end}}{{end}}</section>
{{end}}{{if .Accepted}}<section>
<h2>Risks you have accepted</h2>
<ul>
{{range .Accepted}}<li><bdi>{{.Question}}</bdi>{{with .PlatformName}} (<bdi>{{.}}</bdi>){{end}}
<br>Your reason: <bdi class="note">{{.Reason}}</bdi>{{with .Note}}
<br>Your note: <bdi class="note">{{.}}</bdi>{{end}}</li>
{{end}}</ul>
</section>
{{end}}{{if .Notes}}<section>
<h2>Your other notes</h2>
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
<p>` + notLegalAdvice + `</p>
<p>` + generatedHere + `</p>
</footer>
</body>
</html>
`

// htmlReport reuses the text writer's phrases so the page and the terminal
// report are worded alike.
var htmlReport = template.Must(template.New("report").Funcs(template.FuncMap{
	"longDate": longDate, "roleLine": roleLine, "accountsLine": accountsLine,
	"firstWhere": firstWhere, "actionMeta": actionMeta, "verifiedLine": verifiedLine,
	"fallbackLine": fallbackLine, "doneLine": doneLine,
}).Parse(htmlTemplate))

// writeHTML renders the print-ready page. The data path is deliberately
// left out: a printed page travels further than a terminal.
func writeHTML(b *bytes.Buffer, d *reportData) error {
	return htmlReport.Execute(b, d)
}
