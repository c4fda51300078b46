#!/bin/sh
# valgrind.sh: one short application session and the subcommands under
# valgrind (GKREPORT_WRAP); fails on any error or definite leak.
. "$(dirname "$0")/lib.sh"
WRAP=${GKREPORT_WRAP:-valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite}
run() {	# run EXPECTED-STATUS CMD...
	want=$1
	shift
	$WRAP "$@" >"$D/out" 2>"$D/err"
	got=$?
	if [ "$got" -eq "$want" ]; then ok; else
		bad "($got, wanted $want): $*"; cat "$D/err"; fi
}
cp "$TOP/examples/hongze-2024.csv" "$D/hz.csv"
run 0 "$GK" check "$D/hz.csv"
run 0 "$GK" export -f html -o "$D/hz.html" "$D/hz.csv"
run 0 "$GK" new --from "$D/hz.csv" -o "$D/next.csv"
run 1 "$GK" diff "$D/hz.csv" "$D/next.csv"
run 0 "$GK" sum -o "$D/sum.csv" "$D/hz.csv" "$TOP/examples/lushi-xzsp-2024.csv"

TMUX_BIN=${TMUX_BIN:-$(command -v tmux)}
if [ -n "$TMUX_BIN" ]; then
	new_session 80 24 sh -c "$WRAP \"\$0\" \"\$1\"; echo __EXIT__=\$?; exec sleep 600" \
	    "$GK" "$D/hz.csv"
	if wait_for "一、总体情况" 300; then
		keys Tab Tab 9 6 Enter F8 Enter
		sleep 1
		keys Tab Tab Tab
		text "测试"
		sleep 1
		keys C-s
		sleep 1
		keys C-q
	fi
	if wait_for "__EXIT__=0" 300; then ok; else
		bad "application session under valgrind"; fi
fi
finish
