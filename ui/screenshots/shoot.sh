#!/usr/bin/env bash
# shoot.sh - regenerate the README's screenshots from the real app.
#
# Builds pressend, plays a GP (X pseudonymous, Facebook, WhatsApp) through
# the start of an audit and a teaching session in a private tmux server at
# 100x30, captures each screen with its colours, turns it into HTML with
# aha and photographs that with headless Chromium.
#
# Needs: tmux, aha, chromium and fonts-dejavu-core (all in Debian:
#   apt-get install -y tmux aha chromium fonts-dejavu-core).
# Usage: ui/screenshots/shoot.sh [output folder]   (default: ui/screenshots)
# Nothing here touches the network or your own audits: everything runs in
# a temporary data folder that is removed afterwards.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
out=${1:-$here}
mkdir -p "$out"
out=$(cd "$out" && pwd)
for tool in tmux aha chromium; do
	command -v "$tool" >/dev/null || { echo "shoot.sh: needs $tool (apt-get install -y tmux aha chromium fonts-dejavu-core)" >&2; exit 2; }
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/pressend-shots.XXXXXX")
sock=$tmp/tmux.0.sock runs=0
cleanup() { tmux -S "$sock" kill-server 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
bin=$tmp/pressend
(cd "$repo" && go build -o "$bin" .)
export PRESSEND_DATA_DIR=$tmp/data
cols=100 rows=30

# start CMD: run CMD in a fresh window of cols x rows.
start() {
	# A fresh server each time: reusing a socket straight after
	# kill-server races with the old server's exit.
	tmux -S "$sock" kill-server 2>/dev/null || true
	runs=$((runs + 1)) sock=$tmp/tmux.$runs.sock
	tmux -S "$sock" -f /dev/null new-session -d -x "$cols" -y "$rows" -s shot \
		"env TERM=xterm-256color COLORTERM=truecolor PRESSEND_DATA_DIR=$PRESSEND_DATA_DIR $1; sleep 30"
}
keys() { tmux -S "$sock" send-keys -t shot "$@"; sleep 0.3; }
text() { tmux -S "$sock" send-keys -t shot -l "$1"; sleep 0.3; }
# wait_for TEXT: until TEXT is on screen (10 s at most).
wait_for() {
	for _ in $(seq 100); do
		tmux -S "$sock" capture-pane -p -t shot | grep -qF -- "$1" && return 0
		sleep 0.1
	done
	echo "shoot.sh: timed out waiting for '$1'; screen:" >&2
	tmux -S "$sock" capture-pane -p -t shot >&2
	exit 1
}
# shot NAME: the screen as NAME.png.
shot() {
	local ansi=$tmp/$1.ansi html=$tmp/$1.html
	sleep 0.4
	tmux -S "$sock" capture-pane -e -p -t shot >"$ansi"
	aha --black --title "pressend" <"$ansi" |
		sed 's|<pre>|<pre style="font-family:DejaVu Sans Mono,monospace;font-size:14px;line-height:16px;margin:12px">|' >"$html"
	# About 8.5 px a column and 16 px a row at 14 px DejaVu Sans Mono: rows
	# closer than that leave no gaps in block characters.
	local w=$(((cols * 86 + 9) / 10 + 40)) h=$((rows * 16 + 30))
	chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --hide-scrollbars --window-size="$w,$h" \
		--screenshot="$out/$1.png" "file://$html" >/dev/null 2>&1
	echo "wrote $out/$1.png"
}

# A GP on X (pseudonymous), Facebook and WhatsApp, part way through.
start "$bin"
wait_for "Welcome"
shot welcome
keys Enter; wait_for "What is your role"
keys Enter; sleep 0.3; keys Enter; wait_for "Which platforms"
keys Space Down Space Down Down Down Down Down Space Enter; wait_for "Your X"
keys Down Down Enter; sleep 0.3; keys Enter; sleep 0.3; keys Enter
wait_for "health professional on any"; keys Enter; sleep 0.3; keys Enter; sleep 0.3; keys Enter
wait_for "Question 1 of"
keys n; wait_for "Question 2 of"
shot question
# Answer until the results open: a mix of yes and no, as a real GP might.
for k in n y y n y n y y n y y n y y n y y y n y y y y y y y y y y y y y y; do
	tmux -S "$sock" capture-pane -p -t shot | grep -qF "Results and action plan" && break
	keys "$k"
done
wait_for "Results and action plan"
shot results

# A teaching session: forty students from a pipe, split in round 1 and
# moving towards the suggested answer after discussion, then the projector
# after both rounds with the suggested answer marked.
code=$("$bin" teach session | sed -n 's/^Session code: //p')
class=$tmp/class
mkdir -p "$class"
round1=(1 1 1 1 1 1 2 2 2 2 2 2 2 2 2 2 2 2 3 3 3 3 3 3 3 3 3 3 3 3 3 3 4 4 4 4 4 4 4 4)
round2=(1 1 1 1 1 2 2 2 2 2 2 2 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 4 4 4 4 4)
for i in "${!round1[@]}"; do
	printf '1\n%s\n%s\n4\n' "${round1[$i]}" "${round2[$i]}" | "$bin" teach answer "$code" --accessible --out "$class" >/dev/null
done
start "$bin teach present --session $code --collect $class"
wait_for "Round 1: 40 answered"
keys Space; keys Space; keys b
wait_for "suggested answer"
shot projector
