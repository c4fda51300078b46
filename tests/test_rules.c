/*
 * test_rules.c: each check of spec §5 on passing, failing and pending
 * data.
 */
#include "config.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "report.h"
#include "rules.h"
#include "schema.h"
#include "testlib.h"

/* A clean report: every cell 0, particulars and texts filled. */
static struct report *
clean(void)
{
	return tl_zeros("某县某局", 2024, "总体情况正文",
	    "存在人员业务不熟的问题，将加强培训。");
}

/* The finding of rule whose fields include key, or NULL. */
static const struct finding *
find(const struct findings *fs, const char *rule, const char *k)
{
	int	 i, j;

	for (i = 0; i < fs->n; i++) {
		if (strcmp(fs->v[i].rule, rule) != 0)
			continue;
		for (j = 0; j < fs->v[i].nfields; j++)
			if (fs->v[i].fields[j] == tl_key(k))
				return &fs->v[i];
	}
	return NULL;
}

Test(rules, a_clean_report_has_no_findings)
{
	struct report	*r = clean();
	struct findings	*fs = rules_check(r, 0);

	cr_assert_eq(fs->n, 0, "first: %s", fs->n ? fs->v[0].message : "");
	findings_free(fs);
	report_free(r);
}

Test(rules, identity_counts)
{
	cr_assert_eq(rules_count_identities("R1"), 7);
	cr_assert_eq(rules_count_identities("R2"), 7);
	cr_assert_eq(rules_count_identities("R3"), 25);
	cr_assert_eq(rules_count_identities("R4"), 3);
	cr_assert_eq(rules_count_identities("X1"), 7);
	cr_assert_eq(rules_count_identities("X2"), 2);
}

Test(rules, r1_fails_with_the_corner_note_message)
{
	struct report	*r = clean();
	struct findings	*fs;
	const struct finding *f;

	tl_set(r, "t3.new.natural", "5");
	tl_set(r, "t3.new.total", "5");
	tl_set(r, "t3.carry_in.natural", "1");
	tl_set(r, "t3.carry_in.total", "1");
	tl_set(r, "t3.result_total.natural", "4");
	tl_set(r, "t3.result_total.total", "4");
	tl_set(r, "t3.open.natural", "4");
	tl_set(r, "t3.open.total", "4");
	tl_set(r, "t3.carry_out.natural", "1");
	tl_set(r, "t3.carry_out.total", "1");
	fs = rules_check(r, 0);
	cr_assert_eq(tl_count(fs, "R1"), 2);
	cr_assert_eq(fs->nerror, 2);
	f = find(fs, "R1", "t3.new.natural");
	cr_assert_not_null(f);
	cr_assert_eq(f->sev, SEV_ERROR);
	cr_assert_eq(f->nfields, 4);
	cr_assert_str_eq(f->message, "表三 自然人列：一(5)+二(1)=6，不等于 "
	    "三(七)总计(4)+四(1)=5，差 1");
	findings_free(fs);
	report_free(r);
}

Test(rules, r1_is_pending_while_a_cell_is_empty)
{
	struct report	*r = clean();
	struct findings	*fs;

	tl_set(r, "t3.new.natural", "5");
	tl_set(r, "t3.new.total", "5");
	tl_set(r, "t3.carry_out.natural", NULL);
	fs = rules_check(r, 0);
	cr_assert_null(find(fs, "R1", "t3.new.natural"));
	cr_assert_not_null(find(fs, "R1", "t3.new.total"));
	cr_assert_not_null(find(fs, "W1", "t3.carry_out.natural"));
	cr_assert_eq(fs->nincomplete, 1);
	findings_free(fs);
	report_free(r);
}

Test(rules, r2_sum_of_the_results)
{
	struct report	*r = clean();
	struct findings	*fs;
	const struct finding *f;

	tl_set(r, "t3.deny_query.biz", "2");
	tl_set(r, "t3.deny_query.total", "2");
	fs = rules_check(r, 0);
	cr_assert_eq(tl_count(fs, "R2"), 2);
	f = find(fs, "R2", "t3.deny_query.biz");
	cr_assert_not_null(f);
	cr_assert_eq(f->nfields, 22);
	cr_assert_eq(tl_count(fs, "R1"), 0);
	cr_assert_eq(tl_count(fs, "R3"), 0);
	findings_free(fs);
	report_free(r);

	r = clean();
	tl_set(r, "t3.other_other.npo", NULL);
	fs = rules_check(r, 0);
	cr_assert_eq(tl_count(fs, "R2"), 0);	/* pending */
	findings_free(fs);
	report_free(r);
}

Test(rules, r3_each_row_total)
{
	struct report	*r = clean();
	struct findings	*fs;
	const struct finding *f;

	tl_set(r, "t3.carry_out.legal", "3");
	tl_set(r, "t3.carry_out.total", "2");
	fs = rules_check(r, 0);
	f = find(fs, "R3", "t3.carry_out.legal");
	cr_assert_not_null(f);
	cr_assert_eq(f->nfields, 7);
	cr_assert_eq(tl_count(fs, "R3"), 1);
	findings_free(fs);
	report_free(r);
}

Test(rules, r4_each_group_of_table_4)
{
	struct report	*r = clean();
	struct findings	*fs;

	tl_set(r, "t4.suit_direct.correct", "1");
	fs = rules_check(r, 0);
	cr_assert_eq(tl_count(fs, "R4"), 1);
	cr_assert_eq(find(fs, "R4", "t4.suit_direct.total")->nfields, 5);
	findings_free(fs);
	tl_set(r, "t4.suit_direct.total", "1");
	fs = rules_check(r, 0);
	cr_assert_eq(fs->n, 0);
	findings_free(fs);
	tl_set(r, "t4.suit_direct.total", NULL);
	tl_set(r, "t4.suit_direct.correct", "7");
	fs = rules_check(r, 0);
	cr_assert_eq(tl_count(fs, "R4"), 0);
	cr_assert_eq(tl_count(fs, "W1"), 1);
	findings_free(fs);
	report_free(r);
}

Test(rules, r5_flags_a_value_kept_as_written_with_its_line)
{
	struct report	*r = clean();
	struct findings	*fs;
	const struct finding *f;

	tl_set(r, "t3.new.natural", "5x0");
	report_set_line(r, tl_key("t3.new.natural"), 17);
	tl_set(r, "t2.fees.amount", "1.00001");
	fs = rules_check(r, 0);
	cr_assert_eq(tl_count(fs, "R5"), 2);
	f = find(fs, "R5", "t3.new.natural");
	cr_assert_not_null(f);
	cr_assert(strstr(f->message, "5x0") != NULL);
	cr_assert(strstr(f->message, "第 17 行") != NULL, "%s", f->message);
	cr_assert_str_eq(report_get(r, tl_key("t3.new.natural")), "5x0");
	/* An invalid cell keeps its identities pending, not failing. */
	cr_assert_eq(tl_count(fs, "R1"), 0);
	cr_assert_eq(tl_count(fs, "R3"), 0);
	findings_free(fs);
	report_free(r);
}

Test(rules, w1_for_required_fields_only)
{
	struct report	*r = clean();
	struct findings	*fs;

	tl_set(r, "meta.agency", NULL);
	tl_set(r, "text.s6", NULL);
	tl_set(r, "text.preamble", NULL);
	tl_set(r, "meta.period_start", NULL);
	fs = rules_check(r, 0);
	cr_assert_eq(fs->nincomplete, 3);
	cr_assert_not_null(find(fs, "W1", "meta.agency"));
	cr_assert_not_null(find(fs, "W1", "text.s6"));
	/* The period is not a W1 field, but P1 wants it. */
	cr_assert_null(find(fs, "W1", "meta.period_start"));
	cr_assert_not_null(find(fs, "P1", "meta.period_start"));
	cr_assert_eq(fs->nerror, 0);
	findings_free(fs);
	report_free(r);
}

Test(rules, blank_as_zero_counts_empty_cells_as_0)
{
	struct report	*r = clean();
	struct findings	*fs;
	int		 f;

	for (f = F_FIRST_CELL; f < F_FIRST_CELL + SCH_NCELLS; f++)
		report_set(r, f, NULL);
	tl_set(r, "t3.new.natural", "2");
	fs = rules_check(r, RULES_BLANK_AS_ZERO);
	cr_assert_eq(fs->nincomplete, 0);
	cr_assert_eq(tl_count(fs, "R1"), 1);
	cr_assert_eq(tl_count(fs, "R3"), 1);
	findings_free(fs);
	fs = rules_check(r, 0);
	cr_assert_eq(fs->nincomplete, 199);
	cr_assert_eq(fs->nerror, 0);
	findings_free(fs);
	report_free(r);
}

Test(rules, x1_needs_last_year)
{
	struct report	*r = clean();
	struct findings	*fs;
	const struct finding *f;

	fs = rules_check(r, 0);
	cr_assert_eq(tl_count(fs, "X1"), 0);	/* no prev.*: pending */
	findings_free(fs);
	tl_set(r, "prev.t3.carry_out.natural", "2");
	tl_set(r, "prev.t3.carry_out.total", "2");
	fs = rules_check(r, 0);
	cr_assert_eq(tl_count(fs, "X1"), 2);
	f = find(fs, "X1", "prev.t3.carry_out.natural");
	cr_assert_not_null(f);
	cr_assert_eq(f->sev, SEV_WARNING);
	cr_assert_eq(f->nfields, 2);
	cr_assert_not_null(f->note_key);
	cr_assert_eq(fs->nerror, 0);
	findings_free(fs);
	report_free(r);
}

Test(rules, x2_in_force_follows_from_last_year)
{
	struct report	*r = clean();
	struct findings	*fs;

	tl_set(r, "prev.t2.normative.in_force", "5");
	tl_set(r, "t2.normative.issued", "3");
	tl_set(r, "t2.normative.in_force", "8");
	fs = rules_check(r, 0);
	cr_assert_eq(tl_count(fs, "X2"), 0);
	findings_free(fs);
	tl_set(r, "t2.normative.repealed", "1");
	fs = rules_check(r, 0);
	cr_assert_eq(tl_count(fs, "X2"), 1);
	cr_assert_eq(find(fs, "X2", "t2.normative.repealed")->nfields, 4);
	findings_free(fs);
	report_free(r);
}

Test(rules, w3_fee_notices_but_no_word_on_fees)
{
	struct report	*r = clean();
	struct findings	*fs;

	tl_set(r, "t3.new.natural", "1");
	tl_set(r, "t3.new.total", "1");
	tl_set(r, "t3.other_nofee.natural", "1");
	tl_set(r, "t3.other_nofee.total", "1");
	tl_set(r, "t3.result_total.natural", "1");
	tl_set(r, "t3.result_total.total", "1");
	tl_set(r, "text.s6", "无。");
	fs = rules_check(r, 0);
	cr_assert_eq(fs->nerror, 0, "%s", fs->n ? fs->v[0].message : "");
	cr_assert_eq(tl_count(fs, "W3"), 1);
	findings_free(fs);
	tl_set(r, "text.s6", "本年共收取信息处理费 100 元。");
	fs = rules_check(r, 0);
	cr_assert_eq(tl_count(fs, "W3"), 0);
	findings_free(fs);
	report_free(r);
}

Test(rules, w4_problems_that_name_nothing)
{
	static const char *const none[] = { "无", "无。", "没有", " 暂无。 ",
	    "无问题" };
	struct report	*r = clean();
	struct findings	*fs;
	size_t		 i;

	for (i = 0; i < sizeof none / sizeof none[0]; i++) {
		tl_set(r, "text.s5", none[i]);
		fs = rules_check(r, 0);
		cr_expect_eq(tl_count(fs, "W4"), 1, "%s", none[i]);
		findings_free(fs);
	}
	tl_set(r, "text.s5", "无法及时更新的问题仍然存在。");
	fs = rules_check(r, 0);
	cr_assert_eq(tl_count(fs, "W4"), 0);
	findings_free(fs);
	report_free(r);
}

Test(rules, r5_quotes_a_huge_value_shortened)
{
	struct report	*r = clean();
	struct findings	*fs;
	char		*big = malloc(100001);
	int		 f = schema_find("t3.new.natural");

	memset(big, '9', 100000);
	big[100000] = '\0';
	memcpy(big, "中文", 6);
	memcpy(big + 39, "字", 3);	/* the 36th character: kept whole */
	report_set(r, f, big);
	fs = rules_check(r, 0);
	cr_assert_eq(fs->nerror, 1);
	cr_expect_lt(strlen(fs->v[0].message), 300, "%zu bytes",
	    strlen(fs->v[0].message));
	cr_expect_not_null(strstr(fs->v[0].message, "“中文99"));
	cr_expect_not_null(strstr(fs->v[0].message, "9……”"), "%s",
	    fs->v[0].message);
	cr_expect_not_null(strstr(fs->v[0].message, "9字9"), "%s",
	    fs->v[0].message);
	findings_free(fs);
	report_free(r);
	free(big);
}

Test(rules, r5_never_quotes_a_control_character)
{
	struct report	*r = clean();
	struct findings	*fs;

	report_set(r, schema_find("t3.new.natural"), "5\033[2J\x07\xc2\x9b""1");
	fs = rules_check(r, 0);
	cr_assert_eq(fs->nerror, 1);
	cr_expect_not_null(strstr(fs->v[0].message, "“5^[[2J^G\\u009b1”"), "%s",
	    fs->v[0].message);
	findings_free(fs);
	report_free(r);
}

Test(rules, every_rule_has_a_name_in_words)
{
	static const char *const	 codes[] = { "R1", "R2", "R3", "R4",
	    "R5", "W1", "W2", "W3", "W4", "W5", "X1", "X2", "X3", "X4", "X5",
	    "P1" };
	size_t				 i, j;

	for (i = 0; i < sizeof codes / sizeof codes[0]; i++) {
		const char	*n = rules_name(codes[i]);

		cr_expect_str_neq(n, codes[i], "%s has no name", codes[i]);
		cr_expect((unsigned char)n[0] >= 0x80, "%s: '%s' is not words",
		    codes[i], n);
		for (j = 0; j < i; j++)
			cr_expect_str_neq(n, rules_name(codes[j]),
			    "%s and %s share a name", codes[i], codes[j]);
	}
	cr_expect_str_eq(rules_name("Q9"), "Q9");
}
