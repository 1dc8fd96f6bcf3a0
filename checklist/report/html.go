package report

import (
	"bytes"
	"html/template"
	"sync"

	"github.com/pressend/pressend/checklist"
	"github.com/pressend/pressend/checklist/display"
)

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

// htmlCites lists citations in one paragraph, separated by semicolons,
// which prints far shorter than a list per tier.
const htmlCites = `{{define "cites"}}{{range $i, $c := .}}{{if $i}}; {{end}}{{if $c.URL}}<a href="{{$c.URL}}"><bdi>{{$c.Text}}</bdi></a>{{else}}<bdi>{{$c.Text}}</bdi>{{end}}{{end}}{{end}}`

// htmlAction is one action; the member's file lists it without its
// platform heading, so it names the account itself.
const htmlAction = `{{define "action"}}{{$a := .A}}{{if $a.Done}}<p class="done">☑ <bdi>{{if .Listed}}{{listedDone $a}}{{else}}{{doneLine $a}}{{end}}</bdi></p>
{{else}}<div class="action {{$a.Severity}}">
<p><span class="box" aria-hidden="true">☐</span><span class="sev">[{{$a.Severity}}]</span> <bdi>{{$a.Text}}</bdi>
<span class="meta-line">· <bdi>{{if .Listed}}{{listedMeta $a}}{{else}}{{actionMeta $a}}{{end}}</bdi>{{with $a.RaisedText}} · {{.}}{{end}}</span></p>
<p>About: <bdi>{{$a.Subject}}</bdi></p>
{{if $a.Steps}}<p>Steps: <bdi>{{$a.Path}}</bdi>
<span class="meta-line">{{$a.Researched}}</span>{{with $a.Fallback}} <bdi>{{fallbackLine .}}</bdi>{{end}}</p>
{{else if $a.Check}}<p>How to check: <bdi>{{$a.Check}}</bdi></p>
{{end}}{{with $a.StepNote}}<p><bdi class="note">{{.}}</bdi></p>
{{end}}{{if and $a.Fallback (not $a.Steps)}}<p><bdi>{{fallbackLine $a.Fallback}}</bdi></p>
{{end}}{{range $a.Uncertain}}<p>Uncertain: <bdi>{{.}}</bdi></p>
{{end}}{{with $a.Note}}<p>{{$.Note}}<bdi class="note">{{.}}</bdi></p>
{{end}}{{range tiers $a.Cites}}<p class="cites"><span class="tier">{{tierHeading (index . 0) $.Reg}}:</span> {{template "cites" .}}</p>
{{end}}{{with $a.StepCites}}<p class="cites"><span class="tier">{{stepsHeading}}:</span> {{template "cites" .}}</p>
{{end}}</div>
{{end}}{{end}}`

const htmlTemplate = htmlHead + `<title>{{.V.Title}}: {{.R.Audit.Name}}</title>
` + htmlStyle + `
</head>
<body>
{{with .R}}<header>
<h1>{{$.V.Title}}</h1>
{{with .Member}}<dl class="meta member">
{{range memberFields .}}<dt>{{.Label}}</dt><dd><bdi>{{.Value}}</bdi></dd>
{{end}}</dl>
{{end}}<dl class="meta">
{{if not .Member}}<dt>Audit</dt><dd><bdi>{{.Audit.Name}}</bdi></dd>
<dt>Date</dt><dd>{{.Date}}</dd>
{{end}}<dt>Pack</dt><dd><bdi>{{.Pack.Label}}</bdi>{{with .Pack.Reviewed}}, reviewed {{longDate .}}{{end}}</dd>
{{with .Profile}}<dt>Role</dt><dd><bdi>{{roleLine .}}</bdi></dd>
<dt>Nation</dt><dd><bdi>{{.Nation.Name}}</bdi></dd>
<dt>Accounts</dt><dd><bdi>{{accountsLine .}}</bdi></dd>
{{if not $.R.Member}}{{range .Gaps}}<dt>Not covered</dt><dd><bdi>{{.}}</bdi></dd>
{{end}}{{end}}{{end}}<dt>Progress</dt><dd>{{.Sentences.Progress}}</dd>
</dl>
{{range .Sentences.Stale}}<p class="notice">Note: <bdi>{{.}}</bdi></p>
{{end}}</header>
<main>
{{if .AllClear}}<p class="notice">{{allClear}}</p>
{{end}}{{if not .Member}}{{if .First}}<section>
<h2>{{firstHeading}}</h2>
<p><span class="box" aria-hidden="true">☐</span><span class="sev">[{{.First.Severity}}]</span> <bdi>{{.First.Text}}</bdi></p>
<p class="meta-line"><bdi>{{firstWhere .First}}</bdi></p>
<p class="meta-line">About: <bdi>{{.First.Subject}}</bdi></p>
</section>
{{else if .Sentences.Finish}}<section>
<h2>{{firstHeading}}</h2>
<p>{{.Sentences.Finish}}</p>
</section>
{{end}}{{end}}<section>
<h2>{{$.V.Score}}</h2>
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
<ul class="how">
{{range .Score.Explanation}}<li>{{.}}</li>
{{end}}</ul>
{{if .Score.Harms}}<p class="how">The harms, most serious first:</p>
<ol class="harms">
{{range .Score.Harms}}<li><strong><bdi>{{.Title}}</bdi>:</strong> <bdi>{{.Reason}}</bdi></li>
{{end}}</ol>
{{end}}</section>
{{if .Member}}{{if .Actions}}<section>
<h2>{{$.V.Actions}}</h2>
<p>{{.Sentences.Open}}</p>
{{with .Sentences.Carried}}<p class="notice">{{.}}</p>
{{end}}<ol class="agreed">
{{range .Actions}}<li>{{template "action" (actionView . $ true)}}</li>
{{end}}</ol>
</section>
{{end}}{{else if .Groups}}<section>
<h2>{{$.V.Actions}}</h2>
<p>{{.Sentences.Open}}</p>
{{with .Sentences.Carried}}<p class="notice">{{.}}</p>
{{end}}{{range .Groups}}<h3><bdi>{{.Name}}</bdi></h3>
{{range .Actions}}{{template "action" (actionView . $ false)}}{{end}}{{end}}</section>
{{end}}{{if .Accepted}}<section>
<h2>{{$.V.Accepted}}</h2>
<ul>
{{range .Accepted}}<li><bdi>{{.Question}}</bdi>{{with .PlatformName}} (<bdi>{{.}}</bdi>){{end}}
<br>{{$.V.Reason}}<bdi class="note">{{.Reason}}</bdi>{{with .Note}}
<br>{{$.V.Note}}<bdi class="note">{{.}}</bdi>{{end}}</li>
{{end}}</ul>
</section>
{{end}}{{if .Notes}}<section>
<h2>{{$.V.OtherNotes}}</h2>
<ul>
{{range .Notes}}<li><bdi>{{.Question}}</bdi>{{with .PlatformName}} (<bdi>{{.}}</bdi>){{end}} · {{.StateLabel}}
<br><bdi class="note">{{.Note}}</bdi></li>
{{end}}</ul>
</section>
{{end}}{{if or .GeneralNote .AdviserGeneralNote}}<section>
<h2>{{$.V.GeneralNote}}</h2>
{{with .GeneralNote}}<p><bdi class="note">{{.}}</bdi></p>
{{end}}{{with .AdviserGeneralNote}}<p>{{adviserOnly}}<bdi class="note">{{.}}</bdi></p>
{{end}}</section>
{{end}}{{with .Sentences.Unanswered}}<section>
<h2>Not answered yet</h2>
<p>{{.}}</p>
</section>
{{end}}{{if or .Sentences.Review .SinceLast}}<section>
<h2>Checking again</h2>
{{with .Sentences.Review}}<p>{{.}}</p>
{{end}}{{with .SinceLast}}<p>{{$.R.Sentences.Since}} {{sinceIntro .}}</p>
{{range changeGroups .}}<h3>{{.Heading}}</h3>
{{with .Summary}}<p>{{.}}</p>
{{end}}{{if .Rows}}<ul class="changes">
{{range .Rows}}<li><bdi>{{changeLine .}}</bdi></li>
{{end}}</ul>
{{end}}{{end}}{{end}}</section>
{{end}}</main>
<footer>
<p>{{notLegalAdvice}}</p>
{{with .Org}}{{with orgContact .}}<p class="note"><bdi>{{.}}</bdi></p>
{{end}}{{with .Footer}}<p class="note"><bdi>{{.}}</bdi></p>
{{end}}{{end}}{{with .Audit.File}}<p>Your audit is saved on this computer at <bdi>{{.}}</bdi></p>
{{end}}<p>{{generated}}</p>
</footer>
{{end}}</body>
</html>
`

// htmlPage is what the template sees: the report and its voice.
type htmlPage struct {
	R *display.Report
	V voice
}

// htmlActionView is what the action template sees.
type htmlActionView struct {
	A      display.Action
	Reg    string
	Note   string
	Listed bool
}

// htmlFuncs are the phrases and fixed wording the templates use, so the
// HTML says exactly what the text and Markdown reports say.
func htmlFuncs() template.FuncMap {
	return template.FuncMap{
		"longDate": func(d string) string { return display.DateText(checklist.Date(d), display.LongDate) },
		"roleLine": roleLine, "accountsLine": accountsLine, "firstWhere": firstWhere,
		"actionMeta": actionMeta, "listedMeta": listedMeta, "fallbackLine": display.FallbackText,
		"doneLine": doneLine, "listedDone": listedDone, "tiers": display.Tiers,
		"tierHeading":  func(c display.Cite, reg string) string { return display.TierHeading(c.Tier, reg) },
		"stepsHeading": func() string { return display.TierHeading(checklist.TierSteps, "") },
		"actionView": func(a display.Action, p htmlPage, listed bool) htmlActionView {
			return htmlActionView{A: a, Reg: regName(p.R), Note: p.V.Note, Listed: listed}
		},
		"memberFields": memberFields, "orgContact": orgContact, "sinceIntro": sinceIntro,
		"changeGroups": changeGroups, "changeLine": changeLine,
		"allClear":       func() string { return display.AllClear },
		"firstHeading":   func() string { return display.FirstHeading },
		"adviserOnly":    func() string { return adviserOnly },
		"notLegalAdvice": func() string { return display.NotLegalAdvice },
		"generated":      func() string { return display.GeneratedHere },
	}
}

// htmlReport parses the template on first use, not at start-up: most runs
// never write HTML.
var htmlReport = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("report").Funcs(htmlFuncs()).Parse(htmlCites + htmlAction + htmlTemplate))
})

// writeHTML renders the print-ready page.
func writeHTML(b *bytes.Buffer, d *display.Report) error {
	return htmlReport().Execute(b, htmlPage{R: d, V: voiceOf(d)})
}
