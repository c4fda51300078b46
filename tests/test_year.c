/* test_year.c: starting a year from the last one (year.c), and X1/X2 on
 * the result. */
#include "config.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvio.h"
#include "report.h"
#include "rules.h"
#include "schema.h"
#include "year.h"
#include "testlib.h"

static const char *const t3cols[] = {
	"natural", "biz", "research", "npo", "legal", "other", "total",
};

static int
cell(int table, const char *row, const char *col)
{
	int	 f = schema_cell_key(table, row, col);

	cr_assert_neq(f, -1, "no cell %s.%s", row, col);
	return f;
}

static void
set(struct report *r, int field, const char *v)
{
	report_set(r, field, v);
}

/* Last year: every cell 0, except what the tests look at. */
static struct report *
last_year(void)
{
	struct report	*r = report_new();
	int		 f;

	set(r, F_FORMAT, "2021");
	set(r, F_AGENCY, "卢氏县行政审批和政务信息管理局");
	set(r, F_YEAR, "2024");
	set(r, F_PERIOD_START, "2024-07-01");
	set(r, F_PERIOD_END, "2024-12-31");
	set(r, F_PREAMBLE, "本报告根据条例编制。");
	set(r, F_S1, "一的正文\n第二段");
	set(r, F_S5, "五的正文");
	set(r, F_S6, "六的正文");
	for (f = F_FIRST_CELL; f < F_FIRST_CELL + SCH_NCELLS; f++)
		set(r, f, "0");
	set(r, cell(SCH_T3, "carry_out", "natural"), "3");
	set(r, cell(SCH_T3, "carry_out", "biz"), "1");
	set(r, cell(SCH_T3, "carry_out", "total"), "4");
	set(r, cell(SCH_T2, "rules", "in_force"), "12");
	set(r, cell(SCH_T2, "normative", "in_force"), "8");
	set(r, cell(SCH_T2, "fees", "amount"), "7730.28");
	set(r, cell(SCH_T3, "new", "natural"), "95");
	for (f = F_FIRST_PREV; f < SCH_NFIELDS; f++)
		set(r, f, "77");
	report_extra_set(r, "note.X2.rules", "说明/X2/规章", "上年的说明", 0);
	report_extra_set(r, "note.W4.s5", "说明/W4/五", "另一条说明", 0);
	report_extra_set(r, "meta.contact", "联系方式", "0517-87290606", 0);
	report_extra_set(r, "t9.future.cell", "未来的格", "5", 0);
	return r;
}

static int
count_rule(const struct findings *fs, const char *rule, int *failed)
{
	int	 n = tl_count(fs, rule);

	if (failed != NULL)
		*failed = n;
	return n;
}

Test(year, next_moves_to_the_following_year)
{
	struct report	*last = last_year(), *r = year_next(last);

	cr_assert_str_eq(report_get(r, F_YEAR), "2025");
	cr_assert_str_eq(report_get(r, F_PERIOD_START), "2025-01-01");
	cr_assert_str_eq(report_get(r, F_PERIOD_END), "2025-12-31");
	cr_assert_str_eq(report_get(r, F_FORMAT), "2021");
	cr_assert_str_eq(report_get(r, F_AGENCY), "卢氏县行政审批和政务信息管理局");
	report_free(r);
	report_free(last);
}

Test(year, next_keeps_all_four_texts_as_draft)
{
	struct report	*last = last_year(), *r = year_next(last);

	cr_assert_str_eq(report_get(r, F_PREAMBLE), "本报告根据条例编制。");
	cr_assert_str_eq(report_get(r, F_S1), "一的正文\n第二段");
	cr_assert_str_eq(report_get(r, F_S5), "五的正文");
	cr_assert_str_eq(report_get(r, F_S6), "六的正文");
	report_free(r);
	report_free(last);
}

Test(year, next_carries_carry_out_into_carry_in_and_prev)
{
	struct report	*last = last_year(), *r = year_next(last);
	char		 key[64];
	size_t		 c;

	for (c = 0; c < sizeof t3cols / sizeof t3cols[0]; c++) {
		const char	*want = report_get(last,
		    cell(SCH_T3, "carry_out", t3cols[c]));

		cr_assert_str_eq(report_get(r,
		    cell(SCH_T3, "carry_in", t3cols[c])), want);
		snprintf(key, sizeof key, "prev.t3.carry_out.%s", t3cols[c]);
		cr_assert_str_eq(report_get(r, schema_find(key)), want);
	}
	cr_assert_str_eq(report_get(r, schema_find("prev.t2.rules.in_force")),
	    "12");
	cr_assert_str_eq(report_get(r,
	    schema_find("prev.t2.normative.in_force")), "8");
	report_free(r);
	report_free(last);
}

Test(year, next_leaves_every_other_figure_empty)
{
	struct report	*last = last_year(), *r = year_next(last);
	int		 f, in = schema_row(SCH_T3, "carry_in");

	for (f = F_FIRST_CELL; f < F_FIRST_CELL + SCH_NCELLS; f++) {
		const struct sch_field	*sf = schema_field(f);

		if (sf->table == SCH_T3 && sf->row == in)
			continue;
		cr_assert_eq(report_state(r, f), RS_EMPTY, "%s is not empty",
		    sf->key);
	}
	cr_assert_eq(report_count_empty(r, -1), SCH_NCELLS - 7);
	report_free(r);
	report_free(last);
}

Test(year, next_drops_notes_and_unknown_figures_keeps_unknown_meta)
{
	struct report	*last = last_year(), *r = year_next(last);

	cr_assert_null(report_extra_get(r, "note.X2.rules"));
	cr_assert_null(report_extra_get(r, "note.W4.s5"));
	cr_assert_null(report_extra_get(r, "t9.future.cell"));
	cr_assert_str_eq(report_extra_get(r, "meta.contact"), "0517-87290606");
	cr_assert_eq(report_nextras(r), 1);
	report_free(r);
	report_free(last);
}

Test(year, next_leaves_empty_or_invalid_carry_out_empty)
{
	struct report	*last = last_year(), *r;

	set(last, cell(SCH_T3, "carry_out", "natural"), NULL);
	set(last, cell(SCH_T3, "carry_out", "biz"), "5x0");
	set(last, cell(SCH_T2, "rules", "in_force"), "-3");
	r = year_next(last);
	cr_assert_eq(report_state(r, cell(SCH_T3, "carry_in", "natural")),
	    RS_EMPTY);
	cr_assert_eq(report_state(r, cell(SCH_T3, "carry_in", "biz")),
	    RS_EMPTY);
	cr_assert_eq(report_state(r, schema_find("prev.t3.carry_out.natural")),
	    RS_EMPTY);
	cr_assert_eq(report_state(r, schema_find("prev.t3.carry_out.biz")),
	    RS_EMPTY);
	cr_assert_eq(report_state(r, schema_find("prev.t2.rules.in_force")),
	    RS_EMPTY);
	cr_assert_str_eq(report_get(r, cell(SCH_T3, "carry_in", "total")), "4");
	report_free(r);
	report_free(last);
}

Test(year, next_without_a_year_leaves_year_and_period_empty)
{
	struct report	*last = last_year(), *r;

	set(last, F_YEAR, "二〇二四");
	r = year_next(last);
	cr_assert_eq(report_state(r, F_YEAR), RS_EMPTY);
	cr_assert_eq(report_state(r, F_PERIOD_START), RS_EMPTY);
	cr_assert_eq(report_state(r, F_PERIOD_END), RS_EMPTY);
	report_free(r);
	report_free(last);
}

Test(year, fill_prev_counts_and_overwrites)
{
	struct report	*last = last_year(), *cur = report_new();

	set(cur, schema_find("prev.t3.carry_out.legal"), "9");
	cr_assert_eq(year_fill_prev(cur, last), 204);	/* 200 figures, 4 texts */
	cr_assert_str_eq(report_get(cur, schema_find("prev.t3.carry_out.legal")),
	    "0");
	set(last, cell(SCH_T3, "carry_out", "legal"), NULL);
	cr_assert_eq(year_fill_prev(cur, last), 203);
	cr_assert_eq(report_state(cur, schema_find("prev.t3.carry_out.legal")),
	    RS_EMPTY);
	report_free(cur);
	report_free(last);
}

Test(year, fill_prev_writes_canonical_figures)
{
	struct report	*last = last_year(), *cur = report_new();

	set(last, cell(SCH_T2, "rules", "in_force"), " 012 ");
	year_fill_prev(cur, last);
	cr_assert_str_eq(report_get(cur, schema_find("prev.t2.rules.in_force")),
	    "12");
	report_free(cur);
	report_free(last);
}

/* X1 and X2 run from prev.* on the new report. */
Test(year, x1_passes_after_roll_forward_and_fails_when_carry_in_changes)
{
	struct report	*last = last_year(), *r = year_next(last);
	struct findings	*fs;
	int		 n;

	fs = rules_check(r, 0);
	cr_assert_eq(count_rule(fs, "X1", NULL), 0);
	findings_free(fs);

	set(r, cell(SCH_T3, "carry_in", "natural"), "2");
	fs = rules_check(r, 0);
	count_rule(fs, "X1", &n);
	cr_assert_eq(n, 1);
	findings_free(fs);
	report_free(r);
	report_free(last);
}

Test(year, x2_pending_then_passing_then_failing_with_its_note_key)
{
	struct report	*last = last_year(), *r = year_next(last);
	struct findings	*fs;
	int		 i, n;

	/* in_force not typed yet: pending, not failed. */
	fs = rules_check(r, 0);
	cr_assert_eq(count_rule(fs, "X2", NULL), 0);
	findings_free(fs);

	set(r, cell(SCH_T2, "rules", "issued"), "2");
	set(r, cell(SCH_T2, "rules", "repealed"), "1");
	set(r, cell(SCH_T2, "rules", "in_force"), "13");
	fs = rules_check(r, 0);
	cr_assert_eq(count_rule(fs, "X2", NULL), 0);
	findings_free(fs);

	set(r, cell(SCH_T2, "rules", "in_force"), "10");
	fs = rules_check(r, 0);
	count_rule(fs, "X2", &n);
	cr_assert_eq(n, 1);
	for (i = 0; i < fs->n; i++)
		if (strcmp(fs->v[i].rule, "X2") == 0)
			cr_assert_str_eq(fs->v[i].note_key, "note.X2.rules");
	findings_free(fs);
	report_free(r);
	report_free(last);
}

/* Through the report file: the notes written with last year's report come
 * back as they were, and still do not move into the next year. */
Test(year, notes_round_trip_through_the_file_and_stay_behind)
{
	struct report	*last = last_year(), *back, *next;
	char		*buf, *err = NULL;
	size_t		 len;

	buf = csvio_format(last, &len);
	back = csvio_parse(buf, len, "last.csv", NULL, &err);
	cr_assert_not_null(back, "%s", err);
	cr_assert_str_eq(report_extra_get(back, "note.X2.rules"), "上年的说明");
	cr_assert_str_eq(report_extra_get(back, "note.W4.s5"), "另一条说明");
	next = year_next(back);
	cr_assert_null(report_extra_get(next, "note.X2.rules"));
	cr_assert_null(report_extra_get(next, "note.W4.s5"));
	free(buf);
	report_free(next);
	report_free(back);
	report_free(last);
}

/* The new year, saved and read back, is the same report. */
Test(year, next_survives_the_file)
{
	struct report	*last = last_year(), *next, *back;
	char		*buf, *err = NULL;
	size_t		 len;
	int		 f;

	next = year_next(last);
	buf = csvio_format(next, &len);
	back = csvio_parse(buf, len, "next.csv", NULL, &err);
	cr_assert_not_null(back, "%s", err);
	for (f = 0; f < SCH_NFIELDS; f++) {
		const char	*a = report_get(next, f), *b = report_get(back, f);

		cr_assert_str_eq(a != NULL ? a : "", b != NULL ? b : "",
		    "%s", schema_field(f)->key);
	}
	free(buf);
	report_free(back);
	report_free(next);
	report_free(last);
}

/* Last year's example file rolls forward with X1 satisfied. */
Test(year, example_rolls_forward_cleanly)
{
	struct report	*last, *next;
	struct findings	*fs;
	char		*err = NULL;

	last = csvio_load(EXAMPLES_DIR "/hongze-2024.csv", NULL, &err);
	cr_assert_not_null(last, "%s", err);
	next = year_next(last);
	cr_assert_str_eq(report_get(next, F_YEAR), "2025");
	cr_assert_str_eq(report_get(next,
	    schema_find("prev.t2.normative.in_force")),
	    report_get(last, cell(SCH_T2, "normative", "in_force")));
	fs = rules_check(next, 0);
	cr_assert_eq(count_rule(fs, "X1", NULL), 0);
	cr_assert_eq(fs->nerror, 0);
	findings_free(fs);
	report_free(next);
	report_free(last);
}

static void
path_is(const char *path, int64_t next, const char *want)
{
	char	*got = year_path(path, next);

	cr_expect_str_eq(got, want, "year_path(\"%s\", %lld)", path,
	    (long long)next);
	free(got);
}

Test(year, path_takes_the_year_in_the_name_up_by_one)
{
	path_is("hongze-2024.csv", 2025, "hongze-2025.csv");
	path_is("/home/clerk/reports/2024年报.csv", 2025,
	    "/home/clerk/reports/2025年报.csv");
	path_is("2024.csv", 2025, "2025.csv");
	/* The first time the year stands alone in the name. */
	path_is("x-120245-2024.csv", 2025, "x-120245-2025.csv");
	path_is("2024-2024.csv", 2025, "2025-2024.csv");
}

Test(year, path_without_the_year_adds_it_before_the_suffix)
{
	path_is("report.csv", 2025, "report-2025.csv");
	path_is("dir/report", 2025, "dir/report-2025");
	path_is("hongze-2023.csv", 2025, "hongze-2023-2025.csv");
	path_is(".hidden", 2025, ".hidden-2025");
}

Test(year, path_never_changes_the_folder)
{
	path_is("2024/report.csv", 2025, "2024/report-2025.csv");
	path_is("a.2024/b.csv", 2025, "a.2024/b-2025.csv");
	path_is("2024/hz-2024.csv", 2025, "2024/hz-2025.csv");
}
