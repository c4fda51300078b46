/* test_sum.c: adding up units' reports (model/sum). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "number.h"
#include "rules.h"
#include "sum.h"
#include "testlib.h"

/* A complete, clean report of year y: every cell 0, texts filled. */
static struct report *
unit(const char *agency, int y)
{
	return tl_zeros(agency, y, "总体情况", "存在问题：公开不够及时。");
}

/* Add r to s (which must accept it) and free r. */
static void
add_ok(struct sum *s, struct report *r)
{
	char	*err = NULL;

	cr_assert_eq(sum_add(s, r, &err), 0, "refused: %s", err);
	report_free(r);
}

/* A balanced table 三 column: n new, all opened. */
static void
balanced(struct report *r, const char *col, const char *n)
{
	char	 key[64];

	snprintf(key, sizeof key, "t3.new.%s", col);
	tl_set(r, key, n);
	snprintf(key, sizeof key, "t3.open.%s", col);
	tl_set(r, key, n);
	snprintf(key, sizeof key, "t3.result_total.%s", col);
	tl_set(r, key, n);
}

Test(sum, adds_counts_and_amounts_exactly)
{
	struct sum	*s = sum_new(0);
	struct report	*a = unit("甲局", 2024), *b = unit("乙局", 2024);
	struct report	*c = unit("丙镇", 2024), *r;

	tl_set(a, "t2.fees.amount", "7545");
	tl_set(b, "t2.fees.amount", "7730.28");
	tl_set(c, "t2.fees.amount", "4068.208");
	tl_set(a, "t2.permit.decisions", "1295");
	tl_set(b, "t2.permit.decisions", "189");
	tl_set(c, "t2.permit.decisions", "999999999999");
	add_ok(s, a);
	add_ok(s, b);
	add_ok(s, c);
	r = sum_report(s, "某县人民政府");
	cr_assert_eq(sum_count(s), 3);
	cr_assert_str_eq(report_get(r, tl_key("t2.fees.amount")), "19343.488");
	cr_assert_str_eq(report_get(r, tl_key("t2.permit.decisions")),
	    "1000000001483");
	cr_assert_str_eq(report_get(r, tl_key("t3.new.total")), "0");
	cr_assert_str_eq(report_get(r, F_AGENCY), "某县人民政府");
	cr_assert_str_eq(report_get(r, F_YEAR), "2024");
	cr_assert_str_eq(report_get(r, F_FORMAT), "2021");
	cr_assert_null(report_get(r, F_S1), "texts are not summed");
	cr_assert_null(report_get(r, F_S5));
	cr_assert_not(report_modified(r));
	report_free(r);
	sum_free(s);
}

Test(sum, of_clean_units_balances)
{
	struct sum	*s = sum_new(0);
	struct report	*a = unit("甲局", 2024), *b = unit("乙局", 2024), *r;
	struct findings	*fs;

	balanced(a, "natural", "5");
	balanced(a, "total", "5");
	balanced(b, "biz", "3");
	balanced(b, "total", "3");
	add_ok(s, a);
	add_ok(s, b);
	r = sum_report(s, "某县");
	fs = rules_check(r, 0);
	cr_assert_eq(fs->nerror, 0);
	cr_assert_str_eq(report_get(r, tl_key("t3.result_total.total")), "8");
	findings_free(fs);
	report_free(r);
	sum_free(s);
}

Test(sum, keeps_a_cell_empty_when_a_unit_left_it_empty)
{
	struct sum	*s = sum_new(0);
	struct report	*a = unit("甲局", 2024), *b = unit("乙局", 2024), *r;

	tl_set(a, "t4.review.maintain", "2");
	tl_set(b, "t4.review.maintain", NULL);
	tl_set(a, "t4.review.correct", "1");
	add_ok(s, a);
	add_ok(s, b);
	r = sum_report(s, NULL);
	cr_assert_null(report_get(r, tl_key("t4.review.maintain")));
	cr_assert_eq(sum_nempty(s, tl_key("t4.review.maintain")), 1);
	cr_assert_str_eq(report_get(r, tl_key("t4.review.correct")), "1");
	cr_assert_eq(report_count_empty(r, SCH_T4), 1);
	report_free(r);
	sum_free(s);
}

Test(sum, blank_as_zero_adds_empty_cells_as_zero)
{
	struct sum	*s = sum_new(SUM_BLANK_AS_ZERO);
	struct report	*a = unit("甲局", 2024), *b = unit("乙局", 2024), *r;

	tl_set(a, "t4.review.maintain", "2");
	tl_set(b, "t4.review.maintain", NULL);
	add_ok(s, a);
	add_ok(s, b);
	r = sum_report(s, NULL);
	cr_assert_str_eq(report_get(r, tl_key("t4.review.maintain")), "2");
	cr_assert_eq(sum_nempty(s, tl_key("t4.review.maintain")), 1);
	report_free(r);
	sum_free(s);
}

Test(sum, an_invalid_value_leaves_the_cell_empty)
{
	struct sum	*s = sum_new(SUM_BLANK_AS_ZERO);
	struct report	*a = unit("甲局", 2024), *b = unit("乙局", 2024), *r;

	tl_set(a, "t3.new.natural", "5x0");
	tl_set(b, "t3.new.natural", "4");
	add_ok(s, a);
	add_ok(s, b);
	r = sum_report(s, NULL);
	cr_assert_null(report_get(r, tl_key("t3.new.natural")));
	cr_assert_eq(sum_ninvalid(s, tl_key("t3.new.natural")), 1);
	report_free(r);
	sum_free(s);
}

Test(sum, refuses_a_unit_of_another_year)
{
	struct sum	*s = sum_new(0);
	struct report	*a = unit("甲局", 2024), *b = unit("乙局", 2023), *r;
	char		*err = NULL;

	tl_set(b, "t3.new.natural", "7");
	add_ok(s, a);
	cr_assert_eq(sum_add(s, b, &err), -1);
	cr_assert_not_null(strstr(err, "2023"), "%s", err);
	cr_assert_not_null(strstr(err, "--mixed-years"), "%s", err);
	cr_assert_eq(sum_count(s), 1);
	r = sum_report(s, NULL);
	cr_assert_str_eq(report_get(r, tl_key("t3.new.natural")), "0",
	    "a refused unit adds nothing");
	free(err);
	report_free(r);
	report_free(b);
	sum_free(s);
}

Test(sum, mixed_years_when_told_takes_the_latest_year)
{
	struct sum	*s = sum_new(SUM_MIXED_YEARS);
	struct report	*r;

	add_ok(s, unit("甲局", 2023));
	add_ok(s, unit("乙局", 2024));
	cr_assert(sum_mixed_years(s));
	r = sum_report(s, NULL);
	cr_assert_str_eq(report_get(r, F_YEAR), "2024");
	cr_assert_null(report_get(r, F_PERIOD_START),
	    "no period spans two years");
	report_free(r);
	sum_free(s);
}

Test(sum, refuses_a_report_of_another_format)
{
	struct sum	*s = sum_new(0);
	struct report	*a = unit("甲局", 2024);
	char		*err = NULL;

	report_set(a, F_FORMAT, "2019");
	cr_assert_eq(sum_add(s, a, &err), -1);
	cr_assert_not_null(strstr(err, "2019"), "%s", err);
	cr_assert_eq(sum_count(s), 0);
	free(err);
	report_free(a);
	sum_free(s);
}

Test(sum, overflow_is_refused_and_changes_nothing)
{
	struct sum	*s = sum_new(0);
	struct report	*a = unit("甲局", 2024), *b = unit("乙局", 2024), *r;
	char		*err = NULL;

	tl_set(a, "t3.new.natural", "900000000000000");
	tl_set(b, "t3.new.natural", "100000000000000");
	tl_set(b, "t3.new.biz", "3");
	add_ok(s, a);
	cr_assert_eq(sum_add(s, b, &err), -1);
	cr_assert_not_null(strstr(err, "自然人"), "%s", err);
	cr_assert_not_null(strstr(err, "999999999999999"), "%s", err);
	r = sum_report(s, NULL);
	cr_assert_str_eq(report_get(r, tl_key("t3.new.biz")), "0");
	cr_assert_str_eq(report_get(r, tl_key("t3.new.natural")),
	    "900000000000000");
	free(err);
	report_free(r);
	report_free(b);
	sum_free(s);
}

Test(sum, period_is_the_common_one_or_the_whole_year)
{
	struct sum	*s = sum_new(0);
	struct report	*a = unit("甲局", 2024), *b = unit("乙局", 2024), *r;

	report_set(a, F_PERIOD_START, "2024-07-01");
	report_set(b, F_PERIOD_START, "2024-07-01");
	add_ok(s, a);
	add_ok(s, b);
	r = sum_report(s, NULL);
	cr_assert_str_eq(report_get(r, F_PERIOD_START), "2024-07-01");
	cr_assert_str_eq(report_get(r, F_PERIOD_END), "2024-12-31");
	report_free(r);
	add_ok(s, unit("丙镇", 2024));
	r = sum_report(s, NULL);
	cr_assert_str_eq(report_get(r, F_PERIOD_START), "2024-01-01");
	cr_assert_str_eq(report_get(r, F_PERIOD_END), "2024-12-31");
	report_free(r);
	sum_free(s);
}

Test(sum, adds_last_years_figures)
{
	struct sum	*s = sum_new(0);
	struct report	*a = unit("甲局", 2024), *b = unit("乙局", 2024), *r;
	int		 f = tl_key("prev.t3.carry_out.natural");

	report_set(a, f, "2");
	report_set(b, f, "3");
	add_ok(s, a);
	add_ok(s, b);
	r = sum_report(s, NULL);
	cr_assert_str_eq(report_get(r, f), "5");
	cr_assert_null(report_get(r, tl_key("prev.t2.rules.in_force")),
	    "nobody gave it");
	report_free(r);
	sum_free(s);
}
