#!/bin/sh
# pictures.sh: make the README's pictures of the exports again, from the
# real program and the 洪泽区 example:
#   doc/xlsx-table3.png  table 三 of the workbook (export -f xlsx) as
#                        LibreOffice Calc prints it (soffice, pdftoppm)
#   doc/tujie.png        the 图解 (export -f svg) drawn by rsvg-convert
# Usage: sh doc/pictures.sh [GKREPORT] [REPORT.csv]
set -eu
GK=${1:-./gkreport}
REPORT=${2:-examples/hongze-2024.csv}
DOC=$(dirname "$0")
T=$(mktemp -d "${TMPDIR:-/tmp}/gk-pictures.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM

cp "$REPORT" "$T/report.csv"
if "$GK" export --list-formats | grep -qx xlsx; then
	"$GK" export -o "$T/report.xlsx" "$T/report.csv"
	soffice -env:UserInstallation="file://$T/profile" --headless \
	    --convert-to pdf --outdir "$T" "$T/report.xlsx" >/dev/null
	# The second sheet, 表三, is the second page (one page per table).
	pdftoppm -f 2 -l 2 -r 100 -x 60 -y 70 -W 1050 -H 600 -png \
	    "$T/report.pdf" "$T/t3"
	cp "$T"/t3*.png "$DOC/xlsx-table3.png"
fi
if "$GK" export --list-formats | grep -qx svg; then
	"$GK" export -o "$T/report.svg" "$T/report.csv"
	rsvg-convert -w 750 -o "$DOC/tujie.png" "$T/report.svg"
fi
