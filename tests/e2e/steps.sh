#!/bin/sh
# steps.sh: what one key did, one undo takes back. F6 fills a table's empty
# cells and one Ctrl-Z empties every one of them again; undoing back to the
# saved state clears [未保存] and Ctrl-Q no longer asks; F5 fills an empty
# total and leaves a total the clerk typed wrong (saying so, red); a figure
# half-typed when the connection drops (SIGHUP) is offered back on reopening.
. "$(dirname "$0")/lib.sh"
need_tmux
field() {	# field FILE KEY: the value of KEY in a report file
	tr -d '\r' <"$1" | awk -F, -v k="$2" '$1 == k { print $NF }'
}
# How many cells of table 三 show as empty (·).
empties() { screen | sed -n '6,21p' | tr -cd '·' | wc -m; }

# Table 三 with the 商业企业 column empty (25 cells).
sed 's/^\(t3\.[a-z_]*\.biz,[^,]*\),.*$/\1,/' "$TOP/examples/hongze-2024.csv" >"$D/hz.csv"

# ---- F6, then one Ctrl-Z --------------------------------------------------
start 80 24 "$D/hz.csv"
check "淮安市洪泽区人民政府" "opened"
keys Tab Tab
# The tab bar says 三·25 on every screen: wait for table 三 itself.
check "表三 › 一、本年新收" "on table 三"
check "三·25" "25 cells of 三 empty"
[ "$(empties)" -eq 16 ] && ok || bad "the 16 rows on screen show $(empties) empty cells, not 16"
keys F6
check "已把本表 25 个空格填为 0" "F6 filled the column"
check "三✓" "三 complete"
check "[未保存]" "unsaved after F6"
[ "$(empties)" -eq 0 ] && ok || bad "after F6, $(empties) cells still empty"
keys C-z
check "等 25 处" "one undo takes back the whole fill"
check "三·25" "every cell empty again"
[ "$(empties)" -eq 16 ] && ok || bad "after one Ctrl-Z, $(empties) empty cells on screen, not 16"
# Back at the file's state: nothing unsaved, and Ctrl-Q leaves at once.
check_not "[未保存]" "undone back to the saved state"
keys C-y
check "三✓" "redo fills it again"
check "[未保存]" "unsaved after the redo"
keys C-z
check "三·25" "undone again"
check_not "[未保存]" "saved state again"
keys C-q
check "__EXIT__=0" "Ctrl-Q does not ask when everything is undone"
check_not "有未保存的修改" "no question"
[ ! -e "$D/hz.csv.journal" ] && ok || bad "journal left although nothing is unsaved"

# ---- undo to a save, not to the load ------------------------------------------
start 80 24 "$D/hz.csv"
check "一、总体情况" "reopened"
keys Tab Tab 7 Enter
check "[未保存]" "an edit"
keys C-s
check "已保存到" "saved"
check_not "[未保存]" "saved: no mark"
keys Down 8 Enter
check "[未保存]" "an edit after the save"
keys C-z
check "已撤销" "undone"
check_not "[未保存]" "undone back to the save: no mark"
keys C-z
check "[未保存]" "before the save differs from the file"
keys C-q
check "有未保存的修改" "so Ctrl-Q asks"
keys d
check "__EXIT__=0" "dropped"
[ "$(field "$D/hz.csv" t3.new.natural)" = 7 ] && ok || bad "the saved figure is not in the file"

# ---- F5 fills what is empty, leaves a total typed wrong ----------------------
sed 's/^\(t3\.new\.total,[^,]*\),.*/\1,/; s/^\(t3\.open\.total,[^,]*\),.*/\1,99/' \
    "$TOP/examples/hongze-2024.csv" >"$D/f5.csv"
start 80 24 "$D/f5.csv"
check "一、总体情况" "opened for F5"
keys Tab Tab
check "三✗" "a total typed wrong fails"
keys F5
check "已按分项填写 1 个合计；" "the empty total filled"
check "1 个合计已有数字、与分项不符，没有改动" \
    "the wrong total left, and said once (not again for the grand total)"
check "三✗" "its identity stays red"
check "（一）予以公开         50        0        0        0        0        0       99" \
    "99 is still there"
check "一、本年新收           95" "the empty total got its sum"
# A 0 typed in a total beside parts that are not 0 is a typo: F5 leaves it.
keys Right Right Right Right Right Right 0 Enter F5
check "已按分项填写 0 个合计；2 个合计已有数字" "the typed 0 left, and counted"
check "一、本年新收           95        0        0        0        0        0        0" \
    "the typed 0 is still there"
check "三✗" "still red"
keys C-q d
check "__EXIT__=0" "quit F5"

# ---- what a key changed is drawn: Enter on a finding shows its table -----------
start 80 24 "$D/f5.csv"
check "一、总体情况" "opened for the checks"
keys F8
check "检查：全部问题" "the checks screen"
keys Enter
check "三、收到和处理政府信息公开申请情况" "Enter on a finding: table 三's heading"
check "（一）予以公开" "and its rows"
check_not "检查：全部问题" "the checks screen is gone"
keys C-q
check "__EXIT__=0" "quit after the checks"

# ---- a figure half-typed when the connection drops -----------------------------
cp "$TOP/examples/hongze-2024.csv" "$D/hup.csv"
start 80 24 "$D/hup.csv"
check "一、总体情况" "opened for SIGHUP"
keys Tab Tab
check "三、收到和处理政府信息公开申请情况" "table 三"
text "123"
check "123_" "typing a figure, no Enter"
kill -HUP "$(cat "$D/pid")"
check "__EXIT__=0" "SIGHUP: left cleanly"
grep -q "t3.new.natural	123" "$D/hup.csv.journal" 2>/dev/null && ok ||
    bad "the half-typed figure is not in the journal"
start 80 24 "$D/hup.csv"
check "发现上次没有保存的修改（1 处）" "offered back"
check "自然人: 95 → 123" "the figure listed"
keys r
check "已恢复 1 处修改" "recovered"
keys Tab Tab
check "一、本年新收          123" "the figure back in its cell"
# A recovered edit is a step: it undoes.
keys C-z
check "一、本年新收           95" "the recovered figure undone"
check_not "[未保存]" "undone back to the file"
keys C-q
check "__EXIT__=0" "quit without a question"

finish
