package report

// htmlStyle is shared by the HTML report and the share summary. On screen
// it is a single readable column. In print it is set tighter, because a
// GP's full report has to fit eight A4 pages (TestPrint, -tags print):
// smaller type, citations and the scoring notes smaller still, and actions
// allowed to break across pages (a half-empty page per long action cost
// more than anything else). The summary to share has a page to itself, so
// it keeps a larger type. Long words wrap only where they must
// (overflow-wrap: break-word), so table headers never split mid-word.
const htmlStyle = `<style>
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#fff;max-width:48rem;margin:2rem auto;padding:0 1rem}
p,li,dd,td{overflow-wrap:break-word}
h1{font-size:1.6rem;margin:0 0 .5rem}
h2{font-size:1.25rem;border-bottom:1px solid #bbb;padding-bottom:.2rem;margin-top:2rem}
h3{font-size:1.05rem;margin:1.5rem 0 .5rem}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;margin:0 0 .5rem}
dl.meta dt{font-weight:600}
dl.meta dd{margin:0}
dl.member{border:1px solid #888;padding:.4rem .6rem}
.note{white-space:pre-wrap}
.notice{border-left:4px solid #888;padding:.25rem .75rem;background:#f4f4f4}
.action{border-left:4px solid #888;padding:.25rem .75rem;margin:.75rem 0}
.action.high{border-left-color:#a3172b}
.action.medium{border-left-color:#b35c00}
.action p{margin:.2rem 0}
ol.agreed{padding-left:1.6rem}
ol.agreed>li::marker{font-weight:700}
.box{font-size:1.1em;margin-right:.3em}
.sev{font-weight:700}
.meta-line{color:#444}
.cites{font-size:.85rem;color:#333}
.tier{font-weight:600}
.how,.harms{font-size:.9rem}
.done{color:#444;list-style:none}
table{border-collapse:collapse;margin:.5rem 0}
caption{text-align:left;font-weight:600;padding:.2rem 0}
th,td{border:1px solid #bbb;padding:.25rem .5rem;text-align:left;vertical-align:top}
td.n{text-align:right}
.reflect li{margin-bottom:.3rem}
.write{height:3.2rem;border-bottom:1px dotted #888}
footer{margin-top:2rem;border-top:1px solid #bbb;font-size:.9rem}
a{color:#1a3d8f}
@page{size:A4;margin:11mm 12mm 13mm;@bottom-right{content:"Page " counter(page) " of " counter(pages);font:8pt system-ui,sans-serif;color:#444}}
@media print{
body{margin:0;max-width:none;font-size:9pt;line-height:1.22;color:#000}
h1{font-size:15pt}
h2{font-size:12pt;margin:.8rem 0 .25rem;break-after:avoid}
h3{font-size:10pt;margin:.6rem 0 .2rem;break-after:avoid}
p{margin:.3rem 0}
ul,ol{margin:.2rem 0;padding-left:1.2rem}
th,td{padding:.1rem .35rem}
.action{padding:0 .5rem;margin:.45rem 0}
.action p{margin:.05rem 0}
.action>p:first-child{break-after:avoid}
p,li,tr,dl{break-inside:avoid}
.notice,.action{background:none}
.cites,.how,.harms{font-size:7.5pt}
.write{height:2.4rem}
footer{margin-top:1rem;font-size:8.5pt}
a{color:#000;text-decoration:none}
body.share{font-size:10.5pt;line-height:1.35}
}
</style>`
