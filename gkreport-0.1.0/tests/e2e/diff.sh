#!/bin/sh
# diff.sh: `gkreport diff`: two keyings of one report (every kind of
# difference, with labels and both values), this year against last
# (--change), the CSV form and the exit statuses.
# Needs GKREPORT and TOP_SRCDIR (set by make check); no terminal.
. "$(dirname "$0")/lib.sh"
: "${GKREPORT:?}" "${TOP_SRCDIR:?}"
tmp=$D
D=$TOP_SRCDIR/tests/data/diff
export LANG=C.UTF-8 LC_ALL=C.UTF-8

TAB=$(printf '\t')

# no WHAT: a failed check (bad), shown with the output of the last run.
no() { bad "$@"; }
e2e_context() {
	sed 's/^/  out: /' "$tmp/out" | head -20
	sed 's/^/  err: /' "$tmp/err" | head -5
}

run() {
	"$GKREPORT" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	# let tests/run-test see what a sanitizer said
	grep -E -A3 'Sanitizer|runtime error' "$tmp/err" >&2
}

has() {
	grep -qF -- "$1" "$tmp/out"
}

# the same report, written differently (LF, 7730.2800): identical
run diff "$D/a.csv" "$D/a-same.csv"
[ $rc -eq 0 ] && ok || no "identical figures give exit 0 (got $rc)"
has "两份报告完全相同" && ok || no "says they are identical"

# every kind of difference
run diff "$D/a.csv" "$D/b.csv"
[ $rc -eq 1 ] && ok || no "differences give exit 1 (got $rc)"
has "报告单位：甲 县交通运输局，乙 县交通局" && ok || no "a particular, with both values"
has "表三 › 一、本年新收政府信息公开申请数量 › 自然人：甲 165，乙 166" && ok ||
    no "a cell, by its label, with both values"
has "表四 › 行政复议 › 总计：甲 3，乙 （空）" && ok || no "a cell emptied (empty is not 0)"
has "上年报告 › 表三 › 四、结转下年度继续办理 › 商业企业：甲 58，乙 （空）" && ok ||
    no "last year's figures"
has "一、总体情况：第 2 行第 15 个字起不同" && ok || no "a text: the line and character where it differs"
has "    甲：…）主动公开。全年主动公开政府信息 300 条。" &&
    has "    乙：…）主动公开。全年主动公开各类政府信息 300 条。" && ok ||
    no "a text: both lines around the difference"
has "说明/X1/自然人：甲 （空），乙 上年数据有误" && ok || no "a note present on one side"
has "共 6 处不同。" && ok || no "the count of differences"

# the same for machines
run diff --format=csv "$D/a.csv" "$D/b.csv"
[ $rc -eq 1 ] && ok || no "--format=csv: exit 1 (got $rc)"
[ "$(head -1 "$tmp/out")" = "kind,key,label,a,b,where" ] && ok || no "--format=csv: a stable header"
kinds=$(awk -F, 'NR > 1 && $1 ~ /^(meta|text|cell|prev|extra)$/ { printf "%s ", $1 }' "$tmp/out")
[ "$kinds" = "meta text cell cell prev extra " ] && ok || no "--format=csv: one row per difference ($kinds)"
has "cell,t3.new.natural,表三 › 一、本年新收政府信息公开申请数量 › 自然人,165,166," && ok ||
    no "--format=csv: key, label and both values"
grep -q ',2:15$' "$tmp/out" && ok || no "--format=csv: where a text differs"

# this year against last
run diff --change "$D/last-year.csv" "$D/a.csv"
[ $rc -eq 1 ] && ok || no "--change: exit 1 when figures changed (got $rc)"
has "项目${TAB}上年${TAB}本年${TAB}增减${TAB}增减幅度" && ok || no "--change: a header"
has "表二 › 第二十条第（一）项 › 规章 › 本年制发件数${TAB}7${TAB}1${TAB}-6${TAB}-85.7%" && ok ||
    no "--change: difference and percent"
has "${TAB}新增" && ok || no "--change: a figure from 0 is 新增"
run diff --change --format=csv "$D/last-year.csv" "$D/a.csv"
[ "$(head -1 "$tmp/out")" = "key,label,last,this,change,percent" ] && ok ||
    no "--change --format=csv: a stable header"
has "t2.rules.issued,表二 › 第二十条第（一）项 › 规章 › 本年制发件数,7,1,-6,-85.7%" && ok ||
    no "--change --format=csv: a row"
run diff --change "$D/a.csv" "$D/a-same.csv"
[ $rc -eq 0 ] && grep -q '不是相邻两年' "$tmp/err" && ok ||
    no "--change of the same year: exit 0 and a warning (got $rc)"

# trouble
run diff "$D/a.csv" "$tmp/no-such.csv"
[ $rc -eq 2 ] && grep -q 'no-such\.csv' "$tmp/err" && ok || no "a missing file: exit 2, named (got $rc)"
run diff "$D/a.csv"
[ $rc -eq 2 ] && ok || no "one file is a usage error (got $rc)"
run diff --format=xml "$D/a.csv" "$D/b.csv"
[ $rc -eq 2 ] && ok || no "an unknown format is a usage error (got $rc)"

# The CSV of diff and check goes through the one field writer: what a
# report or a file name holds cannot run as a formula (spec §7), a
# computed change such as -6 stays a number.
sed 's/^meta.agency,报告单位,.*/meta.agency,报告单位,"=HYPERLINK(""x"",""y"")"/' "$D/a.csv" >"$tmp/=f.csv"
run diff --format=csv "$D/a.csv" "$tmp/=f.csv"
grep -q "^meta,meta.agency,报告单位,县交通运输局,\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"," "$tmp/out" && ok ||
    no "diff --format=csv: a typed formula is neutralised inside the quotes"
run diff --change --format=csv "$D/last-year.csv" "$D/a.csv"
grep -q ',-[0-9][0-9.]*,-[0-9][0-9.]*%$' "$tmp/out" && ! grep -q ",'-[0-9]" "$tmp/out" && ok ||
    no "diff --change --format=csv: a decrease is a number, not neutralised"
cp "$D/b.csv" "$tmp/=g.csv"	# b has empty cells: findings to list
(cd "$tmp" && "$GKREPORT" check --format=csv "=g.csv" >out 2>err)
grep -q "^'=g.csv," "$tmp/out" && ok || no "check --format=csv: a file name that looks like a formula is neutralised"

finish
