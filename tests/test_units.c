/* test_units.c: the county office's desk: the units table (figures, rates
 * against hand computations, ranks, Excel-clean CSV), duplicates, the
 * roster, the review sheet and the page (model/units, roster, review,
 * sumhtml). */
#include "config.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "review.h"
#include "roster.h"
#include "rules.h"
#include "sumhtml.h"
#include "units.h"
#include "testlib.h"

/* A complete, clean report: every cell 0, texts filled. */
static struct report *
unit(const char *agency, int y)
{
	return tl_zeros(agency, y, "总体情况", "存在问题：公开不够及时。");
}

/* The index of a figure or rate by its label. */
static int
fig(const char *label)
{
	int	 k;

	for (k = 0; k < UNITS_NFIGS; k++)
		if (strcmp(units_figs[k].label, label) == 0)
			return k;
	cr_assert_fail("no figure %s", label);
	return -1;
}

static int
rate(const char *label)
{
	int	 k;

	for (k = 0; k < UNITS_NRATES; k++)
		if (strcmp(units_rates[k].label, label) == 0)
			return k;
	cr_assert_fail("no rate %s", label);
	return -1;
}

static const char *
rate_of(const struct report *r, const char *label)
{
	static char	 buf[32];
	int64_t		 f[UNITS_NFIGS];
	uint64_t	 have;

	units_figures(r, f, &have);
	return units_rate_text(f, have, rate(label), buf);
}

/*
 * The known unit: table 三's total column 予以公开 30, 部分公开 10,
 * 不予公开 5 + 3 (two rows), 无法提供 7, 不予处理 4, 其他处理 11 (three
 * rows: 1 + 0 + 10), (七)总计 70; table 四 复议 维持 5 纠正 2 其他 1
 * 尚未审结 2 总计 10; 直接起诉 纠正 1 维持 2 尚未审结 1 总计 4, 复议后起诉
 * 维持 3 总计 3.
 */
static struct report *
known(void)
{
	struct report	*r = unit("县甲局", 2024);

	tl_set(r, "t3.open.total", "30");
	tl_set(r, "t3.partial.total", "10");
	tl_set(r, "t3.deny_secret.total", "5");
	tl_set(r, "t3.deny_query.total", "3");
	tl_set(r, "t3.unable_nohold.total", "7");
	tl_set(r, "t3.ignore_repeat.total", "4");
	tl_set(r, "t3.other_nocorrect.total", "1");
	tl_set(r, "t3.other_other.total", "10");
	tl_set(r, "t3.result_total.total", "70");
	tl_set(r, "t4.review.maintain", "5");
	tl_set(r, "t4.review.correct", "2");
	tl_set(r, "t4.review.other", "1");
	tl_set(r, "t4.review.pending", "2");
	tl_set(r, "t4.review.total", "10");
	tl_set(r, "t4.suit_direct.maintain", "2");
	tl_set(r, "t4.suit_direct.correct", "1");
	tl_set(r, "t4.suit_direct.pending", "1");
	tl_set(r, "t4.suit_direct.total", "4");
	tl_set(r, "t4.suit_after_review.maintain", "3");
	tl_set(r, "t4.suit_after_review.total", "3");
	tl_set(r, "t2.fees.amount", "7730.28");
	return r;
}

Test(units, figures_add_their_rows_and_columns)
{
	struct report	*r = known();
	int64_t		 f[UNITS_NFIGS];
	uint64_t	 have;
	char		 buf[32];

	units_figures(r, f, &have);
	cr_assert_eq(f[fig("不予公开")], 8);
	cr_assert_eq(f[fig("其他处理")], 11);
	cr_assert_eq(f[fig("（七）总计")], 70);
	cr_assert_eq(f[fig("行政诉讼·总计")], 7);
	cr_assert_eq(f[fig("行政诉讼·尚未审结")], 1);
	cr_assert_str_eq(units_fig_text(f, have, fig("行政事业性收费（万元）"),
	    buf), "7730.28");
	report_free(r);
}

/* 公开率 40/70 = 57.142…; 不予公开率 8/70 = 11.428…; 无法提供率 7/70 = 10;
 * 复议纠错率 2/(10-2) = 25; 诉讼败诉率 1/(7-1) = 16.666… */
Test(units, rates_equal_hand_computation)
{
	struct report	*r = known();

	cr_assert_str_eq(rate_of(r, "公开率"), "57.14");
	cr_assert_str_eq(rate_of(r, "不予公开率"), "11.43");
	cr_assert_str_eq(rate_of(r, "无法提供率"), "10.00");
	cr_assert_str_eq(rate_of(r, "复议纠错率"), "25.00");
	cr_assert_str_eq(rate_of(r, "诉讼败诉率"), "16.67");
	report_free(r);
}

Test(units, rate_rounds_half_up_in_integers)
{
	cr_assert_eq(units_rate_bp(1, 8), 1250);	/* 12.50 */
	cr_assert_eq(units_rate_bp(2, 3), 6667);	/* 66.666… */
	cr_assert_eq(units_rate_bp(1, 3), 3333);
	cr_assert_eq(units_rate_bp(1, 20000), 1);	/* 0.005 % up */
	cr_assert_eq(units_rate_bp(1, 20001), 0);
	cr_assert_eq(units_rate_bp(INT64_C(999999999999999),
	    INT64_C(999999999999999)), 10000);	/* no overflow */
}

Test(units, rate_is_empty_without_denominator_or_figure)
{
	struct report	*r = unit("县乙局", 2024);

	/* all zero: (七)总计 0, 复议 total - pending 0 */
	cr_assert_str_eq(rate_of(r, "公开率"), "");
	cr_assert_str_eq(rate_of(r, "复议纠错率"), "");
	tl_set(r, "t3.result_total.total", "4");
	tl_set(r, "t3.open.total", "1");
	cr_assert_str_eq(rate_of(r, "公开率"), "25.00");
	tl_set(r, "t3.partial.total", NULL);	/* unknown part */
	cr_assert_str_eq(rate_of(r, "公开率"), "");
	tl_set(r, "t3.partial.total", "5x");	/* invalid part */
	cr_assert_str_eq(rate_of(r, "公开率"), "");
	/* 复议: all pending leaves no denominator */
	tl_set(r, "t4.review.pending", "3");
	tl_set(r, "t4.review.total", "3");
	cr_assert_str_eq(rate_of(r, "复议纠错率"), "");
	report_free(r);
}

/* Three units at 50 %, 50 % and 25 % 公开率: ranks 1, 1, 3. Their 复议纠错率
 * 0 %, 50 %, 50 %: the lowest is best, 1, 2, 2. */
Test(units, ranks_share_ties_and_put_the_best_first)
{
	struct units	*u = units_new(0);
	struct report	*r;
	const char	*open[] = { "2", "2", "1" }, *corr[] = { "0", "1", "1" };
	int		 i;

	for (i = 0; i < 3; i++) {
		char name[32];

		snprintf(name, sizeof name, "单位%d", i);
		r = unit(name, 2024);
		tl_set(r, "t3.open.total", open[i]);
		tl_set(r, "t3.result_total.total", "4");
		tl_set(r, "t4.review.correct", corr[i]);
		tl_set(r, "t4.review.maintain", "1");
		tl_set(r, "t4.review.total", i == 0 ? "1" : "2");
		units_add(u, name, r, NULL, UNIT_CLEAN, NULL);
		report_free(r);
	}
	units_rank(u);
	cr_assert_eq(units_get(u, 0)->rank[rate("公开率")], 1);
	cr_assert_eq(units_get(u, 1)->rank[rate("公开率")], 1);
	cr_assert_eq(units_get(u, 2)->rank[rate("公开率")], 3);
	cr_assert_eq(units_get(u, 0)->rank[rate("复议纠错率")], 1);
	cr_assert_eq(units_get(u, 1)->rank[rate("复议纠错率")], 2);
	cr_assert_eq(units_get(u, 2)->rank[rate("复议纠错率")], 2);
	/* not ranked: 不予公开率 */
	cr_assert_eq(units_get(u, 0)->rank[rate("不予公开率")], 0);
	units_free(u);
}

Test(units, counts_findings_by_every_rule_of_the_rules_table)
{
	struct units	*u = units_new(UNITS_KEEP_FINDINGS);
	struct report	*r = unit("县丙局", 2024);
	struct findings	*fs;
	struct unit	*un;
	struct buf	 b = { 0 };
	int		 k;

	tl_set(r, "t3.open.biz", "1");		/* R2 on biz, R3 on open */
	tl_set(r, "t3.new.natural", NULL);	/* W1 */
	fs = rules_check(r, 0);
	un = units_add(u, "c.csv", r, fs, UNIT_ERROR, NULL);
	cr_assert_eq(un->by_rule[rules_index("R2")], 1);
	cr_assert_eq(un->by_rule[rules_index("R3")], 1);
	cr_assert_eq(un->by_rule[rules_index("W1")], 1);
	cr_assert_eq(un->nerror, fs->nerror);
	cr_assert_eq(un->nempty, 1);
	/* one kept entry per finding, W1 once */
	cr_assert_eq(un->nfindings, fs->nerror + fs->nwarning + 1);
	units_csv(u, false, &b);
	for (k = 0; k < rules_ninfo; k++)
		cr_assert_not_null(strstr(b.s, rules_info[k].id),
		    "rule %s has no column", rules_info[k].id);
	free(b.s);
	findings_free(fs);
	report_free(r);
	units_free(u);
}

/* Two findings of one rule on one field (two statements of 一 that W2
 * doubts) are told apart by their note keys, as the review sheet needs. */
Test(units, findings_are_keyed_by_note_key_else_cell)
{
	struct units	*u = units_new(UNITS_KEEP_FINDINGS);
	struct report	*r = unit("县丁局", 2024);
	struct finding	 v[3];
	struct findings	 fs = { 3, v, 1, 0, 2 };
	struct unit	*un;
	char		 m0[] = "一：甲", m1[] = "一：乙", m2[] = "表三";
	char		 k0[] = "note.W2.s1.1", k1[] = "note.W2.s1.2";

	memset(v, 0, sizeof v);
	v[0].rule = "W2";
	v[0].sev = SEV_WARNING;
	v[0].nfields = 1;
	v[0].fields[0] = F_S1;
	v[0].message = m0;
	v[0].note_key = k0;
	v[1] = v[0];
	v[1].message = m1;
	v[1].note_key = k1;
	v[2].rule = "R2";
	v[2].sev = SEV_ERROR;
	v[2].nfields = 1;
	v[2].fields[0] = schema_find("t3.result_total.biz");
	v[2].message = m2;
	un = units_add(u, "d.csv", r, &fs, UNIT_ERROR, NULL);
	cr_assert_eq(un->nfindings, 3);
	cr_assert_str_eq(un->findings[0].key, "note.W2.s1.1");
	cr_assert_str_eq(un->findings[1].key, "note.W2.s1.2");
	cr_assert_str_eq(un->findings[2].key, "t3.result_total.biz");
	cr_assert_eq(un->by_rule[rules_index("W2")], 2);
	report_free(r);
	units_free(u);
}

Test(units, csv_is_excel_clean)
{
	struct units	*u = units_new(0);
	struct report	*r = known();
	struct buf	 b = { 0 };
	const char	*p;

	report_set(r, F_AGENCY, "=HYPERLINK(\"x\")");
	units_add(u, "-a.csv", r, NULL, UNIT_CLEAN, NULL);
	units_rank(u);
	units_csv(u, false, &b);
	cr_assert(strncmp(b.s, "\xef\xbb\xbf", 3) == 0, "no BOM");
	for (p = b.s; (p = strchr(p, '\n')) != NULL; p++)
		cr_assert_eq(p[-1], '\r', "a bare LF");
	cr_assert_not_null(strstr(b.s, ",\"'=HYPERLINK(\"\"x\"\")\","));
	cr_assert_not_null(strstr(b.s, ",'-a.csv,"));
	/* the header states each rate's denominator */
	cr_assert_not_null(strstr(b.s,
	    "公开率(%)=(予以公开+部分公开)/(七)总计"));
	cr_assert_not_null(strstr(b.s,
	    "复议纠错率(%)=行政复议结果纠正/(行政复议总计-尚未审结)"));
	/* computed figures are never guarded */
	cr_assert_not_null(strstr(b.s, ",57.14,1,11.43,10.00,25.00,1,16.67,1,"));
	free(b.s);
	report_free(r);
	units_free(u);
}

Test(units, dupset_finds_the_same_agency_and_year)
{
	struct dupset	*d = dupset_new();
	const char	*dir, *name;
	char		 names[3000][16], ag[32];
	int		 i;

	cr_assert_not(dupset_check(d, "县甲局", 2024, "c", "a.csv", &dir,
	    &name));
	cr_assert_not(dupset_check(d, "县甲局", 2023, "c", "b.csv", &dir,
	    &name));
	cr_assert_not(dupset_check(d, "县乙局", 2024, NULL, "c.csv", &dir,
	    &name));
	for (i = 0; i < 3000; i++) {	/* past the first growth */
		snprintf(names[i], sizeof names[i], "u%d.csv", i);
		snprintf(ag, sizeof ag, "单位%d", i);
		cr_assert_not(dupset_check(d, ag, 2024, "c", names[i], &dir,
		    &name));
	}
	cr_assert(dupset_check(d, "县甲局", 2024, "c", "z.csv", &dir, &name));
	cr_assert_str_eq(dir, "c");
	cr_assert_str_eq(name, "a.csv");
	cr_assert(dupset_check(d, "单位1234", 2024, "d", "y.csv", &dir,
	    &name));
	cr_assert_str_eq(name, "u1234.csv");
	dupset_free(d);
}

/* The same unit typed another day: spaces and full-width letters aside,
 * it is the same agency; another name is not. */
Test(units, dupset_matches_an_agency_typed_with_other_spaces_or_widths)
{
	struct dupset	*d = dupset_new();
	const char	*dir, *name;

	cr_assert_not(dupset_check(d, "县教育局", 2024, "c", "a.csv", &dir,
	    &name));
	cr_assert_not(dupset_check(d, "县（区）教育局", 2024, "c", "b.csv",
	    &dir, &name));
	cr_assert_not(dupset_check(d, "县ABC局", 2024, "c", "c.csv", &dir,
	    &name));
	cr_expect(dupset_check(d, "县教育局 ", 2024, "c", "d.csv", &dir,
	    &name));
	cr_expect(dupset_check(d, "县　教育局", 2024, "c", "e.csv", &dir,
	    &name));
	cr_expect(dupset_check(d, "县\u00a0教育局", 2024, "c", "f.csv", &dir,
	    &name));
	cr_expect_str_eq(name, "a.csv");
	cr_expect(dupset_check(d, "县(区)教育局", 2024, "c", "g.csv", &dir,
	    &name));
	cr_expect_str_eq(name, "b.csv");
	cr_expect(dupset_check(d, "县ＡＢＣ局", 2024, "c", "h.csv", &dir,
	    &name));
	cr_expect_not(dupset_check(d, "县教育厅", 2024, "c", "i.csv", &dir,
	    &name));
	cr_expect_not(dupset_check(d, "县教育局", 2025, "c", "j.csv", &dir,
	    &name));
	/* ｀ (U+FF40) is full-width ASCII too; ｟ (U+FF5F) is not. */
	cr_expect_not(dupset_check(d, "县｟局", 2024, "c", "k.csv", &dir,
	    &name));
	dupset_free(d);
}

/* ---- roster ----------------------------------------------------------- */

Test(roster, distance_counts_characters)
{
	cr_assert_eq(roster_distance("abc", "abd"), 1);
	cr_assert_eq(roster_distance("县教育局", "县教育厅"), 1);
	cr_assert_eq(roster_distance("县财政局", "县财正局"), 1);
	cr_assert_eq(roster_distance("县财政局", "财政局"), 1);
	cr_assert_eq(roster_distance("", "县局"), 2);
	cr_assert_eq(roster_distance("县交通运输局", "县交通局"), 2);
}

Test(roster, lists_missing_and_unknown_with_suggestions)
{
	static const char text[] =
	    "\xef\xbb\xbf# 某县应报单位\r\n"
	    "县教育局\r\n"
	    "  县交通运输局 \r\n"
	    "\r\n"
	    "城关镇人民政府（街道）\n"
	    "县财政局\n"
	    "县教育局\n"			/* twice: kept once */
	    "县卫生健康委员会";
	struct roster		*ro;
	struct roster_result	 res;
	const char		*ag[] = { "县教育局", "县交通运输局",
	    "城关镇人民政府 (街道)", "县财正局", NULL, "县财正局",
	    "某某公司" };

	ro = roster_parse(text + 3, sizeof text - 4);
	cr_assert_eq(roster_count(ro), 5);
	cr_assert_str_eq(roster_name(ro, 1), "县交通运输局");
	roster_match(ro, ag, 7, &res);
	cr_assert_eq(res.nmissing, 2);
	cr_assert_str_eq(roster_name(ro, res.missing[0]), "县财政局");
	cr_assert_str_eq(roster_name(ro, res.missing[1]), "县卫生健康委员会");
	cr_assert_eq(res.nunknown, 2, "the same unknown name is listed once");
	cr_assert_str_eq(res.unknown[0].agency, "县财正局");
	cr_assert_eq(res.unknown[0].nsuggest, 1);
	cr_assert_str_eq(roster_name(ro, res.unknown[0].suggest[0]),
	    "县财政局");
	cr_assert_str_eq(res.unknown[1].agency, "某某公司");
	cr_assert_eq(res.unknown[1].nsuggest, 0);
	roster_result_fini(&res);
	roster_free(ro);
}

/* The roster compares names as the duplicates do (roster_norm): a name
 * reported with full-width letters or a no-break space is on the roster. */
Test(roster, compares_names_as_the_duplicates_do)
{
	static const char text[] = "县第1中学\n县ABC局\n县（区）财政局\n";
	struct roster		*ro = roster_parse(text, sizeof text - 1);
	struct roster_result	 res;
	const char		*ag[] = { "县第１中学", "县\u00a0ABC局",
	    "县(区)财政局 " };
	char			*n = roster_norm(" 县（Ａ）\u3000局\r");

	cr_expect_str_eq(n, "县(A)局");
	free(n);
	roster_match(ro, ag, 3, &res);
	cr_expect_eq(res.nmissing, 0);
	cr_expect_eq(res.nunknown, 0);
	roster_result_fini(&res);
	roster_free(ro);
}

/* ---- review ------------------------------------------------------------ */

static char *
tmpfile_path(void)
{
	char	*p = strdup("/tmp/gk-review-XXXXXX");
	int	 fd = mkstemp(p);

	cr_assert_neq(fd, -1);
	close(fd);
	return p;
}

static char *
save(const struct review *rv)
{
	struct buf	 b = { 0 };

	review_csv(rv, &b);
	return b.s;
}

/* A unit row as the run would keep it. */
static struct units *
one_unit(const char *agency, int year)
{
	struct units	*u = units_new(0);
	struct report	*r = unit(agency, year);

	units_add(u, "x.csv", r, NULL, UNIT_ERROR, NULL);
	report_free(r);
	return u;
}

Test(review, a_missing_sheet_is_empty_and_new_findings_are_pending)
{
	char		*err = NULL, *s;
	struct review	*rv = review_load("/nonexistent/review.csv", &err);
	struct units	*u = one_unit("县甲局", 2024);

	cr_assert_not_null(rv, "%s", err);
	cr_assert_eq(review_mark(rv, "县甲局", 2024, "R2",
	    "t3.result_total.biz", "表三 …", "a.csv"), REV_PENDING);
	review_finish(rv, u);
	s = save(rv);
	{
		static const char head[] = "\xef\xbb\xbf报告单位,年度,规则,位置,"
		    "决定,说明,核对人,核对日期,状态,问题,文件\r\n";

		cr_assert(strncmp(s, head, sizeof head - 1) == 0, "%s", s);
	}
	cr_assert_not_null(strstr(s,
	    "县甲局,2024,R2,t3.result_total.biz,待核,,,,现存,表三 …,a.csv\r\n"));
	cr_assert_eq(units_get(u, 0)->ndecision[REV_PENDING], 1);
	free(s);
	review_free(rv);
	units_free(u);
}

/* A reviewer's decisions, read back; the unit sends a corrected file: the
 * finding that stands keeps its decision, the one that is gone shows as
 * resolved, another unit's rows are kept as they were. */
Test(review, decisions_survive_a_corrected_file)
{
	char		*path = tmpfile_path(), *err = NULL, *s;
	struct review	*rv;
	struct units	*u = one_unit("县甲局", 2024);

	tl_spit(path, "\xef\xbb\xbf"
	    "报告单位,年度,规则,位置,决定,说明,核对人,核对日期,状态,问题,文件\r\n"
	    "县甲局,2024,R2,t3.result_total.biz,已说明,\"'=单位,已电话核实\","
	    "张三,2025-01-10,现存,旧的消息,old.csv\r\n"
	    "县甲局,2024,R3,t3.open.total,已确认,,李四,2025-01-11,现存,,old.csv\r\n"
	    "县乙局,2024,W4,text.s5,忽略,,王五,2025-01-12,现存,,b.csv\r\n"
	    ",,,,,,,,,,\r\n");
	rv = review_load(path, &err);
	cr_assert_not_null(rv, "%s", err);
	cr_assert_eq(review_count(rv), 3);
	/* the corrected file still has the R2 finding, the R3 one is gone */
	cr_assert_eq(review_mark(rv, "县甲局", 2024, "R2",
	    "t3.result_total.biz", "新的消息", "new.csv"), REV_EXPLAINED);
	review_finish(rv, u);
	cr_assert_eq(units_get(u, 0)->ndecision[REV_EXPLAINED], 1);
	cr_assert_eq(units_get(u, 0)->nresolved, 1);
	s = save(rv);
	cr_assert_not_null(strstr(s, "县甲局,2024,R2,t3.result_total.biz,已说明,"
	    "\"'=单位,已电话核实\",张三,2025-01-10,现存,新的消息,new.csv\r\n"), "%s", s);
	cr_assert_not_null(strstr(s, "县甲局,2024,R3,t3.open.total,已确认,,"
	    "李四,2025-01-11,已解决,,old.csv\r\n"), "%s", s);
	cr_assert_not_null(strstr(s, "县乙局,2024,W4,text.s5,忽略,,王五,"
	    "2025-01-12,未复查,,b.csv\r\n"), "%s", s);
	free(s);
	review_free(rv);
	units_free(u);
	unlink(path);
	free(path);
}

Test(review, a_bad_sheet_is_refused_with_its_line)
{
	char		*path = tmpfile_path(), *err = NULL;

	tl_spit(path, "报告单位,年度,规则,位置,决定\n"
	    "县甲局,2024,R2,t3.open.biz,已确认\n"
	    "县甲局,2024,R2,t3.open.natural,同意\n");
	cr_assert_null(review_load(path, &err));
	cr_assert_not_null(strstr(err, ":3: "), "%s", err);
	cr_assert_not_null(strstr(err, "同意"), "%s", err);
	free(err);
	err = NULL;
	tl_spit(path, "报告单位,年度,规则\n");
	cr_assert_null(review_load(path, &err));
	cr_assert_not_null(strstr(err, "位置"), "%s", err);
	free(err);
	err = NULL;
	tl_spit(path, "报告单位,年度,规则,位置,决定\n"
	    "县甲局,2024,R2,t3.open.biz,\n"
	    "县甲局,2024,R2,t3.open.biz,忽略\n");
	cr_assert_null(review_load(path, &err));
	cr_assert_not_null(strstr(err, ":3: "), "%s", err);
	free(err);
	unlink(path);
	free(path);
}

/* ---- the page ------------------------------------------------------------ */

Test(sumhtml, quartiles_interpolate_as_spreadsheets_do)
{
	int64_t	 v[] = { 0, 100, 200, 300 }, w[] = { 500 };
	int64_t	 x[] = { 1, 2, 3, 4, 5 };

	cr_assert_eq(sumhtml_quartile(v, 4, 0), 0);
	cr_assert_eq(sumhtml_quartile(v, 4, 1), 75);
	cr_assert_eq(sumhtml_quartile(v, 4, 2), 150);
	cr_assert_eq(sumhtml_quartile(v, 4, 3), 225);
	cr_assert_eq(sumhtml_quartile(v, 4, 4), 300);
	cr_assert_eq(sumhtml_quartile(w, 1, 2), 500);
	cr_assert_eq(sumhtml_quartile(x, 5, 1), 2);
	cr_assert_eq(sumhtml_quartile(x, 5, 2), 3);
}

Test(sumhtml, page_is_self_contained_and_escapes_names)
{
	struct units	*u = units_new(UNITS_KEEP_FINDINGS);
	struct report	*r = known(), *total = known();
	struct sumhtml	 p;
	struct buf	 b = { 0 };

	report_set(r, F_AGENCY, "<script>alert(1)</script>局");
	units_add(u, "a.csv", r, NULL, UNIT_CLEAN, NULL);
	units_rank(u);
	memset(&p, 0, sizeof p);
	p.units = u;
	p.total = total;
	sumhtml_render(&p, &b);
	cr_assert_null(strstr(b.s, "<script>alert"));
	cr_assert_not_null(strstr(b.s, "&lt;script&gt;alert(1)&lt;/script&gt;局"));
	cr_assert_null(strstr(b.s, " src="));
	cr_assert_null(strstr(b.s, "<link"));
	cr_assert_null(strstr(b.s, "@import"));
	cr_assert_null(strstr(b.s, "url("));
	cr_assert_not_null(strstr(b.s, "<td>57.14</td><td>1</td>"));
	free(b.s);
	report_free(r);
	report_free(total);
	units_free(u);
}
