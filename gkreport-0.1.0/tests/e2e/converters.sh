#!/bin/sh
# converters.sh: every figure survives the HTML export, a real converter
# (w3m, lynx, pandoc, html2text at widths 60/80/120, a browser's copy, a
# pdftotext -layout rendering) and gkreport import (issue 15). The work is
# tests/import/roundtrip.py; this runs it with the program under test.
. "$(dirname "$0")/lib.sh"
export LC_ALL=C.UTF-8
if ! command -v python3 >/dev/null 2>&1; then
	echo "converters: python3 is not installed; skipped"
	exit 77
fi
PYTHONDONTWRITEBYTECODE=1 python3 "$TOP/tests/import/roundtrip.py" "$GK" "$TOP" "$D/work" 2024
if [ $? -eq 0 ]; then ok; else bad "a converter lost or changed figures (above)"; fi
finish
