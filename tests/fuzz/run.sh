#!/bin/sh
# run.sh [SECONDS]: build the libFuzzer targets in a folder of their own
# (clang, configure --enable-fuzzing) and run each for SECONDS (default
# 60) on a fresh copy of the seed corpora: every report file under
# tests/data and examples for the reader, the published texts of
# tests/data/import for the importer, typical figures for the number
# parser, a few journals for the journal reader. Prints each target's
# number of executions. Fails on any crash, leak, slow input (-timeout),
# round-trip mismatch or sanitizer report;
# the input that did it is kept as BUILD/crash-TARGET-* (reproduce with
# BUILD/tests/fuzz/fuzz_TARGET FILE; once fixed, add it to
# tests/fuzz/regress/TARGET/, which every make check replays).
#
# Environment: FUZZ_BUILDDIR (default $TMPDIR/gkreport-fuzz), FUZZ_CC
# (default clang, else clang-14), FUZZ_SECONDS (instead of the argument).
set -u
TOP=$(cd "$(dirname "$0")/../.." && pwd)
SECS=${1:-${FUZZ_SECONDS:-60}}
B=${FUZZ_BUILDDIR:-${TMPDIR:-/tmp}/gkreport-fuzz}

CC=${FUZZ_CC:-}
if [ -z "$CC" ]; then
	for c in clang clang-14; do
		if command -v "$c" >/dev/null 2>&1; then CC=$c; break; fi
	done
fi
if [ -z "$CC" ]; then
	echo "run.sh: clang is needed (apt-get install clang)" >&2
	exit 2
fi

# The build is out of tree: the source tree must not be configured itself.
if [ -f "$TOP/config.status" ]; then
	echo "run.sh: $TOP is configured in place; run 'make distclean' there" \
	    "first (the fuzzing build goes to $B)" >&2
	exit 2
fi
if [ ! -f "$TOP/configure" ]; then
	(cd "$TOP" && ./autogen.sh) || exit 2
fi

TARGETS=
for t in csvio number journal import; do
	[ -f "$TOP/tests/fuzz/fuzz_$t.c" ] &&
	    grep -q "^tests_fuzz_fuzz_${t}_SOURCES" "$TOP/Makefile.am" &&
	    TARGETS="$TARGETS $t"
done

mkdir -p "$B" || exit 2
cd "$B" || exit 2
if [ ! -f Makefile ]; then
	echo "== configure CC=$CC --enable-fuzzing in $B"
	"$TOP/configure" CC="$CC" CFLAGS="-g -O1" --enable-fuzzing \
	    >configure.log 2>&1 || { tail -30 configure.log; exit 2; }
fi
progs=
for t in $TARGETS; do progs="$progs tests/fuzz/fuzz_$t"; done
echo "== make$progs"
# shellcheck disable=SC2086
make -j2 $progs >make.log 2>&1 || { tail -40 make.log; exit 2; }

# Seeds, copied fresh each run (libFuzzer adds to its corpus folder).
rm -rf corpus crash-*
mkdir -p corpus/csvio corpus/number corpus/journal corpus/import
i=0
for f in "$TOP"/tests/data/*/*.csv "$TOP"/tests/data/*/*/*.csv \
    "$TOP"/tests/data/bad/* "$TOP"/examples/*.csv; do
	[ -f "$f" ] || continue
	i=$((i + 1))
	cp "$f" "corpus/csvio/seed-$i"
done
# The importer's first byte picks the mode: even, a pasted text; odd, a
# report file whose published text is imported back.
for f in "$TOP"/tests/data/import/*.txt "$TOP"/tests/data/export/*.txt \
    "$TOP"/tests/data/bad/import/*.txt; do
	[ -f "$f" ] || continue
	i=$((i + 1))
	{ printf '\000'; cat "$f"; } >"corpus/import/seed-$i"
done
for f in "$TOP"/examples/*.csv "$TOP"/tests/data/export/*.csv; do
	[ -f "$f" ] || continue
	i=$((i + 1))
	{ printf '\001'; cat "$f"; } >"corpus/import/seed-$i"
done
# The inputs once found wrong (replayed by make check too).
for t in $TARGETS; do
	for f in "$TOP/tests/fuzz/regress/$t"/*; do
		[ -f "$f" ] || continue
		i=$((i + 1))
		cp "$f" "corpus/$t/regress-$i"
	done
done
# The first byte picks the kind: 0 count, 1 amount, 2 year, 3 date.
n=0
while IFS=: read -r kind text; do
	n=$((n + 1))
	{ printf "\\00$kind"; printf '%s' "$text"; } >"corpus/number/seed-$n"
done <<'SEEDS'
0:0
0:12
0: 7 
0:999999999999999
0:1000000000000000
0:1e3
0:-3
0:2.5
0:１２３
1:7730.28
1:7545
1:12.345678
1:0.0001
1:99999999999.9999
2:2024
2:02024
3:2024-07-01
3:2024-02-30
3:2024-12-31
SEEDS
# Journals: 0 as is, 1 lines sealed by the target, 2 key/value pairs.
{ printf '\001GKJ1\t%s\t-1\t0\t00000000\n' "$B/r.csv"
  printf '=\ttext.s1\t第一行\\n第二行\\t\\\\\n-\tt3.new.natural\t\n'
  printf '=\tnote.X2.rules\t说明\n=\tt2.fees.amount\t7730.28'
} >corpus/journal/seed-1
{ printf '\002text.s1\000a\tb\r\nc\\\000t3.new.natural\000 7 \000'
  printf 'zz.unknown\000x\000text.s1\000\000'
} >corpus/journal/seed-2
printf '\000GKJ1\tr.csv\t12\t0\t00000000\n=\ttext.s1\tx\t00000000\n=\tt' \
    >corpus/journal/seed-3

status=0
for t in $TARGETS; do
	dict=
	[ -f "$TOP/tests/fuzz/$t.dict" ] && dict="-dict=$TOP/tests/fuzz/$t.dict"
	echo "== fuzz_$t for ${SECS}s"
	# shellcheck disable=SC2086
	"./tests/fuzz/fuzz_$t" -max_total_time="$SECS" -rss_limit_mb=2048 \
	    -timeout=10 -print_final_stats=1 -artifact_prefix="$B/crash-$t-" \
	    $dict "corpus/$t" >"fuzz-$t.log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "fuzz-$t.log")
	[ -n "$runs" ] || runs=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' \
	    "fuzz-$t.log")
	cov=$(grep -E '^#[0-9]+' "fuzz-$t.log" | tail -1 |
	    sed -n 's/.*cov: \([0-9]*\).*/\1/p')
	if [ "$rc" -ne 0 ] || grep -q -E \
	    'ERROR: (Leak|Address)Sanitizer|runtime error:|ERROR: libFuzzer' \
	    "fuzz-$t.log"; then
		echo "fuzz_$t: FAILED (exit $rc) after ${runs:-?} runs:"
		grep -E -A30 'ERROR:|runtime error:|^fuzz_' "fuzz-$t.log" | head -60
		ls "$B"/crash-"$t"-* 2>/dev/null
		status=1
	else
		echo "fuzz_$t: ${runs:-?} runs in ${SECS}s, coverage ${cov:-?}," \
		    "corpus $(ls "corpus/$t" | wc -l) inputs, no crash or leak"
	fi
done
exit $status
