#!/bin/sh
# rules-tui.sh: the rules of spec §5a in the application: the status line
# gives last year's figure of the cell (上年 9487) and the warning of the
# cell or paragraph under the cursor (X3, X4); a figure typed 0009487 is
# stored 9487; the cover takes 2025年7月1日 as 2025-07-01 and proposes the
# whole year for a new report.
. "$(dirname "$0")/lib.sh"
need_tmux

"$GK" new --from "$TOP/examples/hongze-2024.csv" -o "$D/next.csv" >/dev/null 2>&1 ||
    bad "new --from"
# This year's figures typed as last year's.
awk -F, 'BEGIN { OFS = "," }
    NR == FNR { if ($1 ~ /^prev\.t/) { v = $3; sub(/\r$/, "", v); p[substr($1, 6)] = v }; next }
    { if ($1 ~ /^t[234]\./ && ($3 == "\r" || $3 == "") && ($1 in p)) $3 = p[$1] "\r"; print }' \
    "$D/next.csv" "$D/next.csv" >"$D/r.csv"

start 80 24 "$D/r.csv"
check "一、总体情况" "opens on 一"
# The cursor on 一's first paragraph: last year's text (X4).
check "一、总体情况：与上年报告的文字完全相同，请按本年情况改写" "X4 on the status line"
keys Tab
check "第二十条第（一）项" "table 二"
check "规章 › 本年制发件数  上年 0" "last year's figure of the cell"
keys Down Down
check "行政许可 › 本年处理决定数量  上年 9487" "上年 9487 under the cursor"
text "94870"
keys Enter
keys Up
check "表二 行政许可：本年 94870，上年 9487，约为上年的 10.0 倍" "X3 on the status line"
text "0009487"
keys Enter
keys Up
check_not "约为上年的 10.0 倍" "X3 gone once fixed"
keys C-s
check "已保存到" "saved"
keys C-q
check "__EXIT__=0" "quit"
grep -q "^t2.permit.decisions,[^,]*,9487.$" "$D/r.csv" && ok ||
    bad "0009487 not stored as 9487: $(grep '^t2.permit' "$D/r.csv")"

# A new report: the year proposes the period; a date typed the Chinese way.
start 80 24 "$D/new.csv"
check "报告单位：" "a new report opens on the cover"
text "测试局"
keys Enter
text "２０２５"
keys Enter
check "统计起始日期：2025-01-01" "the whole year proposed: start"
check "统计截止日期：2025-12-31" "the whole year proposed: end"
keys End BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
text "2025年7月1日"
keys Enter
check "统计起始日期：2025-07-01" "2025年7月1日 stored as 2025-07-01"
keys C-s
check "已保存到" "new report saved"
keys C-q
check "__EXIT__=0" "quit new"
grep -q "^meta.period_start,[^,]*,2025-07-01.$" "$D/new.csv" && ok || bad "period_start not saved"
grep -q "^meta.year,[^,]*,2025.$" "$D/new.csv" && ok || bad "year not saved as ASCII"
grep -q "^meta.period_end,[^,]*,2025-12-31.$" "$D/new.csv" && ok || bad "period_end not saved"
finish
