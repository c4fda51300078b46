#!/bin/sh
# install.sh: `make install DESTDIR=...` as a packager runs it, then the
# installed program, man page, examples, catalogs and bash completion as a
# user meets them; `make uninstall` leaves no file behind.
. "$(dirname "$0")/lib.sh"
: "${GKREPORT:?GKREPORT is not set}" "${TOP_SRCDIR:?TOP_SRCDIR is not set}"
B=$(dirname "$GK")
if [ ! -f "$B/Makefile" ] || ! command -v "${MAKE:-make}" >/dev/null 2>&1; then
	echo "no build tree beside $GK: skipped"; echo "$E2E: 0 passed, 0 failed"; exit 77
fi
T=$D
has() {	# FILE STRING WHAT
	if grep -qF -- "$2" "$1"; then ok; else bad "$3: no '$2' in $1"; sed 's/^/  | /' "$1" | head -20 >&2; fi
}
found() {	# the one installed file whose path ends in $1
	find "$T/root" -path "*$1" -type f | head -1
}
export LC_ALL=C.UTF-8
unset LANGUAGE GKREPORT_LOCALEDIR

R=$T/root
if ${MAKE:-make} -s -C "$B" install DESTDIR="$R" >"$T/install.log" 2>&1; then ok; else
	bad "make install DESTDIR failed"; cat "$T/install.log" >&2
	finish
fi

bin=$(found /bin/gkreport)
man=$(found /man1/gkreport.1)
comp=$(found /bash-completion/completions/gkreport)
ex=$(found /doc/gkreport/examples/hongze-2024.csv)
mo=$(found /locale/en/LC_MESSAGES/gkreport.mo)
for f in bin man comp ex mo; do
	eval "v=\$$f"
	if [ -n "$v" ]; then ok; else bad "make install put no $f under $R"; find "$R" -type f >&2; fi
done
[ -n "$bin" ] && [ -x "$bin" ] && ok || bad "installed binary is not executable"
case $bin in "$R"/*/bin/gkreport) ok ;; *) bad "binary not under DESTDIR: $bin" ;; esac

# The installed program.
"$bin" --version >"$T/out" 2>&1 && ok || bad "--version failed"
has "$T/out" "gkreport " "--version"
has "$T/out" "GPLv3+" "--version licence line"
"$bin" --help >"$T/out" 2>&1 && ok || bad "--help failed"
for c in check export import new sum diff; do
	has "$T/out" "  $c " "--help lists $c"
	"$bin" $c --help >"$T/c" 2>&1 && ok || bad "$c --help failed"
	has "$T/c" "gkreport $c" "$c --help"
	has "$T/c" "--version" "$c --help lists --version"
	"$bin" $c --version >"$T/c" 2>&1 && ok || bad "$c --version failed"
	has "$T/c" "GPLv3+" "$c --version licence line"
	# A bad option: GNU style, two lines on stderr, nothing on stdout, 2.
	"$bin" $c --no-such-option >"$T/o" 2>"$T/e"
	[ $? -eq 2 ] && ok || bad "$c --no-such-option: status not 2"
	[ ! -s "$T/o" ] && ok || bad "$c --no-such-option wrote to stdout"
	if [ "$(sed -n 1p "$T/e")" = "gkreport: 无法识别的选项或缺少参数：--no-such-option" ] &&
	    [ "$(sed -n 2p "$T/e")" = "用 “gkreport $c --help” 查看用法。" ] &&
	    [ "$(wc -l <"$T/e")" -eq 2 ]; then ok; else
		bad "$c --no-such-option: not GNU style: $(cat "$T/e")"; fi
done
# Errors a file causes: gkreport: FILE:LINE: message, for each command
# that reads a report.
printf 'key,label,value\nmeta.format,格式,2021\nmeta.format,格式,2021\n' >"$T/dup.csv"
for cmd in "check" "export -f csv" "new -o $T/new.csv --from" "sum" "diff $ex"; do
	"$bin" $cmd "$T/dup.csv" >/dev/null 2>"$T/e"
	[ $? -eq 2 ] && ok || bad "$cmd on a bad file: status not 2"
	has "$T/e" "gkreport: $T/dup.csv:3: 键 “meta.format” 重复" "$cmd: FILE:LINE error"
done
"$bin" check "$ex" >"$T/out" 2>&1 && ok || bad "check on the installed example failed: $(cat "$T/out")"
"$bin" check "$(dirname "$ex")/lushi-xzsp-2024.csv" >/dev/null 2>&1 && ok || bad "check lushi example"
# English from the installed catalog (the installed binary looks in the
# configured localedir; point it at the one under DESTDIR).
GKREPORT_LOCALEDIR=${mo%/en/LC_MESSAGES/gkreport.mo} LANGUAGE=en "$bin" --help >"$T/out" 2>&1
has "$T/out" "Usage: gkreport" "LANGUAGE=en --help"
GKREPORT_LOCALEDIR=${mo%/en/LC_MESSAGES/gkreport.mo} LANGUAGE=en "$bin" check "$T/none.csv" >"$T/out" 2>&1
[ $? -eq 2 ] && ok || bad "check of a missing file: not 2"
has "$T/out" "gkreport: $T/none.csv: cannot open" "English error, GNU style"

# The man page: renders without warnings, and man -l shows it.
if command -v groff >/dev/null 2>&1; then
	groff -k -man -Tutf8 -ww -z "$man" 2>"$T/warn"
	if [ ! -s "$T/warn" ]; then ok; else bad "groff warnings: $(head -5 "$T/warn")"; fi
fi
if command -v man >/dev/null 2>&1; then
	MANWIDTH=80 MAN_KEEP_FORMATTING= man -l "$man" 2>"$T/warn" | col -b >"$T/man" 2>/dev/null
	for w in NAME SYNOPSIS COMMANDS "EXIT STATUS" ENVIRONMENT EXAMPLES "SEE ALSO" \
	    --prev= --blank-as-zero --strict --encoding --mixed-years --agency --change --force \
	    --read-only --version LANGUAGE NO_COLOR GKREPORT_LOCALEDIR ESCDELAY \
	    F12 F7 F9 Shift-Home "REPORT.csv.journal" ".REPORT.csv.lock" "REPORT.csv~" \
	    "NAME-恢复.csv" "Recovery and the lock" "gkreport: FILE:LINE: message"; do
		has "$T/man" "$w" "man -l"
	done
fi

# Bash completion: subcommands, options, option values, report files.
if command -v bash >/dev/null 2>&1; then
	mkdir "$T/w" && : >"$T/w/2024.csv" && : >"$T/w/notes.txt"
	comp_t() {	# EXPECTED WORDS...: complete the last word
		want=$1; shift
		got=$(cd "$T/w" && PATH="${bin%/*}:$PATH" bash -c '. "$1"; shift; COMP_WORDS=("$@");
		    COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE};
		    _gkreport gkreport "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}";
		    printf "%s\n" "${COMPREPLY[@]}" | sort | tr "\n" " "' _ "$comp" "$@" 2>&1)
		if [ "$got" = "$want" ]; then ok; else bad "complete '$*': got '$got', wanted '$want'"; fi
	}
	comp_t "check " gkreport ch
	comp_t "diff " gkreport d
	comp_t "--blank-as-zero " gkreport check --bl
	comp_t "--mixed-years " gkreport sum --mi
	comp_t "--strict " gkreport export --st
	comp_t "gb18030 " gkreport export -e g
	# The formats are the program's own (export --list-formats).
	comp_t "$("$bin" export --list-formats | sort | tr '\n' ' ')" gkreport export --format ""
	comp_t "csv " gkreport export --format c
	comp_t "2024.csv " gkreport check ""
	comp_t "notes.txt " gkreport import ""
	comp_t "new notes.txt " gkreport n
	comp_t "2024.csv " gkreport 20
	comp_t "--change " gkreport diff --ch
	comp_t "export " gkreport ex
	comp_t "csv text " gkreport check --format=
	comp_t "--version " gkreport sum --vers
	comp_t "--force --from= " gkreport new --f
	comp_t "--read-only " gkreport --re
fi

# make uninstall leaves only folders.
if ${MAKE:-make} -s -C "$B" uninstall DESTDIR="$R" >"$T/un.log" 2>&1; then ok; else
	bad "make uninstall failed"; cat "$T/un.log" >&2; fi
left=$(find "$R" -type f | head -5)
[ -z "$left" ] && ok || bad "left after uninstall: $left"

finish
