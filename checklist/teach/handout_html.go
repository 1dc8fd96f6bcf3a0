package teach

import (
	"bytes"
	"html/template"
	"sync"
)

// pageHead opens a self-contained page, like checklist/report_html.go's:
// inline CSS, no scripts, nothing fetched, and a Content-Security-Policy
// that makes that a promise the browser enforces should a later edit slip
// in an outside resource. Links are navigation, which the policy allows.
// Pack text is escaped by html/template and wrapped in <bdi> so
// right-to-left text cannot reorder the words around it. The print rules
// fit A4 with 15 mm margins.
const pageHead = `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="pressend">
<title>{{template "title" .}}</title>
<style>
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#fff;max-width:48rem;margin:2rem auto;padding:0 1rem;overflow-wrap:anywhere}
h1{font-size:1.6rem;margin:0 0 .5rem}
h2{font-size:1.3rem;border-bottom:1px solid #bbb;padding-bottom:.2rem;margin-top:2.2rem}
h3{font-size:1.1rem;margin:1.6rem 0 .5rem}
.meta{color:#444}
.notice{border-left:4px solid #888;padding:.25rem .75rem;background:#f4f4f4}
ol.opts{list-style:none;padding-left:0}
ol.opts>li{margin:.5rem 0;padding-left:.75rem;border-left:4px solid #ddd}
ol.opts>li.best{border-left-color:#1b6e3a}
.label{font-weight:700}
.best-mark{font-weight:700}
.fb{margin:.2rem 0 0;color:#333}
table{border-collapse:collapse;margin:.5rem 0}
th,td{border:1px solid #bbb;padding:.25rem .5rem;text-align:left;vertical-align:top}
td.n{text-align:right}
.kind{color:#444}
footer{margin-top:2rem;border-top:1px solid #bbb;font-size:.9rem}
@page{size:A4;margin:15mm}
@media print{
body{margin:0;max-width:none;font-size:11pt;color:#000}
h2,h3{break-after:avoid}
section.q{break-inside:avoid-page}
li,tr{break-inside:avoid}
.notice{background:none}
a{color:#000}
a[href]::after{content:" (" attr(href) ")";font-size:9pt;overflow-wrap:anywhere}
}
</style>
</head>
<body>
`

const handoutBody = `{{define "title"}}` + handoutTitle + `: {{.PackTitle}}{{end}}` + pageHead + `<header>
<h1>` + handoutTitle + `: <bdi>{{.PackTitle}}</bdi></h1>
<p class="meta">Deck <bdi>{{.Deck}}</bdi>{{if .HasResults}} · session {{.Session}} · {{.Responses}} {{if eq .Responses 1}}student{{else}}students{{end}}{{end}}</p>
<p class="notice">{{.Disclaimer}}</p>
{{if .HasResults}}<p>Class results are whole percentages of those who answered each round. Any option chosen by fewer than {{.MinCount}} people shows as “` + TooFew + `”, and so does one more option when only one would be hidden (the total would give it away), so no one's answer can be picked out.</p>
{{end}}</header>
<main>
{{if .Scenarios}}<h2>Scenarios</h2>
{{end}}{{range .Scenarios}}<section class="q">
<h3>{{.N}}. <bdi>{{.Title}}</bdi></h3>
<p><bdi>{{.Story}}</bdi></p>
<p><strong>Question:</strong> <bdi>{{.Prompt}}</bdi></p>
{{if .ScaleLow}}<p>Answer on a scale from 1 (<bdi>{{.ScaleLow}}</bdi>) to 5 (<bdi>{{.ScaleHigh}}</bdi>).</p>
{{end}}{{template "options" .Options}}{{if .NoSingle}}<p><strong>No single right answer.</strong> <bdi>{{.Commentary}}</bdi></p>
{{end}}<p><strong>Principle:</strong> <bdi>{{.Principle}}</bdi></p>
{{if .Discussion}}<p><strong>Discussion</strong></p>
<ul>
{{range .Discussion}}<li><bdi>{{.}}</bdi></li>
{{end}}</ul>
{{end}}{{template "results" .Results}}{{template "cites" .Cites}}</section>
{{end}}{{if .Checks}}<h2>Knowledge check</h2>
{{end}}{{range .Checks}}<section class="q">
<h3>{{.N}}. <bdi>{{.Prompt}}</bdi></h3>
{{template "options" .Options}}{{template "results" .Results}}{{template "cites" .Cites}}</section>
{{end}}{{if .Sources}}<h2>Sources</h2>
{{range .Sources}}<h3>{{.Heading}}</h3>
<ul>
{{range .Sources}}<li>{{template "link" .}}</li>
{{end}}</ul>
{{end}}{{end}}</main>
<footer><p>` + madeBy + `</p></footer>
</body>
</html>
{{define "options"}}{{if .}}<ol class="opts">
{{range .}}<li{{if .Best}} class="best"{{end}}><span class="label">{{.Label}}.</span> <bdi>{{.Text}}</bdi>{{if .Best}} <span class="best-mark">✓ {{.BestWord}}</span>{{end}}
<p class="fb"><bdi>{{.Feedback}}</bdi></p></li>
{{end}}</ol>
{{end}}{{end}}
{{define "results"}}{{if .}}<table>
<caption>Class results</caption>
<thead><tr><th>Round</th><th>Answered</th>{{range (index . 0).Cells}}<th>{{.Label}}</th>{{end}}</tr></thead>
<tbody>
{{range .}}<tr><td>{{.Name}}</td><td class="n">{{.Total}}</td>{{range .Cells}}<td class="n">{{.Value}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
{{end}}{{end}}
{{define "cites"}}{{if .}}<p><strong>Sources</strong></p>
<ul>
{{range .}}<li>{{template "link" .}} <span class="kind">({{.Kind}})</span></li>
{{end}}</ul>
{{end}}{{end}}
{{define "link"}}{{if .URL}}<a href="{{.URL}}"><bdi>{{.Text}}</bdi></a>{{else}}<bdi>{{.Text}}</bdi>{{end}}{{end}}
`

// handoutPage and resultsPage are parsed on first use, not at start-up:
// most runs of pressend write neither.
var handoutPage = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("handout").Parse(handoutBody))
})

// resultsBody lays out pooled results for the facilitator: counts and
// percentages per round, suppressed cells in words, never colour alone.
const resultsBody = `{{define "title"}}Class results: session {{session .Session}}{{end}}` + pageHead + `<header>
<h1>Class results</h1>
<p class="meta">Session {{session .Session}} · deck <bdi>{{.Deck.Version}}</bdi> · {{.Responses}} {{if eq .Responses 1}}response{{else}}responses{{end}}{{if .Hands}} and {{.Hands}} show-of-hands {{if eq .Hands 1}}count{{else}}counts{{end}}{{end}}{{if .Rejected}} · {{len .Rejected}} not counted{{end}}</p>
<p>Counts below {{.MinCount}} show as “` + TooFew + `”, and so does one more count in a round where only one would be hidden (the total would give it away), so no one's answer can be picked out.</p>
</header>
<main>
{{if .Scenarios}}<h2>Scenarios</h2>
{{range $i, $q := .Scenarios}}{{template "q" (pair $i $q)}}{{end}}{{end}}{{if .Checks}}<h2>Knowledge check</h2>
{{range $i, $q := .Checks}}{{template "q" (pair $i $q)}}{{end}}{{end}}</main>
<footer><p>` + madeBy + `</p></footer>
</body>
</html>
{{define "q"}}<section class="q">
<h3>{{.N}}. <bdi>{{.Q.Title}}</bdi></h3>
<table>
<thead><tr><th>Option</th>{{range .Q.Rounds}}<th>{{roundName $.Q .Round}}</th>{{end}}</tr></thead>
<tbody>
{{range $o, $c := (index .Q.Rounds 0).Counts}}<tr><td>{{$c.Label}}</td>{{range $.Q.Rounds}}<td class="n">{{cell (index .Counts $o) .Total}}</td>{{end}}</tr>
{{end}}<tr><td>Answered</td>{{range .Q.Rounds}}<td class="n">{{.Total}}</td>{{end}}</tr>
</tbody>
</table>
</section>
{{end}}`

type numbered struct {
	N int
	Q QuestionResult
}

var resultsPage = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("results").Funcs(resultsFuncs()).Parse(resultsBody))
})

func resultsFuncs() template.FuncMap {
	return template.FuncMap{
		"session": FormatSessionCode,
		"pair":    func(i int, q QuestionResult) numbered { return numbered{i + 1, q} },
		"roundName": func(q QuestionResult, r int) string {
			if q.Type == "check" {
				return "Answers"
			}
			if r == 2 {
				return "Round 2, after discussion"
			}
			return "Round 1, alone"
		},
		"cell": CountText,
	}
}

// WriteResultsHTML writes pooled results as one self-contained page.
func WriteResultsHTML(r *Results) ([]byte, error) {
	var b bytes.Buffer
	if err := resultsPage().Execute(&b, r); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
