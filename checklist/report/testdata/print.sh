#!/bin/sh
# Prints the GP's reports (full, member's file, summary to share) to PDF
# with headless Chromium, checks the page counts and renders each first
# page to PNG. Needs chromium and poppler-utils:
#   apt-get install -y chromium poppler-utils
# Usage: checklist/report/testdata/print.sh [output folder]
# Not part of `go test ./...`: CI has no Chromium.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$(mktemp -d)}
mkdir -p "$out"
out=$(cd "$out" && pwd)
cd "$here"
PRESSEND_PRINT_DIR="$out" go test -count=1 -tags print -run '^TestPrint$' -v . | grep -E 'pages|FAIL|^ok'
echo "PDFs and first pages in $out"
