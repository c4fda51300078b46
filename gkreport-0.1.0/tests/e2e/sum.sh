#!/bin/sh
# sum.sh: `gkreport sum` as the county office uses it: a folder of units'
# reports checked and added up, failing units named, mixed years refused,
# unreadable files named without stopping the others, exact totals.
# Needs GKREPORT and TOP_SRCDIR (set by make check); no terminal.
. "$(dirname "$0")/lib.sh"
: "${GKREPORT:?}" "${TOP_SRCDIR:?}"
tmp=$D
D=$TOP_SRCDIR/tests/data/sum
export LANG=C.UTF-8 LC_ALL=C.UTF-8

# no WHAT: a failed check (bad), shown with the output of the last run.
no() { bad "$@"; }
e2e_context() {
	[ -f "$tmp/out" ] && sed 's/^/  out: /' "$tmp/out" | head -20
	[ -f "$tmp/err" ] && sed 's/^/  err: /' "$tmp/err" | head -5
}

# run ARGS...: gkreport with stdout in $tmp/out, stderr in $tmp/err, $rc.
run() {
	"$GKREPORT" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	# let tests/run-test see what a sanitizer said
	grep -E -A3 'Sanitizer|runtime error' "$tmp/err" >&2
}

# value FILE KEY: a field's value from a report file (single-line values).
value() {
	awk -v k="$2" -F, '$1 == k { v = $0; sub(/^[^,]*,("[^"]*"|[^,]*),/, "", v);
	    gsub(/\r|"/, "", v); print v; exit }' "$1"
}

# a folder: natural order, subfolders and other files left alone
run sum "$D/county"
[ $rc -eq 1 ] && ok || no "a folder with a failing unit exits 1 (got $rc)"
order=$(sed -n 's/^\[[^]]*\] [^ ]*\/\([^/（]*\.csv\).*/\1/p' "$tmp/out" | tr '\n' ' ')
[ "$order" = "jiaotong.csv jiaoyu.csv town-2.csv town-10.csv " ] && ok ||
    no "folder files in natural order, not recursive (got: $order)"
grep -q '旧版\|readme' "$tmp/out" && no "a subfolder or a .txt file was read" || ok
grep -q '^\[有错误\] .*jiaoyu\.csv（县教育局）' "$tmp/out" && ok ||
    no "the failing unit is named with its agency"
grep -q '^    错误 R2：表三 商业企业列' "$tmp/out" && ok ||
    no "the failing unit's findings are listed"
grep -q '^\[完整无误\] .*town-2\.csv（城关镇人民政府）' "$tmp/out" && ok ||
    no "a clean unit is said to be complete and clean"
grep -q '汇总：4 份报告，计入 4 份。完整无误 3 份，有错误 1 份' "$tmp/out" && ok ||
    no "the closing count"

# exact totals of three clean units, against an independent sum (awk)
run sum -o "$tmp/sum.csv" --agency 某县人民政府 "$D/county/jiaotong.csv" \
    "$D/county/town-2.csv" "$D/county/town-10.csv"
[ $rc -eq 0 ] && ok || no "clean units sum with exit 0 (got $rc)"
[ "$(value "$tmp/sum.csv" t2.fees.amount)" = 19343.488 ] && ok ||
    no "amounts add exactly: 7545 + 7730.28 + 4068.208 (got $(value "$tmp/sum.csv" t2.fees.amount))"
bad=$(awk -F, '
    FNR == 1 { file++ }
    $1 ~ /^(t[234]|prev)\./ {
	v = $NF; gsub(/\r|"/, "", v)
	if (file <= 3) { if ($1 != "t2.fees.amount") want[$1] += v; next }
	if ($1 != "t2.fees.amount" && want[$1] "" != v) print $1 "=" v " want " want[$1]
    }' "$D/county/jiaotong.csv" "$D/county/town-2.csv" "$D/county/town-10.csv" \
    "$tmp/sum.csv" | head -3)
[ -z "$bad" ] && ok || no "every cell is the sum of the units' cells: $bad"
[ "$(value "$tmp/sum.csv" meta.agency)" = 某县人民政府 ] && ok || no "agency from --agency"
[ "$(value "$tmp/sum.csv" meta.year)" = 2024 ] && ok || no "year from the units"
[ "$(value "$tmp/sum.csv" meta.period_start)" = 2024-01-01 ] && ok || no "period: the whole year"
[ -z "$(value "$tmp/sum.csv" text.s1)" ] && ok || no "texts are left empty"
grep -q '汇总结果已保存到' "$tmp/out" && ok || no "says where the sum went"

# mixed years: refused, unless told
run sum -o "$tmp/mixed.csv" "$D/county/town-2.csv" "$D/other-year.csv"
[ $rc -eq 2 ] && ok || no "a unit of another year is trouble (got $rc)"
grep -q 'other-year\.csv.*2023.*--mixed-years' "$tmp/out" && ok ||
    no "the refused unit is named, with the year and the way out"
grep -q '未计入 1 份' "$tmp/out" && ok || no "the refused unit is counted as not added"
run sum -o "$tmp/mixed.csv" --mixed-years "$D/county/town-2.csv" "$D/other-year.csv"
[ $rc -eq 0 ] && ok || no "--mixed-years accepts them (got $rc)"
[ "$(value "$tmp/mixed.csv" meta.year)" = 2024 ] && ok || no "mixed years: the latest year"

# an unreadable file does not stop the others
run sum -o "$tmp/partial.csv" "$D/county/town-2.csv" "$D/broken.csv" \
    "$tmp/no-such.csv" "$D/county/town-10.csv"
[ $rc -eq 2 ] && ok || no "unreadable files give exit 2 at the end (got $rc)"
grep -q '^\[无法读取\] .*broken\.csv：' "$tmp/out" && ok || no "a broken file is named with its reason"
grep -q '^\[无法读取\] .*no-such\.csv：' "$tmp/out" && ok || no "a missing file is named with its reason"
grep -q '^\[完整无误\] .*town-10\.csv' "$tmp/out" && ok || no "files after a broken one are still read"
[ "$(value "$tmp/partial.csv" t2.fees.amount)" = 15275.28 ] && ok ||
    no "the readable units are still added up"

# empty cells: the summed cell stays empty, unless --blank-as-zero
key=$(awk -F, '$1 ~ /^t[234]\./ && $NF ~ /^\r?$/ { print $1; exit }' "$D/blanks/b.csv")
run sum -o "$tmp/blanks.csv" "$D/blanks"
[ $rc -eq 1 ] && ok || no "a unit with empty cells gives exit 1 (got $rc)"
grep -q '^\[未填完\] .*b\.csv（县统计局）' "$tmp/out" && ok || no "the incomplete unit is named"
[ -n "$key" ] && [ -z "$(value "$tmp/blanks.csv" "$key")" ] && ok ||
    no "a cell some unit left empty stays empty in the sum ($key)"
grep -q '1 个单元格因有单位未填而留空' "$tmp/out" && ok || no "the sum says why a cell is empty"
run sum -o "$tmp/blanks0.csv" --blank-as-zero "$D/blanks"
[ "$(value "$tmp/blanks0.csv" "$key")" = "$(value "$D/blanks/a.csv" "$key")" ] && ok ||
    no "--blank-as-zero adds an empty cell as 0"

# the list for machines
run sum --format=csv "$D/county"
[ "$(head -1 "$tmp/out")" = "unit,file,agency,status,rule,severity,key,label,message" ] && ok ||
    no "--format=csv has a stable header"
grep -q '^2,[^,]*jiaoyu\.csv,县教育局,error,R2,error,t3\.' "$tmp/out" && ok ||
    no "--format=csv: one row per finding"
grep -q '^1,[^,]*jiaotong\.csv,县交通运输局,clean,,,,,$' "$tmp/out" && ok ||
    no "--format=csv: a clean unit has a row"

# the output inside the folder being summed is not added to itself
mkdir "$tmp/units"
cp "$D/county/town-2.csv" "$D/county/town-10.csv" "$tmp/units/"
run sum -o "$tmp/units/sum.csv" "$tmp/units"
run sum -o "$tmp/units/sum.csv" "$tmp/units"
[ $rc -eq 0 ] && grep -q '是汇总的输出文件，跳过' "$tmp/err" &&
    [ "$(value "$tmp/units/sum.csv" t2.fees.amount)" = 15275.28 ] && ok ||
    no "the output file is skipped when it lies among the inputs"

# overflow is refused clearly
sed 's/^\(t3\.new\.natural,[^,]*,\).*/\1900000000000000\r/' "$D/county/town-2.csv" >"$tmp/big1.csv"
sed 's/^\(t3\.new\.natural,[^,]*,\).*/\1100000000000000\r/' "$D/county/town-10.csv" >"$tmp/big2.csv"
run sum "$tmp/big1.csv" "$tmp/big2.csv"
[ $rc -eq 2 ] && grep -q 'big2\.csv.*自然人.*超出上限' "$tmp/out" && ok ||
    no "a total beyond the largest value is refused, naming the cell (got $rc)"

# usage
run sum
[ $rc -eq 2 ] && ok || no "no input is a usage error (got $rc)"
mkdir "$tmp/empty"
run sum "$tmp/empty"
[ $rc -eq 2 ] && grep -q '没有 .csv 文件' "$tmp/err" && ok || no "an empty folder is trouble (got $rc)"
run sum --format=xml "$D/county"
[ $rc -eq 2 ] && ok || no "an unknown format is a usage error (got $rc)"

finish
