#!/bin/sh
# desk.sh: the county office's desk with a county of generated units:
# the units table (Excel-clean, -f units the same), the page read back
# and held against the table (desk-page.py), the page in a browser engine
# (w3m; headless Chromium when installed), duplicates refused or skipped,
# the roster's differences, reviewers' decisions surviving a corrected
# file, outputs that are folders refused.
# Needs GKREPORT, GENREPORTS and TOP_SRCDIR (set by make check).
set -u
: "${GKREPORT:?}" "${GENREPORTS:?}" "${TOP_SRCDIR:?}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gk-desk.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
export LANG=C.UTF-8 LC_ALL=C.UTF-8

pass=0
fail=0
ok() { pass=$((pass + 1)); }
no() {
	fail=$((fail + 1))
	echo "FAIL: $*"
	[ -f "$tmp/out" ] && sed 's/^/  out: /' "$tmp/out" | head -10 | cut -c1-300
	[ -f "$tmp/err" ] && sed 's/^/  err: /' "$tmp/err" | head -5
}
skip() { echo "skipped: $*"; }

run() {
	"$GKREPORT" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	grep -E -A3 'Sanitizer|runtime error' "$tmp/err" >&2
}

# field FILE.csv N ROW: column N of data row ROW of a units table (simple
# CSV: the generated agencies hold no comma or quote)
field() {
	sed -n "$(($3 + 1))p" "$1" | tr -d '\r' | cut -d, -f"$2"
}

C=$tmp/county
"$GENREPORTS" -s 16 "$C" 40 >"$tmp/kinds" || { echo "genreports failed"; exit 99; }

# ---- the units table and the page --------------------------------------
run sum --units="$tmp/units.csv" --html="$tmp/page.html" -o "$tmp/sum.csv" \
    --agency 某县 "$C"
[ $rc -eq 1 ] && ok || no "a county with failing units exits 1 (got $rc)"
[ "$(head -c 3 "$tmp/units.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ] && ok ||
    no "the units table starts with a byte-order mark"
[ "$(wc -l <"$tmp/units.csv")" -eq 41 ] && ok || no "one row per unit and a header"
[ "$(grep -c "$(printf '\r')\$" "$tmp/units.csv")" -eq 41 ] && ok ||
    no "every line of the units table ends in CRLF"
grep -q '公开率(%)=(予以公开+部分公开)/(七)总计' "$tmp/units.csv" && ok ||
    no "the header states the rate's denominator"
n_err=$(sed -n 's/.*error \([0-9]*\).*/\1/p' "$tmp/kinds")
[ "$(grep -c ',有错误,' "$tmp/units.csv")" -ge "$n_err" ] && ok ||
    no "the units with errors are marked (genreports made $n_err)"
run sum -f units "$C"
cmp -s "$tmp/out" "$tmp/units.csv" && ok || no "-f units writes the same table to stdout"
[ ! -s "$tmp/err" ] || grep -q 'gkreport' "$tmp/err" && ok || no "-f units: stderr"

size=$(wc -c <"$tmp/page.html")
[ "$size" -gt 10000 ] && ok || no "the page is written ($size bytes)"
if command -v python3 >/dev/null 2>&1; then
	if python3 "$TOP_SRCDIR/tests/e2e/desk-page.py" "$tmp/page.html" \
	    "$tmp/units.csv" >"$tmp/py" 2>&1; then ok; else
		no "the page agrees with the units table"; cat "$tmp/py"; fi
else
	skip "python3 not installed: the page is not parsed"
fi
if command -v xmllint >/dev/null 2>&1; then
	# HTML 4's parser: the HTML5 elements (details, svg) are not errors
	xmllint --html --noout "$tmp/page.html" 2>&1 |
	    grep -E 'error|warning' |
	    grep -v -E 'Tag (details|summary|svg|line|rect|text) invalid' >"$tmp/lint"
	[ ! -s "$tmp/lint" ] && ok || { no "xmllint --html finds the page well formed"; head "$tmp/lint"; }
fi
grep -q '<script src\|<link\|@import\|url(' "$tmp/page.html" &&
    no "the page loads nothing from elsewhere" || ok

# the page in browser engines
if command -v w3m >/dev/null 2>&1; then
	w3m -dump -cols 200 -T text/html "$tmp/page.html" >"$tmp/w3m" 2>&1
	first=$(field "$tmp/units.csv" 3 1)
	grep -q '各单位情况' "$tmp/w3m" && grep -q "$first" "$tmp/w3m" &&
	    grep -q '中位数' "$tmp/w3m" && ok ||
	    no "w3m shows the units, the first unit ($first) and the rates"
	grep -q '本年新收政府信息公开申请数量' "$tmp/w3m" && ok ||
	    no "w3m shows the totals as the official table 三"
else
	skip "w3m not installed"
fi
chrome=$(command -v chromium || command -v chromium-browser || true)
if [ -n "$chrome" ]; then
	prof=$(mktemp -d "$tmp/chrome.XXXXXX")
	timeout 120 "$chrome" --headless --no-sandbox --disable-gpu --no-first-run \
	    --disable-background-networking --disable-component-update \
	    --disable-sync --user-data-dir="$prof" --dump-dom \
	    "file://$tmp/page.html" >"$tmp/dom" 2>/dev/null
	[ "$(grep -c '<tr id="u[0-9]*">' "$tmp/dom")" -eq 40 ] && ok ||
	    no "Chromium builds the page with its 40 unit rows"
else
	skip "chromium not installed"
fi

# ---- last year and each unit's own page ------------------------------------
"$GENREPORTS" -s 15 -y 2023 "$tmp/prev" 30 >/dev/null
run sum --html="$tmp/p2.html" --units="$tmp/u2.csv" --prev="$tmp/prev" \
    --export-units="$tmp/pages" "$C"
grep -q '<th>上年</th><th>增减</th><th>增减率(%)</th>' "$tmp/p2.html" && ok ||
    no "--prev: the totals show last year and the change"
grep -q '<p>上年：30 个单位的报告。</p>' "$tmp/p2.html" && ok || no "--prev: last year's count"
if command -v python3 >/dev/null 2>&1; then
	python3 "$TOP_SRCDIR/tests/e2e/desk-page.py" "$tmp/p2.html" "$tmp/u2.csv" \
	    >"$tmp/py" 2>&1 && ok || { no "the page with last year agrees"; cat "$tmp/py"; }
fi
[ "$(ls "$tmp/pages" | wc -l)" -eq 40 ] && [ -s "$tmp/pages/unit-00007.html" ] && ok ||
    no "--export-units writes each unit's page"
grep -q "<a href=\"$tmp/pages/unit-00007.html\">" "$tmp/p2.html" && ok ||
    no "the page links to the unit's own page"
grep -q '三、收到和处理政府信息公开申请情况' "$tmp/pages/unit-00007.html" && ok || no "a unit's page is its HTML export"

# ---- duplicates --------------------------------------------------------
cp "$C/unit-00005.csv" "$C/zz-again.csv"
run sum -o "$tmp/sum2.csv" "$C"
[ $rc -eq 2 ] && ok || no "a duplicate exits 2 (got $rc)"
grep -q "zz-again.csv: 与 .*unit-00005.csv 是同一单位" "$tmp/err" && ok ||
    no "the duplicate is named with the earlier file"
[ ! -e "$tmp/sum2.csv" ] && ok || no "a sum with a duplicate is not written"
grep -q '^\[重复\] .*zz-again.csv' "$tmp/out" && ok || no "the verdict says 重复"
run sum --skip-duplicates -o "$tmp/sum2.csv" --agency 某县 --units="$tmp/u2.csv" "$C"
[ $rc -eq 1 ] && ok || no "--skip-duplicates: exit 1 for the failing units (got $rc)"
cmp -s "$tmp/sum.csv" "$tmp/sum2.csv" && ok ||
    no "--skip-duplicates leaves the later one out: the same sum as before"
grep -q ',重复,' "$tmp/u2.csv" && ok || no "the units table marks the duplicate"
rm "$C/zz-again.csv"

# ---- the roster ---------------------------------------------------------
# all the units but the first, under its name with one character changed,
# and one unit that has not reported
tail -n +3 "$tmp/units.csv" | tr -d '\r' | cut -d, -f3 >"$tmp/roster.txt"
first=$(field "$tmp/units.csv" 3 1)
wrong=$(echo "$first" | sed 's/某县/某具/')
printf '%s\n某县不存在局\n' "$wrong" >>"$tmp/roster.txt"
run sum --roster="$tmp/roster.txt" "$C"
grep -q '^名单：应报 41 个单位，名单上已报 39 个，未报 2 个。' "$tmp/out" && ok ||
    no "the roster's count"
grep -q '^    未报：某县不存在局$' "$tmp/out" && ok || no "who has not reported"
grep -q "^    未报：$wrong\$" "$tmp/out" && ok || no "the misspelt roster name is missing"
grep -q "^    不在名单上：$first（可能是：$wrong）\$" "$tmp/out" && ok ||
    no "the name not on the roster, with the close spelling"
run sum --roster="$tmp/roster.txt" --html="$tmp/p3.html" "$C"
grep -q '<ul class="f" id="missing"><li>' "$tmp/p3.html" && ok ||
    no "the page lists who has not reported"

# ---- the reviewer's sheet ------------------------------------------------
run sum --review="$tmp/review.csv" "$C"
[ "$(head -c 3 "$tmp/review.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ] && ok ||
    no "the review sheet is Excel-clean"
# unit A: the first with an R finding; B: another unit's first finding
a=$(grep ',R[1-4],' "$tmp/review.csv" | head -1 | cut -d, -f1)
b=$(grep -v "^$a," "$tmp/review.csv" | sed -n '2p' | cut -d, -f1)
[ -n "$a" ] && [ -n "$b" ] || { no "the review sheet lists findings"; }
na=$(grep -c "^$a," "$tmp/review.csv")
awk -v a="$a" -v b="$b" 'BEGIN { FS = OFS = "," }
    $1 == a && !da { $5 = "已确认"; $7 = "张三"; $8 = "2025-01-10"; da = 1 }
    $1 == b && !db { $5 = "已说明"; $6 = "已电话核实"; $7 = "李四"; db = 1 }
    { print }' "$tmp/review.csv" >"$tmp/r2" && mv "$tmp/r2" "$tmp/review.csv"
# A sends a corrected file: a clean unit's figures under A's name
fa=$(grep -l "^meta.agency,[^,]*,$a" "$C"/*.csv)
clean=$(grep ',完整无误,' "$tmp/units.csv" | tail -1 | cut -d, -f2)
sed "s/^meta.agency,\([^,]*\),.*/meta.agency,\1,$a\r/" "$clean" >"$fa"
run sum --review="$tmp/review.csv" --units="$tmp/u3.csv" --html="$tmp/p4.html" "$C"
grep "^$a," "$tmp/review.csv" | grep -q ',已确认,,张三,2025-01-10,已解决,' && ok ||
    no "A's decision is kept and shown as resolved"
grep "^$a," "$tmp/review.csv" | grep -q ',现存,' &&
    no "A's findings no longer stand" || ok
grep "^$b," "$tmp/review.csv" | grep -q ',已说明,已电话核实,李四,,现存,' && ok ||
    no "B's decision survives the re-run"
if command -v python3 >/dev/null 2>&1; then
	python3 "$TOP_SRCDIR/tests/e2e/desk-page.py" "$tmp/p4.html" "$tmp/u3.csv" \
	    >"$tmp/py" 2>&1 && ok || { no "the page's decisions agree with the table"; cat "$tmp/py"; }
fi
grep -q '<span class="d">已说明</span>' "$tmp/p4.html" && ok ||
    no "the page shows B's decision beside its finding"
resolved=$(awk -F, -v a="$a" '$3 == a { print $(NF - 1) }' "$tmp/u3.csv")
[ "$resolved" = "$na" ] && ok ||
    no "the units table counts A's $na resolved findings (got $resolved)"

# ---- the workbook ---------------------------------------------------------
run sum --xlsx="$tmp/county.xlsx" --units="$tmp/u5.csv" "$C"
if grep -q 'xlsx' "$tmp/err" && [ ! -e "$tmp/county.xlsx" ]; then
	skip "this build has no xlsx (libxlsxwriter)"
elif command -v unzip >/dev/null 2>&1; then
	sheets=$(unzip -p "$tmp/county.xlsx" xl/workbook.xml | grep -o '<sheet name="[^"]*"' |
	    sed 's/<sheet name="//; s/"//' | tr '\n' ' ')
	[ "$sheets" = "汇总 单位 问题清单 " ] && ok || no "the workbook's sheets (got: $sheets)"
	first=$(field "$tmp/u5.csv" 3 1)
	unzip -p "$tmp/county.xlsx" xl/sharedStrings.xml | grep -q "$first" && ok ||
	    no "the workbook names the first unit"
	n=$(head -1 "$tmp/u5.csv" | tr ',' '\n' | grep -n '^公开率(%)=' | cut -d: -f1)
	rate=$(field "$tmp/u5.csv" "$n" 1)
	# A number (sorted as one), the table's rate to its last place.
	num=$(printf '%s\n' "$rate" | sed 's/\(\.[0-9]*[1-9]\)0*$/\1/; s/\.0*$//')
	unzip -p "$tmp/county.xlsx" xl/worksheets/sheet2.xml |
	    grep -q "<c r=\"[A-Z]*2\" s=\"[0-9]*\"><v>$num</v></c>" && ok ||
	    no "the workbook's 公开率 of the first unit is the table's ($rate) as a number"
	unzip -p "$tmp/county.xlsx" xl/sharedStrings.xml | grep -q "<t>$rate</t>" &&
	    no "and not a text ($rate)" || ok
else
	skip "unzip not installed: the workbook is not read back"
fi

# ---- outputs that are not files --------------------------------------------
mkdir "$tmp/folder"
run sum --units="$tmp/folder" --html="$tmp/folder" "$C"
[ $rc -eq 2 ] && [ -d "$tmp/folder" ] && ok || no "a folder named as an output is left alone (rc $rc)"
grep -q "$tmp/folder" "$tmp/err" && ok || no "and said so"

echo "desk: $pass passed, $fail failed"
[ $fail -eq 0 ]
