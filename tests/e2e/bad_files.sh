#!/bin/sh
# bad_files.sh: hostile files never crash or hang gkreport. Every file of
# tests/data/bad (listed in its EXPECT: name, exit status of `gkreport
# check`, a substring of the output) goes through `check`, the refused
# ones through `export`, `diff`, `check --prev` and `new --from` too, and
# all of them through `sum` as one folder; the files too big or too
# strange to keep in the repository (a 100 MB line, a 64 GB sparse file,
# 1,000,000 records, a folder, a fifo, a device, an unreadable file) are
# made here, and damaged texts go through `import`. A refused file gets
# exactly one line: "gkreport: FILE[:LINE]: reason". A value invalid for
# its cell opens the file and is flagged R5. Every run has a time limit:
# a hang is a failure.
. "$(dirname "$0")/lib.sh"
: "${GKREPORT:?GKREPORT is not set}" "${TOP_SRCDIR:?TOP_SRCDIR is not set}"
BAD=$TOP/tests/data/bad
GOOD=$TOP/examples/hongze-2024.csv
T=$D
LIMIT=${BAD_FILES_TIMEOUT:-120}	# seconds; generous for the ASan build

export LC_ALL=C.UTF-8
unset LANGUAGE

# quiet WHAT: no control character reached the terminal (a file must not
# be able to retitle, clear or recolour it).
ctl=$(printf '[\001-\010\013-\037\177]')
quiet() {
	if LC_ALL=C grep -q "$ctl" "$T/out"; then
		bad "$1: a control character in the output:"
		LC_ALL=C grep -n "$ctl" "$T/out" | od -c | head -5 >&2
	else ok; fi
}

# refused WHAT NAME: the output is one line, "gkreport: NAME" + reason.
refused() {
	n=$(wc -l <"$T/out")
	if [ "$n" -eq 1 ] && [ "$(wc -c <"$T/out")" -lt 1000 ] &&
	    grep -q "^gkreport: $2[:]" "$T/out"; then ok; else
		bad "$1: wanted one reason line 'gkreport: $2...', got $n lines:"
		head -c 2000 "$T/out" >&2; echo >&2
	fi
}

# refuse_all NAME SUBSTRING: check, export, diff (either side), check
# --prev and new --from each refuse NAME with its reason; check and
# export with one line; export and new write nothing.
refuse_all() {
	limited "$GK" check "$1"
	status 2 "check $1"
	said "$2" "check $1"
	refused "check $1" "$1"
	quiet "check $1"
	rm -f "$T/export.txt"
	limited "$GK" export -f text -o "$T/export.txt" "$1"
	status 2 "export $1"
	said "$2" "export $1"
	refused "export $1" "$1"
	if [ -e "$T/export.txt" ]; then bad "export $1 wrote a file"; else ok; fi
	limited "$GK" diff "$1" "$GOOD"
	status 2 "diff $1 GOOD"
	said "$2" "diff $1 GOOD"
	limited "$GK" diff "$GOOD" "$1"
	status 2 "diff GOOD $1"
	said "$2" "diff GOOD $1"
	limited "$GK" check --prev "$1" "$GOOD"
	status 2 "check --prev $1"
	said "$2" "check --prev $1"
	rm -f "$T/new.csv"
	limited "$GK" new --from "$1" -o "$T/new.csv"
	status 2 "new --from $1"
	said "$2" "new --from $1"
	if [ -e "$T/new.csv" ]; then bad "new --from $1 wrote a file"; else ok; fi
}

# ---- the corpus ---------------------------------------------------------
cd "$BAD" || exit 99
nfiles=0
tab=$(printf '\t')
while IFS=$tab read -r file want sub; do
	case $file in '#'*|'') continue ;; esac
	nfiles=$((nfiles + 1))
	if [ ! -f "$file" ]; then bad "$file: listed in EXPECT, missing"; continue; fi
	if [ "$want" -eq 2 ]; then
		refuse_all "$file" "$sub"
		continue
	fi
	limited "$GK" check "$file"
	status "$want" "check $file"
	said "$sub" "check $file"
	quiet "check $file"
	case $sub in
	*'行）')	# a value invalid for its cell: opened, flagged R5
		limited "$GK" check --format=csv "$file"
		status "$want" "check --format=csv $file"
		said "$file,R5,error," "check --format=csv $file"
		;;
	esac
done <"$BAD/EXPECT"
# Every file in the folder is listed, and there are at least 40.
for f in *; do
	[ "$f" = EXPECT ] || [ -d "$f" ] && continue
	if cut -f1 EXPECT | grep -qxF -- "$f"; then ok; else
		bad "$f is in tests/data/bad but not in EXPECT"; fi
done
if [ "$nfiles" -ge 40 ]; then ok; else bad "only $nfiles files in EXPECT"; fi

# ---- made here ------------------------------------------------------------
cd "$T" || exit 99

# The whole corpus, a fifo and a folder summed as one county's folder: the
# refused files are named, the others summed, nothing blocks.
mkdir county
cp "$BAD"/*.csv county/
mkfifo county/zz-fifo.csv
mkdir county/zz-folder.csv
limited "$GK" sum -o "$T/county-sum.csv" county
status 2 "sum of the corpus"
while IFS=$tab read -r file want sub; do
	case $file in '#'*|'') continue ;; esac
	[ "$want" -eq 2 ] && said "[无法读取] county/$file" "sum names $file"
done <"$BAD/EXPECT"
said "[无法读取] county/zz-fifo.csv" "sum names the fifo"
said "[无法读取] county/zz-folder.csv" "sum names the folder"
rm -rf county county-sum.csv

# A 100 MB line with no line end: no header.
head -c 100000000 /dev/zero | tr '\0' x >line100m.csv
refuse_all line100m.csv "line100m.csv:1: 表头不对"
rm -f line100m.csv

# A 100 MB text in an otherwise good file opens; a count of 10^30 too.
{ printf 'key,label,value\r\nmeta.format,格式,2021\r\n'
  printf 't3.new.natural,x,1000000000000000000000000000000\r\ntext.s1,x,"'
  head -c 100000000 /dev/zero | tr '\0' a; printf '"\r\n'; } >text100m.csv
limited "$GK" check --format=csv text100m.csv
status 1 "check text100m.csv"
said "text100m.csv,R5,error,t3.new.natural," "check text100m.csv"
rm -f text100m.csv

# A 64 GB file (sparse: it takes no room) is refused before any reading
# (reading it would exhaust the memory).
if truncate -s 64G huge.csv 2>/dev/null; then
	refuse_all huge.csv "huge.csv: 文件太大"
else
	echo "SKIP: cannot make a sparse file here"
fi
rm -f huge.csv

# 1,000,000 records: notes and unknown keys beyond any report's need are
# refused at the record that goes too far; a million empty rows are no
# records at all.
{ printf 'key,label,value\r\nmeta.format,格式,2021\r\n'
  awk 'BEGIN { for (i = 1; i <= 1000000; i++) printf "note.k%d,x,%d\r\n", i, i }'
} >records1m.csv
refuse_all records1m.csv "records1m.csv:10003: "
rm -f records1m.csv
{ cat "$GOOD"; awk 'BEGIN { for (i = 1; i <= 1000000; i++) printf ",,\r\n" }'
} >empty1m.csv
limited "$GK" check empty1m.csv
status 0 "check empty1m.csv (a good report and a million empty rows)"
rm -f empty1m.csv

# Not regular files: a folder, a fifo (nobody writes: reading would wait
# for ever), a device that never ends, a file that is not there.
mkdir folder.csv
refuse_all folder.csv "folder.csv: 这是一个文件夹"
mkfifo fifo.csv
refuse_all fifo.csv "fifo.csv: 不是普通文件"
limited "$GK" check /dev/zero
status 2 "check /dev/zero"
refused "check /dev/zero" /dev/zero
refuse_all missing.csv "missing.csv: 无法打开：文件或文件夹不存在"

# An unreadable file (root reads everything: skipped then).
if [ "$(id -u)" -ne 0 ]; then
	cp "$GOOD" unreadable.csv
	chmod 000 unreadable.csv
	refuse_all unreadable.csv "unreadable.csv: 无法打开：没有读取权限"
	chmod 600 unreadable.csv
else
	echo "SKIP: unreadable file (running as root)"
fi

# ---- import (once gkreport import exists) ------------------------------------
if "$GK" import --help >/dev/null 2>&1; then
	printf '' >imp-empty.txt
	head -c 4096 /dev/urandom >imp-random.txt
	printf '一、总体情况\n本机关\0二、主动公开\n' >imp-nul.txt
	printf '\377\376\377\376 not text\n' >imp-notutf8.txt
	mkdir imp-folder.txt
	mkfifo imp-fifo.txt
	for f in imp-empty.txt imp-random.txt imp-nul.txt imp-notutf8.txt \
	    imp-folder.txt imp-fifo.txt; do
		limited "$GK" import -o "$T/imp-out.csv" "$f"
		status 2 "import $f"
		said "$f" "import $f"
		if [ -e "$T/imp-out.csv" ]; then
			bad "import $f wrote a report"; rm -f "$T/imp-out.csv"
		else ok; fi
	done
	# Texts that once crashed the importer (found by fuzzing).
	for f in "$BAD"/import/*.txt; do
		[ -f "$f" ] || continue
		limited "$GK" import -o "$T/imp-old.csv" "$f"
		case $rc in
		0|1|2) ok ;;
		*) bad "import $(basename "$f"): exit $rc"; head -c 2000 "$T/out" >&2 ;;
		esac
		rm -f "$T/imp-old.csv"
	done
	if [ -d "$TOP/tests/data/import" ]; then
		for f in "$TOP"/tests/data/import/*.txt; do
			[ -f "$f" ] || continue
			# Cut in the middle of a character and of a table.
			n=$(($(wc -c <"$f") / 2 + 1))
			head -c "$n" "$f" >imp-cut.txt
			limited "$GK" import -o "$T/imp-cut.csv" imp-cut.txt
			case $rc in
			0|1|2) ok ;;
			*) bad "import of a cut $(basename "$f"): exit $rc"
			   head -c 2000 "$T/out" >&2 ;;
			esac
			rm -f "$T/imp-cut.csv"
		done
	fi
else
	echo "SKIP: gkreport import is not there yet"
fi

finish
