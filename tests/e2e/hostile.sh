#!/bin/sh
# hostile.sh: hostile SURROUNDINGS of a report (tests/data/bad holds hostile
# files; this holds what a colleague, a crash or a shared folder can put
# beside one). Each case says what it expects:
#
#   outputs (-o of export, new, import, sum): a FIFO, a folder, a device, a
#     socket are refused by name and left as they were, without hanging; the
#     input is never replaced; an existing report is never replaced by an
#     export; a symlink is written through (the link stays, its target is
#     replaced and kept as NAME~); a leftover temporary file of a crashed
#     save is removed by the next save, one being written is not.
#   journal and lock (the application, in tmux): a symlink, a FIFO, a
#     device, a folder, a huge file in their place are refused by name, the
#     report opens read-only, and the thing is left as it was (a symlink's
#     target unchanged, no hang, no memory eaten).
#   damaged journals: a changed header byte, a bad record in the middle, a
#     truncated last record, appended garbage: every valid record is offered
#     back and the unreadable ones are counted on the recovery screen; a
#     journal that cannot be read at all is kept aside, never truncated.
#   two instances: a read-only second instance cannot save over the report
#     the first one holds, nor under a name another instance holds; the
#     same file reached through a symlink is the same report (one lock).
. "$(dirname "$0")/lib.sh"
: "${GKREPORT:?GKREPORT is not set}" "${TOP_SRCDIR:?TOP_SRCDIR is not set}"
GOOD=$TOP/examples/hongze-2024.csv
TMUX_BIN=${TMUX_BIN:-$(command -v tmux || true)}
LIMIT=${HOSTILE_TIMEOUT:-60}
export LC_ALL=C.UTF-8
unset LANGUAGE

# expect STATUS SUBSTRING WHAT: two checks on the last limited command
# (an empty SUBSTRING is always there).
expect() {
	status "$1" "$3"
	if [ -z "$2" ]; then ok; else said "$2" "$3"; fi
}
# same FILE1 FILE2 WHAT: byte for byte the same.
same() { if cmp -s "$1" "$2"; then ok; else bad "$3: $1 changed"; fi; }
# is TEST PATH WHAT: test(1) on PATH, e.g. is -p fifo.
is() { if [ "$1" "$2" ]; then ok; else bad "$3: $2 is not $1 any more"; fi; }

cd "$D" || exit 99
cp "$GOOD" r.csv
cp "$GOOD" other.csv

# ---- outputs --------------------------------------------------------------
# A FIFO as the output: refused by name, not opened, still a FIFO.
mkfifo fifo.csv
for cmd in "export -f text -o fifo.csv r.csv" \
    "new --from r.csv -o fifo.csv --force" \
    "sum -o fifo.csv r.csv"; do
	limited $GK $cmd
	expect 2 "fifo.csv: 是一个命名管道（FIFO），不能写入或替换它" "$cmd"
	is -p fifo.csv "$cmd"
done
# A folder as the output: refused, the folder stays where it was, no "~".
mkdir county
cp "$GOOD" county/a.csv
limited $GK sum -o county county
expect 2 "county: 是一个文件夹，不能写入或替换它" "sum -o county county/"
is -d county "sum -o county county/"
is -f county/a.csv "sum -o county county/"
if [ -e county~ ]; then bad "sum -o county: county~ made"; else ok; fi
limited $GK export -f html -o county r.csv
expect 2 "是一个文件夹" "export -o FOLDER"
# A device: refused without trying (as root this replaced /dev/null).
limited $GK export -f text -o /dev/null r.csv
expect 2 "/dev/null: 是一个设备，不能写入或替换它" "export -o /dev/null"
is -c /dev/null "export -o /dev/null"
# A socket (if python3 can make one).
if command -v python3 >/dev/null 2>&1 &&
    python3 -c 'import socket,sys; s=socket.socket(socket.AF_UNIX); s.bind(sys.argv[1])' sock.csv 2>/dev/null; then
	limited $GK new --from r.csv -o sock.csv --force
	expect 2 "sock.csv: 是一个套接字" "new -o SOCKET"
	is -S sock.csv "new -o SOCKET"
fi
# The input itself: never replaced, whatever the command.
cp r.csv r.orig
limited $GK export -f csv -o r.csv r.csv
expect 2 "r.csv" "export -o INPUT"
same r.csv r.orig "export -o INPUT"
limited $GK sum -o r.csv r.csv other.csv
expect 2 "这是正在读取的文件 r.csv" "sum -o INPUT"
same r.csv r.orig "sum -o INPUT"
ln -s r.csv link-to-r.csv
limited $GK export -f csv -o link-to-r.csv r.csv
expect 2 "" "export -o SYMLINK-TO-INPUT"
same r.csv r.orig "export -o SYMLINK-TO-INPUT"
limited $GK new --from link-to-r.csv -o r.csv --force
expect 2 "" "new --from LINK -o ITS-TARGET"
same r.csv r.orig "new --from LINK -o ITS-TARGET"
# An existing report is not replaced by an export (it would lose the
# report for a spreadsheet), not even through a symlink.
cp other.csv other.orig
limited $GK export -f csv -o other.csv r.csv
expect 2 "other.csv: 这是一份报告文件，不能用导出的内容替换它" "export -o REPORT"
same other.csv other.orig "export -o REPORT"
ln -s other.csv link-to-other.csv
limited $GK export -f text -o link-to-other.csv r.csv
expect 2 "这是一份报告文件" "export -o SYMLINK-TO-REPORT"
same other.csv other.orig "export -o SYMLINK-TO-REPORT"
# A symlink to a plain file is written through: the link stays a link,
# its target gets the export and keeps its previous version as NAME~.
echo "old text" >target.txt
ln -s target.txt link.txt
limited $GK export -f text -o link.txt r.csv
expect 0 "" "export -o SYMLINK"
is -L link.txt "export -o SYMLINK"
if grep -q "政府信息公开" target.txt; then ok; else bad "export -o SYMLINK: target not written"; fi
if [ "$(cat target.txt~ 2>/dev/null)" = "old text" ]; then ok; else bad "export -o SYMLINK: no target.txt~"; fi
# A dangling symlink: its target is created.
ln -s made.txt dangling.txt
limited $GK export -f text -o dangling.txt r.csv
expect 0 "" "export -o DANGLING-SYMLINK"
is -L dangling.txt "export -o DANGLING-SYMLINK"
is -f made.txt "export -o DANGLING-SYMLINK"
# Replacing a report keeps NAME~.
cp r.csv n.csv
limited $GK new --from r.csv -o n.csv --force
expect 0 "" "new --force over a report"
same n.csv~ r.orig "new --force: n.csv~ is the old one"
# A leftover temporary file of a crashed save is removed by the next save
# of that file; a stranger's file of a similar name is not.
echo half >.n.csv.gk-AbC123
echo mine >.n.csv.gk-notours
limited $GK new --from r.csv -o n.csv --force
expect 0 "" "new --force after a crashed save"
if [ -e .n.csv.gk-AbC123 ]; then bad "leftover .n.csv.gk-AbC123 kept"; else ok; fi
is -f .n.csv.gk-notours "a file that is not a temporary file"
# One being written (locked by its writer) is left alone.
if command -v python3 >/dev/null 2>&1; then
	echo busy >.n.csv.gk-Busy12
	python3 -c '
import fcntl, os, subprocess, sys
fd = os.open(".n.csv.gk-Busy12", os.O_RDWR)
fcntl.lockf(fd, fcntl.LOCK_EX)
sys.exit(subprocess.call([sys.argv[1], "new", "--from", "r.csv", "-o", "n.csv", "--force"],
    stdout=subprocess.DEVNULL))' "$GK"
	rc=$?
	expect 0 "" "new --force while another save writes"
	is -f .n.csv.gk-Busy12 "a temporary file being written"
fi
# No temporary file is left by a refused or a finished save.
left=$(ls -a | grep '\.gk-' | grep -v -e Busy12 -e notours)
if [ -n "$left" ]; then bad "temporary files left: $left"; else ok; fi

# ---- journal and lock (the application, in tmux) ---------------------------
if [ -z "$TMUX_BIN" ]; then
	echo "hostile: tmux not installed, application cases skipped"
else
# at WINDOW CMD...: run one of lib.sh's terminal helpers (keys, text,
# screen, check) on that window of the session.
at() { W=$1; shift; "$@"; }
# A wide window, so that a message with a long path is seen whole.
new_session 200 30 -e PS1='$ ' -c "$D" sh
tmx new-window -d -t e2e -n b -c "$D" sh
app() {	# app WINDOW ARGS...: start gkreport in the window
	W=$1; shift
	keys "clear; \"$GK\" $*; echo __EXIT__=\$?" C-j
}
# quit WINDOW WHAT: ^Q, and the program ends (a Q for a question).
quit() {
	W=$1
	keys C-q
	if wait_for "__EXIT__=" 100; then ok; else
		keys q
		check "__EXIT__=" "$2: quit"
	fi
	keys "clear" C-j
}
mkdir tui
cp "$GOOD" tui/j.csv
echo precious >tui/precious
chmod 644 tui/precious
cp tui/precious precious.orig
# case KIND MESSAGE: the journal is KIND (made by the caller as
# tui/j.csv.journal); the application opens read-only saying MESSAGE,
# an edit is refused, and the thing is left as it was.
journal_case() {
	app a tui/j.csv
	at a check "$2" "journal $1"
	at a check "只读" "journal $1: read-only"
	at a keys Tab Tab 7 Enter
	quit a "journal $1"
}
ln -s "$D/tui/precious" tui/j.csv.journal
journal_case symlink "是一个符号链接，本程序不跟随它"
same tui/precious precious.orig "journal symlink"
[ "$(stat -c %a tui/precious)" = 644 ] && ok || bad "journal symlink: target mode changed"
is -L tui/j.csv.journal "journal symlink"
rm tui/j.csv.journal
mkfifo tui/j.csv.journal
journal_case FIFO "是一个命名管道（FIFO）"
is -p tui/j.csv.journal "journal FIFO"
rm tui/j.csv.journal
ln -s /dev/zero tui/j.csv.journal
journal_case /dev/zero "是一个符号链接"
rm tui/j.csv.journal
mkdir tui/j.csv.journal
journal_case folder "是一个文件夹"
is -d tui/j.csv.journal "journal folder"
rmdir tui/j.csv.journal
truncate -s 600M tui/j.csv.journal
journal_case "huge file" "恢复日志大于 512 MB"
[ "$(stat -c %s tui/j.csv.journal)" = 629145600 ] && ok || bad "huge journal changed"
rm tui/j.csv.journal
# The lock: the same cases.
lock_case() {
	app a tui/j.csv
	at a check "$2" "lock $1"
	at a check "只读" "lock $1: read-only"
	quit a "lock $1"
}
ln -s "$D/tui/precious" tui/.j.csv.lock
lock_case symlink "是一个符号链接"
same tui/precious precious.orig "lock symlink"
rm tui/.j.csv.lock
mkfifo tui/.j.csv.lock
lock_case FIFO "是一个命名管道（FIFO）"
rm tui/.j.csv.lock
ln -s /dev/null tui/.j.csv.lock
lock_case device "是一个符号链接"
rm tui/.j.csv.lock
mkdir tui/.j.csv.lock
lock_case folder "是一个文件夹"
rmdir tui/.j.csv.lock
# Nothing was left behind: no journal, no lock.
left=$(ls -a tui | grep -v -e '^\.\.\?$' -e '^j.csv$' -e '^precious$')
if [ -z "$left" ]; then ok; else bad "left in the folder: $left"; fi

# ---- two instances ---------------------------------------------------------
# A edits tui/two.csv; B opens it too and chooses read-only. B cannot save
# over it, neither by its name nor through a symlink; nor over a report a
# third instance (C) holds, even when it says overwrite; it can save under
# a free name, and becomes that file's editor. A's journal and file are
# untouched by B throughout.
tmx new-window -d -t e2e -n c -c "$D" sh
cp "$GOOD" tui/two.csv
cp "$GOOD" tui/held.csv
cp tui/held.csv held.orig
ln -s tui/two.csv two-link.csv
app a tui/two.csv
at a check "淮安市洪泽区人民政府" "A opened"
at a keys Tab Tab 9 Enter
at a check "[未保存]" "A edited"
cp tui/two.csv.journal a-journal.orig 2>/dev/null || bad "A has no journal"
app c tui/held.csv
at c check "淮安市洪泽区人民政府" "C opened"
app b tui/two.csv
at b check "报告正被另一个 gkreport 使用" "B: busy"
at b keys r
at b check "[只读]" "B read-only"
at b keys F12 Enter
at b check "只读打开，不能保存" "B: save-as onto the same name"
at b keys F12 C-u
at b text "two-link.csv"
at b keys Enter
at b check "只读打开，不能保存" "B: save-as onto a symlink to it"
at b keys F12 C-u
at b text "tui/held.csv"
at b keys Enter
at b check "文件已经存在" "B: save-as onto C's report asks"
at b keys o
at b check "正被另一个 gkreport 使用" "B: save-as onto C's report, forced, refused"
same tui/held.csv held.orig "C's report after B's refused save-as"
same tui/two.csv "$GOOD" "A's report after B's refused saves"
same tui/two.csv.journal a-journal.orig "A's journal after B's refused saves"
at b keys F12 C-u
at b text "tui/b-copy.csv"
at b keys Enter
at b check "已保存到 tui/b-copy.csv" "B: save-as under a free name"
if at b screen | head -1 | grep -qF "[只读]"; then bad "B still read-only"; else ok; fi
at b keys Tab Tab 5 Enter
at b check "[未保存]" "B edits its copy"
is -f tui/b-copy.csv.journal "B journals into its own file's journal"
same tui/two.csv.journal a-journal.orig "A's journal after B edits its copy"
at b keys C-q
at b keys d
at b check "__EXIT__=" "B quit"
at b keys clear C-j
quit c "C"
at a keys C-q
at a keys d
at a check "__EXIT__=" "A quit"
at a keys clear C-j

# ---- damaged journals in the application --------------------------------------
# kill -9 after two edits, then damage the journal: the recovery screen
# offers every valid record and says how many could not be read.
cp "$GOOD" tui/dmg.csv
at a keys "clear; \"$GK\" tui/dmg.csv & echo \$! > pid.a; fg; echo __EXIT__=\$?" C-j
at a check "淮安市洪泽区人民政府" "dmg opened"
at a keys Tab Tab 9 Enter
at a keys Right 3 Enter
at a check "[未保存]" "dmg edited"
sleep 0.3
kill -9 "$(cat pid.a)"
at a check "__EXIT__=137" "dmg killed"
at a keys clear C-j
cp tui/dmg.csv.journal dmg.journal
# The first record's CRC, one byte changed (line 2, last hex digit).
damage() {	# LINE: flip the last CRC digit of that line
	awk -v n="$1" 'NR == n { c = substr($0, length($0));
	    sub(/.$/, c == "0" ? "1" : "0") } { print }' dmg.journal >tui/dmg.csv.journal
}
damage 2
app a tui/dmg.csv
at a check "发现上次没有保存的修改（1 处；另有 1 条记录已损坏，无法读取）" "a bad record in the middle"
at a keys q
at a check "__EXIT__=" "quit the recovery screen"
at a keys clear C-j
# A changed header byte: both records still offered.
damage 1
app a tui/dmg.csv
at a check "发现上次没有保存的修改（2 处；另有 1 条记录已损坏，无法读取）" "a bad header"
at a keys q
at a check "__EXIT__=" "quit the recovery screen"
at a keys clear C-j
# Garbage appended, and a truncated last record: both records offered.
{ cat dmg.journal; printf 'garbage\n=\tt3.new.natural\t12'; } >tui/dmg.csv.journal
app a tui/dmg.csv
at a check "发现上次没有保存的修改（2 处；另有 1 条记录已损坏，无法读取）" "garbage and a torn record"
at a keys q
at a check "__EXIT__=" "quit the recovery screen"
at a keys clear C-j
# Nothing readable at all: kept aside, never truncated.
printf 'not a journal\nat all\n' >tui/dmg.csv.journal
cp tui/dmg.csv.journal junk.orig
app a tui/dmg.csv
at a check "已改名为" "an unreadable journal"
at a keys Tab Tab 4 Enter
at a check "[未保存]" "edit after an unreadable journal"
at a keys C-q
at a keys d
at a check "__EXIT__=" "quit after an unreadable journal"
at a keys clear C-j
same tui/dmg.csv.journal.unreadable junk.orig "the unreadable journal, kept aside"

# The same report through a symlink and by its real name: one lock.
ln -s tui/j.csv same.csv
app a tui/j.csv
at a check "淮安市洪泽区人民政府" "A opened"
app b same.csv
at b check "报告正被另一个 gkreport 使用" "B through a symlink: busy"
at b keys q
at b check "__EXIT__=" "B quit"
at b keys clear C-j
quit a "A"
fi

finish
