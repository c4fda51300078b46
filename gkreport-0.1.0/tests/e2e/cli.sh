#!/bin/sh
# cli.sh: the commands' table (app/cli.h) against what is written about
# it elsewhere, so that they cannot drift apart: for gkreport and each
# command that `gkreport --help` lists, the options that `--help` prints
# (from the table) are exactly those of the man page's SYNOPSIS, each is
# described in the man page's section on the command, the English synopsis
# line of --help is that section's heading, and the bash completion offers
# the same commands and options. Every option parses (a bad one gets the
# GNU-style two lines and status 2).
. "$(dirname "$0")/lib.sh"
MAN=$TOP/doc/gkreport.1
COMP=$TOP/completion/gkreport.bash
LOC=${GKREPORT_LOCALEDIR:-$(dirname "$GK")/locale}
export LC_ALL=C.UTF-8
unset LANGUAGE

# The options of an --help text: "-x --name" or "--name", one a line.
help_options() {
	sed -n 's/^  \(-[A-Za-z]\), \(--[a-z-]*\).*/\1 \2/p; s/^      \(--[a-z-]*\).*/\1/p' "$1"
}
# The option words of the man page's SYNOPSIS lines for a command ("" for
# gkreport itself), one a line, sorted.
man_synopsis() {
	sed -n '/^\.SH SYNOPSIS/,/^\.SH/p' "$MAN" | sed 's/\\-/-/g' |
	    awk -v cmd="$1" '
		/^\.br/ { want = 0; next }
		/^\.B gkreport/ { want = ($3 == cmd); if (cmd == "" && NF == 2) want = 1 }
		want { for (i = 1; i <= NF; i++) if ($i ~ /^--?[A-Za-z]/) {
			w = $i; sub(/[=\\].*/, "", w); print w } }' | sort -u
}
# The man page's section on a command: from its .SS heading to the next.
man_section() {
	sed 's/\\-/-/g' "$MAN" | awk -v h="gkreport $1 " '
		/^\.S[SH]/ { want = (index($0, ".SS \"" h) == 1) }
		want'
}
# The options the completion offers for a command ('' for gkreport).
comp_options() {
	sed -n "s/^	$1)	*opts='\\([^']*\\)'.*/\\1/p" "$COMP" | tr ' ' '\n' |
	    sed 's/=$//' | grep . | sort -u
}

"$GK" --help >"$D/top" 2>&1 && ok || bad "gkreport --help failed"
cmds=$(sed -n '/^命令：/,/^$/s/^  \([a-z]*\) .*/\1/p' "$D/top")
[ -n "$cmds" ] && ok || bad "gkreport --help lists no commands"

# The same commands, in the same order, in the man page and the completion.
man_cmds=$(sed -n '/^\.SH SYNOPSIS/,/^\.SH/s/^\.B gkreport \([a-z][a-z]*\)$/\1/p' "$MAN" | tr '\n' ' ')
[ "$man_cmds" = "$(echo $cmds) " ] && ok ||
    bad "man SYNOPSIS lists '$man_cmds', gkreport --help '$(echo $cmds)'"
comp_cmds=$(sed -n "s/^		\\([a-z|]*\\))\$/\\1/p" "$COMP" | head -1)
[ "$comp_cmds" = "$(echo $cmds | tr ' ' '|')" ] && ok ||
    bad "the completion knows the commands '$comp_cmds'"
comp_list=$(sed -n "/if \[\[ \$cur != -\* \]\]/,/fi/s/.*compgen -W '\\([a-z ]*\\)'.*/\\1/p" "$COMP")
[ "$comp_list" = "$(echo $cmds)" ] && ok ||
    bad "the completion offers the commands '$comp_list'"

sed -n 's/\\-/-/g; /^\.SS "gkreport /p' "$MAN" >"$D/man-headings"
for c in "" $cmds; do
	name=${c:-gkreport}
	"$GK" $c --help >"$D/help" 2>&1 && ok || bad "$name --help failed"
	help_options "$D/help" | tr ' ' '\n' | sort -u >"$D/all"
	grep -v -x -e -h -e --help -e -V -e --version "$D/all" >"$D/own"
	grep -q -x -- --help "$D/all" && grep -q -x -- --version "$D/all" && ok ||
	    bad "$name --help lacks --help or --version"

	# Every option in the synopsis is one of --help's, and every option
	# of --help is in the synopsis (in its short or its long form).
	man_synopsis "$c" | grep -v -x -e -h -e -V >"$D/syn"
	while read -r o; do
		grep -q -x -- "$o" "$D/own" && ok ||
		    bad "$name: the man page's SYNOPSIS has $o, --help does not"
	done <"$D/syn"
	help_options "$D/help" | grep -v -e '--help$' -e '--version$' >"$D/pairs"
	while read -r s l; do
		if grep -q -x -e "$s" -e "${l:-$s}" "$D/syn"; then ok; else
			bad "$name: --help has ${l:+$s, }${l:-$s}, the man page's SYNOPSIS does not"
		fi
		if [ -n "$c" ]; then
			man_section "$c" | grep -q -- "${l:-$s}" && ok ||
			    bad "$name: ${l:-$s} is not described in the man page's section on $c"
		fi
	done <"$D/pairs"

	# The completion offers exactly the options of --help.
	comp_options "${c:-''}" >"$D/comp"
	if cmp -s "$D/all" "$D/comp"; then ok; else
		bad "$name: the completion offers other options than --help:"
		diff "$D/all" "$D/comp" | sed 's/^/  | /'
	fi

	# A bad option: two lines on stderr, status 2.
	"$GK" $c --no-such-option >"$D/o" 2>"$D/e"
	[ $? -eq 2 ] && [ "$(wc -l <"$D/e")" -eq 2 ] && ok ||
	    bad "$name --no-such-option: not status 2 with two lines"

	# The English synopsis line is the heading of the man page's section.
	if [ -n "$c" ] && [ -f "$LOC/en/LC_MESSAGES/gkreport.mo" ]; then
		usage=$(GKREPORT_LOCALEDIR=$LOC LANGUAGE=en "$GK" $c --help |
		    sed -n '1s/^Usage: //p')
		grep -q -x -F ".SS \"$usage\"" "$D/man-headings" && ok ||
		    bad "$name: no man page section headed '$usage'"
	fi
done

finish
