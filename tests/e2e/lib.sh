# lib.sh: what every e2e script shares. Source it first thing:
#
#	. "$(dirname "$0")/lib.sh"
#
# It gives
#   GK, TOP      the program under test and the source tree (GKREPORT and
#                TOP_SRCDIR, set by make check; ./gkreport and . otherwise)
#   D            a private temporary folder, removed on exit (made writable
#                first, so tests may chmod inside it); a script may reuse
#                the name after copying it
#   ok, bad WHAT count a check; bad says "FAIL: WHAT" and then calls
#                e2e_context (by default the tmux screen, if one is up; a
#                script may define its own after sourcing this file)
#   finish       prints the closing line "NAME: N passed, N failed" (NAME is
#                the script's) and exits 0 if nothing failed, 1 otherwise
#   wait_file FILE STRING [TENTHS]   poll a file, 5 s by default
#   limited CMD...  CMD with a time limit of $LIMIT seconds (60 unless the
#                script sets LIMIT), stdout and stderr into $D/out, its
#                status into $rc (124 or 137: it hung)
#   status WANT WHAT, said STRING WHAT   count a check on the last limited
#                command: its status is WANT; its output holds STRING
# and, after need_tmux, the terminal:
#   tmx ARGS     tmux on this script's private server (its own -L socket)
#   new_session WIDTH HEIGHT [new-session options] [COMMAND]
#                a fresh server with session "e2e", window "a", in a UTF-8
#                locale with TERM=tmux-256color
#   start WIDTH HEIGHT [VAR=VALUE...] [ARG...]
#                gkreport ARGS alone in a fresh session; its pid goes to
#                $D/pid and "__EXIT__=STATUS" shows when it ends
#   W            the window the helpers below act on (target "e2e:$W")
#   screen, keys KEYS..., text STRING (send-keys -l, for Chinese)
#   wait_for TEXT [TENTHS], check TEXT WHAT, check_not TEXT WHAT
# No assertion is timed: wait_for and wait_file poll, and a timeout only
# bounds how long a failure takes to report.

set -u
GK=${GKREPORT:-./gkreport}
TOP=${TOP_SRCDIR:-.}
E2E=$(basename "$0" .sh)
pass=0
fail=0
SOCK=
W=a
E2E_TMP=$(mktemp -d "${TMPDIR:-/tmp}/gk-e2e-$E2E.XXXXXX") || exit 99
D=$E2E_TMP
# Where the application remembers each report's place: never the tester's.
XDG_STATE_HOME=$E2E_TMP/.state
export XDG_STATE_HOME
e2e_cleanup() {
	[ -n "$SOCK" ] && tmx kill-server 2>/dev/null
	# The application leaves on the hangup, writing its journal and place.
	e2e_i=0
	while [ -s "$E2E_TMP/pid" ] && [ $e2e_i -lt 50 ] &&
	    kill -0 "$(cat "$E2E_TMP/pid")" 2>/dev/null; do
		sleep 0.1
		e2e_i=$((e2e_i + 1))
	done
	chmod -R u+rwx "$E2E_TMP" 2>/dev/null
	rm -rf "$E2E_TMP"
}
trap e2e_cleanup EXIT
trap 'exit 1' INT TERM

ok() { pass=$((pass + 1)); }
bad() {
	fail=$((fail + 1))
	echo "FAIL: $*"
	e2e_context
}
e2e_context() {
	[ -n "$SOCK" ] && screen | sed 's/^/  | /'
	return 0
}
finish() {
	echo "$E2E: $pass passed, $fail failed"
	[ "$fail" -eq 0 ] && exit 0
	exit 1
}
wait_file() {
	i=0
	while [ $i -lt "${3:-50}" ]; do
		grep -qF -- "$2" "$1" 2>/dev/null && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

LIMIT=60
limited() {
	timeout -k 5 "$LIMIT" "$@" >"$D/out" 2>&1
	rc=$?
}
status() {
	if [ "$rc" -eq "$1" ]; then ok; else
		if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
			bad "$2: hung (no answer in $LIMIT s)"
		else
			bad "$2: exit $rc, wanted $1"
		fi
		head -c 2000 "$D/out" >&2
	fi
}
said() {
	if grep -qF -- "$1" "$D/out"; then ok; else
		bad "$2: no '$1' in:"; head -c 2000 "$D/out" >&2; echo >&2; fi
}

# ---- tmux ------------------------------------------------------------------
need_tmux() {
	TMUX_BIN=${TMUX_BIN:-$(command -v tmux)}
	if [ -z "$TMUX_BIN" ]; then
		echo "SKIP: tmux not installed"
		echo "$E2E: 0 passed, 0 failed"
		exit 77
	fi
}
e2e_n=0
tmx() { "$TMUX_BIN" -L "$SOCK" -f /dev/null "$@"; }
new_session() {
	[ -n "$SOCK" ] && tmx kill-server 2>/dev/null
	e2e_n=$((e2e_n + 1))
	SOCK=gk-$E2E-$$-$e2e_n
	W=a
	# Each session remembers places afresh (a script that wants them kept
	# from one session to the next gives its own XDG_STATE_HOME to start).
	XDG_STATE_HOME=$E2E_TMP/.state-$e2e_n
	export XDG_STATE_HOME
	w=$1 h=$2
	shift 2
	tmx new-session -d -s e2e -n a -x "$w" -y "$h" \
	    -e LANG=C.UTF-8 -e LC_ALL=C.UTF-8 -e TERM=tmux-256color \
	    -e ESCDELAY=25 "$@"
}
start() {
	w=$1 h=$2
	shift 2
	# The outer shell exports the VAR=VALUE arguments, runs gkreport through
	# an inner shell that writes its own pid and then becomes the program,
	# and shows the status.
	new_session "$w" "$h" sh -c '
		p=$0 g=$1
		shift
		for a; do
			shift
			case $a in
			[A-Za-z_]*=*) export "$a" ;;
			*) set -- "$@" "$a" ;;
			esac
		done
		sh -c "echo \$\$ >\"\$0\"; exec \"\$@\"" "$p" "$g" "$@"
		echo "__EXIT__=$?"
		exec sleep 600' "$D/pid" "$GK" "$@"
}
screen() { tmx capture-pane -p -t "e2e:$W" 2>/dev/null; }
keys() { tmx send-keys -t "e2e:$W" "$@"; }
text() { tmx send-keys -t "e2e:$W" -l "$1"; }
# Waits until the text is on screen: up to $2 tenths of a second (15 s by
# default, E2E_WAIT to change it; a loaded machine or a sanitizer build is
# slow, and a text that is there returns at once).
wait_for() {
	i=0
	while [ $i -lt "${2:-${E2E_WAIT:-150}}" ]; do
		screen | grep -qF -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
check() { if wait_for "$1"; then ok; else bad "$2: no '$1' on screen"; fi; }
check_not() {
	sleep 0.3
	if screen | grep -qF -- "$1"; then bad "$2: '$1' on screen"; else ok; fi
}
