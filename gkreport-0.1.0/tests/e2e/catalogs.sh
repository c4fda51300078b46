#!/bin/sh
# catalogs.sh: the translations cover the program. Every source file with
# _() or N_() is in po/POTFILES.in; po/gkreport.pot holds exactly the
# messages of the sources as they are now (xgettext run here, in a
# temporary folder); po/en.po translates every one of them (no untranslated
# or fuzzy entry, printf conversions matching); po/zh_CN.po is complete and
# gives the program's own Chinese.
. "$(dirname "$0")/lib.sh"
for p in xgettext msgfmt msgcmp; do
	command -v $p >/dev/null 2>&1 || { echo "SKIP: $p not installed"; echo "$E2E: 0 passed, 0 failed"; exit 77; }
done
T=$D
export LC_ALL=C.UTF-8
show() { sed 's/^/  | /' "$1" | head -30; }

# POTFILES.in lists every file with translatable strings, and only files
# that exist.
grep -v '^#' "$TOP/po/POTFILES.in" | grep -v '^ *$' | sort >"$T/listed"
(cd "$TOP" && grep -l -E '\<N?_\("' app/*.c model/*.c widgets/*.c) | sort >"$T/marked"
comm -13 "$T/listed" "$T/marked" >"$T/missing"
if [ ! -s "$T/missing" ]; then ok; else
	bad "files with _() or N_() missing from po/POTFILES.in:"; show "$T/missing"
fi
while read -r f; do
	[ -f "$TOP/$f" ] && ok || bad "po/POTFILES.in lists $f, which does not exist"
done <"$T/listed"

# The template is up to date with the sources (same options as po/Makevars).
(cd "$TOP" && xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ \
    --add-comments=TRANSLATORS: -o "$T/now.pot" -f po/POTFILES.in) 2>"$T/err"
if [ -s "$T/now.pot" ]; then ok; else bad "xgettext failed"; show "$T/err"; fi
if msgcmp --use-untranslated "$TOP/po/gkreport.pot" "$T/now.pot" >"$T/err" 2>&1 &&
    msgcmp --use-untranslated "$T/now.pot" "$TOP/po/gkreport.pot" >>"$T/err" 2>&1; then ok; else
	bad "po/gkreport.pot is out of date with the sources (make update-po):"; show "$T/err"
fi

# English: every message of the sources translated, none fuzzy.
if msgcmp "$TOP/po/en.po" "$T/now.pot" >"$T/err" 2>&1; then ok; else
	bad "po/en.po does not translate every message of the sources:"; show "$T/err"
fi
msgfmt -c --statistics -o "$T/en.mo" "$TOP/po/en.po" >"$T/stat" 2>&1
if grep -q -E 'fuzzy|untranslated|error|warning' "$T/stat"; then
	bad "msgfmt -c on po/en.po:"; show "$T/stat"
else ok; fi
# Chinese: the identity catalog is complete too.
if msgcmp --use-untranslated "$TOP/po/zh_CN.po" "$T/now.pot" >"$T/err" 2>&1; then ok; else
	bad "po/zh_CN.po lacks messages of the sources:"; show "$T/err"
fi
msgfmt -c -o "$T/zh.mo" "$TOP/po/zh_CN.po" >"$T/stat" 2>&1 && [ ! -s "$T/stat" ] && ok ||
	{ bad "msgfmt -c on po/zh_CN.po:"; show "$T/stat"; }

# The catalogs at work: --help in English from en.po, the same Chinese
# under zh_CN as with no catalog at all.
if [ -x "$GK" ]; then
	mkdir -p "$T/loc/en/LC_MESSAGES" "$T/loc/zh_CN/LC_MESSAGES"
	cp "$T/en.mo" "$T/loc/en/LC_MESSAGES/gkreport.mo"
	cp "$T/zh.mo" "$T/loc/zh_CN/LC_MESSAGES/gkreport.mo"
	GKREPORT_LOCALEDIR=$T/loc LANGUAGE=en "$GK" --help >"$T/en" 2>&1
	if grep -q '^Usage: gkreport' "$T/en"; then ok; else bad "LANGUAGE=en --help:"; show "$T/en"; fi
	GKREPORT_LOCALEDIR=$T/loc LANGUAGE=zh_CN "$GK" --help >"$T/zh" 2>&1
	GKREPORT_LOCALEDIR=$T/none LANGUAGE= "$GK" --help >"$T/c" 2>&1
	if cmp -s "$T/zh" "$T/c" && grep -q '^用法：gkreport' "$T/c"; then ok; else
		bad "LANGUAGE=zh_CN --help differs from the built-in Chinese"; diff "$T/c" "$T/zh" | head
	fi
fi

finish
