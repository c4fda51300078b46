#!/bin/sh
# import.sh: `gkreport import` of big texts (issue 12), run by run.sh (make
# bench), or alone: GKREPORT=./gkreport sh tests/bench/import.sh
#
#   a. 50 MB of short lines (no report at all: refused, notes capped)
#   b. 1,000,000 table-like lines under a title and table 三's heading,
#      cells separated by tabs, then by spaces
#   c. the same at 10 and 25 MB / 250,000 and 500,000 lines: linear?
#
# Time is the elapsed seconds and the CPU seconds (user + system: what
# the import costs, whatever else the machine is doing; s/10MB is CPU),
# memory the peak resident set (GNU time).
# Targets: under a second per 10 MB, peak memory under 100 MB, at most
# IMPORT_KEEP (300) notes on stderr and then a count.
set -u
: "${GKREPORT:?set GKREPORT to the gkreport binary}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gkbench-import.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
export LC_ALL=C.UTF-8

if [ -x /usr/bin/time ]; then
	TIMER=/usr/bin/time
else
	echo "   (GNU time is not installed: no peak memory; apt-get install time)"
	TIMER=
fi

short() {	# MB FILE: short lines, as the issue's 50 MB text
	awk -v mb="$1" 'BEGIN { srand(7); n = 0; lim = mb * 1024 * 1024;
	    while (n < lim) { s = sprintf("行%d", int(rand() * 1000)); print s;
	    n += length(s) + 1 } }' >"$2"
}
tablelike() {	# LINES FILE: rows of table 三 with labels a little off
	awk -v lines="$1" 'BEGIN { srand(7);
	    split("一、本年新收政府信息公开申请数量|1.属于国家秘密|行政许可|2.重复申请|" \
		"某项目|第二十条第（一）项|结果维持|其他项目名称较长一些", L, "|");
	    print "某局2024年政府信息公开工作年度报告";
	    print "三、收到和处理政府信息公开申请情况";
	    for (i = 0; i < lines; i++)
		printf "%s%d\t%d\t%d\t0\t1\t2\t0\t0\t%d\n", L[i % 8 + 1], i % 3,
		    i % 5, int(rand() * 100), i % 7 }' | tr "$3" "$4" >"$2"
}
# One run: time, peak memory, stderr lines, exit status.
run() {	# FILE WHAT
	size=$(wc -c <"$1")
	if [ -n "$TIMER" ]; then
		$TIMER -f '%e %M %U %S' -o "$tmp/t" "$GKREPORT" import --force \
		    -o "$tmp/out.csv" "$1" >/dev/null 2>"$tmp/err"
		rc=$?
		read -r secs kb us ss <<-EOT
		$(tail -1 "$tmp/t")
		EOT
	else
		start=$(date +%s.%N)
		"$GKREPORT" import --force -o "$tmp/out.csv" "$1" >/dev/null 2>"$tmp/err"
		rc=$?
		secs=$(echo "$start $(date +%s.%N)" | awk '{ printf "%.2f", $2 - $1 }')
		kb=-
		us=0
		ss=0
	fi
	notes=$(wc -l <"$tmp/err")
	awk -v w="$2" -v b="$size" -v s="$secs" -v k="$kb" -v n="$notes" -v rc="$rc" \
	    -v cpu="$(echo "$us $ss" | awk '{ print $1 + $2 }')" \
	    'BEGIN { mb = b / 1048576; per = (mb > 0 ? cpu / mb * 10 : 0);
		printf "   %-28s %6.1f MB %6.2f s (CPU %5.2f s, %4.2f s/10MB) %5s MB peak %4d lines on stderr (exit %d)\n",
		    w, mb, s, cpu, per, (k == "-" ? "-" : sprintf("%.0f", k / 1024)), n, rc }'
	tail -1 "$tmp/err" | cut -c1-150 | sed 's/^/      last note: /'
}

echo "5. Import of big texts (issue 12; target < 1 s per 10 MB, < 100 MB peak, notes capped)"
echo "   load at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
for mb in 10 25 50; do
	short "$mb" "$tmp/short.txt"
	run "$tmp/short.txt" "$mb MB of short lines"
done
for n in 250000 500000 1000000; do
	tablelike "$n" "$tmp/table.txt" '\t' '\t'
	run "$tmp/table.txt" "$n table-like lines (tabs)"
done
# The same with spaces: every line goes through the layout stage's
# reading by position (blocks, labels by content, columns).
for n in 250000 1000000; do
	tablelike "$n" "$tmp/table.txt" '\t' ' '
	run "$tmp/table.txt" "$n table-like lines (spaces)"
done
rm -f "$tmp/short.txt" "$tmp/table.txt"
