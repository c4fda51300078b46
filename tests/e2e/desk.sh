#!/bin/sh
# desk.sh: the county office's desk with a county of generated units:
# the units table (Excel-clean, -f units the same), the page read back
# and held against the table (desk-page.py), the page in a browser engine
# (w3m; headless Chromium when installed), duplicates refused or skipped,
# the roster's differences, reviewers' decisions surviving a corrected
# file, outputs that are folders refused.
# Needs GKREPORT, GENREPORTS and TOP_SRCDIR (set by make check).
. "$(dirname "$0")/lib.sh"
: "${GKREPORT:?}" "${GENREPORTS:?}" "${TOP_SRCDIR:?}"
export LANG=C.UTF-8 LC_ALL=C.UTF-8

# What a failed check shows (lib.sh's bad calls it): the last run's output.
e2e_context() {
	[ -f "$D/out" ] && sed 's/^/  out: /' "$D/out" | head -10 | cut -c1-300
	[ -f "$D/err" ] && sed 's/^/  err: /' "$D/err" | head -5
	return 0
}
skip() { echo "skipped: $*"; }

run() {
	"$GKREPORT" "$@" >"$D/out" 2>"$D/err"
	rc=$?
	grep -E -A3 'Sanitizer|runtime error' "$D/err" >&2
}

# field FILE.csv N ROW: column N of data row ROW of a units table (simple
# CSV: the generated agencies hold no comma or quote)
field() {
	sed -n "$(($3 + 1))p" "$1" | tr -d '\r' | cut -d, -f"$2"
}

C=$D/county
"$GENREPORTS" -s 16 "$C" 40 >"$D/kinds" || { echo "genreports failed"; exit 99; }

# ---- the units table and the page --------------------------------------
run sum --units="$D/units.csv" --html="$D/page.html" -o "$D/sum.csv" \
    --agency 某县 "$C"
[ $rc -eq 1 ] && ok || bad "a county with failing units exits 1 (got $rc)"
[ "$(head -c 3 "$D/units.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ] && ok ||
    bad "the units table starts with a byte-order mark"
[ "$(wc -l <"$D/units.csv")" -eq 41 ] && ok || bad "one row per unit and a header"
[ "$(grep -c "$(printf '\r')\$" "$D/units.csv")" -eq 41 ] && ok ||
    bad "every line of the units table ends in CRLF"
grep -q '公开率(%)=(予以公开+部分公开)/(七)总计' "$D/units.csv" && ok ||
    bad "the header states the rate's denominator"
n_err=$(sed -n 's/.*error \([0-9]*\).*/\1/p' "$D/kinds")
[ "$(grep -c ',有错误,' "$D/units.csv")" -ge "$n_err" ] && ok ||
    bad "the units with errors are marked (genreports made $n_err)"
run sum -f units "$C"
cmp -s "$D/out" "$D/units.csv" && ok || bad "-f units writes the same table to stdout"
[ ! -s "$D/err" ] || grep -q 'gkreport' "$D/err" && ok || bad "-f units: stderr"

size=$(wc -c <"$D/page.html")
[ "$size" -gt 10000 ] && ok || bad "the page is written ($size bytes)"
if command -v python3 >/dev/null 2>&1; then
	if python3 "$TOP_SRCDIR/tests/e2e/desk-page.py" "$D/page.html" \
	    "$D/units.csv" >"$D/py" 2>&1; then ok; else
		bad "the page agrees with the units table"; cat "$D/py"; fi
else
	skip "python3 not installed: the page is not parsed"
fi
if command -v xmllint >/dev/null 2>&1; then
	# HTML 4's parser: the HTML5 elements (details, svg) are not errors
	xmllint --html --noout "$D/page.html" 2>&1 |
	    grep -E 'error|warning' |
	    grep -v -E 'Tag (details|summary|svg|line|rect|text) invalid' >"$D/lint"
	[ ! -s "$D/lint" ] && ok || { bad "xmllint --html finds the page well formed"; head "$D/lint"; }
fi
grep -q '<script src\|<link\|@import\|url(' "$D/page.html" &&
    bad "the page loads nothing from elsewhere" || ok

# the page in browser engines
if command -v w3m >/dev/null 2>&1; then
	w3m -dump -cols 200 -T text/html "$D/page.html" >"$D/w3m" 2>&1
	first=$(field "$D/units.csv" 3 1)
	grep -q '各单位情况' "$D/w3m" && grep -q "$first" "$D/w3m" &&
	    grep -q '中位数' "$D/w3m" && ok ||
	    bad "w3m shows the units, the first unit ($first) and the rates"
	grep -q '本年新收政府信息公开申请数量' "$D/w3m" && ok ||
	    bad "w3m shows the totals as the official table 三"
else
	skip "w3m not installed"
fi
chrome=$(command -v chromium || command -v chromium-browser || true)
if [ -n "$chrome" ]; then
	prof=$(mktemp -d "$D/chrome.XXXXXX")
	timeout 120 "$chrome" --headless --no-sandbox --disable-gpu --no-first-run \
	    --disable-background-networking --disable-component-update \
	    --disable-sync --user-data-dir="$prof" --dump-dom \
	    "file://$D/page.html" >"$D/dom" 2>/dev/null
	[ "$(grep -c '<tr id="u[0-9]*">' "$D/dom")" -eq 40 ] && ok ||
	    bad "Chromium builds the page with its 40 unit rows"
else
	skip "chromium not installed"
fi

# ---- last year and each unit's own page ------------------------------------
"$GENREPORTS" -s 15 -y 2023 "$D/prev" 30 >/dev/null
run sum --html="$D/p2.html" --units="$D/u2.csv" --prev="$D/prev" \
    --export-units="$D/pages" "$C"
grep -q '<th>上年</th><th>增减</th><th>增减率(%)</th>' "$D/p2.html" && ok ||
    bad "--prev: the totals show last year and the change"
grep -q '<p>上年：30 个单位的报告。</p>' "$D/p2.html" && ok || bad "--prev: last year's count"
# A unit sent twice last year counts once in the change, and it is said.
cp "$D/prev/unit-00003.csv" "$D/prev/unit-00003-again.csv"
run sum --html="$D/p3.html" --prev="$D/prev" "$C"
grep -q '<p>上年：30 个单位的报告。</p>' "$D/p3.html" && ok ||
    bad "--prev: a duplicate last year is counted once"
grep -q "上年的文件夹中有 1 份重复的报告" "$D/err" && ok ||
    bad "--prev: the duplicate last year is said"
sed -n '/<th>上年<\/th>/,/<\/table>/p' "$D/p2.html" >"$D/t2"
sed -n '/<th>上年<\/th>/,/<\/table>/p' "$D/p3.html" >"$D/t3"
[ -s "$D/t2" ] && cmp -s "$D/t2" "$D/t3" && ok ||
    bad "--prev: last year's totals are the same with the duplicate"
rm "$D/prev/unit-00003-again.csv"
if command -v python3 >/dev/null 2>&1; then
	python3 "$TOP_SRCDIR/tests/e2e/desk-page.py" "$D/p2.html" "$D/u2.csv" \
	    >"$D/py" 2>&1 && ok || { bad "the page with last year agrees"; cat "$D/py"; }
fi
[ "$(ls "$D/pages" | wc -l)" -eq 40 ] && [ -s "$D/pages/unit-00007.html" ] && ok ||
    bad "--export-units writes each unit's page"
grep -q "<a href=\"$D/pages/unit-00007.html\">" "$D/p2.html" && ok ||
    bad "the page links to the unit's own page"
grep -q '三、收到和处理政府信息公开申请情况' "$D/pages/unit-00007.html" && ok || bad "a unit's page is its HTML export"

# ---- duplicates --------------------------------------------------------
cp "$C/unit-00005.csv" "$C/zz-again.csv"
run sum -o "$D/sum2.csv" "$C"
[ $rc -eq 2 ] && ok || bad "a duplicate exits 2 (got $rc)"
grep -q "zz-again.csv: 与 .*unit-00005.csv 是同一单位" "$D/err" && ok ||
    bad "the duplicate is named with the earlier file"
[ ! -e "$D/sum2.csv" ] && ok || bad "a sum with a duplicate is not written"
grep -q '^\[重复\] .*zz-again.csv' "$D/out" && ok || bad "the verdict says 重复"
run sum --skip-duplicates -o "$D/sum2.csv" --agency 某县 --units="$D/u2.csv" "$C"
[ $rc -eq 1 ] && ok || bad "--skip-duplicates: exit 1 for the failing units (got $rc)"
cmp -s "$D/sum.csv" "$D/sum2.csv" && ok ||
    bad "--skip-duplicates leaves the later one out: the same sum as before"
grep -q ',重复,' "$D/u2.csv" && ok || bad "the units table marks the duplicate"
rm "$C/zz-again.csv"

# ---- the roster ---------------------------------------------------------
# all the units but the first, under its name with one character changed,
# and one unit that has not reported
tail -n +3 "$D/units.csv" | tr -d '\r' | cut -d, -f3 >"$D/roster.txt"
first=$(field "$D/units.csv" 3 1)
wrong=$(echo "$first" | sed 's/某县/某具/')
printf '%s\n某县不存在局\n' "$wrong" >>"$D/roster.txt"
run sum --roster="$D/roster.txt" "$C"
grep -q '^名单：应报 41 个单位，名单上已报 39 个，未报 2 个。' "$D/out" && ok ||
    bad "the roster's count"
grep -q '^    未报：某县不存在局$' "$D/out" && ok || bad "who has not reported"
grep -q "^    未报：$wrong\$" "$D/out" && ok || bad "the misspelt roster name is missing"
grep -q "^    不在名单上：$first（可能是：$wrong）\$" "$D/out" && ok ||
    bad "the name not on the roster, with the close spelling"
run sum --roster="$D/roster.txt" --html="$D/p3.html" "$C"
grep -q '<ul class="f" id="missing"><li>' "$D/p3.html" && ok ||
    bad "the page lists who has not reported"

# ---- the reviewer's sheet ------------------------------------------------
run sum --review="$D/review.csv" "$C"
[ "$(head -c 3 "$D/review.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ] && ok ||
    bad "the review sheet is Excel-clean"
# unit A: the first with an R finding; B: another unit's first finding
a=$(grep ',R[1-4],' "$D/review.csv" | head -1 | cut -d, -f1)
b=$(grep -v "^$a," "$D/review.csv" | sed -n '2p' | cut -d, -f1)
[ -n "$a" ] && [ -n "$b" ] || { bad "the review sheet lists findings"; }
na=$(grep -c "^$a," "$D/review.csv")
awk -v a="$a" -v b="$b" 'BEGIN { FS = OFS = "," }
    $1 == a && !da { $5 = "已确认"; $7 = "张三"; $8 = "2025-01-10"; da = 1 }
    $1 == b && !db { $5 = "已说明"; $6 = "已电话核实"; $7 = "李四"; db = 1 }
    { print }' "$D/review.csv" >"$D/r2" && mv "$D/r2" "$D/review.csv"
# A sends a corrected file: a clean unit's figures under A's name
fa=$(grep -l "^meta.agency,[^,]*,$a" "$C"/*.csv)
clean=$(grep ',完整无误,' "$D/units.csv" | tail -1 | cut -d, -f2)
sed "s/^meta.agency,\([^,]*\),.*/meta.agency,\1,$a\r/" "$clean" >"$fa"
run sum --review="$D/review.csv" --units="$D/u3.csv" --html="$D/p4.html" "$C"
grep "^$a," "$D/review.csv" | grep -q ',已确认,,张三,2025-01-10,已解决,' && ok ||
    bad "A's decision is kept and shown as resolved"
grep "^$a," "$D/review.csv" | grep -q ',现存,' &&
    bad "A's findings no longer stand" || ok
grep "^$b," "$D/review.csv" | grep -q ',已说明,已电话核实,李四,,现存,' && ok ||
    bad "B's decision survives the re-run"
if command -v python3 >/dev/null 2>&1; then
	python3 "$TOP_SRCDIR/tests/e2e/desk-page.py" "$D/p4.html" "$D/u3.csv" \
	    >"$D/py" 2>&1 && ok || { bad "the page's decisions agree with the table"; cat "$D/py"; }
fi
grep -q '<span class="d">已说明</span>' "$D/p4.html" && ok ||
    bad "the page shows B's decision beside its finding"
resolved=$(awk -F, -v a="$a" '$3 == a { print $(NF - 1) }' "$D/u3.csv")
[ "$resolved" = "$na" ] && ok ||
    bad "the units table counts A's $na resolved findings (got $resolved)"

# ---- the workbook ---------------------------------------------------------
run sum --xlsx="$D/county.xlsx" --units="$D/u5.csv" "$C"
if grep -q 'xlsx' "$D/err" && [ ! -e "$D/county.xlsx" ]; then
	skip "this build has no xlsx (libxlsxwriter)"
elif command -v unzip >/dev/null 2>&1; then
	sheets=$(unzip -p "$D/county.xlsx" xl/workbook.xml | grep -o '<sheet name="[^"]*"' |
	    sed 's/<sheet name="//; s/"//' | tr '\n' ' ')
	[ "$sheets" = "汇总 单位 问题清单 " ] && ok || bad "the workbook's sheets (got: $sheets)"
	first=$(field "$D/u5.csv" 3 1)
	unzip -p "$D/county.xlsx" xl/sharedStrings.xml | grep -q "$first" && ok ||
	    bad "the workbook names the first unit"
	n=$(head -1 "$D/u5.csv" | tr ',' '\n' | grep -n '^公开率(%)=' | cut -d: -f1)
	rate=$(field "$D/u5.csv" "$n" 1)
	# A number (sorted as one), the table's rate to its last place.
	num=$(printf '%s\n' "$rate" | sed 's/\(\.[0-9]*[1-9]\)0*$/\1/; s/\.0*$//')
	unzip -p "$D/county.xlsx" xl/worksheets/sheet2.xml |
	    grep -q "<c r=\"[A-Z]*2\" s=\"[0-9]*\"><v>$num</v></c>" && ok ||
	    bad "the workbook's 公开率 of the first unit is the table's ($rate) as a number"
	unzip -p "$D/county.xlsx" xl/sharedStrings.xml | grep -q "<t>$rate</t>" &&
	    bad "and not a text ($rate)" || ok
else
	skip "unzip not installed: the workbook is not read back"
fi

# ---- outputs that are not files --------------------------------------------
mkdir "$D/folder"
run sum --units="$D/folder" --html="$D/folder" "$C"
[ $rc -eq 2 ] && [ -d "$D/folder" ] && ok || bad "a folder named as an output is left alone (rc $rc)"
grep -q "$D/folder" "$D/err" && ok || bad "and said so"

finish
