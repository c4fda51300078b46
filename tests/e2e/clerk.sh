#!/bin/sh
# clerk.sh: a clerk's January without traps (issue 14), one block per trap,
# each as the clerk met it: key a report, make mistakes on purpose, start
# the next year. Every block failed on the build the issue was filed
# against. And the keystrokes to key a whole published report from paper.
. "$(dirname "$0")/lib.sh"
need_tmux

# Where the application keeps the places it remembers: never the tester's.
XS=XDG_STATE_HOME=$D/state
fresh() { rm -f "$D/hz.csv"*; cp "$TOP/examples/hongze-2024.csv" "$D/hz.csv"; }
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
