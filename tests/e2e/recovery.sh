#!/bin/sh
# recovery.sh: a clerk's work survives what happens to office machines and
# SSH sessions. kill -9 in the middle of editing, then every committed edit
# (figures, a note, text left for a second) is offered back and recovered;
# a dropped connection (SIGHUP) and a shutdown (SIGTERM) keep the journal;
# a second gkreport on the same report is told it is in use and can open
# it read-only; a folder that vanished under a report is saved elsewhere;
# a suspended program (SIGTSTP/SIGCONT) comes back whole; SIGINT does not
# kill unsaved work.
. "$(dirname "$0")/lib.sh"
need_tmux
# Two windows, a and b, each running a shell in the test folder; run the
# program in the current one ($W) with `run ARGS`, so that its pid is known
# and it can be killed.
new_session 80 24 -e PS1='$ ' -c "$D" sh
tmx new-window -d -t e2e -n b -c "$D" sh
run() {	# run ARGS...: start gkreport in window $W, its pid in $D/pid.$W
	# It opens on 一, not where the last run left (once that run is gone:
	# it keeps its place on the way out).
	ri=0
	while [ -s "$D/pid.$W" ] && kill -0 "$(cat "$D/pid.$W")" 2>/dev/null &&
	    [ $ri -lt 50 ]; do
		sleep 0.1
		ri=$((ri + 1))
	done
	rm -rf "$XDG_STATE_HOME"
	keys "stty sane; clear; \"$GK\" $* & echo \$! > pid.$W; fg; s=\$?; stty sane; echo; echo __EXIT__=\$s" C-j
}
pid() { cat "$D/pid.$W"; }
field() {	# field FILE KEY: the value of KEY in a report file
	tr -d '\r' <"$1" | awk -F, -v k="$2" '$1 == k { print $NF }'
}

cp "$TOP/examples/hongze-2024.csv" "$D/hz.csv"

# ---- kill -9 in the middle of editing ----------------------------------
run hz.csv
check "淮安市洪泽区人民政府" "opened"
keys Tab Tab
check "三、收到和处理政府信息公开申请情况" "table 三"
keys 9 6 Enter			# 自然人 新收 95 -> 96 (R1 fails)
check "一(96)" "figure committed"
keys Right 3 Enter			# 商业企业 上年结转 0 -> 3
check "表三 › 三、本年度办理结果 › （一）予以公开 › 商业企业" "moved down"
keys F8
check "检查：" "checks screen"
keys BTab BTab			# 检查 -> 六 -> 五
check "五、存在的主要问题及改进情况" "section 五"
text "断电前输入的文字"
# A pause commits the text to the journal within a second or so.
wait_file "$D/hz.csv.journal" "断电前输入的文字" && ok ||
    bad "text not in the journal after a pause"
[ "$(stat -c %a "$D/hz.csv.journal")" = 600 ] && ok ||
    bad "journal mode is $(stat -c %a "$D/hz.csv.journal"), not 600"
kill -9 "$(pid)"
check "__EXIT__=137" "killed"
[ "$(field "$D/hz.csv" t3.new.natural)" = 95 ] && ok ||
    bad "the file changed without a save"

# Reopening offers every committed edit back.
run hz.csv
check "发现上次没有保存的修改（3 处）" "recovery offered"
check "表三 › 一、本年新收政府信息公开申请数量 › 自然人: 95 → 96" "figure listed"
check "商业企业: 0 → 3" "second figure listed"
check "五、存在的主要问题及改进情况: 2024年" "text listed"
keys r
check "已恢复 3 处修改" "recovered"
check "[未保存]" "recovered edits are unsaved"
keys Tab Tab Tab Tab
check "断电前输入的文字" "text back in 五"
# Edits after a recovery go on into the same journal; kill again.
keys BTab BTab
check "三、收到和处理政府信息公开申请情况" "back to 三"
keys Down Down 5 1 Enter		# （一）予以公开 自然人 50 -> 51
check "（一）予以公开         51" "edit after recovery"
sleep 0.3
kill -9 "$(pid)"
check "__EXIT__=137" "killed again"
run hz.csv
check "发现上次没有保存的修改（4 处）" "second recovery holds both sessions"
keys r
check "已恢复 4 处修改" "recovered again"
keys C-s
check "已保存到 hz.csv" "saved"
[ ! -e "$D/hz.csv.journal" ] && ok || bad "journal left after a clean save"
[ "$(field "$D/hz.csv" t3.new.natural)" = 96 ] && ok || bad "96 not saved"
[ "$(field "$D/hz.csv" t3.carry_in.biz)" = 3 ] && ok || bad "3 not saved"
[ "$(field "$D/hz.csv" t3.open.natural)" = 51 ] && ok || bad "51 not saved"
grep -q "断电前输入的文字" "$D/hz.csv" && ok || bad "text not saved"
keys C-q
check "__EXIT__=0" "quit after save"

# ---- discard, and keep both ------------------------------------------------
cp "$TOP/examples/hongze-2024.csv" "$D/hz.csv"
run hz.csv
check "一、总体情况" "opened"
keys Tab Tab 7 Enter
check "一(7)" "edit"
kill -9 "$(pid)"
check "__EXIT__=137" "killed"
run hz.csv
check "发现上次没有保存的修改（1 处）" "offered"
keys d
check "已放弃上次没有保存的修改" "discarded"
[ ! -e "$D/hz.csv.journal" ] && ok || bad "journal left after discarding"
keys Tab Tab
check "三✓" "the file's figures"
keys 8 Enter
check "一(8)" "edit"
kill -9 "$(pid)"
check "__EXIT__=137" "killed"
run hz.csv
check "K 两个都留：恢复的内容另存为 hz-恢复.csv" "keep both offered"
keys k
check "恢复的内容已另存为 hz-恢复.csv" "kept both"
[ "$(field "$D/hz-恢复.csv" t3.new.natural)" = 8 ] && ok ||
    bad "recovered copy lacks the edit"
[ "$(field "$D/hz.csv" t3.new.natural)" = 95 ] && ok || bad "original changed"
keys C-q
check "__EXIT__=0" "quit"

# ---- SIGHUP and SIGTERM keep the journal and restore the terminal -----------
for sig in HUP TERM; do
	cp "$TOP/examples/hongze-2024.csv" "$D/hz.csv"
	run hz.csv
	check "一、总体情况" "opened ($sig)"
	text "挂断前输入的文字"
	keys Tab
	check "二、主动公开政府信息情况" "left the text ($sig)"
	kill -$sig "$(pid)"
	check "__EXIT__=0" "SIG$sig: left cleanly"
	grep -q "挂断前输入的文字" "$D/hz.csv.journal" 2>/dev/null && ok ||
	    bad "SIG$sig: text not in the journal"
	run hz.csv
	check "挂断前输入的文字" "SIG$sig: offered back"
	keys r
	check "已恢复 1 处修改" "SIG$sig: recovered"
	keys C-q d
	check "__EXIT__=0" "SIG$sig: discarded"
	[ ! -e "$D/hz.csv.journal" ] && ok || bad "journal left after D"
done

# ---- the terminal goes away while a question is asked -----------------------
# (an SSH connection dropped at the quit prompt): the program leaves, the
# journal stays, nothing spins.
cp "$TOP/examples/hongze-2024.csv" "$D/hup.csv"
tmx new-window -d -t e2e -n c -c "$D" "\"$GK\" hup.csv"
W=c
check "一、总体情况" "opened in its own window"
keys Tab Tab 2 Enter
check "一(2)" "edit before the hangup"
keys C-q
check "有未保存的修改" "quit prompt up"
hp=$(pgrep -f "$GK hup.csv" | head -1)
tmx kill-window -t e2e:c
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
W=a
run hz.csv
check "一、总体情况" "opened"
keys Tab Tab 6 Enter
check "一(6)" "edit"
kill -INT "$(pid)"
sleep 0.3
check "一(6)" "SIGINT: still running with the edit"
kill -TSTP "$(pid)"
check "Stopped" "SIGTSTP: suspended to the shell"
keys "clear; fg" Enter
check "一(6)" "SIGCONT: the screen is back"
check "三、收到和处理政府信息公开申请情况" "SIGCONT: heading"
keys C-q
check "有未保存的修改" "Ctrl-Q asks"
keys d

# ---- the lock: a second gkreport on the same report ------------------------
run hz.csv
check "一、总体情况" "first opened"
W=b
run hz.csv
check "报告正被另一个 gkreport 使用" "second is told"
check "R 只读打开" "read-only offered"
keys r
check "[只读]" "second opened read-only"
keys Tab Tab 5
check "只读打开，不能修改" "read-only refuses edits"
keys C-q
check "__EXIT__=0" "second quits"
W=a
keys C-q
check "__EXIT__=0" "first quits"
[ ! -e "$D/.hz.csv.lock" ] && ok || bad "lock left behind"
# A lock whose holder died (kill -9) is taken over.
run hz.csv
check "一、总体情况" "opened"
kill -9 "$(pid)"
check "__EXIT__=137" "killed"
W=b
run hz.csv
check "一、总体情况" "stale lock taken over"
keys C-q
check "__EXIT__=0" "quit"

# ---- saving when the folder is gone: a message, then save elsewhere ----------
mkdir "$D/sub"
cp "$TOP/examples/hongze-2024.csv" "$D/sub/x.csv"
W=a
run sub/x.csv
check "一、总体情况" "opened in a folder"
keys Tab Tab 4 Enter
check "一(4)" "edit"
rm -rf "$D/sub"
keys C-s
check "被别的程序改动、替换或删除了" "save notices the file is gone"
keys o
check "无法保存 sub/x.csv" "clear message"
check "可按 F12 另存到别处" "points to save-as"
keys F12
check "另存为（Enter 确定" "save-as prompt"
keys C-u
text "elsewhere.csv"
keys Enter
check "已保存到 elsewhere.csv" "saved elsewhere"
[ "$(field "$D/elsewhere.csv" t3.new.natural)" = 4 ] && ok ||
    bad "edit not in the new file"
keys C-q
check "__EXIT__=0" "quit after saving elsewhere"

# ---- a read-only folder (not testable as root: root writes anyway) ----------
if [ "$(id -u)" -ne 0 ]; then
	mkdir "$D/ro"
	cp "$TOP/examples/hongze-2024.csv" "$D/ro/x.csv"
	chmod 555 "$D/ro"
	run ro/x.csv
	check "一、总体情况" "opened in a read-only folder"
	keys Tab Tab 4 Enter
	keys C-s
	check "无法保存 ro/x.csv" "read-only folder: message"
	cmp -s "$D/ro/x.csv" "$TOP/examples/hongze-2024.csv" && ok ||
	    bad "read-only folder: original changed"
	keys C-q d
	check "__EXIT__=0" "quit"
fi

finish
