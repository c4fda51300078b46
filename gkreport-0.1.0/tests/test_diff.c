/* test_diff.c: comparing two reports (model/diff). */
#include <criterion/criterion.h>
#include <string.h>

#include "diff.h"

static struct report *
base(void)
{
	struct report	*r = report_new();
	int		 f;

	report_set(r, F_FORMAT, "2021");
	report_set(r, F_AGENCY, "某县交通运输局");
	report_set(r, F_YEAR, "2024");
	report_set(r, F_S1, "第一行\n第二行：主动公开信息 120 条。\n第三行");
	report_set(r, F_S5, "问题");
	for (f = F_FIRST_CELL; f < F_FIRST_CELL + SCH_NCELLS; f++)
		report_set(r, f, "0");
	report_set(r, schema_find("t2.fees.amount"), "7730.28");
	return r;
}

Test(diff, identical_reports_have_no_difference)
{
	struct report	*a = base(), *b = base();
	struct diff	*d = diff_reports(a, b);

	cr_assert_eq(d->n, 0);
	diff_free(d);
	report_free(a);
	report_free(b);
}

Test(diff, finds_every_kind_of_difference)
{
	struct report	*a = base(), *b = base();
	struct diff	*d;
	int		 cellf = schema_find("t3.new.natural");
	int		 prevf = schema_find("prev.t3.carry_out.total");

	report_set(b, F_AGENCY, "某县交通局");
	report_set(b, cellf, "6");
	report_set(b, prevf, "1");
	report_set(b, F_S1, "第一行\n第二行：主动公开信息 121 条。\n第三行");
	report_extra_set(a, "note.X1.natural", "说明", "甲", 0);
	report_extra_set(b, "note.X1.natural", "说明", "乙", 0);
	report_extra_set(b, "note.W4", "说明", "只在乙", 0);
	d = diff_reports(a, b);
	cr_assert_eq(d->n, 6);
	cr_assert_eq(d->v[0].kind, DIFF_META);
	cr_assert_str_eq(d->v[0].key, "meta.agency");
	cr_assert_eq(d->v[1].kind, DIFF_TEXT);
	cr_assert_str_eq(d->v[1].key, "text.s1");
	cr_assert_eq(d->v[1].line, 2);
	cr_assert_eq(d->v[1].col, 14, "counted in characters, not bytes");
	cr_assert_eq(d->v[2].kind, DIFF_CELL);
	cr_assert_eq(d->v[2].field, cellf);
	cr_assert_str_eq(d->v[2].a, "0");
	cr_assert_str_eq(d->v[2].b, "6");
	cr_assert_eq(d->v[3].kind, DIFF_PREV);
	cr_assert_null(d->v[3].a, "empty is NULL");
	cr_assert_eq(d->v[4].kind, DIFF_EXTRA);
	cr_assert_str_eq(d->v[4].key, "note.X1.natural");
	cr_assert_eq(d->v[5].kind, DIFF_EXTRA);
	cr_assert_str_eq(d->v[5].key, "note.W4");
	cr_assert_null(d->v[5].a);
	diff_free(d);
	report_free(a);
	report_free(b);
}

Test(diff, empty_differs_from_zero)
{
	struct report	*a = base(), *b = base();
	struct diff	*d;

	report_set(b, schema_find("t4.review.total"), NULL);
	d = diff_reports(a, b);
	cr_assert_eq(d->n, 1);
	cr_assert_str_eq(d->v[0].a, "0");
	cr_assert_null(d->v[0].b);
	diff_free(d);
	report_free(a);
	report_free(b);
}

Test(diff, numbers_compare_by_value)
{
	struct report	*a = base(), *b = base();
	struct diff	*d;

	report_set(b, schema_find("t2.fees.amount"), "7730.2800");
	report_set(a, schema_find("t3.new.biz"), "5x");
	report_set(b, schema_find("t3.new.biz"), "5x");
	d = diff_reports(a, b);
	cr_assert_eq(d->n, 0);
	diff_free(d);
	report_free(a);
	report_free(b);
}

Test(diff, text_where_counts_lines_and_characters)
{
	int	 line, col;

	cr_assert_not(diff_text_where("同样", "同样", &line, &col));
	cr_assert_not(diff_text_where(NULL, "", &line, &col));
	cr_assert(diff_text_where("abc", "abd", &line, &col));
	cr_assert_eq(line, 1);
	cr_assert_eq(col, 3);
	/* 公 (E5 85 AC) and 六 (E5 85 AD) share two bytes. */
	cr_assert(diff_text_where("一\n政府公开", "一\n政府六开", &line, &col));
	cr_assert_eq(line, 2);
	cr_assert_eq(col, 3);
	cr_assert(diff_text_where("短", "短文", &line, &col));
	cr_assert_eq(col, 2);
	cr_assert(diff_text_where(NULL, "x", &line, &col));
	cr_assert_eq(line, 1);
	cr_assert_eq(col, 1);
}

Test(diff, text_line_finds_a_line)
{
	size_t		 len;
	const char	*p = diff_text_line("一\r\n二行\n三", 2, &len);

	cr_assert_not_null(p);
	cr_assert_eq(len, strlen("二行"));
	cr_assert_eq(strncmp(p, "二行", len), 0);
	cr_assert_null(diff_text_line("一", 3, &len));
}

Test(diff, change_gives_difference_and_percent)
{
	char	 abs[DIFF_BUFSZ], pct[DIFF_BUFSZ];

	diff_change(1189, 1295, SK_COUNT, abs, pct);
	cr_assert_str_eq(abs, "+106");
	cr_assert_str_eq(pct, "+8.9%");
	diff_change(8, 6, SK_COUNT, abs, pct);
	cr_assert_str_eq(abs, "-2");
	cr_assert_str_eq(pct, "-25.0%");
	diff_change(3, 2, SK_COUNT, abs, pct);
	cr_assert_str_eq(pct, "-33.3%");
	diff_change(3, 5, SK_COUNT, abs, pct);
	cr_assert_str_eq(pct, "+66.7%", "half away from zero");
	diff_change(0, 4, SK_COUNT, abs, pct);
	cr_assert_str_eq(abs, "+4");
	cr_assert_str_eq(pct, "新增");
	diff_change(0, 0, SK_COUNT, abs, pct);
	cr_assert_str_eq(abs, "0");
	cr_assert_str_eq(pct, "—");
	diff_change(77302800, 75450000, SK_AMOUNT, abs, pct);
	cr_assert_str_eq(abs, "-185.28");
	cr_assert_str_eq(pct, "-2.4%");
}
