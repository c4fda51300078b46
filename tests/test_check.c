/*
 * test_check.c: `gkreport check`, the real binary.
 *
 * The must-show: raising any one of the 200 figures of a clean report by 1
 * makes `check --format=csv` report exactly the identities that the change
 * breaks, each with all its keys, and nothing else. The expected set is
 * worked out here from spec §5 (not by calling rules.c).
 */
#include "config.h"

#include <sys/wait.h>

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testlib.h"

#define HONGZE	EXAMPLES_DIR "/hongze-2024.csv"
#define LUSHI	EXAMPLES_DIR "/lushi-xzsp-2024.csv"

static char	 dir[] = "/tmp/gk-check-XXXXXX";

static void
setup(void)
{
	cr_assert_not_null(mkdtemp(dir));
}

static void
teardown(void)
{
	char	*cmd;

	cr_assert(asprintf(&cmd, "rm -rf '%s'", dir) > 0);
	cr_assert_eq(system(cmd), 0);
	free(cmd);
}

TestSuite(check, .init = setup, .fini = teardown);

/* Run gkreport with args (a shell word list); stdout and stderr into
 * *out and *err (caller frees). Returns the exit status. */
static int
run(const char *args, char **out, char **err)
{
	char	*cmd, *o, *e;
	int	 st;

	cr_assert(asprintf(&o, "%s/out", dir) > 0);
	cr_assert(asprintf(&e, "%s/err", dir) > 0);
	cr_assert(asprintf(&cmd, "LANG=C.UTF-8 '%s' %s >'%s' 2>'%s'",
	    GKREPORT_BIN, args, o, e) > 0);
	st = system(cmd);
	cr_assert(WIFEXITED(st), "%s", cmd);
	*out = tl_slurp(o, NULL);
	*err = tl_slurp(e, NULL);
	free(cmd);
	free(o);
	free(e);
	return WEXITSTATUS(st);
}

/* ---- the report's figures, read from the file by hand ---- */

#define MAXF	256

struct figs {
	int	 n;
	char	*key[MAXF];
	long	 val[MAXF];
	int	 line[MAXF];	/* index into the file's lines */
};

static char	**lines;
static int	 nlines;
static char	*copy_of_lines;	/* what lines point into */

/* Split the example into CRLF-ended lines; note each figure. */
static void
read_figs(const char *text, struct figs *fg)
{
	char	*copy = strdup(text), *p = copy, *nl;

	copy_of_lines = copy;
	nlines = 0;
	lines = calloc(1000, sizeof *lines);
	fg->n = 0;
	while ((nl = strstr(p, "\r\n")) != NULL) {
		*nl = '\0';
		lines[nlines] = p;
		if (strncmp(p, "t2.", 3) == 0 || strncmp(p, "t3.", 3) == 0 ||
		    strncmp(p, "t4.", 3) == 0 || strncmp(p, "prev.", 5) == 0) {
			char	*c1 = strchr(p, ','), *c2 = strrchr(p, ',');

			fg->key[fg->n] = strndup(p, (size_t)(c1 - p));
			fg->val[fg->n] = *(c2 + 1) ? strtol(c2 + 1, NULL, 10) : -1;
			fg->line[fg->n] = nlines;
			fg->n++;
		}
		nlines++;
		p = nl + 2;
	}
}

static long
v(const struct figs *fg, const char *k)
{
	int	 i;

	for (i = 0; i < fg->n; i++)
		if (strcmp(fg->key[i], k) == 0)
			return fg->val[i];
	cr_assert_fail("no figure %s", k);
	return 0;
}

static const char *const T3R[] = { "new", "carry_in", "open", "partial",
	"deny_secret", "deny_law", "deny_safety", "deny_third", "deny_internal",
	"deny_process", "deny_enforce", "deny_query", "unable_nohold",
	"unable_create", "unable_unclear", "ignore_petition", "ignore_repeat",
	"ignore_publication", "ignore_mass", "ignore_confirm",
	"other_nocorrect", "other_nofee", "other_other", "result_total",
	"carry_out" };
static const char *const T3C[] = { "natural", "biz", "research", "npo",
	"legal", "other", "total" };
static const char *const T4G[] = { "review", "suit_direct",
	"suit_after_review" };
static const char *const T4C[] = { "maintain", "correct", "other", "pending",
	"total" };

/* Sets of findings as sorted lines "RULE key key ...". */
struct set {
	int	 n;
	char	*s[64];
};

static void
set_clear(struct set *st)
{
	int	 i;

	for (i = 0; i < st->n; i++)
		free(st->s[i]);
	st->n = 0;
}

static int
cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Add "rule" plus keys (sorted within) to set. */
static void
add(struct set *st, const char *rule, char **keys, int nkeys)
{
	size_t	 len = strlen(rule) + 1;
	char	*s;
	int	 i;

	qsort(keys, (size_t)nkeys, sizeof *keys, cmpstr);
	for (i = 0; i < nkeys; i++)
		len += strlen(keys[i]) + 1;
	s = malloc(len);
	strcpy(s, rule);
	for (i = 0; i < nkeys; i++) {
		strcat(s, " ");
		strcat(s, keys[i]);
	}
	cr_assert_lt(st->n, 64);
	st->s[st->n++] = s;
}

static void
free_keys(char **k, int n)
{
	while (n > 0)
		free(k[--n]);
}

static char *
kf(const char *pre, const char *a, const char *b)
{
	char	*s;

	cr_assert(asprintf(&s, "%s%s.%s", pre, a, b) > 0);
	return s;
}

/* Spec §5 worked out by hand on fg. */
static void
expected(const struct figs *fg, struct set *st)
{
	char	*k[32];
	long	 l, r;
	int	 c, i, n;

	set_clear(st);
	for (c = 0; c < 7; c++) {		/* R1 */
		n = 0;
		k[n++] = kf("t3.", "new", T3C[c]);
		k[n++] = kf("t3.", "carry_in", T3C[c]);
		k[n++] = kf("t3.", "result_total", T3C[c]);
		k[n++] = kf("t3.", "carry_out", T3C[c]);
		if (v(fg, k[0]) + v(fg, k[1]) != v(fg, k[2]) + v(fg, k[3]))
			add(st, "R1", k, n);
		free_keys(k, n);
	}
	for (c = 0; c < 7; c++) {		/* R2 */
		n = 0;
		k[n++] = kf("t3.", "result_total", T3C[c]);
		r = 0;
		for (i = 2; i <= 22; i++) {
			k[n++] = kf("t3.", T3R[i], T3C[c]);
			r += v(fg, k[n - 1]);
		}
		if (v(fg, k[0]) != r)
			add(st, "R2", k, n);
		free_keys(k, n);
	}
	for (i = 0; i < 25; i++) {		/* R3 */
		n = 0;
		k[n++] = kf("t3.", T3R[i], "total");
		r = 0;
		for (c = 0; c < 6; c++) {
			k[n++] = kf("t3.", T3R[i], T3C[c]);
			r += v(fg, k[n - 1]);
		}
		if (v(fg, k[0]) != r)
			add(st, "R3", k, n);
		free_keys(k, n);
	}
	for (i = 0; i < 3; i++) {		/* R4 */
		n = 0;
		k[n++] = kf("t4.", T4G[i], "total");
		r = 0;
		for (c = 0; c < 4; c++) {
			k[n++] = kf("t4.", T4G[i], T4C[c]);
			r += v(fg, k[n - 1]);
		}
		if (v(fg, k[0]) != r)
			add(st, "R4", k, n);
		free_keys(k, n);
	}
	for (c = 0; c < 7; c++) {		/* X1 */
		n = 0;
		k[n++] = kf("t3.", "carry_in", T3C[c]);
		k[n++] = kf("prev.t3.", "carry_out", T3C[c]);
		if (v(fg, k[0]) != v(fg, k[1]))
			add(st, "X1", k, n);
		free_keys(k, n);
	}
	for (i = 0; i < 2; i++) {		/* X2 */
		const char *row = i == 0 ? "rules" : "normative";

		n = 0;
		k[n++] = kf("t2.", row, "in_force");
		k[n++] = kf("prev.t2.", row, "in_force");
		k[n++] = kf("t2.", row, "issued");
		k[n++] = kf("t2.", row, "repealed");
		l = v(fg, k[0]);
		r = v(fg, k[1]) + v(fg, k[2]) - v(fg, k[3]);
		if (l != r)
			add(st, "X2", k, n);
		free_keys(k, n);
	}
	/* W3 needs other_nofee.total > 0 and a 六 without 信息处理费/收费;
	 * the example's 六 speaks of 信息处理费, so W3 never comes. */
	qsort(st->s, (size_t)st->n, sizeof *st->s, cmpstr);
}

/* The findings of a --format=csv output, as a set. */
static void
actual(const char *csv, struct set *st)
{
	char	*copy = strdup(csv), *line, *save = NULL;
	int	 first = 1;

	set_clear(st);
	for (line = strtok_r(copy, "\r\n", &save); line != NULL;
	    line = strtok_r(NULL, "\r\n", &save)) {
		char	*f[5], *p = line, *keys[40], *kp, *ks = NULL;
		int	 i, nk = 0;

		if (first) {
			cr_assert_str_eq(line, "file,rule,severity,keys,message");
			first = 0;
			continue;
		}
		for (i = 0; i < 4; i++) {
			f[i] = p;
			p = strchr(p, ',');
			cr_assert_not_null(p, "short record: %s", line);
			*p++ = '\0';
		}
		/* Only the identities: the example's text says 17 where
		 * table 三 has 95 (W2), and the rules of §5a are tested on
		 * their own. */
		if (strcmp(f[1], "W2") == 0 || strcmp(f[1], "X3") == 0)
			continue;
		for (kp = strtok_r(f[3], " ", &ks); kp != NULL;
		    kp = strtok_r(NULL, " ", &ks))
			keys[nk++] = kp;
		add(st, f[1], keys, nk);
	}
	qsort(st->s, (size_t)st->n, sizeof *st->s, cmpstr);
	free(copy);
}

Test(check, every_figure_plus_one_breaks_exactly_its_identities)
{
	struct figs	 fg;
	struct set	 want = { 0 }, got = { 0 };
	char		*text = tl_slurp(HONGZE, NULL);
	char		*path, *out, *err, *args, *old;
	int		 i, j, cells = 0, st;
	FILE		*f;

	read_figs(text, &fg);
	cr_assert(asprintf(&path, "%s/one.csv", dir) > 0);
	cr_assert(asprintf(&args, "check --format=csv '%s'", path) > 0);
	expected(&fg, &want);
	cr_assert_eq(want.n, 0, "the example is not clean: %s", want.s[0]);
	for (i = 0; i < fg.n; i++) {
		if (strncmp(fg.key[i], "prev.", 5) == 0)
			continue;
		cells++;
		old = lines[fg.line[i]];
		fg.val[i]++;
		cr_assert(asprintf(&lines[fg.line[i]], "%.*s%ld",
		    (int)(strrchr(old, ',') - old + 1), old, fg.val[i]) > 0);
		f = fopen(path, "wb");
		for (j = 0; j < nlines; j++)
			fprintf(f, "%s\r\n", lines[j]);
		fclose(f);
		expected(&fg, &want);
		st = run(args, &out, &err);
		actual(out, &got);
		cr_expect_eq(got.n, want.n, "%s+1: %d findings, want %d:\n%s",
		    fg.key[i], got.n, want.n, out);
		for (j = 0; j < want.n && j < got.n; j++)
			cr_expect_str_eq(got.s[j], want.s[j], "%s+1", fg.key[i]);
		/* Errors make 1; a change that breaks nothing (a figure of
		 * table 二 outside X2, or a warning only) leaves 0. */
		cr_expect_eq(st, strstr(out, ",error,") != NULL ? 1 : 0,
		    "%s+1: exit %d", fg.key[i], st);
		cr_expect_str_eq(err, "");
		free(out);
		free(err);
		free(lines[fg.line[i]]);
		lines[fg.line[i]] = old;
		fg.val[i]--;
	}
	cr_assert_eq(cells, 200);
	set_clear(&want);
	set_clear(&got);
	for (i = 0; i < fg.n; i++)
		free(fg.key[i]);
	free(lines[0] == NULL ? NULL : copy_of_lines);
	free(lines);
	free(text);
	free(path);
	free(args);
}

Test(check, clean_examples_exit_0)
{
	char	*out, *err;

	cr_assert_eq(run("check '" HONGZE "' '" LUSHI "'", &out, &err), 0);
	/* Hongze's text says 17 requests where table 三 has 95 (W2, a
	 * warning: the report is still clean). */
	cr_assert_str_eq(out, HONGZE "\n  一、总体情况\n    提示  一、总体情况："
	    "“受理政府信息公开申请17件”，表三 本年新收 总计为 95（含上年结转为 95），"
	    "差 78\n"
	    HONGZE "：已填全，无错误（错误 0 项，未填 0 项，提示 1 项）\n"
	    LUSHI "：已填全，无错误（错误 0 项，未填 0 项，提示 0 项）\n");
	cr_assert_str_eq(err, "");
	free(out);
	free(err);
	cr_assert_eq(run("check --format=csv '" HONGZE "'", &out, &err), 0);
	cr_assert_str_eq(out, "file,rule,severity,keys,message\r\n"
	    HONGZE ",W2,warning,text.s1 t3.new.total t3.carry_in.total,"
	    "一、总体情况：“受理政府信息公开申请17件”，表三 本年新收 总计为 95"
	    "（含上年结转为 95），差 78\r\n");
	free(out);
	free(err);
}

/* A small report with a known error, an empty cell and a warning. */
static char *
flawed(void)
{
	char	*text = tl_slurp(HONGZE, NULL), *p, *path;

	/* 95 new requests become 96 (R1, R3 break). */
	p = strstr(text, "/一、本年新收政府信息公开申请数量/自然人,95\r\n");
	cr_assert_not_null(p);
	p[strlen("/一、本年新收政府信息公开申请数量/自然人,9")] = '6';
	/* 行政许可 left empty. */
	p = strstr(text, "/行政许可/本年处理决定数量,9487\r\n");
	cr_assert_not_null(p);
	memmove(p + strlen("/行政许可/本年处理决定数量,"),
	    p + strlen("/行政许可/本年处理决定数量,9487"),
	    strlen(p + strlen("/行政许可/本年处理决定数量,9487")) + 1);
	cr_assert(asprintf(&path, "%s/flawed.csv", dir) > 0);
	tl_spit(path, text);
	free(text);
	return path;
}

Test(check, text_groups_findings_by_table)
{
	char	*path = flawed(), *args, *out, *err;

	cr_assert(asprintf(&args, "check '%s'", path) > 0);
	cr_assert_eq(run(args, &out, &err), 1);
	cr_assert_not_null(strstr(out, "  表二\n    未填  表二 › 第二十条第（五）项 › "
	    "行政许可 › 本年处理决定数量：尚未填写\n  表三\n    错误  表三 自然人列：一(96)+二(0)=96，"
	    "不等于 三(七)总计(95)+四(0)=95，差 1\n"), "%s", out);
	cr_assert_not_null(strstr(out, "：未填全，有错误（错误 2 项，未填 1 项，提示 1 项）\n"),
	    "%s", out);
	free(out);
	free(err);
	free(args);
	free(path);
}

Test(check, csv_lists_every_finding_with_its_keys)
{
	char	*path = flawed(), *args, *out, *err, *want;

	cr_assert(asprintf(&args, "check --format=csv '%s'", path) > 0);
	cr_assert_eq(run(args, &out, &err), 1);
	cr_assert(asprintf(&want, "file,rule,severity,keys,message\r\n"
	    "%s,W2,warning,text.s1 t3.new.total t3.carry_in.total,一、总体情况："
	    "“受理政府信息公开申请17件”，表三 本年新收 总计为 95（含上年结转为 95），"
	    "差 78\r\n"
	    "%s,W1,incomplete,t2.permit.decisions,表二 › 第二十条第（五）项 › 行政许可 › "
	    "本年处理决定数量：尚未填写\r\n"
	    "%s,R1,error,t3.new.natural t3.carry_in.natural t3.result_total.natural "
	    "t3.carry_out.natural,表三 自然人列：一(96)+二(0)=96，不等于 三(七)总计(95)"
	    "+四(0)=95，差 1\r\n", path, path, path) > 0);
	cr_assert(strncmp(out, want, strlen(want)) == 0, "%s", out);
	cr_assert_not_null(strstr(out, ",R3,error,t3.new.total t3.new.natural "
	    "t3.new.biz t3.new.research t3.new.npo t3.new.legal t3.new.other,"));
	free(want);
	free(out);
	free(err);
	free(args);
	free(path);
}

Test(check, csv_quotes_fields_that_need_it)
{
	char	*text = tl_slurp(HONGZE, NULL), *path, *args, *out, *err, *p;

	cr_assert(asprintf(&path, "%s/a,\"b\".csv", dir) > 0);
	p = strstr(text, "t3.new.biz,");
	p = strstr(p, ",0\r\n");
	memcpy(p, ",x\r\n", 4);
	tl_spit(path, text);
	cr_assert(asprintf(&args, "check --format=csv 'a,\"b\".csv'") > 0);
	cr_assert_eq(chdir(dir), 0);
	cr_assert_eq(run(args, &out, &err), 1);
	cr_assert_not_null(strstr(out, "\r\n\"a,\"\"b\"\".csv\",R5,error,t3.new.biz,"),
	    "%s", out);
	free(text);
	free(path);
	free(args);
	free(out);
	free(err);
}

Test(check, unreadable_file_exits_2_and_the_others_are_checked)
{
	char	*path, *args, *out, *err;

	cr_assert(asprintf(&path, "%s/broken.csv", dir) > 0);
	tl_spit(path,
	    "key,label,value\r\nmeta.agency,,甲\r\nmeta.agency,,乙\r\n");
	cr_assert(asprintf(&args, "check '%s' /nonexistent.csv '%s'", path,
	    HONGZE) > 0);
	cr_assert_eq(run(args, &out, &err), 2);
	cr_assert_not_null(strstr(err, "broken.csv:3: 键 “meta.agency” 重复（第 2 行已有）"),
	    "%s", err);
	cr_assert_not_null(strstr(err, "gkreport: /nonexistent.csv: 无法打开"), "%s", err);
	cr_assert_not_null(strstr(out, HONGZE "：已填全，无错误"));
	free(out);
	free(err);
	free(args);
	free(path);
}

Test(check, reading_warnings_go_to_stderr_with_the_line)
{
	char	*text = tl_slurp(LUSHI, NULL), *path, *args, *out, *err;
	FILE	*f;

	cr_assert(asprintf(&path, "%s/unknown.csv", dir) > 0);
	f = fopen(path, "wb");
	fprintf(f, "%sx.future,将来,1\r\n", text);
	fclose(f);
	cr_assert(asprintf(&args, "check '%s'", path) > 0);
	cr_assert_eq(run(args, &out, &err), 0);
	cr_assert_not_null(strstr(err, "unknown.csv:218: 警告：不认识的键 “x.future”"),
	    "%s", err);
	cr_assert_eq(strncmp(err, "gkreport: ", 10), 0);
	free(out);
	free(err);
	free(args);
	cr_assert_eq(run("check '" TEST_DATADIR "/csvio/gb18030.csv'", &out, &err), 0);
	cr_assert_not_null(strstr(err, "gb18030.csv: 警告：文件不是 UTF-8"), "%s", err);
	free(out);
	free(err);
	free(text);
	free(path);
}

Test(check, blank_as_zero)
{
	char	*path, *args, *out, *err;

	cr_assert(asprintf(&path, "%s/blank.csv", dir) > 0);
	tl_spit(path,
	    "key,label,value\r\nmeta.agency,,某局\r\nmeta.year,,2024\r\n"
	    "meta.period_start,,2024-01-01\r\nmeta.period_end,,2024-12-31\r\n"
	    "text.s1,,正文\r\ntext.s5,,存在培训不足的问题。\r\ntext.s6,,未收取信息处理费。\r\n"
	    "t3.new.natural,,2\r\nt3.new.total,,2\r\n"
	    "t3.result_total.natural,,2\r\nt3.result_total.total,,2\r\n"
	    "t3.open.natural,,2\r\nt3.open.total,,2\r\n");
	cr_assert(asprintf(&args, "check '%s'", path) > 0);
	cr_assert_eq(run(args, &out, &err), 1);
	cr_assert_not_null(strstr(out, "未填 194 项"), "%s", out);
	free(out);
	free(err);
	free(args);
	cr_assert(asprintf(&args, "check --blank-as-zero '%s'", path) > 0);
	cr_assert_eq(run(args, &out, &err), 0);
	cr_assert_not_null(strstr(out, "：已填全，无错误（错误 0 项，未填 0 项，提示 0 项）"),
	    "%s", out);
	free(out);
	free(err);
	free(args);
	free(path);
}

Test(check, prev_fills_last_years_figures)
{
	char	*text = tl_slurp(HONGZE, NULL);
	char	*last, *cur, *args, *out, *err, *p;

	/* Last year: 2 requests carried out by 自然人; in_force 6. */
	cr_assert(asprintf(&last, "%s/last.csv", dir) > 0);
	p = strstr(text, "/四、结转下年度继续办理/自然人,0\r\n");
	p[strlen("/四、结转下年度继续办理/自然人,")] = '2';
	p = strstr(text, "/四、结转下年度继续办理/总计,0\r\n");
	p[strlen("/四、结转下年度继续办理/总计,")] = '2';
	p = strstr(text, "第二十条第（一）项/行政规范性文件/现行有效件数,8\r\n");
	p[strlen("第二十条第（一）项/行政规范性文件/现行有效件数,")] = '6';
	p = strstr(text, "meta.year,报告年度,2024\r\n");
	p[strlen("meta.year,报告年度,202")] = '3';
	tl_spit(last, text);
	free(text);
	/* This year without prev.*: nothing to compare. */
	text = tl_slurp(LUSHI, NULL);
	cr_assert(asprintf(&cur, "%s/cur.csv", dir) > 0);
	tl_spit(cur, text);
	cr_assert(asprintf(&args, "check --format=csv --prev '%s' '%s'", last,
	    cur) > 0);
	cr_assert_eq(run(args, &out, &err), 0);	/* warnings only */
	cr_assert_str_eq(err, "");
	cr_assert_not_null(strstr(out, ",X1,warning,t3.carry_in.natural "
	    "prev.t3.carry_out.natural,"), "%s", out);
	cr_assert_not_null(strstr(out, ",X1,warning,t3.carry_in.total "
	    "prev.t3.carry_out.total,"), "%s", out);
	cr_assert_not_null(strstr(out, ",X2,warning,t2.normative.in_force "
	    "prev.t2.normative.in_force t2.normative.issued t2.normative.repealed,"),
	    "%s", out);
	free(out);
	free(err);
	free(args);
	cr_assert(asprintf(&args, "check --format=csv '%s'", cur) > 0);
	cr_assert_eq(run(args, &out, &err), 0);
	cr_assert_str_eq(out, "file,rule,severity,keys,message\r\n");
	free(out);
	free(err);
	free(args);
	/* Last year's file of the wrong year is said. */
	cr_assert(asprintf(&args, "check --prev '%s' '%s'", cur, cur) > 0);
	cr_assert_eq(run(args, &out, &err), 0);
	cr_assert_not_null(strstr(err, "警告：--prev 给出的是 2024 年的报告，而这份是 2024 年的"),
	    "%s", err);
	free(out);
	free(err);
	free(args);
	free(text);
	free(last);
	free(cur);
}

Test(check, usage_errors_exit_2_and_help_exits_0)
{
	char	*out, *err;

	cr_assert_eq(run("check", &out, &err), 2);
	cr_assert_not_null(strstr(err, "gkreport check --help"));
	free(out);
	free(err);
	cr_assert_eq(run("check --format=xml x.csv", &out, &err), 2);
	free(out);
	free(err);
	cr_assert_eq(run("check --prev /nonexistent.csv '" HONGZE "'", &out, &err), 2);
	free(out);
	free(err);
	cr_assert_eq(run("check --help", &out, &err), 0);
	cr_assert_eq(strncmp(out, "用法：gkreport check", strlen("用法：gkreport check")), 0);
	free(out);
	free(err);
	cr_assert_eq(run("check --version", &out, &err), 0);
	cr_assert_eq(strncmp(out, "gkreport ", 9), 0);
	free(out);
	free(err);
}
