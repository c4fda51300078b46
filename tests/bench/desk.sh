#!/bin/sh
# desk.sh: the county office's desk measured (run by run.sh as parts 7
# and 8, or alone with the same environment: GKREPORT, BENCHDIR with
# genreports and ptybench).
#
#   7. sum --units --html over BENCH_FILES (10,000) units beside the plain
#      sum of the same folder: time and peak memory; the page's size; the
#      page of 3,000 units (targets: under 5 MB, under 2 s)
#   8. sum FOLDER over 10,000, 100,000 and 1,000,000 files (BENCH_SCALE):
#      hard links to the 10,000 generated reports, so every file past the
#      first 10,000 is a duplicate (--skip-duplicates: read, checked,
#      refused); time per file must not grow with the count. Disk: the
#      10,000 reports (~100 MB) and the folder's entries (~50 MB for a
#      million); removed at the end.
#
# Each figure is the median of BENCH_DESK_REPS (3) runs after one to warm
# the page cache; the million is run BENCH_DESK_BIG_REPS (2) times. On a
# shared machine read the CPU columns: wall time moves with the load.
# BENCH_OLD=PATH runs an older gkreport's sum beside at up to
# BENCH_OLD_MAX (100,000) files (it re-read the folder per 1,024 names).
set -u
: "${GKREPORT:?}" "${BENCHDIR:?}"
N=${BENCH_FILES:-10000}
SCALE=${BENCH_SCALE:-10000 100000 1000000}
REPS=${BENCH_DESK_REPS:-3}
BIGREPS=${BENCH_DESK_BIG_REPS:-2}
PARTS=${BENCH_DESK_PARTS:-7 8}	# which of the two parts to run
OLD=${BENCH_OLD:-}	# an older gkreport, run beside at up to BENCH_OLD_MAX files
GEN=$BENCHDIR/genreports
PTY=$BENCHDIR/ptybench
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gkdesk.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
export LANG=C.UTF-8 LC_ALL=C.UTF-8

median() {
	sort -n | awk '{ v[NR] = $1 }
	    END { if (NR == 0) print "-";
		  else if (NR % 2) print v[(NR + 1) / 2];
		  else printf "%.4f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# measure REPS COMMAND...: "seconds peakKB exit cpu" (medians) after a
# warm-up run; every run's seconds are kept in $tmp/all.
measure() {
	reps=$1
	shift
	"$PTY" -w -- "$@" >/dev/null
	: >"$tmp/runs"
	i=0
	while [ $i -lt "$reps" ]; do
		"$PTY" -w -- "$@" >>"$tmp/runs"
		i=$((i + 1))
	done
	awk '{ printf "%s ", $2 }' "$tmp/runs" >"$tmp/all"
	echo "$(awk '{ print $2 }' "$tmp/runs" | median)" \
	    "$(awk '{ print $4 }' "$tmp/runs" | median)" \
	    "$(awk '{ print $6 }' "$tmp/runs" | sort -n | tail -1)" \
	    "$(awk '{ print $8 }' "$tmp/runs" | median)"
}

row() {	# label "s kb rc cpu" nfiles
	echo "$2" | awk -v l="$1" -v n="$3" -v all="$(cat "$tmp/all")" '{
	    printf "   %-34s %8d %8.3f %8.3f %8.2f %9.1f %9.1f %4s  (s: %s)\n", l, n,
	        $1, $4, $2 / 1024, (n > 0 ? $1 / n * 1e6 : 0),
	        (n > 0 ? $4 / n * 1e6 : 0), $3, all }'
}
header() {
	printf '   %-34s %8s %8s %8s %8s %9s %9s %4s\n' "" files seconds "CPU s" \
	    "peak MB" "us/file" "CPU us/f" exit
}

"$GEN" -s 1 "$tmp/units" "$N" >/dev/null
case " $PARTS " in *" 7 "*)
"$GEN" -s 1 "$tmp/units3k" 3000 >/dev/null
echo "7. the county office's desk (median of $REPS runs after a warm-up; page cache warm)"
header
plain=$(measure "$REPS" "$GKREPORT" sum "$tmp/units")
row "sum FOLDER (today's output)" "$plain" "$N"
desk=$(measure "$REPS" "$GKREPORT" sum --units="$tmp/u.csv" --html="$tmp/p.html" "$tmp/units")
row "sum --units --html FOLDER" "$desk" "$N"
page=$(wc -c <"$tmp/p.html")
desk3=$(measure "$REPS" "$GKREPORT" sum --units="$tmp/u3.csv" --html="$tmp/p3.html" "$tmp/units3k")
row "sum --units --html FOLDER" "$desk3" 3000
page3=$(wc -c <"$tmp/p3.html")
s3=$(echo "$desk3" | cut -d' ' -f1)
echo "   page of $N units: $(awk -v b="$page" 'BEGIN { printf "%.2f MB", b / 1048576 }');" \
    "of 3000: $(awk -v b="$page3" 'BEGIN { printf "%.2f MB", b / 1048576 }')" \
    "(<= 5 MB: $(awk -v b="$page3" 'BEGIN { print b <= 5 * 1048576 ? "ok" : "MISSED" }'))," \
    "3000 units in $s3 s (<= 2 s: $(awk -v s="$s3" 'BEGIN { print s <= 2 ? "ok" : "MISSED" }'))"
echo "   (exit 1 is expected: some generated units fail their checks)"
echo
;;
esac

case " $PARTS " in *" 8 "*)
echo "8. sum FOLDER at province scale: hard links to the $N reports, --skip-duplicates"
echo "   (every file past the first $N is read, checked and refused as a duplicate)"
header
: >"$tmp/perfile"
for count in $SCALE; do
	rm -rf "$tmp/links"
	mkdir "$tmp/links"
	# link i -> unit (i mod N): one process for all the links
	if ! python3 - "$count" "$N" "$tmp/units" "$tmp/links" 2>"$tmp/ln.err" <<'PY'
import os, sys
n, m, src, dst = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
for i in range(n):
    os.link("%s/unit-%05d.csv" % (src, i % m + 1), "%s/f%07d.csv" % (dst, i))
PY
	then
		echo "   could not make $count links: $(tail -1 "$tmp/ln.err")"
		continue
	fi
	reps=$REPS
	[ "$count" -ge 1000000 ] && reps=$BIGREPS
	r=$(measure "$reps" "$GKREPORT" sum --skip-duplicates "$tmp/links")
	row "sum --skip-duplicates FOLDER" "$r" "$count"
	# runs that gave no figure (exit 2, or no ptybench) are left out
	echo "$r" | awk -v n="$count" '$1 != "-" && $1 > 0 && $3 < 2 {
	    printf "%d %.2f %.2f\n", n, $1 / n * 1e6, $4 / n * 1e6 }' >>"$tmp/perfile"
	if [ -n "$OLD" ] && [ "$count" -le "${BENCH_OLD_MAX:-100000}" ]; then
		r=$(measure "$reps" "$OLD" sum "$tmp/links")
		row "(before) $(basename "$OLD") sum FOLDER" "$r" "$count"
	fi
	rm -rf "$tmp/links"
done
awk 'NR == 1 { first = $2; c0 = $3; n0 = $1 } { last = $2; c = $3; n = $1 }
    END { if (NR > 1) {
	printf "   time per file: %.1f us at %d files, %.1f us at %d (x%.2f);", first, n0, last, n, last / first
	printf " CPU per file: %.1f us, %.1f us (x%.2f): %s\n", c0, c, c / c0,
	    c / c0 <= 1.3 ? "linear, ok" : "GROWS" } }' "$tmp/perfile"
echo
;;
esac
