/*
 * test_textcheck.c: the rules of spec §5a that read the texts (W2, W5, X4,
 * X5) and those that compare with last year or check the period (P1, X3),
 * on real wording: the statements of tests/data/textcheck/statements.txt
 * (every W2 pattern agreeing and disagreeing, the silent list, sentences
 * of published reports), the three samples whole, and a report started
 * from last year's with year_next (new --from, F9).
 */
#include "config.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvio.h"
#include "import.h"
#include "report.h"
#include "rules.h"
#include "schema.h"
#include "textcheck.h"
#include "year.h"
#include "testlib.h"

#define HONGZE	EXAMPLES_DIR "/hongze-2024.csv"
#define LUSHI	EXAMPLES_DIR "/lushi-xzsp-2024.csv"

static const struct finding *
first(const struct findings *fs, const char *rule)
{
	int	 i;

	for (i = 0; i < fs->n; i++)
		if (strcmp(fs->v[i].rule, rule) == 0)
			return &fs->v[i];
	return NULL;
}

/* Every finding of the rules of §5a, one per line, for messages. */
static char *
listing(const struct findings *fs)
{
	char	*s = NULL;
	size_t	 n = 0;
	FILE	*f = open_memstream(&s, &n);
	int	 i;

	for (i = 0; i < fs->n; i++)
		fprintf(f, "%s %s\n", fs->v[i].rule, fs->v[i].message);
	fclose(f);
	return s;
}

/* A complete report of 2024 whose 200 cells are 0. */
static struct report *
zeros(void)
{
	return tl_zeros("某县某局", 2024, "本局认真落实条例。",
	    "存在人员业务不熟的问题，将加强培训。");
}

/* ---- W2: the statements file ----------------------------------------- */

Test(w2, every_statement_of_the_file)
{
	FILE		*f = fopen(TEST_DATADIR "/textcheck/statements.txt", "r");
	struct report	*r = NULL;
	char		 line[4096], *p, *save, *tok, *eq;
	int		 no = 0, nagree = 0, nflag = 0;

	cr_assert_not_null(f);
	while (fgets(line, sizeof line, f) != NULL) {
		struct findings	*fs;
		char		*all;
		int		 n;

		no++;
		line[strcspn(line, "\n")] = '\0';
		if (line[0] == '@') {
			report_free(r);
			r = zeros();
			save = NULL;
			for (tok = strtok_r(line + 1, " ", &save); tok != NULL;
			    tok = strtok_r(NULL, " ", &save)) {
				eq = strchr(tok, '=');
				cr_assert_not_null(eq, "line %d", no);
				*eq = '\0';
				report_set(r, tl_key(tok), eq + 1);
			}
			continue;
		}
		if (line[0] != '=' && line[0] != '!')
			continue;
		cr_assert_not_null(r, "line %d: no @ before it", no);
		p = line + 2;
		report_set(r, F_S1, p);
		fs = rules_check(r, 0);
		n = tl_count(fs, "W2");
		all = listing(fs);
		if (line[0] == '=') {
			cr_expect_eq(n, 0, "line %d: %s\n%s", no, p, all);
			nagree++;
		} else {
			cr_expect_eq(n, 1, "line %d: %s\n%s", no, p, all);
			nflag++;
		}
		free(all);
		findings_free(fs);
	}
	fclose(f);
	report_free(r);
	cr_assert_gt(nagree, 60);
	cr_assert_gt(nflag, 30);
}

/* The message quotes the phrase as written and gives the table's
 * figures, as spec §5a's example. */
Test(w2, message_quotes_the_phrase_and_gives_the_figures)
{
	struct report	*r = NULL;
	struct findings	*fs;
	char		*err = NULL;
	const struct finding *f;
	const char	*s1;

	r = csvio_load(HONGZE, NULL, &err);
	cr_assert_not_null(r, "%s", err);
	fs = rules_check(r, 0);
	cr_assert_eq(tl_count(fs, "W2"), 1);
	f = first(fs, "W2");
	cr_assert_str_eq(f->message, "一、总体情况：“受理政府信息公开申请17件”，"
	    "表三 本年新收 总计为 95（含上年结转为 95），差 78");
	cr_assert_eq(f->sev, SEV_WARNING);
	cr_assert_eq(f->section, SCH_S1);
	cr_assert_eq(f->fields[0], F_S1);
	cr_assert_eq(f->fields[1], tl_key("t3.new.total"));
	cr_assert_eq(f->fields[2], tl_key("t3.carry_in.total"));
	cr_assert_str_eq(f->note_key, "note.W2.s1.received");
	/* pos/len: the quoted bytes of the text. */
	s1 = report_get(r, F_S1);
	cr_assert_eq(strncmp(s1 + f->pos, "受理政府信息公开申请17件",
	    (size_t)f->len), 0);
	cr_assert_eq((size_t)f->len, strlen("受理政府信息公开申请17件"));
	cr_assert_eq(findings_for_text(fs, F_S1, (size_t)f->pos + 3), f);
	cr_assert_null(findings_for_text(fs, F_S1, 0));
	findings_free(fs);
	report_free(r);
}

/* A statement spread over a PDF copy's spaces and full-width digits. */
Test(w2, full_width_digits_and_spaces)
{
	struct report	*r = zeros();
	struct findings	*fs;

	report_set(r, tl_key("t3.new.total"), "1295");
	report_set(r, F_S1, "本年度受理政府信息公开申请　１２９５　件。");
	fs = rules_check(r, 0);
	cr_assert_eq(tl_count(fs, "W2"), 0, "%s", listing(fs));
	findings_free(fs);
	report_set(r, F_S1, "本年度受理政府信息公开申请 1,259 件。");
	fs = rules_check(r, 0);
	cr_assert_eq(tl_count(fs, "W2"), 1);
	cr_assert_not_null(strstr(first(fs, "W2")->message, "“受理政府信息公开申请 1,259 件”"),
	    "%s", first(fs, "W2")->message);
	findings_free(fs);
	report_free(r);
}

/* A statement is pending while the cells it reads are empty. */
Test(w2, silent_while_the_cells_are_empty)
{
	struct report	*r = zeros();
	struct findings	*fs;

	report_set(r, tl_key("t3.new.total"), NULL);
	report_set(r, tl_key("t3.carry_in.total"), NULL);
	report_set(r, F_S1, "本年度受理政府信息公开申请17件。");
	fs = rules_check(r, 0);
	cr_assert_eq(tl_count(fs, "W2"), 0);
	findings_free(fs);
	report_free(r);
}

/* A note (说明) goes with the warning, as for X1/X2. */
Test(w2, a_note_is_shown_with_it)
{
	struct report	*r = NULL;
	struct findings	*fs;
	char		*err = NULL;

	r = csvio_load(HONGZE, NULL, &err);
	cr_assert_not_null(r, "%s", err);
	report_extra_set(r, "note.W2.s1.received", "说明/W2/一",
	    "17件为区政府办本级受理数，表三为全区汇总", 0);
	fs = rules_check(r, 0);
	cr_assert_str_eq(report_extra_get(r, first(fs, "W2")->note_key),
	    "17件为区政府办本级受理数，表三为全区汇总");
	findings_free(fs);
	report_free(r);
}

Test(w2, patterns_have_ids)
{
	int	 i, n = textcheck_npatterns();

	cr_assert_gt(n, 25);
	for (i = 0; i < n; i++)
		cr_assert_not_null(textcheck_pattern_id(i));
	cr_assert_null(textcheck_pattern_id(n));
}

/* ---- The samples, whole ---------------------------------------------- */

/* The findings of §5a on a report (W2, W5, X3, X4, X5, P1). */
static int
new_rules(const struct findings *fs)
{
	return tl_count(fs, "W2") + tl_count(fs, "W5") + tl_count(fs, "X3") +
	    tl_count(fs, "X4") + tl_count(fs, "X5") + tl_count(fs, "P1");
}

static struct report *
imported(const char *name)
{
	char		 path[512];
	char		*err = NULL;
	struct report	*r;

	snprintf(path, sizeof path, TEST_DATADIR "/import/%s", name);
	r = import_load(path, NULL, &err);
	cr_assert_not_null(r, "%s: %s", name, err);
	return r;
}

Test(samples, hongze_gives_exactly_the_one_w2)
{
	struct report	*r = imported("hongze-2024.txt");
	struct findings	*fs = rules_check(r, 0);

	cr_assert_eq(tl_count(fs, "W2"), 1, "%s", listing(fs));
	cr_assert_eq(new_rules(fs), 1, "%s", listing(fs));
	cr_assert_not_null(strstr(first(fs, "W2")->message, "“受理政府信息公开申请17件”"));
	cr_assert_not_null(strstr(first(fs, "W2")->message, "95"));
	findings_free(fs);
	report_free(r);
}

Test(samples, shuyang_and_the_seed_give_none)
{
	static const char *const names[] = { "shuyang-2025.txt",
	    "lushi-xzsp-2024.txt" };
	size_t	 i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		struct report	*r = imported(names[i]);
		struct findings	*fs = rules_check(r, 0);

		cr_expect_eq(new_rules(fs), 0, "%s:\n%s", names[i], listing(fs));
		findings_free(fs);
		report_free(r);
	}
}

/* Shuyang's statements are read, not skipped: change the tables and
 * each one speaks. */
Test(samples, shuyang_statements_are_read)
{
	static const struct {
		const char	*key;
		const char	*value;
		const char	*quote;
	} cases[] = {
		{ "t3.new.total", "700", "受理政府信息公开申请 749 件" },
		{ "t3.new.natural", "600", "自然人申请 741 件" },
		{ "t3.new.legal", "9", "法人或其他组织申请 8 件" },
		{ "t3.result_total.total", "700", "办理 718 件" },
		{ "t3.carry_out.total", "30", "结转下一年 31 件" },
		{ "t4.review.total", "60", "案件 74 件" },
	};
	size_t	 i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct report	*r = imported("shuyang-2025.txt");
		struct findings	*fs;

		report_set(r, tl_key(cases[i].key), cases[i].value);
		fs = rules_check(r, 0);
		cr_expect_eq(tl_count(fs, "W2"), 1, "%s=%s:\n%s", cases[i].key,
		    cases[i].value, listing(fs));
		if (first(fs, "W2") != NULL)
			cr_expect_not_null(strstr(first(fs, "W2")->message,
			    cases[i].quote), "%s", first(fs, "W2")->message);
		findings_free(fs);
		report_free(r);
	}
}

Test(samples, examples_give_only_hongzes_w2)
{
	struct report	*r;
	struct findings	*fs;
	char		*err = NULL;

	r = csvio_load(LUSHI, NULL, &err);
	cr_assert_not_null(r, "%s", err);
	fs = rules_check(r, 0);
	cr_assert_eq(new_rules(fs), 0, "%s", listing(fs));
	findings_free(fs);
	report_free(r);
	r = csvio_load(HONGZE, NULL, &err);
	cr_assert_not_null(r, "%s", err);
	fs = rules_check(r, 0);
	cr_assert_eq(new_rules(fs), 1, "%s", listing(fs));
	findings_free(fs);
	report_free(r);
}

/* ---- P1 -------------------------------------------------------------- */

static struct findings *
with_period(const char *year, const char *start, const char *end)
{
	struct report	*r = zeros();
	struct findings	*fs;

	report_set(r, F_YEAR, year);
	report_set(r, F_PERIOD_START, start);
	report_set(r, F_PERIOD_END, end);
	fs = rules_check(r, 0);
	report_free(r);
	return fs;
}

Test(p1, the_whole_year_and_half_a_year_pass)
{
	struct findings	*fs = with_period("2024", "2024-01-01", "2024-12-31");

	cr_assert_eq(fs->n, 0, "%s", listing(fs));
	findings_free(fs);
	fs = with_period("2024", "2024-07-01", "2024-12-31");
	cr_assert_eq(fs->n, 0, "%s", listing(fs));
	findings_free(fs);
}

Test(p1, start_after_end)
{
	struct findings	*fs = with_period("2024", "2025-03-01", "2024-12-31");

	cr_assert_str_eq(first(fs, "P1")->message,
	    "统计期间：起始日期 2025-03-01 晚于截止日期 2024-12-31");
	cr_assert_eq(first(fs, "P1")->sev, SEV_ERROR);
	/* And the start is not in 2024 either. */
	cr_assert_eq(tl_count(fs, "P1"), 2, "%s", listing(fs));
	cr_assert_eq(fs->nerror, 2);
	findings_free(fs);
}

Test(p1, outside_the_year)
{
	struct findings	*fs = with_period("2025", "2024-01-01", "2024-12-31");

	cr_assert_eq(tl_count(fs, "P1"), 2, "%s", listing(fs));
	cr_assert_str_eq(first(fs, "P1")->message,
	    "统计起始日期 2024-01-01 不在报告年度 2025 年内");
	findings_free(fs);
}

Test(p1, an_empty_period_is_incomplete)
{
	struct findings	*fs = with_period("2024", NULL, NULL);

	cr_assert_eq(tl_count(fs, "P1"), 2);
	cr_assert_eq(fs->nincomplete, 2);
	cr_assert_eq(fs->nerror, 0);
	cr_assert_str_eq(first(fs, "P1")->message, "统计起始日期：尚未填写");
	findings_free(fs);
}

Test(p1, years_before_2021_and_after_this_one)
{
	struct findings	*fs = with_period("2019", "2019-01-01", "2019-12-31");
	char		 y[16], a[32], b[32];

	cr_assert_eq(tl_count(fs, "P1"), 1, "%s", listing(fs));
	cr_assert_not_null(strstr(first(fs, "P1")->message, "报告年度 2019 早于 2021 年"));
	findings_free(fs);
	snprintf(y, sizeof y, "%d", rules_this_year() + 1);
	snprintf(a, sizeof a, "%s-01-01", y);
	snprintf(b, sizeof b, "%s-12-31", y);
	fs = with_period(y, a, b);
	cr_assert_eq(tl_count(fs, "P1"), 1, "%s", listing(fs));
	cr_assert_not_null(strstr(first(fs, "P1")->message, "晚于今年"));
	findings_free(fs);
	snprintf(y, sizeof y, "%d", rules_this_year());
	snprintf(a, sizeof a, "%s-01-01", y);
	snprintf(b, sizeof b, "%s-12-31", y);
	fs = with_period(y, a, b);
	cr_assert_eq(tl_count(fs, "P1"), 0, "%s", listing(fs));
	findings_free(fs);
}

Test(p1, bad_dates_are_r5_not_p1)
{
	struct findings	*fs = with_period("2024", "2024-02-30", "2024-13-01");

	cr_assert_eq(tl_count(fs, "R5"), 2, "%s", listing(fs));
	cr_assert_eq(tl_count(fs, "P1"), 0, "%s", listing(fs));
	findings_free(fs);
}

/* ---- W5 -------------------------------------------------------------- */

Test(w5, the_drafts_count_as_empty)
{
	struct report	*r = zeros();
	struct findings	*fs;

	report_set(r, F_S1, textcheck_draft(F_S1));
	report_set(r, F_S6, textcheck_draft(F_S6));
	fs = rules_check(r, 0);
	cr_assert_eq(tl_count(fs, "W5"), 2, "%s", listing(fs));
	cr_assert_eq(fs->nincomplete, 2);
	cr_assert_str_eq(first(fs, "W5")->message,
	    "一、总体情况：只有草稿的小标题，下面还没有内容");
	cr_assert(textcheck_is_draft(r, F_S1));
	findings_free(fs);
	/* Other spellings of the headings, still nothing under them. */
	report_set(r, F_S1, "一、总体情况\n(一) 主动公开情况\n（二）依申请公开情况。\n"
	    "（三）政府信息管理情况\n\n（四）政府信息公开平台建设情况\n（五）监督保障情况\n");
	report_set(r, F_S6, "本年度依据《政府信息公开信息处理费管理办法》, 未收取信息处理费");
	fs = rules_check(r, 0);
	cr_assert_eq(tl_count(fs, "W5"), 2, "%s", listing(fs));
	findings_free(fs);
	report_set(r, F_S6, "本年度依据《政府信息公开信息处理费管理办法》，本局未收取信息处理费。");
	fs = rules_check(r, 0);
	cr_assert_eq(tl_count(fs, "W5"), 1, "%s", listing(fs));	/* 一 only */
	findings_free(fs);
	/* A line of text under a heading: a text. */
	report_set(r, F_S1, "（一）主动公开\n全年主动公开政府信息120条。\n"
	    "（二）依申请公开\n");
	fs = rules_check(r, 0);
	cr_assert_eq(tl_count(fs, "W5"), 0, "%s", listing(fs));
	findings_free(fs);
	report_free(r);
}

/* ---- X3, X4, X5 from a report started with year_next ------------------ */

static struct report *
next_year(void)
{
	struct report	*last, *r;
	char		*err = NULL;
	int		 f;

	last = csvio_load(HONGZE, NULL, &err);
	cr_assert_not_null(last, "%s", err);
	r = year_next(last);
	report_free(last);
	/* This year's figures typed: the same as last year's. */
	for (f = F_FIRST_CELL; f < F_FIRST_CELL + SCH_NCELLS; f++)
		if (report_get(r, f) == NULL)
			report_set(r, f, report_get(r, schema_prev(f)));
	return r;
}

Test(x3, a_figure_ten_times_last_years)
{
	struct report	*r = next_year();
	struct findings	*fs;
	const struct finding *f;

	fs = rules_check(r, 0);
	cr_assert_eq(tl_count(fs, "X3"), 0, "%s", listing(fs));
	findings_free(fs);
	report_set(r, tl_key("t2.permit.decisions"), "94870");
	fs = rules_check(r, 0);
	cr_assert_eq(tl_count(fs, "X3"), 1, "%s", listing(fs));
	f = first(fs, "X3");
	cr_assert_str_eq(f->message, "表二 行政许可：本年 94870，上年 9487，约为上年的 "
	    "10.0 倍（差 85383），请核对是否多打或少打了一位");
	cr_assert_str_eq(f->note_key, "note.X3.t2.permit.decisions");
	cr_assert_eq(f->fields[1], tl_key("prev.t2.permit.decisions"));
	findings_free(fs);
	/* A fifth and less: 948 against 9487. */
	report_set(r, tl_key("t2.permit.decisions"), "948");
	fs = rules_check(r, 0);
	cr_assert_eq(tl_count(fs, "X3"), 1, "%s", listing(fs));
	cr_assert_not_null(strstr(first(fs, "X3")->message, "约为上年的 1/10"));
	findings_free(fs);
	/* ×5 exactly is not more than ×5; small figures and 0 say nothing. */
	report_set(r, tl_key("t2.permit.decisions"), "47435");
	report_set(r, tl_key("t3.new.total"), "9");
	report_set(r, tl_key("prev.t3.new.total"), "1");
	report_set(r, tl_key("t4.review.total"), "0");
	fs = rules_check(r, 0);
	cr_assert_eq(tl_count(fs, "X3"), 0, "%s", listing(fs));
	findings_free(fs);
	/* Only the totals of table 三: a column of a row is not compared. */
	report_set(r, tl_key("t3.new.natural"), "950");
	fs = rules_check(r, 0);
	cr_assert_eq(tl_count(fs, "X3"), 0, "%s", listing(fs));
	findings_free(fs);
	report_set(r, tl_key("t3.new.total"), "950");
	report_set(r, tl_key("prev.t3.new.total"), "95");
	fs = rules_check(r, 0);
	cr_assert_eq(tl_count(fs, "X3"), 1, "%s", listing(fs));
	findings_free(fs);
	report_free(r);
}

Test(x4, last_years_text_left_in)
{
	struct report	*r = next_year();
	struct findings	*fs;
	char		*s1, *all;

	/* year_next keeps the texts as a draft: all three are last year's. */
	fs = rules_check(r, 0);
	cr_assert_eq(tl_count(fs, "X4"), 3, "%s", listing(fs));
	cr_assert_str_eq(first(fs, "X4")->message,
	    "一、总体情况：与上年报告的文字完全相同，请按本年情况改写");
	cr_assert_str_eq(first(fs, "X4")->note_key, "note.X4.s1");
	findings_free(fs);
	/* One paragraph rewritten, one changed by a word, the rest kept. */
	s1 = strdup(report_get(r, F_S1));
	cr_assert_not_null(strstr(s1, "2428"));
	memcpy(strstr(s1, "2428"), "3512", 4);
	report_set(r, F_S1, s1);
	report_set(r, F_S5, "2025年，全区政府信息公开工作仍有不足：依申请公开答复的"
	    "规范性有待提升。");
	report_set(r, F_S6, "2025年，区政府未收取信息处理费。");
	fs = rules_check(r, 0);
	/* 一's six paragraphs: the second changed by one figure. */
	cr_assert_eq(tl_count(fs, "X4"), 6, "%s", listing(fs));
	all = listing(fs);
	cr_assert_not_null(strstr(all, "第 2 段与上年报告的文字几乎相同"));
	cr_assert_not_null(strstr(all, "第 1 段与上年报告的文字相同"));
	free(all);
	free(s1);
	findings_free(fs);
	report_free(r);
}

Test(x5, another_year_in_the_period_sentence_or_at_a_paragraphs_head)
{
	struct report	*r = next_year();
	struct findings	*fs;
	const struct finding *f;

	/* Last year's preamble and 一 kept: the period sentence says 2024,
	 * 一's paragraphs open with 2024年. */
	fs = rules_check(r, 0);
	cr_assert_gt(tl_count(fs, "X5"), 1, "%s", listing(fs));
	f = first(fs, "X5");
	cr_assert_eq(f->fields[0], F_PREAMBLE);
	cr_assert_not_null(strstr(f->message, "写的是 2024 年，本报告是 2025 年度的"),
	    "%s", f->message);
	cr_assert_not_null(strstr(f->message, "统计期限自2024年1月1日起"), "%s",
	    f->message);
	findings_free(fs);
	report_set(r, F_PREAMBLE, "报告中所列数据统计期限自2025年1月1日起至2025年12月31日止。");
	report_set(r, F_S1, "2025年，本区坚持公开为常态。较2024年，主动公开信息增加。\n"
	    "2024年，本区……（上年的文字）\n1.2025年度，本区未收取信息处理费。\n"
	    "2026年1月23日");
	report_set(r, F_S5, "2026年，我们将继续加强培训。");
	report_set(r, F_S6, "本年未收取信息处理费。");
	fs = rules_check(r, 0);
	cr_assert_eq(tl_count(fs, "X5"), 1, "%s", listing(fs));
	f = first(fs, "X5");
	cr_assert_str_eq(f->message, "一、总体情况：“2024年”写的是 2024 年，本报告是 "
	    "2025 年度的（可能是上年的文字）");
	cr_assert_str_eq(f->note_key, "note.X5.s1");
	findings_free(fs);
	report_free(r);
}

/* A paragraph that ends right after its year or item number (read past
 * its end once, found by a fuzzing run under ASan). */
Test(x5, a_text_that_ends_at_the_year)
{
	/* (a full-width item number is not taken for one: silent) */
	static const char *const texts[] = { "2023年", "1、", "1.2023年",
	    "2023 年", "2", "１、2023年" };
	static const int want[] = { 1, 0, 1, 1, 0, 0 };
	struct report	*r = zeros();
	struct findings	*fs;
	size_t		 i;

	for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		char	*exact = strdup(texts[i]);	/* no bytes after it */

		report_set(r, F_S1, exact);
		fs = rules_check(r, 0);
		cr_expect_eq(tl_count(fs, "X5"), want[i], "%s:\n%s", exact,
		    listing(fs));
		findings_free(fs);
		free(exact);
	}
	report_free(r);
}
