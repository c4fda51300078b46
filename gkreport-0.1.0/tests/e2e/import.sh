#!/bin/sh
# import.sh: `gkreport import` as a clerk runs it on last year's published
# report: every guess explained on stderr with its line, the report file
# beside the text, never over an existing one without --force, the text
# export of the result in the official wording, and clear refusals.
. "$(dirname "$0")/lib.sh"
has() {	# FILE STRING WHAT
	if grep -qF -- "$2" "$1"; then ok; else bad "$3: no '$2'"; sed 's/^/  | /' "$1" | head -10; fi
}
export LC_ALL=C.UTF-8
unset LANGUAGE

cp "$TOP/tests/data/import/lushi-xzsp-2024.txt" "$D/seed.txt"
"$GK" import "$D/seed.txt" >"$D/out" 2>"$D/err"
[ $? -eq 0 ] && ok || bad "import of the seed: exit $?"
[ -s "$D/seed.csv" ] && ok || bad "no seed.csv beside the text"
# Line by line, GNU style, where it guessed and filled.
has "$D/err" "gkreport: $D/seed.txt:46: 猜测：" "the clipped label's guess, with its line"
has "$D/err" "gkreport: $D/seed.txt:43: 警告：表三 “（一）予以公开” 只有 6 个数字" \
    "the lost column, with its line"
has "$D/err" "gkreport: $D/seed.txt:3: 说明：标题" "where the agency came from"
has "$D/out" "已从 $D/seed.txt 生成 $D/seed.csv" "summary line"
"$GK" check "$D/seed.csv" >"$D/chk" 2>&1
[ $? -eq 0 ] && ok || { bad "the imported seed is not clean"; cat "$D/chk"; }

# Exported as text: the official headings and labels, the canonical ones.
"$GK" export --format=text "$D/seed.csv" -o "$D/seed-text.txt" 2>"$D/err2"
[ $? -eq 0 ] && ok || bad "text export of the import"
for w in "一、总体情况" "二、主动公开政府信息情况" "三、收到和处理政府信息公开申请情况" \
    "四、政府信息公开行政复议、行政诉讼情况" "五、存在的主要问题及改进情况" \
    "六、其他需要报告的事项" "2.其他法律行政法规禁止公开" "（七）总计" \
    "四、结转下年度继续办理" "卢氏县行政审批和政务信息管理局"; do
	has "$D/seed-text.txt" "$w" "text export"
done
if grep -qF "2.其他法律法规禁止公开" "$D/seed-text.txt"; then
	bad "the published (clipped) label came through"; else ok; fi

# Never over an existing report without --force.
cp "$D/seed.csv" "$D/keep.csv"
"$GK" import "$D/seed.txt" >/dev/null 2>"$D/err"
[ $? -eq 2 ] && ok || bad "existing seed.csv: not exit 2"
has "$D/err" "文件已存在，没有覆盖" "refusal to overwrite"
cmp -s "$D/seed.csv" "$D/keep.csv" && ok || bad "seed.csv changed"
"$GK" import --force -o "$D/seed.csv" "$D/seed.txt" >/dev/null 2>&1 && ok ||
    bad "--force"
[ -e "$D/seed.csv~" ] && ok || bad "--force keeps the old file as NAME~"

# The other two samples import with exit 0 and clean checks.
for s in hongze-2024 shuyang-2025; do
	"$GK" import -o "$D/$s.csv" "$TOP/tests/data/import/$s.txt" >/dev/null 2>&1
	[ $? -eq 0 ] && ok || bad "import $s"
	"$GK" check "$D/$s.csv" >/dev/null 2>&1
	[ $? -le 1 ] && ok || bad "$s.csv does not read back"
done

# Damaged: a row that lost a non-zero figure is refused with its line.
sed 's/^\(三、本年度办理结果	（一）予以公开		50\)	0/\1/' \
    "$TOP/tests/data/import/hongze-2024.txt" >"$D/short.txt"
"$GK" import "$D/short.txt" >/dev/null 2>"$D/err"
[ $? -eq 2 ] && ok || bad "a short row: not exit 2"
has "$D/err" "gkreport: $D/short.txt:48: 无法读取" "the refused line"
[ ! -e "$D/short.csv" ] && ok || bad "a refused text still wrote a report"
# Empty, binary, missing.
: >"$D/empty.txt"
"$GK" import "$D/empty.txt" >/dev/null 2>"$D/err"
[ $? -eq 2 ] && ok || bad "empty: not exit 2"
has "$D/err" "empty.txt" "empty: named"
head -c 2000 /dev/urandom >"$D/bin.txt"
"$GK" import "$D/bin.txt" >/dev/null 2>"$D/err"
[ $? -eq 2 ] && ok || bad "binary: not exit 2"
"$GK" import "$D/none.txt" >/dev/null 2>"$D/err"
[ $? -eq 2 ] && ok || bad "missing: not exit 2"
has "$D/err" "none.txt" "missing: named"

# Two reports in one text (a reviewer pasting a folder): refused at the
# second one's title, never swallowed into the first one's section 六.
H="$TOP/tests/data/import/hongze-2024.txt"
cat "$H" "$H" >"$D/two.txt"
n=$(($(wc -l <"$H") + 6))
"$GK" import "$D/two.txt" >/dev/null 2>"$D/err"
[ $? -eq 2 ] && ok || bad "two reports: not exit 2"
has "$D/err" "gkreport: $D/two.txt:$n: 无法读取：从这一行（“2024年政府信息公开工作年度报告”）起是另一份报告" \
    "two reports: the second title's line"
# A text whose table rows hold no figure at all: nothing read, exit 2.
printf '某局2024年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 |  |  |  |  |  |  |  |\n' >"$D/nofig.txt"
"$GK" import "$D/nofig.txt" >/dev/null 2>"$D/err"
[ $? -eq 2 ] && ok || bad "no figure read: not exit 2"
has "$D/err" "没有读到任何数字" "no figure read: the reason"
[ ! -e "$D/nofig.csv" ] && ok || bad "no figure read: a report was written"
# Each layout family of a real converter, through the command.
for f in w3m-60 w3m-box pandoc-grid pdf-layout pipes cells; do
	"$GK" import -o "$D/$f.csv" "$TOP/tests/data/import/hongze-$f.txt" >/dev/null 2>"$D/err"
	[ $? -eq 0 ] && ok || { bad "layout $f: exit $?"; cat "$D/err"; }
	"$GK" diff "$D/$f.csv" "$TOP/examples/hongze-2024.csv" >"$D/diff" 2>&1
	# Last year's figures (上年报告) are the example's own, not the text's.
	if grep -v '^上年报告' "$D/diff" | grep -q '表[二三四]'; then
		bad "layout $f: figures differ from the example"; head -5 "$D/diff"
	else ok; fi
done

# Thousands of odd lines: a few hundred notes, then how many more.
awk '{ print } /^三、收到和处理/ { for (i = 1; i <= 3000; i++) printf "杂项%d\t1\t2\n", i }' \
    "$H" >"$D/flood.txt"
"$GK" import "$D/flood.txt" >/dev/null 2>"$D/err"
[ "$(wc -l <"$D/err")" -le 310 ] && ok || bad "flood: $(wc -l <"$D/err") lines on stderr"
has "$D/err" "条说明未列出（只列出前 300 条）" "flood: the count of the rest"

finish
