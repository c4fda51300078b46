# bash completion for gkreport(1): subcommands, their options, and
# report files (*.csv) or the values an option takes.
# Installed as $(datadir)/bash-completion/completions/gkreport.

# The export formats this gkreport was built with, from the program itself
# (its table of formats), so that a new format needs no edit here.
_gkreport_formats()
{
	"${COMP_WORDS[0]}" export --list-formats 2>/dev/null
}

_gkreport()
{
	local cur prev words cword cmd i opts
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD-1]}
	COMPREPLY=()

	cmd=
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		check|export|import|new|sum|diff)
			cmd=${COMP_WORDS[i]}
			break ;;
		-*) ;;
		*) break ;;
		esac
	done

	# Values of options that take one.
	case $cmd:$prev in
	check:--format|diff:--format)
		COMPREPLY=($(compgen -W 'text csv' -- "$cur")); return ;;
	sum:--format|sum:-f)
		COMPREPLY=($(compgen -W 'text csv units' -- "$cur")); return ;;
	export:--format|export:-f)
		COMPREPLY=($(compgen -W "$(_gkreport_formats)" -- "$cur")); return ;;
	export:--encoding|export:-e)
		COMPREPLY=($(compgen -W 'utf-8 gb18030' -- "$cur")); return ;;
	sum:--agency|sum:-a)
		return ;;
	*:--output|*:-o|new:--from|new:-f|check:--prev|sum:--units|sum:--html|sum:--xlsx|\
	sum:--roster|sum:--review|sum:--prev|sum:--export-units)
		compopt -o filenames 2>/dev/null
		COMPREPLY=($(compgen -f -- "$cur")); return ;;
	esac

	case $cmd in
	'')	opts='--read-only --help --version -r -h -V'
		if [[ $cur != -* ]]; then
			COMPREPLY=($(compgen -W 'check export import new sum diff' -- "$cur"))
		fi ;;
	check)	opts='--prev= --blank-as-zero --format= --help --version -h -V' ;;
	export)	opts='--format= --encoding= --output= --strict --list-formats --help --version -f -e -o -h -V' ;;
	import)	opts='--output= --force --help --version -o -h -V' ;;
	new)	opts='--from= --output= --force --help --version -f -o -h -V' ;;
	sum)	opts='--output= --agency= --format= --units= --html= --xlsx= --roster= --review= --prev= --export-units= --skip-duplicates --mixed-years --blank-as-zero --help --version -o -a -f -h -V' ;;
	diff)	opts='--change --format= --help --version -c -h -V' ;;
	esac

	if [[ $cur == -* ]]; then
		# --opt=VALUE
		case $cur in
		--format=*|--encoding=*|--prev=*|--output=*|--from=*|--units=*|--html=*|--xlsx=*|--roster=*|--review=*|--export-units=*)
			local o=${cur%%=*} v=${cur#*=} w
			case $cmd:$o in
			export:--format) w=$(_gkreport_formats) ;;
			sum:--format) w='text csv units' ;;
			*:--format) w='text csv' ;;
			*:--encoding) w='utf-8 gb18030' ;;
			*) compopt -o filenames 2>/dev/null
			   COMPREPLY=($(compgen -f -- "$v")); return ;;
			esac
			COMPREPLY=($(compgen -W "$w" -- "$v"))
			return ;;
		esac
		COMPREPLY=($(compgen -W "$opts" -- "$cur"))
		[[ ${COMPREPLY[*]} == *= ]] && compopt -o nospace 2>/dev/null
		return
	fi
	# Report files (and folders, for sum and to descend); published texts
	# for import and for the application, which imports them.
	compopt -o filenames 2>/dev/null
	COMPREPLY+=($(compgen -d -- "$cur"))
	case $cmd in
	import)	COMPREPLY+=($(compgen -f -X '!*.[tT][xX][tT]' -- "$cur")) ;;
	'')	COMPREPLY+=($(compgen -f -X '!*.[cC][sS][vV]' -- "$cur")
		    $(compgen -f -X '!*.[tT][xX][tT]' -- "$cur")) ;;
	*)	COMPREPLY+=($(compgen -f -X '!*.[cC][sS][vV]' -- "$cur")) ;;
	esac
}
complete -F _gkreport gkreport
