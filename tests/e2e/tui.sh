#!/bin/sh
# tui.sh: drive the real application in tmux as a clerk would: open the
# non-zero example, break an identity in table 三 and see its message, jump
# there from the checks screen and fix it, type Chinese into 五, undo and
# redo, save, quit, reopen; quit with unsaved changes; resize mid-edit.
. "$(dirname "$0")/lib.sh"
need_tmux

cp "$TOP/examples/hongze-2024.csv" "$D/hz.csv"

# 80x24: open, go to 三, type a wrong figure, see the identity's message.
start 80 24 "$D/hz.csv"
check "淮安市洪泽区人民政府" "title shows the agency"
check "一、总体情况" "opens on 一"
keys Tab Tab
check "三、收到和处理政府信息公开申请情况" "table 三 heading"
check "（本列数据的勾稽关系为" "corner note"
keys 9 6 Enter
check "表三 自然人列：一(96)+二(0)=96，不等于 三(七)总计(95)+四(0)=95，差 1" \
    "identity message with numbers"
check "[未保存]" "title marks unsaved changes"
check "三✗" "section bar marks 三 failing"
# A letter is refused and never committed.
keys x
check "不是数字" "letter refused"
# Full-width digits are accepted.
keys Up
text "９７"
keys Enter
check "一(97)+二(0)=97" "full-width digits accepted as ASCII"
keys Up
text "96"
keys Enter

# The checks screen lists it; Enter jumps to the cell; fix it.
keys F8
check "错误（收到与办理相符）" "checks screen lists R1 in words"
# The text's W2 (17 requests in 一 against 95 in table 三) comes first.
check "提示（文字与表格不符） 一、总体情况：“受理政府信息公开申请17件”" \
    "checks screen lists the text's W2"
keys Down
keys Enter
check "表三 › 一、本年新收政府信息公开申请数量 › 自然人" "jumped to the first cell"
text "95"
keys Enter
check "三✓" "fixed: 三 clean again"

# Undo brings the wrong figure back, redo fixes it again.
keys C-z
check "三✗" "undo restores the error"
keys C-y
check "三✓" "redo fixes it"

# Chinese text into 五.
keys Tab Tab
check "五、存在的主要问题及改进情况" "screen 五"
text "测试：人员力量不足，培训不够。"
check "测试：人员力量不足" "Chinese text typed"
# (All of it on screen first: keys read while the window is too small do
# nothing, and a loaded machine may read the last ones after the resize.)
wait_for "测试：人员力量不足，培训不够。"
# Resize mid-edit: smaller than 80x24 says so, larger redraws.
tmx resize-window -t e2e:$W -x 60 -y 20 2>/dev/null
check "请把窗口放大到至少 80×24" "too small message"
tmx resize-window -t e2e:$W -x 100 -y 30 2>/dev/null
check "测试：人员力量不足" "text back after resize"

# Save and quit; reopen; every figure and character is there.
keys C-s
check "已保存到" "saved"
keys C-q
check "__EXIT__=0" "quit after saving"
grep -q "测试：人员力量不足，培训不够。" "$D/hz.csv" && ok || bad "text not in the file"
grep -q "^t3.new.natural,.*,95" "$D/hz.csv" && ok || bad "figure not in the file"
[ -f "$D/hz.csv~" ] && ok || bad "no backup NAME~"
"$GK" check "$D/hz.csv" >/dev/null 2>&1 && ok || bad "saved file not clean"

# Reopen larger: full labels fit; the text is there.
start 120 40 "$D/hz.csv"
check "一、总体情况" "reopened"
keys Tab Tab
check "一、本年新收政府信息公开申请数量" "full row labels at 120 columns"
check "（三）2.其他法律行政法规禁止公开      " "a wider screen: longer labels in the grid"
check "（六）1.逾期不补正" "too long even at 120: the short label"
keys BTab BTab BTab BTab BTab BTab BTab
check "测试：人员力量不足" "text kept after reopening"

# Quit with unsaved changes: asked; Esc stays; D discards.
keys BTab
check "四、政府信息公开行政复议、行政诉讼情况" "table 四"
keys 7 Enter
keys C-q
check "有未保存的修改" "asked before discarding"
keys Escape
check "继续编辑" "Esc stays"
keys C-q
check "有未保存的修改" "asked again"
keys d
check "__EXIT__=0" "discarded and quit"
grep -q "^t4.review.maintain,.*,1" "$D/hz.csv" && ok || bad "discarded edit reached the file"

# A new file starts a new report on the cover with the customary parts.
start 80 24 "$D/new.csv"
check "新报告" "new report message"
text "测试县测试局"
keys Enter
text "2025"
keys Enter
keys Tab
check "（一）主动公开" "一 starts from the customary parts"
keys C-s
check "已保存到" "new report saved"
keys C-q
check "__EXIT__=0" "quit new"
grep -q "^meta.agency,.*,测试县测试局" "$D/new.csv" && ok || bad "agency not saved"

# A warning gets a note (说明), typed in the application, saved, exported.
sed 's/^\(prev.t2.normative.in_force,[^,]*\),5/\1,4/' "$TOP/examples/hongze-2024.csv" >"$D/warn.csv"
start 80 24 "$D/warn.csv"
check "一、总体情况" "opened the report with a warning"
keys F8
check "提示（现行有效件数）" "X2 warning listed in words"
keys Down	# below 一's W2
keys n
text "上年数字有误，已核实"
keys Enter
check "说明已记下" "note taken"
keys C-s
check "已保存到" "saved with the note"
keys C-q
check "__EXIT__=0" "quit after the note"
grep -q "^note.X2.normative,说明/X2/行政规范性文件,上年数字有误，已核实" "$D/warn.csv" && ok ||
    bad "note not in the file"
"$GK" export -f csv "$D/warn.csv" 2>/dev/null | grep -q "上年数字有误" && ok ||
    bad "note not exported"

# The export menu and next year's report, from the application.
cp "$TOP/examples/hongze-2024.csv" "$D/hongze-2024.csv"
start 80 24 "$D/hongze-2024.csv"
check "一、总体情况" "opened for export"
keys F7 h
check "已导出到" "exported from the menu"
[ -s "$D/hongze-2024.html" ] && ok || bad "no HTML beside the report"
# The menu is drawn from the table of formats: the 图解 (G), and the
# workbook (X) in a build that has it.
keys F7
check "G 图解" "export menu lists the 图解"
keys g
wait_file "$D/hongze-2024-图解.svg" "</svg>" && ok || bad "no 图解 beside the report"
if "$GK" export --list-formats | grep -qx xlsx; then
	keys F7 x
	check "hongze-2024.xlsx" "exported the workbook from the menu"
	[ "$(head -c 2 "$D/hongze-2024.xlsx" 2>/dev/null)" = PK ] && ok ||
	    bad "no workbook beside the report"
fi
keys F9 y
check "hongze-2025.csv" "next year started and opened"
grep -q "^meta.year,.*,2025" "$D/hongze-2025.csv" && ok || bad "next year's file"

keys C-q

# The cover after a text screen: nothing of the text is left behind, and
# table 二's band captions are whole at 80 columns.
cp "$TOP/examples/hongze-2024.csv" "$D/cover.csv"
start 80 24 "$D/cover.csv"
check "一、总体情况" "opened for the cover"
keys BTab
check "  本报告由淮安市洪泽区人民政府办公室" "preamble drawn from its own column"
if screen | sed -n '9,20p' | grep -q '^[^ ]'; then
	bad "text of the previous screen left in column 0 of the cover"
else ok; fi
keys Tab Tab
check "第二十条第（一）项" "table 二: band caption whole"
keys C-q

# A published report's text opens through the import: what was read and
# guessed is shown (wrapped, scrollable), Y saves NAME.csv and opens it.
cp "$TOP/tests/data/import/lushi-xzsp-2024.txt" "$D/lushi.txt"
start 80 24 "$D/lushi.txt"
check "这是一份公布的报告文本" "import offered for a .txt"
check "第 46 行 猜测：行名 “2.其他法律法规禁止公开”" "a guess with its line"
check "Y 导入并保存为 $D/lushi.csv" "the report file it will make"
keys NPage
check "（↓ PgDn 往下看）" "more lines to scroll"
keys y
check "已导入并保存为 $D/lushi.csv" "imported and saved"
check "卢氏县行政审批和政务信息管理局" "the agency from the title"
[ -s "$D/lushi.csv" ] && ok || bad "no report file beside the text"
"$GK" check "$D/lushi.csv" >/dev/null 2>&1
[ $? -le 1 ] && ok || bad "the imported report does not read back"
keys C-q
check "__EXIT__=0" "quit after the import"
# Opened again: NAME.csv exists, so the import goes to NAME-导入.csv.
start 80 24 "$D/lushi.txt"
check "Y 导入并保存为 $D/lushi-导入.csv" "an existing report is never overwritten"
keys q
check "__EXIT__=0" "Q leaves"
[ ! -e "$D/lushi-导入.csv" ] && ok || bad "Q still wrote a file"
# Not a report: refused before the screen, with the reason.
printf '\001\002\003binary' >"$D/junk.txt"
start 80 24 "$D/junk.txt"
check "__EXIT__=2" "a .txt that is not a report: exit 2"
check "junk.txt" "the message names the file"

# The mouse: a click on a tab shows its screen, a click on a cell selects
# it (X10 mouse reports, as tmux-256color's kmous says).
click() {	# click X Y (0-based)
	h=$(printf '1b 5b 4d %02x %02x %02x 1b 5b 4d %02x %02x %02x' \
	    32 $(($1 + 33)) $(($2 + 33)) 35 $(($1 + 33)) $(($2 + 33)))
	keys -H $h
}
cp "$TOP/examples/hongze-2024.csv" "$D/mouse.csv"
start 80 24 "$D/mouse.csv"
check "一、总体情况" "opened for the mouse"
# The tab bar is " 封面✓  一✓  二✓  三✓ …": the tab 三 spans columns 17-21.
click 19 1
check "三、收到和处理政府信息公开申请情况" "click on the tab 三"
click 32 10
check "表三 › 三、本年度办理结果 › （三）不予公开 › 2.其他法律行政法规禁止公开 › 商业企" \
    "click on a cell selects it"
# A figure being typed is saved by ^S, not dropped.
text "12"
keys C-s
check "已保存到" "saved while typing"
grep -q "^t3.deny_law.biz,.*,12" "$D/mouse.csv" && ok ||
    bad "the figure typed before ^S was not saved: $(grep t3.deny_law.biz "$D/mouse.csv")"
keys C-q

finish
