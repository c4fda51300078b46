#!/bin/sh
# valgrind.sh: one short application session and the subcommands under
# valgrind (GKREPORT_WRAP); fails on any error or definite leak.
set -u
TMUX_BIN=${TMUX_BIN:-$(command -v tmux)}
GK=${GKREPORT:-./gkreport}
TOP=${TOP_SRCDIR:-.}
WRAP=${GKREPORT_WRAP:-valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite}
D=$(mktemp -d "${TMPDIR:-/tmp}/gk-vg.XXXXXX")
T="$TMUX_BIN -L e2e-vg-$$ -f /dev/null"
trap '$T kill-server 2>/dev/null; rm -rf "$D"' EXIT INT TERM
pass=0
fail=0
run() {	# run EXPECTED-STATUS CMD...
	want=$1
	shift
	$WRAP "$@" >"$D/out" 2>"$D/err"
	got=$?
	if [ "$got" -eq "$want" ]; then pass=$((pass + 1)); else
		fail=$((fail + 1)); echo "FAIL ($got, wanted $want): $*"; cat "$D/err"; fi
}
cp "$TOP/examples/hongze-2024.csv" "$D/hz.csv"
run 0 "$GK" check "$D/hz.csv"
run 0 "$GK" export -f html -o "$D/hz.html" "$D/hz.csv"
run 0 "$GK" new --from "$D/hz.csv" -o "$D/next.csv"
run 1 "$GK" diff "$D/hz.csv" "$D/next.csv"
run 0 "$GK" sum -o "$D/sum.csv" "$D/hz.csv" "$TOP/examples/lushi-xzsp-2024.csv"

if [ -n "$TMUX_BIN" ]; then
	$T new-session -d -s vg -x 80 -y 24 -e LANG=C.UTF-8 -e TERM=tmux-256color \
	    -e ESCDELAY=25 sh -c "$WRAP \"\$0\" \"\$1\"; echo __EXIT__=\$?; exec sleep 600" \
	    "$GK" "$D/hz.csv"
	wait_for() { i=0; while [ $i -lt 300 ]; do
		$T capture-pane -p -t vg | grep -qF -- "$1" && return 0
		sleep 0.1; i=$((i + 1)); done; return 1; }
	if wait_for "一、总体情况"; then
		$T send-keys -t vg Tab Tab 9 6 Enter F8 Enter
		sleep 1
		$T send-keys -t vg Tab Tab Tab
		$T send-keys -t vg -l "测试"
		sleep 1
		$T send-keys -t vg C-s
		sleep 1
		$T send-keys -t vg C-q
	fi
	if wait_for "__EXIT__=0"; then pass=$((pass + 1)); else
		fail=$((fail + 1)); echo "FAIL: application session under valgrind"
		$T capture-pane -p -t vg; fi
fi
echo "valgrind: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
