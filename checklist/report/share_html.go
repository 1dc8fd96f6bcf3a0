package report

import (
	"bytes"
	"html/template"
	"sync"

	"github.com/pressend/pressend/checklist/display"
)

// shareTemplate is the summary as one A4 page: the facts, the bands, what
// changed and room to write a reflection by hand.
const shareTemplate = htmlHead + `<title>{{.Title}}</title>
` + htmlStyle + `
</head>
<body class="share">
<header>
<h1>{{.Title}}</h1>
<dl class="meta">
{{range shareFields .S}}<dt>{{.Label}}</dt><dd><bdi>{{.Value}}</bdi></dd>
{{end}}</dl>
</header>
<main>
{{with .S.Sections}}<section>
<table>
<caption>Bands by section</caption>
<thead><tr><th scope="col">Section</th><th scope="col">Band</th></tr></thead>
<tbody>
{{range .}}<tr><th scope="row"><bdi>{{.Title}}</bdi></th><td>{{.Band}}</td></tr>
{{end}}</tbody>
</table>
</section>
{{end}}{{with .Since}}<section>
<h2>Since the last audit</h2>
<p>{{.}} {{$.SinceIntro}}</p>
</section>
{{end}}<section>
<h2>For reflection</h2>
<ol class="reflect">
{{range .S.Reflection}}<li>{{.}}<div class="write"></div></li>
{{end}}</ol>
</section>
</main>
<footer>
<p>{{.S.Notice}}</p>
<p>{{.Footer}}</p>
<p>{{.Generated}}</p>
</footer>
</body>
</html>
`

// sharePage is what the share template sees.
type sharePage struct {
	S                        *display.Share
	Title, Since, SinceIntro string
	Footer, Generated        string
}

var shareHTML = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("share").Funcs(template.FuncMap{"shareFields": shareFields}).Parse(shareTemplate))
})

// writeShareHTML renders the summary as a page that prints on one A4 sheet.
func writeShareHTML(b *bytes.Buffer, s *display.Share) error {
	since, intro := shareSince(s.SinceLast)
	return shareHTML().Execute(b, sharePage{S: s, Title: display.ShareTitle, Since: since, SinceIntro: intro,
		Footer: shareFooter, Generated: display.GeneratedHere})
}
