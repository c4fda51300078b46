#!/bin/sh
# screens.sh: capture the application's main screens as text, from the
# real binary in tmux, for the README ("Screens"). Prints Markdown.
#   sh doc/screens.sh ./gkreport examples/hongze-2024.csv [LANGUAGE]
set -u
GK=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
EX=$2
LANG_UI=${3-}
D=$(mktemp -d "${TMPDIR:-/tmp}/gk-screens.XXXXXX")
T="tmux -L gk-screens-$$ -f /dev/null"
trap '$T kill-server 2>/dev/null; rm -rf "$D"' EXIT INT TERM
cp "$EX" "$D/$(basename "$EX")"
screen() { $T capture-pane -p -t s; }
wait_for() {
	i=0
	while [ $i -lt 50 ]; do
		screen | grep -qF -- "$1" && return 0
		sleep 0.1; i=$((i + 1))
	done
	echo "screens.sh: no '$1' on screen" >&2; screen >&2; exit 1
}
keys() { $T send-keys -t s "$@"; }
show() {	# show TITLE MARKER
	wait_for "$2"
	sleep 0.2
	printf '%s\n\n```\n' "$1"
	screen | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}'
	printf '```\n\n'
}
start() {	# start WIDTH HEIGHT
	$T kill-server 2>/dev/null
	$T new-session -d -s s -x "$1" -y "$2" -c "$D" \
	    -e LANG=C.UTF-8 -e LC_ALL=C.UTF-8 -e TERM=tmux-256color -e ESCDELAY=25 \
	    -e LANGUAGE="$LANG_UI" -e GKREPORT_LOCALEDIR="${GKREPORT_LOCALEDIR-}" \
	    sh -c 'cd "$0" && "$1" "$2"; exec sleep 600' "$D" "$GK" "$(basename "$EX")"
}
start 80 24
wait_for "一、总体情况"
keys BTab;		show "封面 (the cover):" "统计截止日期"
keys Tab;		show "一 (a text; 五 and 六 look the same):" "一、总体情况"
keys Tab;		show "二 (the first table):" "第二十条第（一）项"
keys Tab;		show "三 at 80×24 (short labels; the status line has the whole one):" "三、收到和处理"
keys Tab;		show "四:" "四、政府信息公开行政复议"
# A wrong figure in 三, for the checks screen.
keys BTab 9 6 Enter;	wait_for "(96)"
keys F8;		show "检查 (the checks, after one figure of 三 was typed wrong):" "错误（"
keys F1;		show "帮助 (the help screen, drawn from the key table):" "^L"
keys C-z
keys C-q
