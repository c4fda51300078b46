#!/bin/sh
# calc.sh: the workbook (export -f xlsx) opened by a real spreadsheet
# program: LibreOffice Calc, headless, converts every sheet to CSV, and
# each table must read exactly as gkreport's own spreadsheet CSV prints it
# (labels, merged cells in their first position, every figure), for the
# two examples and a report of 15-digit figures; and sum's workbook of a
# county, as its units table prints it. Skipped (exit 77) when
# LibreOffice is not installed or the build has no xlsx export; .ci/run
# installs libreoffice-calc-nogui.
. "$(dirname "$0")/lib.sh"

SOFFICE=$(command -v soffice || command -v libreoffice || true)
if [ -z "$SOFFICE" ]; then
	echo "calc: LibreOffice (soffice) is not installed: skipped"
	exit 77
fi
if ! "$GK" export --list-formats | grep -qx xlsx; then
	echo "calc: this build has no xlsx export: skipped"
	exit 77
fi
export LC_ALL=C.UTF-8

# A report whose figures all have 15 digits, the amount 11 digits and 4
# decimals (what a double can hold exactly, and the longest there is).
awk -F, 'BEGIN { OFS = "," }
    /^t[234]\./ && $1 != "t2.fees.amount" { $NF = "9876543210" sprintf("%05d", NR) }
    $1 == "t2.fees.amount" { $NF = "12345678901.2345" }
    { print }' "$TOP/examples/hongze-2024.csv" >"$D/large.csv"
cp "$TOP/examples/hongze-2024.csv" "$D/hongze.csv"
cp "$TOP/examples/lushi-xzsp-2024.csv" "$D/lushi.csv"

# to_csv OUTDIR BOOK.xlsx AS_SHOWN: LibreOffice writes every sheet to its
# own CSV (the last token, -1), UTF-8 (76), the figures as shown (the 9th
# token true) or as values (false); its messages in $D/lo.log.
to_csv() {
	"$SOFFICE" -env:UserInstallation="file://$D/profile" --headless \
	    --convert-to "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,$3,false,false,-1" \
	    --outdir "$1" "$2" >"$D/lo.log" 2>&1
}

# Numbers as a reader compares them: "7545.00" and "7545" are one value.
norm() {
	tr -d '\r' | sed -e '1s/^\xef\xbb\xbf//' \
	    -e 's/\(^\|,\)\([0-9][0-9]*\)\.\([0-9]*[1-9]\)0*\(,\|$\)/\1\2.\3\4/g' \
	    -e 's/\(^\|,\)\([0-9][0-9]*\)\.0*\(,\|$\)/\1\2\3/g'
}

for name in hongze lushi large; do
	"$GK" export -o "$D/$name.xlsx" "$D/$name.csv" 2>/dev/null ||
	    bad "$name: export -o $name.xlsx failed"
	"$GK" export -f csv "$D/$name.csv" 2>/dev/null | norm >"$D/$name-gk.csv"
	mkdir -p "$D/out-$name"
	if to_csv "$D/out-$name" "$D/$name.xlsx" false; then
		ok; else bad "$name: LibreOffice could not convert: $(cat "$D/lo.log")"; fi
	for sheet in 表二 表三 表四 封面与正文; do
		[ -s "$D/out-$name/$name-$sheet.csv" ] && ok ||
		    bad "$name: no sheet $sheet read by LibreOffice"
	done
	# Each table: the sheet below its title (line 1) is the block that
	# gkreport's CSV prints below the section's heading.
	for t in 表二:二、主动公开政府信息情况 表三:三、收到和处理政府信息公开申请情况 \
	    表四:四、政府信息公开行政复议、行政诉讼情况; do
		sheet=${t%%:*} heading=${t#*:}
		norm <"$D/out-$name/$name-$sheet.csv" | sed 1d |
		    sed -e 's/,*$//' >"$D/calc"
		awk -v h="$heading" '$0 == h { on = 1 } on && $0 == "" { exit } on' \
		    "$D/$name-gk.csv" | sed -e 's/,*$//' >"$D/want"
		if [ -s "$D/want" ] && cmp -s "$D/calc" "$D/want"; then ok; else
			bad "$name: $sheet as LibreOffice reads it differs from the CSV export:"
			diff "$D/want" "$D/calc" | head -10 >&2
		fi
	done
	# The particulars: the agency and the texts' first lines.
	agency=$(grep '^meta.agency,' "$D/$name.csv" | cut -d, -f3 | tr -d '\r')
	grep -q "^报告单位,$agency\$" "$D/out-$name/$name-封面与正文.csv" && ok ||
	    bad "$name: agency not in 封面与正文"
done

# The figures themselves, a few by hand: hongze's 行政许可 and its fee,
# the large report's first and last figure of table 三.
grep -q '^行政许可,9487' "$D/out-hongze/hongze-表二.csv" && ok || bad "hongze 行政许可"
grep -q '^行政事业性收费,7545' "$D/out-hongze/hongze-表二.csv" && ok || bad "hongze fee"
grep -q '^行政事业性收费,12345678901.2345' "$D/out-large/large-表二.csv" && ok ||
    bad "large fee not exact"
grep -q "^一、本年新收政府信息公开申请数量,,,$(grep '^t3.new.natural,' "$D/large.csv" | cut -d, -f3 | tr -d '\r')," \
    "$D/out-large/large-表三.csv" && ok || bad "large t3.new.natural not exact"
# sum's workbook for a county: its 单位 sheet as LibreOffice shows it is
# the units table, every figure, rate and amount; read as values, a rate
# shown 0.00 is the number 0 (as text it would stay "0.00"), so that a
# reviewer can sort the units by it.
"$GK" sum --xlsx="$D/county.xlsx" --units="$D/units.csv" \
    "$TOP/tests/data/sum/county" >/dev/null 2>&1
[ -s "$D/county.xlsx" ] && ok || bad "sum --xlsx wrote no workbook"
for how in shown:true values:false; do
	to_csv "$D/sum-${how%%:*}" "$D/county.xlsx" "${how#*:}" ||
	    bad "sum: LibreOffice could not convert: $(cat "$D/lo.log")"
done
tr -d '\r' <"$D/units.csv" | sed '1s/^\xef\xbb\xbf//' >"$D/units-want.csv"
tr -d '\r' <"$D/sum-shown/county-单位.csv" >"$D/units-calc.csv"
if cmp -s "$D/units-want.csv" "$D/units-calc.csv"; then ok; else
	bad "sum: 单位 as LibreOffice shows it differs from the units table:"
	diff "$D/units-want.csv" "$D/units-calc.csv" | head -6 >&2
fi
n=$(head -1 "$D/units-want.csv" | tr ',' '\n' | grep -n '^复议纠错率(%)=' | cut -d: -f1)
shown=$(sed -n 2p "$D/units-calc.csv" | cut -d, -f"$n")
value=$(tr -d '\r' <"$D/sum-values/county-单位.csv" | sed -n 2p | cut -d, -f"$n")
[ "$shown" = "0.00" ] && [ "$value" = "0" ] && ok ||
    bad "sum: the first unit's 复议纠错率 is no number (shown '$shown', value '$value')"
finish
