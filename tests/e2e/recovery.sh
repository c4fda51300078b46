#!/bin/sh
# recovery.sh: a clerk's work survives what happens to office machines and
# SSH sessions. kill -9 in the middle of editing, then every committed edit
# (figures, a note, text left for a second) is offered back and recovered;
# a dropped connection (SIGHUP) and a shutdown (SIGTERM) keep the journal;
# a second gkreport on the same report is told it is in use and can open
# it read-only; a folder that vanished under a report is saved elsewhere;
# a suspended program (SIGTSTP/SIGCONT) comes back whole; SIGINT does not
# kill unsaved work.
set -u
TMUX_BIN=${TMUX_BIN:-$(command -v tmux)}
[ -n "$TMUX_BIN" ] || { echo "SKIP: tmux not installed"; exit 77; }
GK=${GKREPORT:-./gkreport}
TOP=${TOP_SRCDIR:-.}
D=$(mktemp -d "${TMPDIR:-/tmp}/gk-e2e-recovery.XXXXXX")
T="$TMUX_BIN -L e2e-rec-$$ -f /dev/null"
trap '$T kill-server 2>/dev/null; chmod -R u+w "$D"; rm -rf "$D"' EXIT INT TERM
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; screen "${W:-a}" | sed 's/^/  | /'; }
screen() { $T capture-pane -p -t "$1" 2>/dev/null; }
# wait_for WINDOW TEXT: poll the window's screen for TEXT (5 s).
wait_for() {
	i=0
	while [ $i -lt 50 ]; do
		screen "$1" | grep -qF -- "$2" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
check() { W=$1; if wait_for "$1" "$2"; then ok; else bad "$3: no '$2' on screen"; fi; }
# wait_file FILE TEXT: poll a file for TEXT (5 s).
wait_file() {
	i=0
	while [ $i -lt 50 ]; do
		grep -qF -- "$2" "$1" 2>/dev/null && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
# A window running a shell in the test folder; run the program in it with
# `run WINDOW ARGS`, so that its pid is known and it can be killed.
$T new-session -d -s e2e -n a -x 80 -y 24 \
    -e LANG=C.UTF-8 -e LC_ALL=C.UTF-8 -e TERM=tmux-256color -e ESCDELAY=25 \
    -e PS1='$ ' -c "$D" sh
$T new-window -d -t e2e -n b -c "$D" sh
keys() { w=$1; shift; $T send-keys -t "e2e:$w" "$@"; }
text() { $T send-keys -t "e2e:$1" -l "$2"; }
run() {	# run WINDOW ARGS...: start gkreport, its pid in $D/pid.WINDOW
	w=$1; shift
	keys "$w" "stty sane; clear; \"$GK\" $* & echo \$! > pid.$w; fg; s=\$?; stty sane; echo; echo __EXIT__=\$s" C-j
}
pid() { cat "$D/pid.$1"; }
field() {	# field FILE KEY: the value of KEY in a report file
	tr -d '\r' <"$1" | awk -F, -v k="$2" '$1 == k { print $NF }'
}

cp "$TOP/examples/hongze-2024.csv" "$D/hz.csv"

# ---- kill -9 in the middle of editing ----------------------------------
run a hz.csv
check a "淮安市洪泽区人民政府" "opened"
keys a Tab Tab
check a "三、收到和处理政府信息公开申请情况" "table 三"
keys a 9 6 Enter			# 自然人 新收 95 -> 96 (R1 fails)
check a "一(96)" "figure committed"
keys a Right 3 Enter			# 商业企业 上年结转 0 -> 3
check a "表三 › 三、本年度办理结果 › （一）予以公开 › 商业企业" "moved down"
keys a F8
check a "检查：" "checks screen"
keys a BTab BTab			# 检查 -> 六 -> 五
check a "五、存在的主要问题及改进情况" "section 五"
text a "断电前输入的文字"
# A pause commits the text to the journal within a second or so.
wait_file "$D/hz.csv.journal" "断电前输入的文字" && ok ||
    bad "text not in the journal after a pause"
[ "$(stat -c %a "$D/hz.csv.journal")" = 600 ] && ok ||
    bad "journal mode is $(stat -c %a "$D/hz.csv.journal"), not 600"
kill -9 "$(pid a)"
check a "__EXIT__=137" "killed"
[ "$(field "$D/hz.csv" t3.new.natural)" = 95 ] && ok ||
    bad "the file changed without a save"

# Reopening offers every committed edit back.
run a hz.csv
check a "发现上次没有保存的修改（3 处）" "recovery offered"
check a "表三 › 一、本年新收政府信息公开申请数量 › 自然人: 95 → 96" "figure listed"
check a "商业企业: 0 → 3" "second figure listed"
check a "五、存在的主要问题及改进情况: 2024年" "text listed"
keys a r
check a "已恢复 3 处修改" "recovered"
check a "[未保存]" "recovered edits are unsaved"
keys a Tab Tab Tab Tab
check a "断电前输入的文字" "text back in 五"
# Edits after a recovery go on into the same journal; kill again.
keys a BTab BTab
check a "三、收到和处理政府信息公开申请情况" "back to 三"
keys a Down Down 5 1 Enter		# （一）予以公开 自然人 50 -> 51
check a "（一）予以公开         51" "edit after recovery"
sleep 0.3
kill -9 "$(pid a)"
check a "__EXIT__=137" "killed again"
run a hz.csv
check a "发现上次没有保存的修改（4 处）" "second recovery holds both sessions"
keys a r
check a "已恢复 4 处修改" "recovered again"
keys a C-s
check a "已保存到 hz.csv" "saved"
[ ! -e "$D/hz.csv.journal" ] && ok || bad "journal left after a clean save"
[ "$(field "$D/hz.csv" t3.new.natural)" = 96 ] && ok || bad "96 not saved"
[ "$(field "$D/hz.csv" t3.carry_in.biz)" = 3 ] && ok || bad "3 not saved"
[ "$(field "$D/hz.csv" t3.open.natural)" = 51 ] && ok || bad "51 not saved"
grep -q "断电前输入的文字" "$D/hz.csv" && ok || bad "text not saved"
keys a C-q
check a "__EXIT__=0" "quit after save"

# ---- discard, and keep both ------------------------------------------------
cp "$TOP/examples/hongze-2024.csv" "$D/hz.csv"
run a hz.csv
check a "一、总体情况" "opened"
keys a Tab Tab 7 Enter
check a "一(7)" "edit"
kill -9 "$(pid a)"
check a "__EXIT__=137" "killed"
run a hz.csv
check a "发现上次没有保存的修改（1 处）" "offered"
keys a d
check a "已放弃上次没有保存的修改" "discarded"
[ ! -e "$D/hz.csv.journal" ] && ok || bad "journal left after discarding"
keys a Tab Tab
check a "三✓" "the file's figures"
keys a 8 Enter
check a "一(8)" "edit"
kill -9 "$(pid a)"
check a "__EXIT__=137" "killed"
run a hz.csv
check a "K 两个都留：恢复的内容另存为 hz-恢复.csv" "keep both offered"
keys a k
check a "恢复的内容已另存为 hz-恢复.csv" "kept both"
[ "$(field "$D/hz-恢复.csv" t3.new.natural)" = 8 ] && ok ||
    bad "recovered copy lacks the edit"
[ "$(field "$D/hz.csv" t3.new.natural)" = 95 ] && ok || bad "original changed"
keys a C-q
check a "__EXIT__=0" "quit"

# ---- SIGHUP and SIGTERM keep the journal and restore the terminal -----------
for sig in HUP TERM; do
	cp "$TOP/examples/hongze-2024.csv" "$D/hz.csv"
	run a hz.csv
	check a "一、总体情况" "opened ($sig)"
	text a "挂断前输入的文字"
	keys a Tab
	check a "二、主动公开政府信息情况" "left the text ($sig)"
	kill -$sig "$(pid a)"
	check a "__EXIT__=0" "SIG$sig: left cleanly"
	grep -q "挂断前输入的文字" "$D/hz.csv.journal" 2>/dev/null && ok ||
	    bad "SIG$sig: text not in the journal"
	run a hz.csv
	check a "挂断前输入的文字" "SIG$sig: offered back"
	keys a r
	check a "已恢复 1 处修改" "SIG$sig: recovered"
	keys a C-q d
	check a "__EXIT__=0" "SIG$sig: discarded"
	[ ! -e "$D/hz.csv.journal" ] && ok || bad "journal left after D"
done

# ---- the terminal goes away while a question is asked -----------------------
# (an SSH connection dropped at the quit prompt): the program leaves, the
# journal stays, nothing spins.
cp "$TOP/examples/hongze-2024.csv" "$D/hup.csv"
$T new-window -d -t e2e -n c -c "$D" "\"$GK\" hup.csv"
check c "一、总体情况" "opened in its own window"
keys c Tab Tab 2 Enter
check c "一(2)" "edit before the hangup"
keys c C-q
check c "有未保存的修改" "quit prompt up"
hp=$(pgrep -f "$GK hup.csv" | head -1)
$T kill-window -t e2e:c
i=0
while [ $i -lt 50 ] && kill -0 "$hp" 2>/dev/null; do sleep 0.1; i=$((i + 1)); done
if kill -0 "$hp" 2>/dev/null; then
	bad "still running 5 s after its terminal went away"
	kill -9 "$hp"
else ok; fi
grep -q "t3.new.natural	2" "$D/hup.csv.journal" 2>/dev/null && ok ||
    bad "the edit is not in the journal after the hangup"
rm -f "$D/hup.csv.journal"

# ---- SIGINT does nothing; SIGTSTP/SIGCONT come back whole --------------------
run a hz.csv
check a "一、总体情况" "opened"
keys a Tab Tab 6 Enter
check a "一(6)" "edit"
kill -INT "$(pid a)"
sleep 0.3
check a "一(6)" "SIGINT: still running with the edit"
kill -TSTP "$(pid a)"
check a "Stopped" "SIGTSTP: suspended to the shell"
keys a "clear; fg" Enter
check a "一(6)" "SIGCONT: the screen is back"
check a "三、收到和处理政府信息公开申请情况" "SIGCONT: heading"
keys a C-q
check a "有未保存的修改" "Ctrl-Q asks"
keys a d

# ---- the lock: a second gkreport on the same report ------------------------
run a hz.csv
check a "一、总体情况" "first opened"
run b hz.csv
check b "报告正被另一个 gkreport 使用" "second is told"
check b "R 只读打开" "read-only offered"
keys b r
check b "[只读]" "second opened read-only"
keys b Tab Tab 5
check b "只读打开，不能修改" "read-only refuses edits"
keys b C-q
check b "__EXIT__=0" "second quits"
keys a C-q
check a "__EXIT__=0" "first quits"
[ ! -e "$D/.hz.csv.lock" ] && ok || bad "lock left behind"
# A lock whose holder died (kill -9) is taken over.
run a hz.csv
check a "一、总体情况" "opened"
kill -9 "$(pid a)"
check a "__EXIT__=137" "killed"
run b hz.csv
check b "一、总体情况" "stale lock taken over"
keys b C-q
check b "__EXIT__=0" "quit"

# ---- saving when the folder is gone: a message, then save elsewhere ----------
mkdir "$D/sub"
cp "$TOP/examples/hongze-2024.csv" "$D/sub/x.csv"
run a sub/x.csv
check a "一、总体情况" "opened in a folder"
keys a Tab Tab 4 Enter
check a "一(4)" "edit"
rm -rf "$D/sub"
keys a C-s
check a "被别的程序改动、替换或删除了" "save notices the file is gone"
keys a o
check a "无法保存 sub/x.csv" "clear message"
check a "可按 F12 另存到别处" "points to save-as"
keys a F12
check a "另存为（Enter 确定" "save-as prompt"
keys a C-u
text a "elsewhere.csv"
keys a Enter
check a "已保存到 elsewhere.csv" "saved elsewhere"
[ "$(field "$D/elsewhere.csv" t3.new.natural)" = 4 ] && ok ||
    bad "edit not in the new file"
keys a C-q
check a "__EXIT__=0" "quit after saving elsewhere"

# ---- a read-only folder (not testable as root: root writes anyway) ----------
if [ "$(id -u)" -ne 0 ]; then
	mkdir "$D/ro"
	cp "$TOP/examples/hongze-2024.csv" "$D/ro/x.csv"
	chmod 555 "$D/ro"
	run a ro/x.csv
	check a "一、总体情况" "opened in a read-only folder"
	keys a Tab Tab 4 Enter
	keys a C-s
	check a "无法保存 ro/x.csv" "read-only folder: message"
	cmp -s "$D/ro/x.csv" "$TOP/examples/hongze-2024.csv" && ok ||
	    bad "read-only folder: original changed"
	keys a C-q d
	check a "__EXIT__=0" "quit"
fi

echo "recovery: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
