#!/bin/sh
# export.sh: `gkreport export` and `gkreport new` as a clerk runs them:
# exit statuses, refusals, what lands in the files (the real binary, no
# terminal needed).
. "$(dirname "$0")/lib.sh"
: "${GKREPORT:?GKREPORT is not set}" "${TOP_SRCDIR:?TOP_SRCDIR is not set}"
DATA=$TOP/tests/data/export
T=$D

# expect STATUS DESCRIPTION CMD...: run CMD (stdout to $T/out, stderr to
# $T/err) and compare its exit status.
expect() {
	want=$1 what=$2
	shift 2
	"$@" >"$T/out" 2>"$T/err"
	got=$?
	if [ "$got" -eq "$want" ]; then ok; else
		bad "$what: exit $got, wanted $want"; cat "$T/err" >&2; fi
}
contains() {	# FILE STRING DESCRIPTION
	if grep -qF -- "$2" "$1"; then ok; else bad "$3: no '$2' in $1"; fi
}
lacks() {
	if grep -qF -- "$2" "$1"; then bad "$3: '$2' in $1"; else ok; fi
}

export LC_ALL=C.UTF-8

# --help
expect 0 "export --help" "$GK" export --help
contains "$T/out" "--strict" "export --help"
expect 0 "new --help" "$GK" new --help
contains "$T/out" "--from" "new --help"

# The formats come from one table: --list-formats, --help's list of
# formats and the man page name the same ones; -f takes each of them.
expect 0 "export --list-formats" "$GK" export --list-formats
cp "$T/out" "$T/formats"
[ "$(wc -l <"$T/formats")" -ge 3 ] && ok || bad "--list-formats: $(cat "$T/formats")"
"$GK" export --help >"$T/help" 2>&1
sed -n '/^\.SS "gkreport export/,/^\.SS "gkreport [a-df-z]/p' "$TOP/doc/gkreport.1" >"$T/man"
for f in $(cat "$T/formats"); do
	grep -q "^  $f  *\.[a-z]" "$T/help" && ok || bad "--help does not list format $f"
	grep -q "^\.B $f\$" "$T/man" && ok ||
	    bad "man page: no '.B $f' line for format $f"
done

# A complete, clean report: every format, stdout and -o.
cp "$DATA/hongze-2024.csv" "$T/hz.csv"
expect 0 "export csv" "$GK" export --format=csv -o "$T/hz-out.csv" "$T/hz.csv"
if [ "$(head -c 3 "$T/hz-out.csv" | od -An -tx1 | tr -d ' \n')" = efbbbf ]; then
	ok; else bad "csv export has no BOM"; fi
if [ "$(tr -d '\r' <"$T/hz-out.csv" | wc -c)" -lt "$(wc -c <"$T/hz-out.csv")" ] &&
    ! tr -d '\r' <"$T/hz-out.csv" | cmp -s - "$T/hz-out.csv"; then ok; else
	bad "csv export has no CRLF"; fi
contains "$T/hz-out.csv" "行政许可,9487,," "csv figures"
[ -s "$T/err" ] && bad "clean report: stderr not empty: $(cat "$T/err")" || ok
expect 0 "export --strict of a clean report" "$GK" export --strict -f text "$T/hz.csv"
contains "$T/out" "淮安市洪泽区人民政府2024年政府信息公开工作年度报告" "text title"
contains "$T/out" "三、本年度办理结果	（一）予以公开		50	0	0	0	0	0	50" "text t3"
expect 0 "export -o NAME.html guesses html" "$GK" export -o "$T/hz.html" "$T/hz.csv"
contains "$T/hz.html" "<!DOCTYPE html>" "html by suffix"
if command -v xmllint >/dev/null 2>&1; then
	if xmllint --html --noout "$T/hz.html" 2>"$T/lint" && [ ! -s "$T/lint" ]; then
		ok; else bad "xmllint --html: $(head -3 "$T/lint")"; fi
fi

# GB18030 is the UTF-8 export converted, without the BOM.
expect 0 "export gb18030" "$GK" export -f csv -e gb18030 -o "$T/hz-gb.csv" "$T/hz.csv"
tail -c +4 "$T/hz-out.csv" >"$T/hz-nobom.csv"
if iconv -f GB18030 -t UTF-8 "$T/hz-gb.csv" | cmp -s - "$T/hz-nobom.csv"; then
	ok; else bad "gb18030 export does not convert back"; fi

# The workbook: by its suffix, a zip file that unzip tests whole; in a
# build without libxlsxwriter, a refusal that says so. (Its contents:
# tests/test_xlsx.c and tests/e2e/calc.sh.)
if "$GK" export --list-formats | grep -qx xlsx; then
	expect 0 "export -o NAME.xlsx guesses xlsx" "$GK" export -o "$T/hz.xlsx" "$T/hz.csv"
	[ "$(head -c 2 "$T/hz.xlsx")" = PK ] && ok || bad "xlsx is not a zip file"
	if command -v unzip >/dev/null 2>&1; then
		unzip -tq "$T/hz.xlsx" >/dev/null 2>&1 && ok || bad "unzip -t hz.xlsx"
	fi
	expect 2 "xlsx in gb18030" "$GK" export -f xlsx -e gb18030 "$T/hz.csv"
	# To a pipe (not a terminal) the bytes go to stdout.
	"$GK" export -f xlsx "$T/hz.csv" 2>/dev/null | head -c 2 >"$T/pk"
	[ "$(cat "$T/pk")" = PK ] && ok || bad "xlsx to a pipe"
else
	expect 2 "xlsx without libxlsxwriter" "$GK" export -f xlsx -o "$T/hz.xlsx" "$T/hz.csv"
	contains "$T/err" "没有 xlsx 导出" "the build has no xlsx"
	[ ! -e "$T/hz.xlsx" ] && ok || bad "a file was written without xlsx"
fi

# Usage errors and refusals.
expect 2 "no format" "$GK" export "$T/hz.csv"
expect 2 "bad format" "$GK" export -f pdf "$T/hz.csv"
expect 2 "html in gb18030" "$GK" export -f html -e gb18030 "$T/hz.csv"
expect 2 "export over its own report" "$GK" export -f csv -o "$T/hz.csv" "$T/hz.csv"
cmp -s "$T/hz.csv" "$DATA/hongze-2024.csv" && ok || bad "report was overwritten"
expect 2 "missing report" "$GK" export -f csv "$T/nonexistent.csv"
contains "$T/err" "nonexistent.csv" "missing report named"

# Typed text that a spreadsheet would run, and a note, from a file.
sed -e 's/^meta.agency,报告单位,.*/meta.agency,报告单位,"=HYPERLINK(""http:\/\/x"")"/' \
    -e 's/^t3.new.biz,\(.*\),0/t3.new.biz,\1,@SUM(1)/' \
    "$T/hz.csv" >"$T/evil.csv"
printf 'note.X2.rules,说明/X2/规章,－本年另有3件规章因上位法修改自然失效\r\n' >>"$T/evil.csv"
expect 0 "export with errors still works" "$GK" export -f csv "$T/evil.csv"
contains "$T/err" "处错误" "says it has errors"
contains "$T/out" "'=HYPERLINK" "agency neutralised"
contains "$T/out" "'@SUM(1)" "invalid cell neutralised"
contains "$T/out" "说明/X2/规章,'－本年另有3件规章" "note exported, neutralised"
expect 1 "--strict refuses errors" "$GK" export --strict -f csv "$T/evil.csv"
[ -s "$T/out" ] && bad "--strict wrote output" || ok

# A new year from last year's file.
expect 0 "new" "$GK" new --from "$T/evil.csv" -o "$T/2025.csv"
contains "$T/2025.csv" "meta.year" "new file written"
grep -q '^meta.year,.*2025' "$T/2025.csv" && ok || bad "year not 2025"
grep -q '^meta.period_start,.*2025-01-01' "$T/2025.csv" && ok || bad "period start"
grep -q '^prev.t2.normative.in_force,.*8' "$T/2025.csv" && ok || bad "prev in_force"
lacks "$T/2025.csv" "note.X2.rules" "notes dropped"
expect 2 "new refuses to overwrite" "$GK" new --from "$T/hz.csv" -o "$T/2025.csv"
contains "$T/err" "--force" "says how to overwrite"
expect 0 "new --force" "$GK" new --force --from "$T/hz.csv" -o "$T/2025.csv"
expect 2 "new over last year" "$GK" new --force --from "$T/hz.csv" -o "$T/hz.csv"
expect 2 "new from a missing file" "$GK" new --from "$T/nope.csv" -o "$T/x.csv"
contains "$T/err" "nope.csv" "missing last year named"
[ -e "$T/x.csv" ] && bad "new wrote a file from nothing" || ok
expect 2 "new without --from" "$GK" new -o "$T/y.csv"
# Without -o, the name F9 gives: the year in the name goes up by one, or
# -YEAR is added; an existing one is not overwritten.
mkdir "$T/2024"
cp "$T/hz.csv" "$T/2024/hongze-2024.csv"
expect 0 "new without -o" "$GK" new --from "$T/2024/hongze-2024.csv"
grep -q '^meta.year,.*2025' "$T/2024/hongze-2025.csv" && ok ||
    bad "new without -o: no 2024/hongze-2025.csv (the folder's 2024 kept)"
contains "$T/out" "hongze-2025.csv" "new without -o says the name"
expect 2 "new without -o, the name taken" "$GK" new --from "$T/2024/hongze-2024.csv"
contains "$T/err" "--force" "says how to overwrite"
cp "$T/hz.csv" "$T/report.csv"
expect 0 "new without -o, no year in the name" "$GK" new --from "$T/report.csv"
[ -s "$T/report-2025.csv" ] && ok || bad "new without -o: no report-2025.csv"
sed '/^meta.year,/d' "$T/hz.csv" >"$T/noyear-2024.csv"
expect 2 "new without -o from a report without a year" "$GK" new --from "$T/noyear-2024.csv"
contains "$T/err" "-o" "asks for -o"

# The new year is incomplete: export warns, --strict refuses.
expect 0 "export of an incomplete report" "$GK" export -f html "$T/2025.csv"
contains "$T/err" "处未填" "says cells are empty"
expect 1 "--strict refuses empty cells" "$GK" export --strict -f html "$T/2025.csv"

finish
