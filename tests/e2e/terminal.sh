#!/bin/sh
# terminal.sh: nothing from a file drives the reviewer's terminal. Every
# command (check, check --format=csv, diff, diff -c, diff --format=csv, sum
# text and csv, sum -o, import, new, export of each format, and their
# refusals) runs under script(1) (util-linux) on reports whose agency,
# texts, notes, unknown keys and values, and whose file names, carry ESC
# [2J, an OSC 0 title, OSC 52 (ESC ]52;c;… BEL: writes the clipboard), C1
# U+009B and a raw 0x9B byte, and the bidi override U+202E. The raw
# terminal output (the typescript) must hold none of those bytes: no ESC,
# no BEL, no C1 (UTF-8 C2 80..9F or a lone byte 80..FF), no bidi control;
# what they were is shown visibly instead (^[, \u009b, \u202e, \x9b).
# The application (in tmux, its raw output piped out) goes through every
# screen of such a report: no OSC, BEL, C1 or bidi control from the file
# reaches the terminal either.
. "$(dirname "$0")/lib.sh"
: "${GKREPORT:?GKREPORT is not set}" "${TOP_SRCDIR:?TOP_SRCDIR is not set}"
command -v script >/dev/null 2>&1 || { echo "SKIP: script(1) not installed"; exit 77; }
command -v perl >/dev/null 2>&1 || { echo "SKIP: perl not installed"; exit 77; }
export LC_ALL=C.UTF-8 TERM=xterm
unset LANGUAGE
cd "$D" || exit 99

ESC=$(printf '\033')
BEL=$(printf '\007')
C1=$(printf '\302\233')		# U+009B, CSI in one character
RLO=$(printf '\342\200\256')	# U+202E RIGHT-TO-LEFT OVERRIDE
RAW=$(printf '\233')		# 0x9B alone: not UTF-8 (in file names)
EVIL="${ESC}]0;pwned${BEL}${ESC}[2J${ESC}]52;c;ZXZpbA==${BEL}${C1}31m${RLO}"

# A report whose every kind of content carries EVIL.
sed -e "s|^meta.agency,\\([^,]*\\),.*|meta.agency,\\1,甲局${EVIL}乙|" \
    -e "s|^t3.new.natural,\\([^,]*\\),.*|t3.new.natural,\\1,5${EVIL}|" \
    -e "s|^text.s5,\\([^,]*\\),\"|text.s5,\\1,\"${EVIL}|" \
    "$TOP/examples/hongze-2024.csv" >base.csv
printf 'note.t3.new.natural,说明,备注%s\r\nzzz%s,标签%s,值%s\r\n' \
    "$EVIL" "$EVIL" "$EVIL" "$EVIL" >>base.csv
# File names that carry it too.
n1="r${ESC}]0;title${BEL}.csv"
n2="r${C1}${RLO}.csv"
n3="r${RAW}x.csv"
cp base.csv "$n1"
cp base.csv "$n2"
cp base.csv "$n3"
cp "$TOP/examples/hongze-2024.csv" clean.csv
# A published text carrying it, for import.
sed "1s|^|${EVIL}|; 5s|\$|${EVIL}|" "$TOP/tests/data/import/hongze-2024.txt" \
    >"t${ESC}[2J.txt"
mkdir "folder${RLO}"
cp base.csv "folder${RLO}/a${ESC}[31m.csv"
# A refused file: a bad header, quoted back.
printf 'key,label,value\r\nmeta.format,格式,2019%s\r\n' "$EVIL" >"bad${ESC}.csv"

# clean FILE WHAT: the typescript holds no terminal control from a file.
clean() {
	if perl -0777 -ne '
		s/\e\[\?1034h//g;	# script(1)/readline noise, not ours
		my @bad;
		push @bad, "ESC" if /\e/;
		push @bad, "BEL" if /\a/;
		push @bad, "C1 U+0080..9F" if /\xc2[\x80-\x9f]/;
		push @bad, "bidi" if /\xe2\x80[\x8e\x8f\xaa-\xae]|\xe2\x81[\xa6-\xa9]|\xd8\x9c/;
		s/[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}//g;
		push @bad, "a byte that is not UTF-8" if /[\x80-\xff]/;
		if (@bad) { print join(", ", @bad), "\n"; exit 1 }' "$1" >"$D/why"; then
		ok
	else
		bad "$2: $(cat "$D/why") reached the terminal"
		perl -0777 -pe 's/([^\x20-\x7e\n\x80-\xff])/sprintf("<%02x>",ord($1))/ge' "$1" |
		    head -c 1500 >&2
		echo >&2
	fi
}
# shown FILE TEXT WHAT: and what was there is shown visibly.
shown() {
	if grep -qF -- "$2" "$1"; then ok; else
		bad "$3: '$2' not shown"; head -c 1500 "$1" >&2; echo >&2; fi
}

# term WHAT CMD...: run CMD in a terminal; the typescript in $D/ts.
nterm=0
term() {
	what=$1
	shift
	nterm=$((nterm + 1))
	# The command line goes through a file: script -c takes a string.
	: >"$D/cmd.$nterm"
	for a in "$@"; do printf "'%s' " "$(printf '%s' "$a" | sed "s/'/'\\\\''/g")" >>"$D/cmd.$nterm"; done
	timeout -k 5 60 script -q -e -c "sh $D/cmd.$nterm" "$D/ts" </dev/null >/dev/null 2>&1
	clean "$D/ts" "$what"
}

term "check" "$GK" check base.csv "$n1" "$n2" "$n3"
shown "$D/ts" 'r^[]0;title^G.csv' "check: a file name"
shown "$D/ts" 'r\u009b\u202e.csv' "check: a file name with C1 and bidi"
shown "$D/ts" 'r\x9bx.csv' "check: a file name not UTF-8"
term "check --format=csv" "$GK" check --format=csv base.csv "$n1" "$n2" "$n3"
term "check --prev" "$GK" check --prev "$n1" "$n2"
term "check of a refused file" "$GK" check "bad${ESC}.csv"
shown "$D/ts" 'bad^[.csv' "refused: its name"
term "diff" "$GK" diff clean.csv "$n1"
shown "$D/ts" '甲局^[]0;pwned^G^[[2J^[]52;c;ZXZpbA==^G\u009b31m\u202e乙' "diff: the agency"
term "diff --format=csv" "$GK" diff --format=csv clean.csv "$n2"
term "diff -c" "$GK" diff -c clean.csv "$n3"
term "diff -c --format=csv" "$GK" diff -c --format=csv "$n1" clean.csv
term "sum" "$GK" sum base.csv "$n1" "$n2" "$n3" "folder${RLO}"
term "sum --format=csv" "$GK" sum --format=csv base.csv "$n1" "folder${RLO}"
term "sum -o" "$GK" sum -o "out${ESC}.csv" -a "汇总${ESC}[2J" base.csv "$n2"
term "import" "$GK" import -o "imp${RLO}.csv" "t${ESC}[2J.txt"
shown "$D/ts" 'imp\u202e.csv' "import: the output's name"
term "import again (refused: exists)" "$GK" import -o "imp${RLO}.csv" "t${ESC}[2J.txt"
term "new" "$GK" new --from "$n1" -o "new${C1}.csv"
term "export text" "$GK" export -f text "$n1"
term "export csv" "$GK" export -f csv "$n2"
term "export html" "$GK" export -f html "$n3"
term "export -o" "$GK" export -o "x${ESC}.html" "$n1"
term "export refused" "$GK" export -f text "missing${ESC}[2J.csv"
term "export onto a report (refused)" "$GK" export -f csv -o "$n2" "$n1"
term "help" "$GK" --help

# Exports written to files drop them too (HTML: bidi as references).
"$GK" export -f text -o e.txt "$n1" 2>/dev/null
"$GK" export -f csv -o e.csv "$n1" 2>/dev/null
"$GK" export -f html -o e.html "$n1" 2>/dev/null
for f in e.txt e.csv e.html; do clean "$f" "export file $f"; done
shown e.html '&#x202E;' "export html: the bidi override as a reference"
shown e.txt '甲局]0;pwned[2J]52;c;ZXZpbA==31m乙' "export text: controls dropped"

# The application: its own output is terminal control, so what is looked
# for is what only a file could have put there: OSC (ESC ]), BEL, C1, bidi.
TMUX_BIN=${TMUX_BIN:-$(command -v tmux || true)}
if [ -n "$TMUX_BIN" ]; then
	new_session 100 30 -c "$D" sh
	tmx pipe-pane -o -t "e2e:$W" "cat >>'$D/app.raw'"
	printf '%s' "$n1" >"$D/name"
	keys "\"$GK\" \"\$(cat '$D/name')\"; echo __EXIT__" Enter
	wait_for "检查" 100
	# Every screen: the cover, the texts, the tables, the checks.
	for k in Tab Tab Tab Tab Tab Tab Tab F8; do
		keys $k
		sleep 0.2
	done
	keys C-q
	wait_for "__EXIT__" 50
	tmx kill-server
	if perl -0777 -ne '
		my @bad;
		push @bad, "OSC" if /\e\]/;
		push @bad, "BEL" if /\a/;
		push @bad, "C1" if /\xc2[\x80-\x9f]/;
		push @bad, "bidi" if /\xe2\x80[\x8e\x8f\xaa-\xae]|\xe2\x81[\xa6-\xa9]|\xd8\x9c/;
		if (@bad) { print join(", ", @bad), "\n"; exit 1 }' "$D/app.raw" >"$D/why"; then
		ok
	else
		bad "the application: $(cat "$D/why") reached the terminal"
	fi
	shown "$D/app.raw" '\u202e' "the application: the agency's bidi override"
fi

finish
