#!/bin/sh
# run.sh: gkreport's benchmarks, run by `make bench` (never by make check).
#
#   1. launch to the first complete screen, gkreport beside VisiData
#   2. bytes written to the terminal per keystroke in table 三
#   3. check and sum over many generated unit reports
#   4. peak memory of the application with a report open
#
# Each figure is the median of repeated runs. Environment (set by make):
# GKREPORT (the binary), BENCHDIR (genreports, ptybench), TOP_SRCDIR.
# Knobs: BENCH_REPS (default 7), BENCH_FILES (10000), BENCH_EXAMPLE (the
# report to open), BENCH_MARKER (text of gkreport's first complete screen),
# BENCH_TO_T3 (keys from the first screen to table 三), BENCH_T3_MARKER,
# BENCH_NO_INSTALL=1 (never install VisiData).
set -u

: "${GKREPORT:?set GKREPORT to the gkreport binary}"
: "${BENCHDIR:?set BENCHDIR to the folder of genreports and ptybench}"
: "${TOP_SRCDIR:=.}"
REPS=${BENCH_REPS:-7}
NFILES=${BENCH_FILES:-10000}
GEN=$BENCHDIR/genreports
PTY=$BENCHDIR/ptybench
ROWS=40
COLS=120

tmp=$(mktemp -d "${TMPDIR:-/tmp}/gkbench.XXXXXX") || exit 2
T="tmux -L gkbench-$$ -f /dev/null"
cleanup() {
	$T kill-server 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

export LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=tmux-256color ESCDELAY=25
export HOME="$tmp/home"		# no user settings, for either program
mkdir -p "$HOME"

# The median of the numbers on stdin, "-" when there are none.
median() {
	sort -n | awk '{ v[NR] = $1 }
	    END { if (NR == 0) print "-";
		  else if (NR % 2) print v[(NR + 1) / 2];
		  else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# field NAME FILE...: the values of "NAME value" lines.
field() {
	name=$1
	shift
	awk -v n="$name" '$1 == n { print $2 }' "$@"
}

# step NAME FILE...: the byte counts of "step NAME bytes N ms T" lines.
step_bytes() {
	name=$1
	shift
	awk -v n="$name" '$1 == "step" && $2 == n { print $4 }' "$@"
}

ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-" || b == 0)
	    print "-"; else printf "%.2f\n", a / b }'
}

# verdict FIGURE OP TARGET: "ok" or "MISSED" (OP is <= or >=).
verdict() {
	awk -v a="$1" -v op="$2" -v t="$3" 'BEGIN {
	    if (a == "-") { print "n/a"; exit }
	    ok = op == "<=" ? a + 0 <= t + 0 : a + 0 >= t + 0
	    print ok ? "ok" : "MISSED" }'
}

echo "gkreport benchmarks ($(date -u '+%Y-%m-%d %H:%M UTC'))"
echo "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(uname -sr)"
echo "binary:  $GKREPORT ($("$GKREPORT" --version | head -1))"
echo "runs:    median of $REPS (launch, keystrokes, memory), terminal ${COLS}x${ROWS}"
echo

# ---- the report to open: the non-zero example ---------------------------
example=${BENCH_EXAMPLE:-}
if [ -z "$example" ]; then
	for f in "$TOP_SRCDIR"/examples/hongze-2024.csv \
	    "$TOP_SRCDIR"/examples/shuyang-2025.csv "$TOP_SRCDIR"/examples/*.csv; do
		[ -f "$f" ] || continue
		# non-zero: table 三 holds at least one figure above 0
		if grep -q '^t3\.[a-z_]*\.total,[^,]*,[1-9]' "$f"; then
			example=$f
			break
		fi
	done
fi
if [ -z "$example" ]; then
	"$GEN" -s 2024 "$tmp/example" 1 >/dev/null
	example=$tmp/example/unit-00001.csv
	echo "note: no non-zero example in examples/; opening a generated report"
fi
agency=$(sed -n 's/^meta\.agency,[^,]*,//p' "$example" | tr -d '\r"' | head -1)
marker=${BENCH_MARKER:-$agency}
t3_marker=${BENCH_T3_MARKER:-三、收到和处理政府信息公开申请情况}
to_t3=${BENCH_TO_T3:-\\t\\t\\t}
echo "report:  $example"
echo

# ---- 1. launch ------------------------------------------------------------
# Two measurements of the same thing: on a bare pty (ptybench: the last
# byte of the first screen, exact), and in tmux (from new-window until
# capture-pane shows the screen, polled, so it includes tmux's own work).
launch_pty() {	# PROGRAM-ARGS... ; prints launch_ms per run
	i=0
	while [ $i -lt "$REPS" ]; do
		"$PTY" -r $ROWS -c $COLS -m "$m" -q 50 -t 10000 -- "$@" \
		    2>>"$tmp/pty.err" | field launch_ms -
		i=$((i + 1))
	done
}

launch_tmux() {	# MARKER PROGRAM-ARGS... ; prints ms per run
	mk=$1
	shift
	$T has-session 2>/dev/null || $T new-session -d -s bench -x $COLS -y $ROWS \
	    -e LANG=C.UTF-8 -e LC_ALL=C.UTF-8 -e HOME="$HOME" -e ESCDELAY=25 'sleep 3600'
	i=0
	while [ $i -lt "$REPS" ]; do
		t0=$(date +%s%N)
		pane=$($T new-window -d -P -F '#{pane_id}' "$*")
		n=0
		while ! $T capture-pane -p -t "$pane" 2>/dev/null | grep -qF -- "$mk"; do
			n=$((n + 1))
			[ $n -gt 5000 ] && break
		done
		t1=$(date +%s%N)
		[ $n -le 5000 ] && echo $(((t1 - t0) / 1000)) | awk '{ printf "%.2f\n", $1 / 1000 }'
		$T kill-pane -t "$pane" 2>/dev/null
		i=$((i + 1))
	done
}

vd=$(command -v vd || command -v visidata || true)
if [ -z "$vd" ] && [ "${BENCH_NO_INSTALL:-0}" != 1 ] && command -v apt-get >/dev/null; then
	echo "installing VisiData (Debian package visidata) for the comparison ..."
	if [ "$(id -u)" -eq 0 ]; then sudo=; else sudo="sudo -n"; fi
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q \
	    --no-install-recommends visidata >"$tmp/apt.log" 2>&1 || true
	vd=$(command -v vd || command -v visidata || true)
fi

m=$marker
gk_pty=$(launch_pty "$GKREPORT" "$example" | median)
gk_tmux=$(launch_tmux "$marker" "$GKREPORT" "$example" | median)
vd_note=
if [ -n "$vd" ]; then
	m=value
	vd_pty=$(launch_pty "$vd" "$example" | median)
	vd_tmux=$(launch_tmux value "$vd" "$example" | median)
else
	vd_pty=-; vd_tmux=-
	vd_note="(VisiData not installed and could not be installed: column skipped)"
fi

echo "1. Launch to the first complete screen, ms (median of $REPS; target gkreport <= 20 ms)"
printf '   %-34s %10s %10s %14s\n' "" gkreport VisiData "VisiData/gk"
printf '   %-34s %10s %10s %14s\n' "on a pty (last byte of the screen)" "$gk_pty" "$vd_pty" "$(ratio "$vd_pty" "$gk_pty")"
printf '   %-34s %10s %10s %14s\n' "in tmux (capture-pane shows it)" "$gk_tmux" "$vd_tmux" "$(ratio "$vd_tmux" "$gk_tmux")"
printf '   gkreport on a pty: %s; VisiData opens the same file (%s)\n' \
    "$(verdict "$gk_pty" '<=' 20)" "${vd:-none}"
[ -n "$vd_note" ] && echo "   $vd_note"
[ -s "$tmp/pty.err" ] && sed 's/^/   pty: /' "$tmp/pty.err" | head -5
echo

# ---- 2 and 4. keystrokes and memory -----------------------------------------
: >"$tmp/keys.out"
: >"$tmp/keys.err"
i=0
while [ $i -lt "$REPS" ]; do
	"$PTY" -r $ROWS -c $COLS -m "$marker" -q 50 -t 10000 \
	    -s "t3=$to_t3" -s digit=5 -s enter='\r' -s move='\eOC' \
	    -s repaint='\x0c' -- "$GKREPORT" "$example" \
	    >>"$tmp/keys.out" 2>>"$tmp/keys.err"
	i=$((i + 1))
done
digit=$(step_bytes digit "$tmp/keys.out" | median)
enter=$(step_bytes enter "$tmp/keys.out" | median)
move=$(step_bytes move "$tmp/keys.out" | median)
repaint=$(step_bytes repaint "$tmp/keys.out" | median)
first=$(field launch_bytes "$tmp/keys.out" | median)
tenth=$(awk -v r="$repaint" 'BEGIN { if (r == "-") print "-"; else printf "%d\n", r / 10 }')
echo "2. Bytes written to the terminal (median of $REPS; table 三, ${COLS}x${ROWS})"
printf '   %-36s %8s   %s\n' "first screen" "$first" ""
printf '   %-36s %8s   %s\n' "type one digit into a cell" "$digit" "target <= 64: $(verdict "$digit" '<=' 64)"
printf '   %-36s %8s   %s\n' "commit it with Enter" "$enter" "target <= repaint/10 = $tenth: $(verdict "$enter" '<=' "$tenth")"
printf '   %-36s %8s   %s\n' "move the cursor one cell (Right)" "$move" ""
printf '   %-36s %8s   %s\n' "full repaint (Ctrl-L)" "$repaint" ""
printf '   keys to reach table 三: %s (BENCH_TO_T3)\n' "$to_t3"
[ -s "$tmp/keys.err" ] && sed 's/^/   pty: /' "$tmp/keys.err" | head -5
echo

rss=$(field maxrss_kb "$tmp/keys.out" | median)
rss_mb=$(awk -v k="$rss" 'BEGIN { if (k == "-") print "-"; else printf "%.2f\n", k / 1024 }')

# ---- 3. check and sum over many files -----------------------------------------
echo "3. check and sum over $NFILES generated unit reports (median of 3)"
small=$((NFILES / 10))
gen=$("$GEN" -s 1 "$tmp/units" "$NFILES")
"$GEN" -s 1 "$tmp/units-small" "$small" >/dev/null
echo "   units: $gen"
echo "   $(du -sh "$tmp/units" | cut -f1) on disk; page cache warm (one run first)"

if [ -x /usr/bin/time ]; then
	# GNU time puts "Command exited with non-zero status" first: keep
	# the last line
	timed() { /usr/bin/time -f '%e %M' -o "$tmp/time.all" "$@" >/dev/null 2>"$tmp/cmd.err"
		  rc=$?; tail -n 1 "$tmp/time.all" >"$tmp/time"; }
else
	timed() { s=$(date +%s%N); "$@" >/dev/null 2>"$tmp/cmd.err"; rc=$?
		  echo "$(( ($(date +%s%N) - s) / 1000000 ))e-3 -" >"$tmp/time"; }
fi

# bench3 NAME COMMAND...: prints "seconds peakKB rc", medians of 3 runs.
bench3() {
	shift
	"$@" >/dev/null 2>&1
	: >"$tmp/runs"
	for i in 1 2 3; do
		timed "$@"
		echo "$(cat "$tmp/time") $rc" >>"$tmp/runs"
	done
	s=$(awk '{ print $1 }' "$tmp/runs" | median)
	k=$(awk '{ print $2 }' "$tmp/runs" | median)
	# exit 2: files it could not read, so no figure stands
	if [ "$rc" -ge 2 ]; then
		echo "- - $rc"
		sed 's/^/   stderr: /' "$tmp/cmd.err" | head -3 >>"$tmp/notes"
	else
		echo "$s $k $rc"
	fi
}

set -- "$tmp"/units/*.csv
chk=$(bench3 check "$GKREPORT" check "$@")
sum=$(bench3 sum "$GKREPORT" sum -o "$tmp/sum.csv" --agency 基准测试县 "$tmp/units")
sum_small=$(bench3 sum "$GKREPORT" sum -o "$tmp/sum-small.csv" "$tmp/units-small")
row3() {	# label "s kb rc" nfiles
	echo "$2" | awk -v l="$1" -v n="$3" '{
	    if ($1 == "-") { printf "   %-28s %8d %10s %10s %10s %6s\n", l, n, "-", "-", "-", $3; next }
	    fps = $1 > 0 ? n / $1 : 0
	    printf "   %-28s %8d %10.3f %10.0f %10.2f %6s\n", l, n, $1, fps, $2 / 1024, $3 }'
}
printf '   %-28s %8s %10s %10s %10s %6s\n' "" files seconds files/s "peak MB" exit
row3 "gkreport check FILE..." "$chk" "$NFILES"
row3 "gkreport sum FOLDER" "$sum" "$NFILES"
row3 "gkreport sum FOLDER" "$sum_small" "$small"
chk_fps=$(echo "$chk" | awk -v n="$NFILES" '{ if ($1 == "-") print "-"; else printf "%.0f\n", $1 > 0 ? n / $1 : 0 }')
sum_s=$(echo "$sum" | awk '{ print $1 }')
grow=$(awk -v a="$(echo "$sum" | awk '{ print $2 }')" -v b="$(echo "$sum_small" | awk '{ print $2 }')" \
    'BEGIN { if (a == "-" || b == "-") print "n/a"; else printf "%+.2f MB\n", (a - b) / 1024 }')
echo "   check >= 10000 files/s: $(verdict "$chk_fps" '>=' 10000);" \
    "sum of $NFILES <= 1 s: $(verdict "$sum_s" '<=' 1);" \
    "sum peak memory, $NFILES files against $small: $grow"
echo "   (exit 1 is expected: some generated units fail their checks)"
[ -s "$tmp/notes" ] && sort -u "$tmp/notes"
echo

# ---- 4. memory ----------------------------------------------------------------
echo "4. Peak memory of the application with the report open (after the keystrokes above)"
printf '   %-36s %8s MB   target <= 8 MB: %s\n' "gkreport $(basename "$example")" "$rss_mb" \
    "$(verdict "$rss_mb" '<=' 8)"
