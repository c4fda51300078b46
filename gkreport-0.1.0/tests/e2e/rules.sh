#!/bin/sh
# rules.sh: the rules of spec §5a through the real binary: check on the
# examples and the samples (hongze's one W2, nothing else), a report
# started with new --from (X4, X5 on last year's texts, X3 on a figure
# typed ten times too big), check --prev for a report without last year,
# a 说明 shown under its warning, the period (P1).
. "$(dirname "$0")/lib.sh"

HZ=$TOP/examples/hongze-2024.csv
LS=$TOP/examples/lushi-xzsp-2024.csv

# rules FILE: the rule ids of check --format=csv, one per line.
rules() { "$GK" check --format=csv "$@" 2>/dev/null | tail -n +2 | cut -d, -f2; }

# Examples and samples: hongze's text says 17 where table 三 has 95.
[ "$(rules "$HZ")" = "W2" ] && ok || bad "hongze: $(rules "$HZ")"
"$GK" check --format=csv "$HZ" | grep -q "^$HZ,W2,warning,text.s1 t3.new.total t3.carry_in.total,一、总体情况：“受理政府信息公开申请17件”，表三 本年新收 总计为 95（含上年结转为 95），差 78" &&
    ok || bad "hongze's W2 record"
[ -z "$(rules "$LS")" ] && ok || bad "lushi: $(rules "$LS")"
for s in hongze-2024 shuyang-2025 lushi-xzsp-2024; do
	"$GK" import "$TOP/tests/data/import/$s.txt" -o "$D/$s.csv" >/dev/null 2>&1 ||
	    bad "import $s"
done
[ "$(rules "$D/hongze-2024.csv")" = "W2" ] && ok || bad "imported hongze: $(rules "$D/hongze-2024.csv")"
[ -z "$(rules "$D/shuyang-2025.csv")" ] && ok || bad "shuyang: $(rules "$D/shuyang-2025.csv")"
[ -z "$(rules "$D/lushi-xzsp-2024.csv")" ] && ok || bad "seed: $(rules "$D/lushi-xzsp-2024.csv")"

# A 2025 report started from hongze-2024; the figures typed as last year's.
"$GK" new --from "$HZ" -o "$D/next.csv" >/dev/null 2>&1 || bad "new --from"
grep -q '^prev.text.s1,上年报告/一、总体情况,' "$D/next.csv" && ok || bad "prev.text.s1 kept"
grep -q '^prev.t2.permit.decisions,.*,9487' "$D/next.csv" && ok || bad "prev.t2.permit.decisions kept"
awk -F, 'BEGIN { OFS = "," }
    NR == FNR { if ($1 ~ /^prev\.t/) { v = $3; sub(/\r$/, "", v); p[substr($1, 6)] = v }; next }
    { if ($1 ~ /^t[234]\./ && ($3 == "\r" || $3 == "") && ($1 in p)) $3 = p[$1] "\r"; print }' \
    "$D/next.csv" "$D/next.csv" >"$D/typed.csv"
got=$(rules "$D/typed.csv" | sort | uniq -c | tr -s ' ' | tr '\n' ';')
# X4: 一, 五, 六 are last year's; X5: the preamble's period sentence and
# the three texts' "2024年，" heads; X2: hongze's own in-force figures.
[ "$got" = " 4 X5; 1 X2; 3 X4;" ] || [ "$got" = " 1 X2; 3 X4; 4 X5;" ] && ok || bad "new --from: $got"
"$GK" check "$D/typed.csv" | grep -q "报告前言：“报告中所列数据统计期限自2024年1月1日起至2024年12月31日止。”写的是 2024 年，本报告是 2025 年度的" &&
    ok || bad "X5 on the period sentence"
"$GK" check "$D/typed.csv" | grep -q "一、总体情况：与上年报告的文字完全相同，请按本年情况改写" &&
    ok || bad "X4 on 一"
sed 's/^\(t2\.permit\.decisions,[^,]*\),9487/\1,94870/' "$D/typed.csv" >"$D/typo.csv"
"$GK" check "$D/typo.csv" | grep -q "表二 行政许可：本年 94870，上年 9487，约为上年的 10.0 倍（差 85383），请核对是否多打或少打了一位" &&
    ok || bad "X3 on 行政许可"
printf 'note.X3.t2.permit.decisions,说明/X3/行政许可,本年集中审批，已核实\r\n' >>"$D/typo.csv"
"$GK" check "$D/typo.csv" | grep -A1 "表二 行政许可：本年 94870" | grep -q "说明：本年集中审批，已核实" &&
    ok || bad "the note under X3"

# check --prev: the same report without prev.* gets last year from the file.
# (prev.text.* run over several lines: skip to the closing quote)
awk '{ if (skip) { q += gsub(/"/, "\""); if (q % 2 == 0) skip = 0; next }
    if ($0 ~ /^prev\./) { q = gsub(/"/, "\""); if (q % 2 == 1) skip = 1; next }
    print }' "$D/typo.csv" >"$D/noprev.csv"
[ -z "$(rules "$D/noprev.csv" | grep -v X5)" ] && ok || bad "without last year: $(rules "$D/noprev.csv")"
"$GK" check --prev "$HZ" "$D/noprev.csv" | grep -q "表二 行政许可：本年 94870，上年 9487" && ok || bad "--prev gives X3"
[ "$(rules --prev "$HZ" "$D/noprev.csv" | grep -c X4)" = 3 ] && ok || bad "--prev gives X4"

# P1: a period from 2025-03-01 to 2024-12-31 in a 2024 report.
sed -e 's/^\(meta.period_start,[^,]*\),.*/\1,2025-03-01\r/' "$HZ" >"$D/period.csv"
"$GK" check "$D/period.csv" >"$D/out" 2>&1
[ $? = 1 ] && ok || bad "P1 is an error (exit 1)"
grep -q "错误  统计期间：起始日期 2025-03-01 晚于截止日期 2024-12-31" "$D/out" && ok ||
    bad "P1 message: $(cat "$D/out")"
finish
