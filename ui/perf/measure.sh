#!/usr/bin/env bash
# measure.sh - pressend's start-up, keystroke and memory figures, side by
# side with a bare Bubble Tea list (the baseline), in one run.
#
# Usage (from anywhere in the repository):
#   ui/perf/measure.sh [-r ROUNDS] [-n RUNS] [-b BINARY] [-k]
#
#   -r ROUNDS  rounds (default 5). Each round measures the baseline, the
#              welcome screen and a resumed question once each, in a
#              rotating order, so all three share the machine's momentary
#              load; the figures are medians over the rounds of each
#              round's ratio.
#   -n RUNS    measured runs per program per round (default 6), after one
#              warm-up run.
#   -b BINARY  measure this pressend binary instead of building the
#              working tree (to compare an older build in the same way).
#   -k         keep the work folder (binaries, data folders, raw output).
#
# Environment:
#   TOOLS      the shared tools folder with measure-tui.sh and
#              anchors/btlist (default: ../shared/tools beside the
#              repository, as on the project's machines).
#   BASELINE   the baseline's source folder (default: $TOOLS/anchors/btlist).
#
# The four figures, at 100x40 (lower is better; the targets are from the
# release issue):
#   welcome_cpu   start-up CPU to the welcome screen, empty data folder  <= 1.25
#   question_cpu  start-up CPU resuming a saved audit onto a question    <= 1.5
#   key_latency   key (j/k on the question screen) to repaint            <= 1.1
#   peak_rss      peak resident memory on the question screen            <= 1.6
#
# Each is pressend / baseline. The machine is noisy: compare ratios from one
# run of this script, never raw milliseconds from different runs.
set -euo pipefail

rounds=5 runs=6 keep=0 bin=
while getopts "r:n:b:kh" o; do
	case $o in
	r) rounds=$OPTARG ;;
	n) runs=$OPTARG ;;
	b) bin=$(realpath "$OPTARG") ;;
	k) keep=1 ;;
	*) sed -n '2,34p' "$0"; exit 2 ;;
	esac
done

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
tools=${TOOLS:-$repo/../shared/tools}
baseline=${BASELINE:-$tools/anchors/btlist}
[[ -x $tools/measure-tui.sh ]] || { echo "measure.sh: no measure-tui.sh in $tools (set TOOLS)" >&2; exit 2; }
[[ -f $baseline/main.go ]] || { echo "measure.sh: no baseline source in $baseline (set BASELINE)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/pressend-perf.XXXXXX")
if [[ $keep == 0 ]]; then
	trap 'rm -rf "$work"' EXIT
else
	echo "work folder: $work" >&2
fi

# Both built the same way measure-tui.sh builds its own helpers.
if [[ -n $bin ]]; then
	cp "$bin" "$work/pressend"
else
	(cd "$repo" && CGO_ENABLED=0 go build -trimpath -o "$work/pressend" .)
fi
(cd "$baseline" && CGO_ENABLED=0 go build -trimpath -o "$work/btlist" .)
(cd "$repo" && go run ./ui/perf/seed "$work/data-question")

export MEASURE_TUI_NO_REF=1 # the baseline is the reference, not hello-world
measure() { # measure NAME ROUND: one measure-tui.sh run, output in $work/NAME.ROUND.out
	local name=$1 round=$2 out=$work/$1.$2.out args
	case $name in
	baseline) args=(-ready END-OF-LIST -keys 'j,k' -- "$work/btlist") ;;
	welcome)
		# A fresh, empty data folder each round: a new audit.
		mkdir -p "$work/data-welcome.$round"
		args=(-ready 'Content: uk@' -keys '' -env "PRESSEND_DATA_DIR=$work/data-welcome.$round" -- "$work/pressend")
		;;
	question) args=(-ready 'questions answered' -keys 'j,k' -env "PRESSEND_DATA_DIR=$work/data-question" -- "$work/pressend") ;;
	esac
	if ! "$tools/measure-tui.sh" -n "$runs" -cols 100 -rows 40 "${args[@]}" >"$out" 2>"$out.err"; then
		echo "measure.sh: $name failed in round $round:" >&2
		cat "$out" "$out.err" >&2
		exit 1
	fi
}
get() { # get NAME ROUND KEY: a median from one measure-tui.sh output
	awk -F= -v k="$2_median" '$1 == k { print $2 }' "$work/$1.out"
}

names=(baseline welcome question)
for ((r = 0; r < rounds; r++)); do
	for ((i = 0; i < 3; i++)); do
		measure "${names[(i + r) % 3]}" "$r"
	done
	echo "round $((r + 1))/$rounds done" >&2
done

# One line per round: raw medians, then the ratios.
{
	printf 'round bt_cpu_ms w_cpu_ms q_cpu_ms bt_key_ms q_key_ms bt_rss_kib w_rss_kib q_rss_kib welcome_cpu question_cpu key_latency peak_rss welcome_rss\n'
	for ((r = 0; r < rounds; r++)); do
		printf '%d %s %s %s %s %s %s %s %s\n' "$((r + 1))" \
			"$(get baseline.$r startup_cpu_ms)" "$(get welcome.$r startup_cpu_ms)" "$(get question.$r startup_cpu_ms)" \
			"$(get baseline.$r key_latency_ms)" "$(get question.$r key_latency_ms)" \
			"$(get baseline.$r peak_rss_kib)" "$(get welcome.$r peak_rss_kib)" "$(get question.$r peak_rss_kib)"
	done
} | awk '
NR == 1 { print; next }
{
	printf "%s %s %s %s %s %s %s %s %s", $1, $2, $3, $4, $5, $6, $7, $8, $9
	printf " %.2f %.2f %.2f %.2f %.2f\n", $3/$2, $4/$2, $6/$5, $9/$7, $8/$7
}' >"$work/rounds.txt"

column -t "$work/rounds.txt"
echo
awk '
function median(a, n,   i, j, t) {
	for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j-1] > a[j]; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
	return n % 2 ? a[(n+1)/2] : (a[n/2] + a[n/2+1]) / 2
}
NR == 1 { for (i = 1; i <= NF; i++) col[i] = $i; next }
{ n++; for (i = 2; i <= NF; i++) v[i, n] = $i }
END {
	for (i = 2; i <= 14; i++) { for (k = 1; k <= n; k++) a[k] = v[i, k]; m[col[i]] = median(a, n) }
	printf "medians over %d rounds (pressend / bare Bubble Tea list, target):\n", n
	printf "  welcome_cpu   %.2f  (<= 1.25)  welcome %.1f ms vs %.1f ms start-up CPU\n", m["welcome_cpu"], m["w_cpu_ms"], m["bt_cpu_ms"]
	printf "  question_cpu  %.2f  (<= 1.5)   question %.1f ms vs %.1f ms start-up CPU\n", m["question_cpu"], m["q_cpu_ms"], m["bt_cpu_ms"]
	printf "  key_latency   %.2f  (<= 1.1)   %.2f ms vs %.2f ms key to repaint\n", m["key_latency"], m["q_key_ms"], m["bt_key_ms"]
	printf "  peak_rss      %.2f  (<= 1.6)   question %.0f KiB vs %.0f KiB (welcome %.2f, %.0f KiB)\n", m["peak_rss"], m["q_rss_kib"], m["bt_rss_kib"], m["welcome_rss"], m["w_rss_kib"]
}' "$work/rounds.txt"
printf '  binary sizes: pressend %s bytes, baseline %s bytes\n' "$(wc -c <"$work/pressend")" "$(wc -c <"$work/btlist")"
