#!/bin/sh
# run.sh: gkreport's benchmarks, run by `make bench` (never by make check).
#
#   1. launch to the first complete screen, gkreport beside VisiData
#   2. bytes written to the terminal per keystroke in table 三
#   3. check and sum over many generated unit reports
#   4. peak memory of the application with a report open
#   5. import of 50 MB of short lines and 1,000,000 table-like lines
#      (tests/bench/import.sh)
#   6. check of a 100 MB text, of 10,000 unknown keys, of 200 MB that is
#      no report (tests/bench/bigfiles.sh)
#   7. sum --units --html beside sum; 8. sum FOLDER up to a million files
#      (tests/bench/desk.sh)
#
# Each figure is the median of repeated runs. Environment (set by make):
# GKREPORT (the binary), BENCHDIR (genreports, ptybench), TOP_SRCDIR.
# Knobs: BENCH_REPS (default 11), BENCH_FILES (10000), BENCH_EXAMPLE (the
# report to open), BENCH_MARKER (text of gkreport's first complete screen),
# BENCH_TO_T3 (keys from the first screen to table 三), BENCH_T3_MARKER,
# BENCH_KEEP=DIR (keep the raw bytes of each keystroke in DIR),
# BENCH_VISIDATA (the vd program; "none" to leave it out).
#
# The programs never open the example itself: each run gets a fresh copy in
# a private folder (an edited report leaves a journal beside it, and the
# next run would open on the recovery screen).
set -u

: "${GKREPORT:?set GKREPORT to the gkreport binary}"
: "${BENCHDIR:?set BENCHDIR to the folder of genreports and ptybench}"
: "${TOP_SRCDIR:=.}"
REPS=${BENCH_REPS:-11}
NFILES=${BENCH_FILES:-10000}
GEN=$BENCHDIR/genreports
PTY=$BENCHDIR/ptybench
ROWS=40
COLS=120

tmp=$(mktemp -d "${TMPDIR:-/tmp}/gkbench.XXXXXX") || exit 2
T="tmux -L gkbench-$$ -f /dev/null"
cleanup() {
	$T kill-server 2>/dev/null
	rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/gkbench-$$"
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

# step_bytes NAME FILE...: the byte counts of "step NAME bytes N ms T" lines.
step_bytes() {
	name=$1
	shift
	awk -v n="$name" '$1 == "step" && $2 == n { print $4 }' "$@"
}

ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-" || b == 0)
	    print "-"; else printf "%.1f\n", a / b }'
}

# verdict FIGURE OP TARGET: "ok" or "MISSED" (OP is <= or >=).
verdict() {
	awk -v a="$1" -v op="$2" -v t="$3" 'BEGIN {
	    if (a == "-" || t == "-") { print "n/a"; exit }
	    ok = op == "<=" ? a + 0 <= t + 0 : a + 0 >= t + 0
	    print ok ? "ok" : "MISSED" }'
}

# fresh: a new copy of the example in a folder of its own; prints its path.
fresh() {
	d=$(mktemp -d "$tmp/run.XXXXXX") || exit 2
	cp "$example" "$d/" && echo "$d/$(basename "$example")"
}

echo "gkreport benchmarks ($(date -u '+%Y-%m-%d %H:%M UTC'))"
echo "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)," \
    "$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME"), $(uname -r)"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) at the start"
echo "binary:  $GKREPORT ($("$GKREPORT" --version | head -1))"
echo "runs:    median of $REPS (launch, keystrokes, memory), terminal ${COLS}x${ROWS}"
echo

# ---- the report to open: the non-zero example ---------------------------
example=${BENCH_EXAMPLE:-}
if [ -z "$example" ]; then
	for f in "$TOP_SRCDIR"/examples/hongze-2024.csv "$TOP_SRCDIR"/examples/*.csv; do
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
# A report that exists opens on 一 (a new one on 封面): Tab Tab is 三.
to_t3=${BENCH_TO_T3:-\\t\\t}
echo "report:  $example"
echo "first complete screen: \"$marker\" shown and 50 ms without output"
echo

# ---- 1. launch ------------------------------------------------------------
# Two measurements of the same thing: in tmux (from the moment the pane's
# shell execs the program to the last byte of the first screen as tmux
# received it, seen through pipe-pane) and on a bare pty (ptybench: from
# fork to the last byte). /bin/echo printing the marker, and cursesfloor
# filling the screen with it, show what starting any program, and any
# curses program, costs on this machine now.
launch_pty() {	# PROGRAM-ARGS... ; prints "launch_ms cpu_ms" per run
	: >"$tmp/launch.out"
	i=0
	while [ $i -lt "$REPS" ]; do
		f=$(fresh)
		# the file's name is the last argument
		"$PTY" -r $ROWS -c $COLS -m "$marker" -q 50 -t 20000 -- "$@" "$f" \
		    >"$tmp/one.out" 2>>"$tmp/pty.err"
		echo "$(field launch_ms "$tmp/one.out") $(field cpu_ms "$tmp/one.out")" \
		    >>"$tmp/launch.out"
		i=$((i + 1))
	done
}

launch_tmux() {	# PROGRAM ; prints ms per run
	prog=$1
	command -v tmux >/dev/null || return 0
	$T has-session 2>/dev/null || $T new-session -d -s bench -x $COLS -y $ROWS \
	    -e LANG=C.UTF-8 -e LC_ALL=C.UTF-8 -e HOME="$HOME" -e ESCDELAY=25 'sleep 3600'
	i=0
	while [ $i -lt "$REPS" ]; do
		f=$(fresh)
		w=$(dirname "$f")
		# the pane waits for Enter, notes the time (bash's clock, no
		# fork), then becomes PROGRAM;
		# a watcher on the pane's output notes the time of the last
		# byte of the first screen, as tmux received it
		printf '%s\n' 'read x' "echo \$EPOCHREALTIME >'$w/t0'" \
		    "exec $prog '$f'" >"$w/pane.sh"
		set -- $($T new-window -d -P -F '#{pane_id} #{pane_pid}' \
		    "exec bash '$w/pane.sh'")
		pane=$1 pid=$2
		$T pipe-pane -t "$pane" -O \
		    "exec '$PTY' -W '$marker' -q 50 -t 20000 >'$w/end' 2>>'$tmp/pty.err'"
		n=0
		while ! grep -q ready "$w/end" 2>/dev/null && [ $n -lt 500 ]; do
			n=$((n + 1))
			sleep 0.01
		done
		$T send-keys -t "$pane" Enter
		n=0
		while ! grep -q end_ns "$w/end" 2>/dev/null && [ $n -lt 2100 ]; do
			n=$((n + 1))
			sleep 0.01
		done
		if [ -s "$w/t0" ] && grep -q end_ns "$w/end"; then
			awk -v t0="$(cat "$w/t0")" '$1 == "end_ns" { printf "%.2f\n", ($2 - t0 * 1e9) / 1e6 }' "$w/end"
		fi
		$T kill-pane -t "$pane" 2>/dev/null
		# the next run must not meet this one (its lock, its CPU)
		n=0
		while kill -0 "$pid" 2>/dev/null; do
			n=$((n + 1))
			[ $n -eq 200 ] && kill -9 "$pid" 2>/dev/null
			sleep 0.01
		done
		i=$((i + 1))
	done
}

# BENCH_VISIDATA=none leaves VisiData out, as on a machine without it
case ${BENCH_VISIDATA:-} in
none)	vd= ;;
'')	vd=$(command -v vd || command -v visidata || true) ;;
*)	vd=$BENCH_VISIDATA ;;
esac

launch_pty /bin/echo "$marker"
floor=$(awk '{ print $1 }' "$tmp/launch.out" | median)
floor_cpu=$(awk '{ print $2 }' "$tmp/launch.out" | median)
launch_tmux "/bin/echo '$marker'" >"$tmp/floor_tmux"
floor_tmux=$(median <"$tmp/floor_tmux")
launch_pty "$BENCHDIR/cursesfloor" "$marker"
curses_pty=$(awk '{ print $1 }' "$tmp/launch.out" | median)
curses_cpu=$(awk '{ print $2 }' "$tmp/launch.out" | median)
curses_tmux=$(launch_tmux "'$BENCHDIR/cursesfloor' '$marker'" | median)
launch_pty "$GKREPORT"
gk_pty=$(awk '{ print $1 }' "$tmp/launch.out" | median)
gk_cpu=$(awk '{ print $2 }' "$tmp/launch.out" | median)
gk_tmux=$(launch_tmux "$GKREPORT" | median)
if [ -n "$vd" ]; then
	launch_pty "$vd"
	vd_pty=$(awk '{ print $1 }' "$tmp/launch.out" | median)
	vd_cpu=$(awk '{ print $2 }' "$tmp/launch.out" | median)
	vd_tmux=$(launch_tmux "$vd" | median)
else
	vd_pty=-; vd_cpu=-; vd_tmux=-
fi

echo "1. Launch to the first complete screen, ms (median of $REPS; target gkreport <= 20 ms)"
printf '   %-38s %9s %9s %7s %10s %8s\n' "" gkreport VisiData "VD/gk" "/bin/echo" curses
printf '   %-38s %9s %9s %7s %10s %8s\n' "in tmux (exec to the last byte)" \
    "$gk_tmux" "$vd_tmux" "$(ratio "$vd_tmux" "$gk_tmux")" "$floor_tmux" "$curses_tmux"
printf '   %-38s %9s %9s %7s %10s %8s\n' "on a bare pty (fork to the last byte)" \
    "$gk_pty" "$vd_pty" "$(ratio "$vd_pty" "$gk_pty")" "$floor" "$curses_pty"
printf '   %-38s %9s %9s %7s %10s %8s\n' "CPU time of the whole run (user+sys)" \
    "$gk_cpu" "$vd_cpu" "$(ratio "$vd_cpu" "$gk_cpu")" "$floor_cpu" "$curses_cpu"
echo "   (/bin/echo prints the agency; curses is tests/bench/cursesfloor: start curses, fill the screen)"
command -v tmux >/dev/null || echo "   tmux: not installed (./setup installs it): no figures in tmux"
if [ -n "$vd" ]; then
	echo "   VisiData: $("$vd" --version 2>/dev/null | head -1) ($vd) opens the same CSV file"
else
	echo "   visidata: not installed (./setup installs the Debian package visidata)"
fi
echo "   gkreport in tmux: $(verdict "$gk_tmux" '<=' 20); on a pty: $(verdict "$gk_pty" '<=' 20)"
[ -s "$tmp/pty.err" ] && sed 's/^/   pty: /' "$tmp/pty.err" | head -5
echo

# ---- 2 and 4. keystrokes and memory -----------------------------------------
# In table 三 the cursor starts on the first cell (一、本年新收 × 自然人):
# type 5 over its figure, commit it with Enter (the cursor goes down),
# move right, repaint. Then the same again in the next cell (7, Enter):
# the title and the check counts have already changed once.
: >"$tmp/keys.out"
: >"$tmp/keys.err"
keep=${BENCH_KEEP:-}
i=0
while [ $i -lt "$REPS" ]; do
	f=$(fresh)
	d=
	if [ -n "$keep" ] && [ $i -eq 0 ]; then
		mkdir -p "$keep" && d="-d $keep"
	fi
	"$PTY" $d -r $ROWS -c $COLS -m "$marker" -q 50 -t 20000 \
	    -s "t3=$to_t3" -x "t3=$t3_marker" -s digit=5 -s enter='\r' \
	    -s move='\eOC' -s repaint='\x0c' -s digit2=7 -s enter2='\r' \
	    -- "$GKREPORT" "$f" >>"$tmp/keys.out" 2>>"$tmp/keys.err"
	i=$((i + 1))
done
first=$(field launch_bytes "$tmp/keys.out" | median)
t3=$(step_bytes t3 "$tmp/keys.out" | median)
digit=$(step_bytes digit "$tmp/keys.out" | median)
enter=$(step_bytes enter "$tmp/keys.out" | median)
move=$(step_bytes move "$tmp/keys.out" | median)
repaint=$(step_bytes repaint "$tmp/keys.out" | median)
digit2=$(step_bytes digit2 "$tmp/keys.out" | median)
enter2=$(step_bytes enter2 "$tmp/keys.out" | median)
tenth=$(awk -v r="$repaint" 'BEGIN { if (r == "-") print "-"; else printf "%.0f\n", r / 10 }')
echo "2. Bytes written to the terminal (median of $REPS; table 三, ${COLS}x${ROWS})"
printf '   %-46s %7s   %s\n' "first screen (一)" "$first" ""
printf '   %-46s %7s   %s\n' "Tab Tab to table 三" "$t3" ""
printf '   %-46s %7s   %s\n' "type one digit into a cell (5)" "$digit" "target <= 64: $(verdict "$digit" '<=' 64)"
printf '   %-46s %7s   %s\n' "commit it with Enter" "$enter" "target <= repaint/10 = $tenth: $(verdict "$enter" '<=' "$tenth")"
printf '   %-46s %7s   %s\n' "move the cursor one cell (Right)" "$move" ""
printf '   %-46s %7s   %s\n' "full repaint (Ctrl-L)" "$repaint" ""
printf '   %-46s %7s   %s\n' "a second digit (7), next cell" "$digit2" "target <= 64: $(verdict "$digit2" '<=' 64)"
printf '   %-46s %7s   %s\n' "its commit with Enter" "$enter2" "target <= $tenth: $(verdict "$enter2" '<=' "$tenth")"
[ -s "$tmp/keys.err" ] && sed 's/^/   pty: /' "$tmp/keys.err" | head -8
echo

rss=$(field maxrss_kb "$tmp/keys.out" | median)
rss_mb=$(awk -v k="$rss" 'BEGIN { if (k == "-") print "-"; else printf "%.2f\n", k / 1024 }')

# ---- 3. check and sum over many files -----------------------------------------
small=$((NFILES / 10))
echo "3. check and sum over $NFILES generated unit reports (median of 3 runs, page cache warm)"
gen=$("$GEN" -s 1 "$tmp/units" "$NFILES")
"$GEN" -s 1 "$tmp/units-small" "$small" >/dev/null
echo "   units: $gen; $(du -sh "$tmp/units" | cut -f1) on disk"

# bench3 COMMAND...: prints "seconds peakKB exit cpu-seconds", medians of
# 3 runs after one run to warm the page cache.
bench3() {
	"$PTY" -w -- "$@" >/dev/null
	: >"$tmp/runs"
	for i in 1 2 3; do
		"$PTY" -w -- "$@" >>"$tmp/runs"
	done
	s=$(awk '{ print $2 }' "$tmp/runs" | median)
	k=$(awk '{ print $4 }' "$tmp/runs" | median)
	c=$(awk '{ print $8 }' "$tmp/runs" | median)
	rc=$(awk '{ print $6 }' "$tmp/runs" | sort -n | tail -1)
	# exit 2: files it could not read, so no figure stands
	if [ "$rc" -ge 2 ]; then
		echo "- - $rc -"
		"$@" 2>&1 >/dev/null | sed 's/^/   stderr: /' | head -3 >>"$tmp/notes"
	else
		echo "$s $k $rc $c"
	fi
}

set -- "$tmp"/units/*.csv
chk=$(bench3 "$GKREPORT" check "$@")
sum=$(bench3 "$GKREPORT" sum -o "$tmp/sum.csv" --agency 基准测试县 "$tmp/units")
sum_small=$(bench3 "$GKREPORT" sum -o "$tmp/sum-small.csv" --agency 基准测试县 "$tmp/units-small")
row3() {	# label "s kb rc cpu" nfiles
	echo "$2" | awk -v l="$1" -v n="$3" '{
	    if ($1 == "-") { printf "   %-24s %6d %8s %8s %8s %8s %5s\n", l, n, "-", "-", "-", "-", $3; next }
	    fps = $1 > 0 ? n / $1 : 0
	    printf "   %-24s %6d %8.3f %8.0f %8.3f %8.2f %5s\n", l, n, $1, fps, $4, $2 / 1024, $3 }'
}
printf '   %-24s %6s %8s %8s %8s %8s %5s\n' "" files seconds files/s "CPU s" "peak MB" exit
row3 "gkreport check FILE..." "$chk" "$NFILES"
row3 "gkreport sum FOLDER" "$sum" "$NFILES"
row3 "gkreport sum FOLDER" "$sum_small" "$small"
chk_fps=$(echo "$chk" | awk -v n="$NFILES" '{ if ($1 == "-") print "-"; else printf "%.0f\n", ($1 > 0 ? n / $1 : 0) }')
sum_s=$(echo "$sum" | awk '{ print $1 }')
grow=$(awk -v a="$(echo "$sum" | awk '{ print $2 }')" -v b="$(echo "$sum_small" | awk '{ print $2 }')" \
    'BEGIN { if (a == "-" || b == "-") print "n/a"; else printf "%+.2f MB\n", (a - b) / 1024 }')
echo "   check >= 10000 files/s: $(verdict "$chk_fps" '>=' 10000);" \
    "sum of $NFILES <= 1 s: $(verdict "$sum_s" '<=' 1);" \
    "sum's peak memory, $NFILES files against $small: $grow"
echo "   (exit 1 is expected: some generated units fail their checks; CPU s is user+system)"
[ -s "$tmp/notes" ] && sort -u "$tmp/notes"
echo

# ---- 4. memory ----------------------------------------------------------------
echo "4. Peak memory of the application with the report open (median of $REPS; after the keystrokes of 2)"
printf '   %-46s %7s MB   target <= 8 MB: %s\n' "gkreport $(basename "$example"), peak RSS" "$rss_mb" \
    "$(verdict "$rss_mb" '<=' 8)"
echo

# ---- 5. import of big texts ---------------------------------------------------
GKREPORT="$GKREPORT" sh "$TOP_SRCDIR/tests/bench/import.sh"
echo

# ---- 6. big report files ----------------------------------------------------------
GKREPORT="$GKREPORT" TOP_SRCDIR="$TOP_SRCDIR" sh "$TOP_SRCDIR/tests/bench/bigfiles.sh"
echo

# ---- 7, 8. the county office's desk (tests/bench/desk.sh) --------------------
GKREPORT=$GKREPORT BENCHDIR=$BENCHDIR BENCH_FILES=$NFILES \
    sh "$TOP_SRCDIR/tests/bench/desk.sh"

# ---- the targets at a glance ----------------------------------------------------
# |growth| in MB, "-" when there is no figure
grow_abs=$(echo "$grow" | awk '{ if ($1 == "n/a") print "-"; else print ($1 < 0 ? -$1 : $1 + 0) }')
echo "Targets"
printf '   %-56s %s\n' \
    "launch in tmux <= 20 ms ($gk_tmux)" "$(verdict "$gk_tmux" '<=' 20)" \
    "typed digit <= 64 bytes ($digit)" "$(verdict "$digit" '<=' 64)" \
    "commit <= a tenth of a repaint ($enter <= $tenth)" "$(verdict "$enter" '<=' "$tenth")" \
    "check >= 10000 files/s ($chk_fps)" "$(verdict "$chk_fps" '>=' 10000)" \
    "sum of $NFILES files <= 1 s ($sum_s)" "$(verdict "$sum_s" '<=' 1)" \
    "sum's peak memory independent of the count ($grow)" \
    "$(verdict "$grow_abs" '<=' 0.5)" \
    "application peak memory <= 8 MB ($rss_mb)" "$(verdict "$rss_mb" '<=' 8)"
