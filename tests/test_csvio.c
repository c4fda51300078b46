/*
 * test_csvio.c: the report file (spec §6): what reading accepts, what it
 * refuses (with the line), the byte-identical round trip, and the atomic
 * save.
 */
#include "config.h"

#include <dirent.h>
#include <sys/stat.h>

#include <criterion/criterion.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "csvio.h"
#include "safeio.h"
#include "rules.h"
#include "schema.h"
#include "testlib.h"

#define HONGZE	EXAMPLES_DIR "/hongze-2024.csv"
#define LUSHI	EXAMPLES_DIR "/lushi-xzsp-2024.csv"

static struct report *
parse(const char *s, struct csvio_info *info, char **err)
{
	*err = NULL;
	return csvio_parse(s, strlen(s), "t.csv", info, err);
}

/* Parse s, which must be refused with exactly message want. */
static void
refused(const char *s, const char *want)
{
	struct csvio_info	 info;
	char			*err;
	struct report		*r = parse(s, &info, &err);

	cr_assert_null(r, "accepted: %s", s);
	cr_assert_not_null(err);
	cr_expect_str_eq(err, want);
	free(err);
}

static int
key(const char *k)
{
	return schema_find(k);
}

#define HDR	"key,label,value\r\n"

/* ---- what reading accepts ---- */

static void
round_trip(const char *path)
{
	struct csvio_info	 info;
	struct report		*r;
	char			*in, *out, *err;
	size_t			 inlen, outlen;

	in = tl_slurp(path, &inlen);
	r = csvio_parse(in, inlen, path, &info, &err);
	cr_assert_not_null(r, "%s", err);
	cr_assert_eq(info.nwarnings, 0);
	cr_assert_eq(report_modified(r), false);
	out = csvio_format(r, &outlen);
	cr_assert_eq(outlen, inlen);
	cr_assert(memcmp(in, out, inlen) == 0, "%s changed on a round trip",
	    path);
	csvio_info_free(&info);
	report_free(r);
	free(in);
	free(out);
}

Test(csvio, round_trip_is_byte_identical)
{
	round_trip(HONGZE);
	round_trip(LUSHI);
}

Test(csvio, canonical_bytes)
{
	struct report	*r = report_new();
	char		*out;
	size_t		 len;

	report_set(r, key("meta.agency"), "某局, \"办公室\"");
	report_set(r, key("text.s1"), "第一段\n第二段");
	report_set(r, key("text.s5"), " 前有空格");
	report_set(r, key("t2.fees.amount"), "7730.28");
	report_set(r, key("prev.t4.review.total"), "3");
	report_set(r, key("prev.text.s5"), "上年的五");
	report_extra_set(r, "note.X1.natural", "说明/X1/自然人", "上年多报", 0);
	out = csvio_format(r, &len);
	cr_assert(strncmp(out, HDR "meta.format,格式,\r\n"
	    "meta.agency,报告单位,\"某局, \"\"办公室\"\"\"\r\n", 80) == 0, "%s",
	    out);
	cr_assert_not_null(strstr(out, "\r\ntext.s1,一、总体情况,\"第一段\n第二段\"\r\n"));
	cr_assert_not_null(strstr(out, "\r\ntext.s5,五、存在的主要问题及改进情况,\" 前有空格\"\r\n"));
	cr_assert_not_null(strstr(out, "\r\nt2.fees.amount,表二/第二十条第（八）项/"
	    "行政事业性收费/本年收费金额（单位：万元）,7730.28\r\n"));
	/* Last year's report: only what it holds, after this year's. */
	cr_assert_not_null(strstr(out, "\r\ntext.s6,六、其他需要报告的事项,\r\n"
	    "prev.t4.review.total,上年报告/表四/行政复议/总计,3\r\n"
	    "prev.text.s5,上年报告/五、存在的主要问题及改进情况,上年的五\r\n"
	    "note.X1.natural,说明/X1/自然人,上年多报\r\n"), "%s", out);
	cr_assert_null(strstr(out, "prev.t2.normative.in_force"));
	cr_assert_eq(strlen(out), len);
	cr_assert_neq((unsigned char)out[0], 0xef);	/* no BOM */
	free(out);
	report_free(r);
}

Test(csvio, accepts_bom_and_lf_line_ends)
{
	struct csvio_info	 info;
	struct report		*r;
	char			*in, *lf, *out, *err, *p, *q;
	size_t			 inlen, outlen;

	in = tl_slurp(HONGZE, &inlen);
	lf = malloc(inlen + 4);
	memcpy(lf, "\xef\xbb\xbf", 3);
	for (p = in, q = lf + 3; *p != '\0'; p++)
		if (!(p[0] == '\r' && p[1] == '\n'))
			*q++ = *p;
	*q = '\0';
	r = csvio_parse(lf, strlen(lf), "lf.csv", &info, &err);
	cr_assert_not_null(r, "%s", err);
	out = csvio_format(r, &outlen);
	cr_assert(outlen == inlen && memcmp(in, out, inlen) == 0);
	csvio_info_free(&info);
	report_free(r);
	free(in);
	free(lf);
	free(out);
}

/* Quote a value for a hand-made file. */
static void
put_value(FILE *f, const char *v)
{
	if (strpbrk(v, ",\"\r\n") == NULL) {
		fputs(v, f);
		return;
	}
	fputc('"', f);
	for (; *v != '\0'; v++) {
		if (*v == '"')
			fputc('"', f);
		fputc(*v, f);
	}
	fputc('"', f);
}

Test(csvio, records_in_any_order_and_no_labels)
{
	struct csvio_info	 info;
	struct report		*a, *b;
	char			*in, *mem, *out, *err;
	size_t			 inlen, memlen, outlen;
	FILE			*f;
	int			 i;

	in = tl_slurp(HONGZE, &inlen);
	a = csvio_parse(in, inlen, "a", NULL, &err);
	cr_assert_not_null(a);
	f = open_memstream(&mem, &memlen);
	fputs("key,label,value\n", f);
	/* Every other field, backwards, then the rest, backwards. */
	for (i = SCH_NFIELDS - 1; i >= 0; i -= 2) {
		fprintf(f, "%s,,", schema_field(i)->key);
		put_value(f, report_get(a, i) ? report_get(a, i) : "");
		fputs("\n", f);
	}
	for (i = SCH_NFIELDS - 2; i >= 0; i -= 2) {
		fprintf(f, "%s,,", schema_field(i)->key);
		put_value(f, report_get(a, i) ? report_get(a, i) : "");
		fputs("\n", f);
	}
	fclose(f);
	b = csvio_parse(mem, memlen, "shuffled", &info, &err);
	cr_assert_not_null(b, "%s", err);
	cr_assert_eq(info.nwarnings, 0);
	out = csvio_format(b, &outlen);
	cr_assert(outlen == inlen && memcmp(in, out, inlen) == 0);
	cr_assert_eq(report_line(b, SCH_NFIELDS - 1), 2);
	csvio_info_free(&info);
	report_free(a);
	report_free(b);
	free(in);
	free(mem);
	free(out);
}

Test(csvio, missing_keys_are_empty_and_extra_columns_tolerated)
{
	struct csvio_info	 info;
	char			*err;
	struct report		*r = parse("key,label,value,备注\r\n"
	    "meta.agency,报告单位,某局,手写的备注\r\n"
	    "t3.new.natural,, 7 ,\r\n", &info, &err);

	cr_assert_not_null(r, "%s", err);
	cr_assert_str_eq(report_get(r, key("meta.agency")), "某局");
	cr_assert_str_eq(report_get(r, key("t3.new.natural")), "7");
	cr_assert_null(report_get(r, key("t3.new.biz")));
	cr_assert_null(report_get(r, key("text.s1")));
	cr_assert_eq(report_count_empty(r, -1), 205 - 2);
	csvio_info_free(&info);
	report_free(r);
}

Test(csvio, gb18030_file_is_converted_and_said)
{
	struct csvio_info	 info;
	struct report		*r;
	char			*want, *out, *err;
	size_t			 wantlen, outlen;

	r = csvio_load(TEST_DATADIR "/csvio/gb18030.csv", &info, &err);
	cr_assert_not_null(r, "%s", err);
	cr_assert(info.converted);
	cr_assert_eq(info.nwarnings, 1);
	cr_assert_not_null(strstr(info.warnings[0], "GB18030"));
	want = tl_slurp(LUSHI, &wantlen);
	out = csvio_format(r, &outlen);
	cr_assert(outlen == wantlen && memcmp(want, out, outlen) == 0);
	cr_assert_str_eq(report_get(r, F_AGENCY), "卢氏县行政审批和政务信息管理局");
	csvio_info_free(&info);
	report_free(r);
	free(want);
	free(out);
}

/* The UTF-8 check goes 16 and 8 bytes at a time: every kind of character
 * at every offset is still taken as UTF-8, and a stray byte at any offset
 * inside Chinese text still makes the file not UTF-8. */
Test(csvio, utf8_check_holds_at_every_offset)
{
	static const char	*chars[] = { "中", "，", "ü", "😀", "\xe0\xa4\x85",
	    "\xed\x95\x9c", "\xef\xbf\xbd" };
	struct csvio_info	 info;
	struct report		*r;
	char			 text[512], file[1024], *err;
	size_t			 i, k, n;

	for (k = 0; k < 20; k++) {
		for (i = 0; i < sizeof chars / sizeof *chars; i++) {
			n = (size_t)snprintf(text, sizeof text, "%.*s%s", (int)k,
			    "abcdefghijklmnopqrst", "政府信息公开工作年度报告");
			snprintf(text + n, sizeof text - n, "%s%s", chars[i],
			    "主动公开政府信息情况。");
			snprintf(file, sizeof file, "key,label,value\r\n"
			    "meta.agency,,%s\r\n", text);
			r = parse(file, &info, &err);
			cr_assert_not_null(r, "%zu %zu: %s", k, i, err);
			cr_assert_not(info.converted, "offset %zu char %zu", k, i);
			cr_assert_str_eq(report_get(r, F_AGENCY), text);
			csvio_info_free(&info);
			report_free(r);
		}
		/* 0x80 alone is neither UTF-8 nor GB18030. */
		n = (size_t)snprintf(text, sizeof text, "%.*s%s", (int)k,
		    "abcdefghijklmnopqrst", "政府信息公开工作年度报告");
		for (i = 0; i <= n; i++) {
			snprintf(file, sizeof file, "key,label,value\r\n"
			    "meta.agency,,%.*s\x80%s\r\n", (int)i, text, text + i);
			r = parse(file, &info, &err);
			if (r != NULL) {	/* cut a character: GB18030 */
				cr_assert(info.converted, "%zu %zu", k, i);
				csvio_info_free(&info);
				report_free(r);
				continue;
			}
			cr_assert_not_null(strstr(err, "t.csv:2:"), "%s", err);
			free(err);
		}
	}
}

Test(csvio, invalid_values_are_kept_and_flagged_with_their_line)
{
	struct csvio_info	 info;
	struct findings		*fs;
	char			*err, *out;
	size_t			 len;
	struct report		*r = parse(HDR
	    "text.s1,,\"第一行\r\n第二行\r\n第三行\"\r\n"
	    "t3.new.natural,,5x0\r\n"
	    "t2.fees.amount,,1.00001\r\n"
	    "t3.new.biz,,-3\r\n", &info, &err);
	int			 i, nr5 = 0;

	cr_assert_not_null(r, "%s", err);
	cr_assert_str_eq(report_get(r, F_S1), "第一行\n第二行\n第三行");
	cr_assert_eq(report_line(r, F_S1), 2);
	cr_assert_eq(report_line(r, key("t3.new.natural")), 5);
	cr_assert_eq(report_line(r, key("t2.fees.amount")), 6);
	cr_assert_eq(report_state(r, key("t3.new.natural")), RS_INVALID);
	fs = rules_check(r, 0);
	for (i = 0; i < fs->n; i++)
		if (strcmp(fs->v[i].rule, "R5") == 0) {
			nr5++;
			if (fs->v[i].fields[0] == key("t3.new.natural"))
				cr_assert_not_null(strstr(fs->v[i].message,
				    "第 5 行"), "%s", fs->v[i].message);
		}
	cr_assert_eq(nr5, 3);
	out = csvio_format(r, &len);
	cr_assert_not_null(strstr(out, "/自然人,5x0\r\n"));
	cr_assert_not_null(strstr(out, ",1.00001\r\n"));
	cr_assert_not_null(strstr(out, "/商业企业,-3\r\n"));
	free(out);
	findings_free(fs);
	csvio_info_free(&info);
	report_free(r);
}

Test(csvio, unknown_keys_are_kept_and_written_back)
{
	struct csvio_info	 info;
	char			*err, *out;
	size_t			 len;
	struct report		*r = parse(HDR
	    "t9.future.cell,表九/将来的格子,12\r\n"
	    "meta.agency,,某局\r\n"
	    "note.X1.natural,说明/X1/自然人,\"上年报告\r\n多报了 1 件\"\r\n",
	    &info, &err);

	cr_assert_not_null(r, "%s", err);
	cr_assert_eq(info.nunknown, 1);
	cr_assert_eq(info.nwarnings, 1);
	cr_assert_str_eq(info.warnings[0],
	    "t.csv:2: 不认识的键 “t9.future.cell”：已保留，保存时原样写回");
	cr_assert_eq(report_nextras(r), 2);
	cr_assert_str_eq(report_extra_get(r, "note.X1.natural"),
	    "上年报告\n多报了 1 件");
	out = csvio_format(r, &len);
	cr_assert_not_null(strstr(out, "\r\nt9.future.cell,表九/将来的格子,12\r\n"
	    "note.X1.natural,说明/X1/自然人,\"上年报告\n多报了 1 件\"\r\n"));
	cr_assert_eq(out[len - 1], '\n');
	free(out);
	csvio_info_free(&info);
	report_free(r);
}

/* ---- what reading refuses, each with its line ---- */

Test(csvio, refuses_duplicate_key)
{
	refused(HDR "meta.agency,,甲\r\nmeta.year,,2024\r\nmeta.agency,,乙\r\n",
	    "t.csv:4: 键 “meta.agency” 重复（第 2 行已有）");
	refused(HDR "note.a,,x\r\nnote.a,,y\r\n",
	    "t.csv:3: 键 “note.a” 重复（第 2 行已有）");
}

Test(csvio, refuses_broken_quoting)
{
	refused(HDR "meta.agency,,甲\r\ntext.s1,,\"ab\"c\r\n",
	    "t.csv:3: 引号用法不对（键 “text.s1” 这一条）");
	refused(HDR "meta.agency,,甲\r\ntext.s1,,\"第一行\r\n第二行\r\n",
	    "t.csv:3: 引号没有闭合（键 “text.s1” 这一条，从这一行开始直到文件末尾）");
}

Test(csvio, refuses_missing_or_wrong_header)
{
	refused("meta.agency,,甲\r\n",
	    "t.csv:1: 缺少表头：第一行应为 “key,label,value”");
	refused("键,名称,值\r\nmeta.agency,,甲\r\n",
	    "t.csv:1: 表头不对：第一行应为 “key,label,value”，这不像是报告文件");
	refused("key,value\r\n", "t.csv:1: 表头不对：第一行应为 “key,label,value”，"
	    "这不像是报告文件");
	refused("", "t.csv: 文件是空的，缺少表头 “key,label,value”");
}

Test(csvio, refuses_a_file_that_is_not_text)
{
	struct csvio_info	 info;
	char			*err;
	static const char	 bin[] = "key,label,value\r\nmeta\0x,,1\r\n";

	cr_assert_null(csvio_parse(bin, sizeof bin - 1, "t.csv", &info, &err));
	cr_assert_str_eq(err, "t.csv:2: 这不是文本文件（含有 NUL 字节），不是报告文件");
	free(err);
	refused(HDR "meta.agency,,\xff\xfe\xff\r\n",
	    "t.csv:2: 文件的编码既不是 UTF-8 也不是 GB18030，无法读取");
}

Test(csvio, refuses_another_format_year)
{
	refused(HDR "meta.format,格式,2035\r\n",
	    "t.csv:2: meta.format 为 “2035”：本程序只认识 2021 年的全国统一格式"
	    "（2021），不能按它读取这份报告");
}

Test(csvio, load_names_a_missing_file)
{
	char	*err;

	cr_assert_null(csvio_load("/nonexistent/x.csv", NULL, &err));
	cr_assert_str_eq(err, "/nonexistent/x.csv: 无法打开：文件或文件夹不存在");
	free(err);
}

/* ---- atomic save ---- */

static char *
tmpdir(void)
{
	char	*d = strdup("/tmp/gk-csvio-XXXXXX");

	cr_assert_not_null(mkdtemp(d));
	return d;
}

Test(csvio, save_keeps_the_previous_version_and_the_mode)
{
	struct report	*r;
	struct stat	 st;
	char		*d = tmpdir(), *path, *bak, *err, *got;
	size_t		 len;

	cr_assert(asprintf(&path, "%s/r.csv", d) > 0);
	cr_assert(asprintf(&bak, "%s/r.csv~", d) > 0);
	tl_spit(path, "old bytes");
	chmod(path, 0600);
	r = csvio_load(HONGZE, NULL, &err);
	cr_assert_not_null(r);
	cr_assert_eq(csvio_save(r, path, &err), 0, "%s", err);
	cr_assert_eq(stat(path, &st), 0);
	cr_assert_eq(st.st_mode & 07777, 0600);
	got = tl_slurp(bak, &len);
	cr_assert_str_eq(got, "old bytes");
	free(got);
	got = tl_slurp(path, &len);
	cr_assert_eq(len, 28950);
	free(got);
	/* Saving again: NAME~ is now the first save. */
	cr_assert_eq(csvio_save(r, path, &err), 0);
	got = tl_slurp(bak, &len);
	cr_assert_eq(len, 28950);
	free(got);
	report_free(r);
	unlink(path);
	unlink(bak);
	rmdir(d);
	free(path);
	free(bak);
	free(d);
}

Test(csvio, save_new_file_is_0644_under_umask)
{
	struct report	*r = report_new();
	struct stat	 st;
	char		*d = tmpdir(), *path, *err;
	mode_t		 old = umask(027);

	cr_assert(asprintf(&path, "%s/new.csv", d) > 0);
	cr_assert_eq(csvio_save(r, path, &err), 0);
	umask(old);
	cr_assert_eq(stat(path, &st), 0);
	cr_assert_eq(st.st_mode & 07777, 0640);
	report_free(r);
	unlink(path);
	rmdir(d);
	free(path);
	free(d);
}

Test(csvio, failing_save_leaves_the_original_intact)
{
	struct report	*r = report_new();
	char		*d = tmpdir(), *path, *bak, *err, *got, *junk;
	size_t		 len;

	/* The folder is gone. */
	cr_assert_eq(csvio_save(r, "/nonexistent-gk/r.csv", &err), -1);
	cr_assert_not_null(strstr(err, "文件或文件夹不存在"), "%s", err);
	free(err);

	cr_assert(asprintf(&path, "%s/r.csv", d) > 0);
	cr_assert(asprintf(&bak, "%s/r.csv~", d) > 0);
	cr_assert(asprintf(&junk, "%s/r.csv~/x", d) > 0);
	tl_spit(path, "original");
	/* NAME~ cannot be replaced (a folder with something in it). */
	mkdir(bak, 0755);
	tl_spit(junk, "x");
	cr_assert_eq(csvio_save(r, path, &err), -1);
	cr_assert_not_null(strstr(err, "原文件未改动"), "%s", err);
	free(err);
	got = tl_slurp(path, &len);
	cr_assert_str_eq(got, "original");
	free(got);
	unlink(junk);
	rmdir(bak);

	/* A read-only folder (root writes anyway, so only as a user). */
	if (geteuid() != 0) {
		chmod(d, 0555);
		cr_assert_eq(csvio_save(r, path, &err), -1);
		cr_assert_not_null(strstr(err, "没有写入权限"), "%s", err);
		free(err);
		chmod(d, 0755);
		got = tl_slurp(path, &len);
		cr_assert_str_eq(got, "original");
		free(got);
	}
	unlink(path);
	rmdir(d);
	report_free(r);
	free(path);
	free(bak);
	free(junk);
	free(d);
}

Test(csvio, line_breaks_in_texts_become_lf)
{
	struct csvio_info	 info;
	char			*err;
	struct report		*r = parse(HDR "text.s1,,\"a\r\r\nb\rc\nd\"\r\n",
	    &info, &err);

	cr_assert_not_null(r, "%s", err);
	cr_assert_str_eq(report_get(r, F_S1), "a\n\nb\nc\nd");
	csvio_info_free(&info);
	report_free(r);
}

Test(csvio, reads_a_buffer_without_a_terminating_nul)
{
	static const char	 buf[] = "\r\r" "key,label,value\r\n";
	char			*err;
	struct report		*r;

	/* Only the first two bytes: no header, and no reading past them. */
	r = csvio_parse(buf, 2, "t.csv", NULL, &err);
	cr_assert_null(r);
	cr_assert_str_eq(err, "t.csv: 文件是空的，缺少表头 “key,label,value”");
	free(err);
}

/* A full disk, simulated: the write of the new contents fails halfway. */
static ssize_t
half_then_full(int fd, const void *p, size_t n)
{
	static int	 calls;

	if (calls++ == 0 && n > 100)
		return write(fd, p, 100);
	errno = ENOSPC;
	return -1;
}

Test(csvio, full_disk_leaves_the_original_and_no_temporary_file)
{
	struct report	*r;
	char		*d = tmpdir(), *path, *err = NULL, *got;
	size_t		 len;
	DIR		*dp;
	struct dirent	*e;
	int		 n = 0;

	cr_assert(asprintf(&path, "%s/r.csv", d) > 0);
	tl_spit(path, "original");
	r = csvio_load(HONGZE, NULL, &err);
	cr_assert_not_null(r);
	safeio_write_fn = half_then_full;
	cr_assert_eq(csvio_save(r, path, &err), -1);
	safeio_write_fn = write;
	cr_expect_not_null(strstr(err, "磁盘已满"), "%s", err);
	cr_expect_not_null(strstr(err, "原文件未改动"), "%s", err);
	free(err);
	got = tl_slurp(path, &len);
	cr_expect_str_eq(got, "original");
	free(got);
	/* Only the original is left: no half-written temporary file. */
	dp = opendir(d);
	while ((e = readdir(dp)) != NULL)
		if (e->d_name[0] != '.' || strlen(e->d_name) > 2)
			n++;
	closedir(dp);
	cr_expect_eq(n, 1, "files left in the folder: %d", n);
	/* Once there is space again, saving works. */
	cr_assert_eq(csvio_save(r, path, &err), 0, "%s", err);
	report_free(r);
	unlink(path);
	free(path);
	if (asprintf(&path, "%s/r.csv~", d) > 0) {
		unlink(path);
		free(path);
	}
	rmdir(d);
	free(d);
}

Test(csvio, cr_only_line_ends_are_line_ends_and_a_bare_lf_stays_in_its_text)
{
	static const char	 f[] = "key,label,value\r"
	    "meta.format,x,2021\r"
	    "text.s5,五,\"第一段\n第二段\r第三段\"\r"
	    "t3.new.natural,x,5\r";
	struct csvio_info	 info;
	struct report		*r;
	char			*err = NULL;

	r = csvio_parse(f, sizeof f - 1, "cr.csv", &info, &err);
	cr_assert_not_null(r, "%s", err);
	cr_expect_str_eq(report_get(r, schema_find("text.s5")),
	    "第一段\n第二段\n第三段");
	cr_expect_str_eq(report_get(r, schema_find("t3.new.natural")), "5");
	cr_expect_eq(report_line(r, schema_find("t3.new.natural")), 6,
	    "lines counted at CR (and at the LF inside the text)");
	cr_expect_eq(info.nunknown, 0, "no paragraph taken for a key");
	cr_assert_eq(info.nwarnings, 1);
	cr_expect_not_null(strstr(info.warnings[0], "CR"), "%s",
	    info.warnings[0]);
	csvio_info_free(&info);
	report_free(r);
}

Test(csvio, a_big_text_is_read_whole)
{
	char		*d = tmpdir(), *path, *err = NULL, *big;
	size_t		 n = 3 * 1024 * 1024, i;
	struct report	*r;
	FILE		*fp;

	cr_assert(asprintf(&path, "%s/big.csv", d) > 0);
	big = malloc(n + 1);
	for (i = 0; i < n; i++)
		big[i] = i % 100 == 99 ? '\n' : (char)('a' + i % 26);
	big[n] = '\0';
	fp = fopen(path, "w");
	fprintf(fp, "key,label,value\r\nmeta.format,x,2021\r\n"
	    "text.s5,五,\"%s\"\r\nnote.x,说明,\"%s\"\r\n"
	    "meta.agency,x,某局\r\n", big, big);
	fclose(fp);
	r = csvio_load(path, NULL, &err);
	cr_assert_not_null(r, "%s", err);
	cr_expect_str_eq(report_get(r, schema_find("text.s5")), big);
	cr_expect_str_eq(report_extra_get(r, "note.x"), big);
	cr_expect_str_eq(report_get(r, F_AGENCY), "某局");
	report_free(r);
	unlink(path);
	free(path);
	free(big);
	rmdir(d);
	free(d);
}

Test(csvio, a_big_file_that_is_no_report_is_refused_from_its_start)
{
	char		*d = tmpdir(), *path, *err = NULL;
	struct report	*r;
	FILE		*fp;
	int		 i;

	cr_assert(asprintf(&path, "%s/nohdr.csv", d) > 0);
	fp = fopen(path, "w");
	fputs("name,value\n", fp);
	for (i = 0; i < 100000; i++)
		fputs("x,1\n", fp);
	fputs("\"unclosed\n", fp);
	fclose(fp);
	r = csvio_load(path, NULL, &err);
	cr_assert_null(r);
	cr_expect_not_null(strstr(err, "nohdr.csv:1: 表头不对"), "%s", err);
	free(err);
	unlink(path);
	free(path);
	rmdir(d);
	free(d);
}

Test(csvio, ten_thousand_unknown_keys_are_kept_in_order)
{
	struct buf	 b = { 0 };
	struct report	*r;
	char		*err = NULL;
	int		 i;

	buf_add(&b, "key,label,value\r\n");
	for (i = 0; i < 9000; i++)
		buf_addf(&b, "zz.k%d,l,v%d\r\n", i, i);
	buf_add(&b, "zz.k17,l,again\r\n");
	r = csvio_parse(b.s, b.len, "keys.csv", NULL, &err);
	cr_assert_null(r, "a duplicate among 9,000 is found");
	cr_expect_not_null(strstr(err, "keys.csv:9002: 键 “zz.k17” 重复（第 19 行已有）"),
	    "%s", err);
	free(err);
	b.len -= strlen("zz.k17,l,again\r\n");
	r = csvio_parse(b.s, b.len, "keys.csv", NULL, &err);
	cr_assert_not_null(r, "%s", err);
	cr_assert_eq(report_nextras(r), 9000);
	cr_expect_str_eq(report_extra(r, 4321)->key, "zz.k4321");
	cr_expect_str_eq(report_extra_get(r, "zz.k8999"), "v8999");
	report_extra_set(r, "zz.k0", NULL, NULL, 0);
	cr_expect_null(report_extra_get(r, "zz.k0"));
	cr_expect_str_eq(report_extra_get(r, "zz.k1"), "v1");
	report_free(r);
	free(b.s);
}
