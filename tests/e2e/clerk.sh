#!/bin/sh
# clerk.sh: a clerk's January without traps (issue 14), one block per trap,
# each as the clerk met it: key a report, make mistakes on purpose, start
# the next year. Every block failed on the build the issue was filed
# against. And the keystrokes to key a whole published report from paper.
. "$(dirname "$0")/lib.sh"
need_tmux

# Where the application keeps the places it remembers: never the tester's.
XS=XDG_STATE_HOME=$D/state
# A fresh copy of the example, once the last session has ended (a killed
# session writes its journal on the way out).
fresh() {
	if [ -n "$SOCK" ]; then
		tmx kill-server 2>/dev/null
		SOCK=
		i=0
		while [ -s "$D/pid" ] && kill -0 "$(cat "$D/pid")" 2>/dev/null &&
		    [ $i -lt 50 ]; do
			sleep 0.1
			i=$((i + 1))
		done
	fi
	rm -rf "$D/hz.csv"* "$D/state"
	cp "$TOP/examples/hongze-2024.csv" "$D/hz.csv"
}
# The screen lines from the third (under the title and the tab bar) to the
# last three (status and keys).
body() { screen | sed -n '3,$p' | head -n -3; }

# ---- keystrokes: key samples/hongze-2024.txt's three tables from paper ----
# From the first screen of a new report, one word per key press, digits one
# by one. Zeros come from F6, the totals from F5.
SEQ="Tab Tab
F6 Down 3 Right Right 8 Down 9 4 8 7 Enter 2 7 7 6 Enter 8 4 Enter
7 5 4 5 Enter
Tab F6 9 5 Enter Enter 5 0 Enter 9 Enter Enter Enter 1 Enter Enter Enter
1 Enter 1 Enter Enter 3 1 Enter 1 Enter Enter 1 Enter F5
Tab F6 1 Down 1 Down 2 Right Right 1 Up Left Up 1 Enter F5"
start 80 24 "$XS" "$D/keyed.csv"
check "封面" "a new report opens on the cover"
n=0
for k in $SEQ; do
	keys "$k"
	n=$((n + 1))
done
check "已按分项填写 3 个合计" "table 四's totals filled"
keys C-s
check "已保存" "saved"
echo "keystrokes for hongze-2024's three tables: $n"
if [ "$n" -le 75 ]; then ok; else bad "$n keystrokes, more than 75"; fi
if "$GK" diff --format=csv "$D/keyed.csv" "$TOP/examples/hongze-2024.csv" |
    grep -q '^[a-z]*,t[234]\.'; then
	bad "keyed figures differ from the example:"
	"$GK" diff --format=csv "$D/keyed.csv" "$TOP/examples/hongze-2024.csv" |
	    grep '^[a-z]*,t[234]\.'
else
	ok
fi

# ---- 2. table 三's column names stay when the grid scrolls ----------------
for size in "80 24" "100 30"; do
	fresh
	start $size "$XS" "$D/hz.csv"
	keys Tab Tab
	check "三、收到和处理政府信息公开申请情况" "2: table 三 ($size)"
	keys PageDown PageDown End
	check "（七）总计" "2: the bottom rows ($size)"
	check "自然人 商业企业" "2: column names after scrolling ($size)"
done

# ---- 10. Chinese line breaking, PgDn by a screen --------------------------
fresh
start 80 24 "$XS" "$D/hz.csv"
check "一、总体情况" "10: opens on 一"
if body | grep -q '^[，。、；：！？）》」]'; then
	bad "10: a line starts with closing punctuation"
else
	ok
fi
# 一 runs a few lines past the screen: one PgDn shows its last line (it
# moved the view a line before).
check_not "及时转载党中央、国务院重大方针政策。" "10: 一 longer than the screen"
keys PageDown
check "及时转载党中央、国务院重大方针政策。" "10: PgDn moves by a screen"
if screen | sed -n 3p | grep -q '第 [0-9]*/[0-9]* 行'; then ok; else
	bad "10: no position (第 N/M 行) on a long text"; fi

# ---- 11. deleting last year's sentence: Ctrl-K, Ctrl-W, a selection --------
fresh
start 80 24 "$XS" "$D/hz.csv"
keys Tab Tab Tab Tab Tab
check "六、其他需要报告的事项" "11: on 六"
check "2024年，区政府严格落实" "11: last year's sentence"
keys C-k
check_not "2024年，区政府严格落实" "11: Ctrl-K deletes the line"
keys C-k
check_not "处理费0元。" "11: Ctrl-K again, the next line"
text "今年收取信息处理费0元。"
check "今年收取信息处理费0元。" "11: the new sentence"
keys C-w
check_not "费0元。" "11: Ctrl-W deletes the clause before"
check "今年收取信息处理" "11: only the clause"
keys S-Home
keys Delete
check_not "今年收取信息处理" "11: Shift-Home then Delete"

# ---- 3. keys wait while the window is too small --------------------------
fresh
start 70 20 "$XS" "$D/hz.csv"
check "请把窗口放大" "3: asks for a larger window"
check "按键不起作用" "3: says keys wait"
keys Tab Tab Tab 7 Enter C-s
sleep 0.5
tmx resize-window -t e2e -x 80 -y 24 2>/dev/null
check "一、总体情况" "3: back on 一 once large enough"
check_not "[未保存]" "3: nothing changed unseen"
if tr -d '\r' <"$D/hz.csv" | grep -q '^t4.review.maintain,.*,1$'; then ok; else
	bad "3: 行政复议/结果维持 changed in the file"; fi

# ---- 4. errors stay, whole, in words --------------------------------------
fresh
start 80 24 "$XS" "$D/hz.csv"
keys Tab Tab Tab
check "四、政府信息公开行政复议、行政诉讼情况" "4: on 四"
keys 9 Enter
check "=10，差 8" "4: R4's message whole, with its difference"
keys Down Right
check "表四 › 行政诉讼 › 复议后起诉 › 结果纠正" "4: moved off the failing row"
check "差 8" "4: the message stays when the cursor leaves the identity"
keys F8
check "错误（复议诉讼合计）" "4: the rule in words on the checks screen"
check_not "R4" "4: no rule code on the checks screen"
check "差 8" "4: the checks screen wraps the message"
keys Escape C-z
check "已撤销：表四 › 行政复议 › 结果维持 9→1" "13: undo says the figures"
keys Tab Tab Tab Tab Tab
check "封面：" "4: the cover"
keys Down Down End
i=0
while [ $i -lt 10 ]; do keys BSpace; i=$((i + 1)); done
# (2024年1月1日 is taken as 2024-01-01 since issue 11; a month is no date)
text "2024年1月"
keys Enter
check "封面✗" "4: the cover fails"
check "“2024年1月”应为日期" "4: the cover says why"

# ---- 6. a refused figure leaves edit mode ---------------------------------
fresh
start 80 24 "$XS" "$D/hz.csv"
keys Tab
check "二、主动公开政府信息情况" "6: on 二"
check "金额(万元)" "12: the fee's unit on the grid"
keys Down Down
text "7545.50"
keys Up
check "不能填入" "6: a count with decimals refused"
check "（这一格没有改）" "6: says the cell kept its figure"
keys Up Up
check "表二 › 第二十条第（一）项 › 规章" "6: the arrows move again"
text "0012"
keys Enter
check_not "7545.50012" "6: no digits appended to the refused figure"
check_not "7545.500012" "6: no digits appended to the refused figure"
check "9487" "6: 行政许可 keeps its figure"

# ---- 8. Esc, F1 and F8 go back --------------------------------------------
fresh
start 80 24 "$XS" "$D/hz.csv"
keys Tab Tab
check "三、收到和处理政府信息公开申请情况" "8: on 三"
keys F1
check "帮助" "8: help"
keys Escape
check "三、收到和处理政府信息公开申请情况" "8: Esc leaves help"
keys F8
check "检查：" "8: checks"
keys Escape
check "三、收到和处理政府信息公开申请情况" "8: Esc leaves the checks"
keys F1
check "帮助" "8: help again"
keys F1
check "三、收到和处理政府信息公开申请情况" "8: F1 again goes back"
keys F8
check "检查：" "8: checks again"
keys F8
check "三、收到和处理政府信息公开申请情况" "8: F8 again goes back"

# ---- 13. Enter at the bottom of a column goes on to the next --------------
fresh
start 80 24 "$XS" "$D/hz.csv"
keys Tab Tab Tab
check "四、政府信息公开行政复议、行政诉讼情况" "13: on 四"
keys Down Down Enter
check "表四 › 行政复议 › 结果纠正" "13: Enter at the bottom: the top of the next column"

# ---- 13. reopening goes back where the clerk left off ---------------------
fresh
start 80 24 "$XS" "$D/hz.csv"
check "一、总体情况" "13: opens on 一"
keys Tab Tab Down Down Right
check "表三 › 三、本年度办理结果 › （一）予以公开 › 商业企业" "13: a cell of 三"
keys C-q
check "__EXIT__=0" "13: quit"
start 80 24 "$XS" "$D/hz.csv"
check "表三 › 三、本年度办理结果 › （一）予以公开 › 商业企业" \
    "13: reopened on the same cell"
if grep -q "hz.csv" "$D/state/gkreport/places" 2>/dev/null; then ok; else
	bad "13: the place is kept in \$XDG_STATE_HOME/gkreport/places"; fi

# ---- 5. a draft counts as not done ----------------------------------------
rm -f "$D/new.csv"
start 80 24 "$XS" "$D/new.csv"
check "封面" "5: a new report"
check " 一·1 " "5: 一 holds only the draft: not done"
check " 六·1 " "5: 六's template sentence: not done"
keys Tab
check "一、总体情况：只有草稿" "5: 一 says why it is not done"

# ---- 9. a long agency on the cover, [未保存] never cut ---------------------
fresh
sed 's/^meta.agency,报告单位,.*/meta.agency,报告单位,江苏省淮安市洪泽区人民政府办公室政务公开科和信息化管理中心联合编制组/' \
    "$TOP/examples/hongze-2024.csv" >"$D/hz.csv"
start 80 24 "$XS" "$D/hz.csv"
check "一、总体情况" "9: opens on 一"
keys BTab
check "封面：" "9: the cover"
check "江苏省淮安市洪泽区人民政府办公室政务公开科和信息化管理中心联" "9: the agency's start"
check "编制组" "9: and its end, on the next line"
keys Down Down Down Up Up Up End
text "1"
keys Enter
check "[未保存]" "9: the title keeps [未保存] beside a long agency"

# ---- 1. F7 never overwrites the published text the report came from ------
rm -f "$D"/pub*
cp "$TOP/tests/data/import/hongze-2024.txt" "$D/pub.txt"
cp "$D/pub.txt" "$D/pub.orig"
start 80 24 "$XS" "$D/pub.txt"
check "导入并保存为" "1: the published text offered for import"
keys y
check "一、总体情况" "1: imported and opened"
keys F7
check "发布用文本" "1: the export menu"
keys t
check "不是 gkreport 导出的文件，没有覆盖" "1: the source text is not replaced"
check "pub-2.txt" "1: exported beside it under a free name"
if cmp -s "$D/pub.txt" "$D/pub.orig"; then ok; else
	bad "1: pub.txt changed by the export"; fi
keys F7
check "发布用文本" "1: the export menu again"
keys t
wait_file "$D/pub-2.txt~" "" 30
if [ -e "$D/pub-2.txt~" ] && [ ! -e "$D/pub-3.txt" ]; then ok; else
	bad "1: a second export replaces its own earlier one, keeping pub-2.txt~"
fi

# ---- 7. F9 opens the new year's report --------------------------------------
rm -f "$D"/hz-20*
cp "$TOP/examples/hongze-2024.csv" "$D/hz-2024.csv"
start 80 24 "$XS" "$D/hz-2024.csv"
check "一、总体情况" "7: this year's report"
keys F9
check "以本报告开始下一年度" "7: F9 asks"
keys y
check "hz-2025.csv" "7: the new year's report is open"
# In the same process (no re-exec: its message would be lost).
check "已打开下一年度的报告" "7: opened in-process, saying so"
check " 二·10 " "7: its tables wait for this year's figures"
[ -e "$D/hz-2025.csv" ] && ok || bad "7: hz-2025.csv not written"

# ---- last year beside this year (F4) ---------------------------------------
rm -f "$D"/hz-20*
cp "$TOP/examples/hongze-2024.csv" "$D/hz-2024.csv"
"$GK" new --from "$D/hz-2024.csv" >/dev/null 2>&1 || bad "F4: gkreport new"
start 120 40 "$XS" "$D/hz-2025.csv"
check "一、总体情况" "F4: next year's report opened"
keys Tab Tab
check "三、收到和处理政府信息公开申请情况" "F4: on 三"
check_not "上年 商业企业" "F4: no last year's column before F4"
keys F4
check "上年数字列在各列右边" "F4: says where last year's figures are"
# Each column with last year's beside it: 自然人 new requests were 95.
check "自然人     上年 商业企业     上年" "F4: 上年 beside each column"
screen | grep -q "^一、本年新收 *· *95 " && ok ||
	bad "F4: last year's 95 beside this year's empty 自然人"
keys F4
check "已隐藏上年数字" "F4: again hides them"
check_not "上年 商业企业" "F4: hidden"
keys F4
tmx resize-window -t "e2e:$W" -x 80 -y 24 2>/dev/null ||
	tmx resize-pane -t "e2e:$W" -x 80 -y 24
# At 80 columns the pairs scroll sideways; the cursor's pair stays.
check "自然人     上年" "F4: 80 columns, the cursor's column and last year's"
keys End
check "总计     上年" "F4: 80 columns, the last column's pair after End"
# F9 goes on to the year after with F4 still on: last year is now the
# report just left.
keys F9
check "以本报告开始下一年度" "F4: F9 asks"
keys y
check "已打开下一年度的报告" "F4: the year after is open"
keys Tab Tab
check "三、收到和处理政府信息公开申请情况" "F4: on 三 of the year after"
check "自然人     上年" "F4: still on after F9"
keys C-q

# ---- 12. the help in plain Chinese -----------------------------------------
fresh
start 80 24 "$XS" "$D/hz.csv"
check "一、总体情况" "12: opened"
keys F1
check "  Tab            下一屏" "12: the help, from the key table"
keys PageDown
check "  Delete：清空这一格（表格）" "12: Delete in the grid"
check "  Backspace：改这一格：从原来的数字改起（表格）" "12: Backspace edits a figure"
check "  填写中按方向键：确认这个数字并移过去（表格）" "12: arrows store a figure"
check "  Shift-Home Shift-End：到表格的第一格、最后一格（表格）" "12: Shift-Home/End"
check "  n：为提示写说明" "12: n on the checks screen"
check "  ^K：删到行尾" "12: Ctrl-K"
keys PageDown
check "  ·N   还有 N 项没填" "12: what ·N means"
check "  ✗    有错误" "12: what ✗ means"
check "一年的报告怎么填：" "12: how a January goes"
keys PageDown
check "错误（复议诉讼合计）：表四每类：总计 等于" "12: R4 in words"
check "提示（上年结转）：上年结转 等于 去年报告的结转下年度" "12: X1 in words"
keys Escape
check "一、总体情况" "12: Esc leaves the help"

# ---- / goes to a row by part of its label -----------------------------------
fresh
start 80 24 "$XS" "$D/hz.csv"
check "一、总体情况" "/: opened"
keys Tab Tab
check "三、收到和处理政府信息公开申请情况" "/: on 三"
keys /
check "跳到哪一行" "/: asks for part of a label"
text "重复"
keys Enter
check "表三 › 三、本年度办理结果 › （五）不予处理 › 2.重复申请 › 自然人" "/: went to 重复申请"
keys / C-u
text "没有这一行"
keys Enter
check "本表没有名称含“没有这一行”的行" "/: says when no row has it"

# ---- 13. one Ctrl-Z takes a clause, not two paragraphs ---------------------
fresh
start 80 24 "$XS" "$D/hz.csv"
keys Tab Tab Tab Tab Tab
check "六、其他需要报告的事项" "13: on 六"
keys C-Home
text "第一段，写完了。"
keys Enter
text "第二段，也写完了。"
keys C-z
check_not "也写完了。" "13: Ctrl-Z takes the last clause"
check "第二段，" "13: the clause before it stays"
check "第一段，写完了。" "13: the first paragraph stays"

finish
