#!/bin/sh
# bigfiles.sh: report files that are big on purpose (issue 12), run by
# run.sh (make bench), or alone: GKREPORT=./gkreport sh tests/bench/bigfiles.sh
#
#   a. `check` of a report whose text 五 is 100 MB (before: 384 MB peak, the
#      file held four times; target: about twice the file)
#   b. `check` of reports with 5,000 and 9,900 unknown keys (before: 0.13 s
#      and 0.49 s, quadratic; target: linear)
#   c. `check` of 200 MB that is no report (NUL bytes; no header): refused
#      from its first 64 KB, not read whole
#
# Time is the elapsed seconds, memory the peak resident set (GNU time).
set -u
: "${GKREPORT:?set GKREPORT to the gkreport binary}"
: "${TOP_SRCDIR:=.}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gkbench-big.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
export LC_ALL=C.UTF-8
EX=$TOP_SRCDIR/examples/hongze-2024.csv

if [ -x /usr/bin/time ]; then TIMER=/usr/bin/time; else
	echo "   (GNU time is not installed: no figures; apt-get install time)"
	exit 0
fi
run() {	# WHAT FILE: "what  MB  seconds  peak MB  exit"
	$TIMER -f '%e %M' -o "$tmp/t" "$GKREPORT" check "$2" >/dev/null 2>&1
	rc=$?
	awk -v w="$1" -v b="$(wc -c <"$2")" -v rc="$rc" '{
	    printf "   %-44s %7.1f %8.2f %8.1f %5d\n", w, b / 1048576, $1, $2 / 1024, rc }' <<-EOT
	$(tail -1 "$tmp/t")
	EOT
}
echo "6. Big report files (GNU time; exit 1/2 expected where said)"
printf '   %-44s %7s %8s %8s %5s\n' "" "file MB" seconds "peak MB" exit
# a. a 100 MB text: the example with 五 replaced
LC_ALL=C awk 'BEGIN { p = ""; for (i = 0; i < 20; i++) p = p "全区政府信息公开工作稳步推进，"; p = p "\n" }
    /^text\.s5,/ { printf "text.s5,五、存在的主要问题及改进情况,\""
	for (n = 0; n < 100 * 1048576; n += length(p)) printf "%s", p
	print "\"\r"; skip = 1; next }
    skip && /^[a-z]/ { skip = 0 }
    !skip { print }' "$EX" >"$tmp/text100.csv"
run "a 100 MB text (target: peak <= 2x file)" "$tmp/text100.csv"
# b. unknown keys
for n in 5000 9900; do
	{ cat "$EX"; awk -v n="$n" 'BEGIN { for (i = 0; i < n; i++)
	    printf "zz.k%d,标签,值%d\r\n", i, i }'; } >"$tmp/keys$n.csv"
	run "$n unknown keys (warnings on stderr)" "$tmp/keys$n.csv"
done
# c. refused early
head -c 209715200 /dev/zero >"$tmp/zero.csv"
run "200 MB of NUL bytes (refused)" "$tmp/zero.csv"
{ echo "name,value"; yes "x,1" | head -c 209715200; } >"$tmp/nohdr.csv"
run "200 MB without a header (refused)" "$tmp/nohdr.csv"
