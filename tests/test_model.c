/*
 * test_model.c: the schema against the spec (every key and label, written
 * out here again from report-format.md §1-§4 and §6, independently of
 * schema.c), and exact numbers at their edges.
 */
#include "config.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "number.h"
#include "schema.h"

Test(schema, has_413_fields)
{
	cr_assert_eq(schema_find("t2.rules.issued"), F_FIRST_CELL);
	cr_assert_eq(schema_find("t4.suit_after_review.total"), F_S5 - 1);
	cr_assert_eq(schema_find("prev.t2.rules.issued"), F_FIRST_PREV);
	cr_assert_eq(schema_find("prev.t4.suit_after_review.total"),
	    F_PREV_PREAMBLE - 1);
	cr_assert_eq(schema_find("prev.text.s6"), SCH_NFIELDS - 1);
	cr_assert_eq(SCH_NFIELDS, 413);
}

Test(schema, prev_mirrors_every_cell_and_text)
{
	int	 f;

	for (f = F_FIRST_CELL; f < F_FIRST_CELL + SCH_NCELLS; f++) {
		int	 p = schema_prev(f);

		cr_assert_eq(schema_field(p)->cls, SC_PREV);
		cr_assert_eq(schema_field(p)->cell, f);
		cr_assert_eq(schema_field(p)->kind, schema_field(f)->kind);
		cr_assert_eq(schema_field(p)->required, false);
	}
	cr_assert_eq(schema_field(schema_prev(F_S1))->cell, F_S1);
	cr_assert_eq(schema_field(schema_prev(F_PREAMBLE))->kind, SK_TEXT);
	cr_assert_eq(schema_prev(F_AGENCY), -1);
	cr_assert_eq(schema_prev(F_FIRST_PREV), -1);
}

/* The spec's table 三 rows: key, label, the headings above it. */
static const char *const t3rows[][3] = {
	{ "new", "一、本年新收政府信息公开申请数量", NULL },
	{ "carry_in", "二、上年结转政府信息公开申请数量", NULL },
	{ "open", "（一）予以公开", "三、本年度办理结果" },
	{ "partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
	  "三、本年度办理结果" },
	{ "deny_secret", "1.属于国家秘密", "三、本年度办理结果/（三）不予公开" },
	{ "deny_law", "2.其他法律行政法规禁止公开",
	  "三、本年度办理结果/（三）不予公开" },
	{ "deny_safety", "3.危及\u201c三安全一稳定\u201d",
	  "三、本年度办理结果/（三）不予公开" },
	{ "deny_third", "4.保护第三方合法权益", "三、本年度办理结果/（三）不予公开" },
	{ "deny_internal", "5.属于三类内部事务信息",
	  "三、本年度办理结果/（三）不予公开" },
	{ "deny_process", "6.属于四类过程性信息",
	  "三、本年度办理结果/（三）不予公开" },
	{ "deny_enforce", "7.属于行政执法案卷", "三、本年度办理结果/（三）不予公开" },
	{ "deny_query", "8.属于行政查询事项", "三、本年度办理结果/（三）不予公开" },
	{ "unable_nohold", "1.本机关不掌握相关政府信息",
	  "三、本年度办理结果/（四）无法提供" },
	{ "unable_create", "2.没有现成信息需要另行制作",
	  "三、本年度办理结果/（四）无法提供" },
	{ "unable_unclear", "3.补正后申请内容仍不明确",
	  "三、本年度办理结果/（四）无法提供" },
	{ "ignore_petition", "1.信访举报投诉类申请",
	  "三、本年度办理结果/（五）不予处理" },
	{ "ignore_repeat", "2.重复申请", "三、本年度办理结果/（五）不予处理" },
	{ "ignore_publication", "3.要求提供公开出版物",
	  "三、本年度办理结果/（五）不予处理" },
	{ "ignore_mass", "4.无正当理由大量反复申请",
	  "三、本年度办理结果/（五）不予处理" },
	{ "ignore_confirm", "5.要求行政机关确认或重新出具已获取信息",
	  "三、本年度办理结果/（五）不予处理" },
	{ "other_nocorrect",
	  "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
	  "三、本年度办理结果/（六）其他处理" },
	{ "other_nofee",
	  "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
	  "三、本年度办理结果/（六）其他处理" },
	{ "other_other", "3.其他", "三、本年度办理结果/（六）其他处理" },
	{ "result_total", "（七）总计", "三、本年度办理结果" },
	{ "carry_out", "四、结转下年度继续办理", NULL },
};
static const char *const t3cols[][2] = {
	{ "natural", "自然人" }, { "biz", "商业企业" }, { "research", "科研机构" },
	{ "npo", "社会公益组织" }, { "legal", "法律服务机构" }, { "other", "其他" },
	{ "total", "总计" },
};
static const char *const t4groups[][2] = {
	{ "review", "行政复议" }, { "suit_direct", "未经复议直接起诉" },
	{ "suit_after_review", "复议后起诉" },
};
static const char *const t4cols[][2] = {
	{ "maintain", "结果维持" }, { "correct", "结果纠正" },
	{ "other", "其他结果" }, { "pending", "尚未审结" }, { "total", "总计" },
};

/* The whole file order and labels as §6 spells them. */
static int
expected_fields(char *keys[], char *labels[])
{
	static const char *const head[][2] = {
		{ "meta.format", "格式" }, { "meta.agency", "报告单位" },
		{ "meta.year", "报告年度" }, { "meta.period_start", "统计起始日期" },
		{ "meta.period_end", "统计截止日期" },
		{ "text.preamble", "报告前言" }, { "text.s1", "一、总体情况" },
	};
	static const char *const t2[][3] = {
		{ "rules.issued", "第二十条第（一）项/规章", "本年制发件数" },
		{ "rules.repealed", "第二十条第（一）项/规章", "本年废止件数" },
		{ "rules.in_force", "第二十条第（一）项/规章", "现行有效件数" },
		{ "normative.issued", "第二十条第（一）项/行政规范性文件", "本年制发件数" },
		{ "normative.repealed", "第二十条第（一）项/行政规范性文件", "本年废止件数" },
		{ "normative.in_force", "第二十条第（一）项/行政规范性文件", "现行有效件数" },
		{ "permit.decisions", "第二十条第（五）项/行政许可", "本年处理决定数量" },
		{ "penalty.decisions", "第二十条第（六）项/行政处罚", "本年处理决定数量" },
		{ "coercion.decisions", "第二十条第（六）项/行政强制", "本年处理决定数量" },
		{ "fees.amount", "第二十条第（八）项/行政事业性收费",
		  "本年收费金额（单位：万元）" },
	};
	int	 n = 0;
	size_t	 i, r, c;

	for (i = 0; i < 7; i++) {
		keys[n] = strdup(head[i][0]);
		labels[n++] = strdup(head[i][1]);
	}
	for (i = 0; i < 10; i++) {
		cr_assert(asprintf(&keys[n], "t2.%s", t2[i][0]) > 0);
		cr_assert(asprintf(&labels[n++], "表二/%s/%s", t2[i][1],
		    t2[i][2]) > 0);
	}
	for (r = 0; r < 25; r++)
		for (c = 0; c < 7; c++) {
			cr_assert(asprintf(&keys[n], "t3.%s.%s", t3rows[r][0],
			    t3cols[c][0]) > 0);
			cr_assert(asprintf(&labels[n++], "表三/%s%s%s/%s",
			    t3rows[r][2] ? t3rows[r][2] : "",
			    t3rows[r][2] ? "/" : "", t3rows[r][1],
			    t3cols[c][1]) > 0);
		}
	for (r = 0; r < 3; r++)
		for (c = 0; c < 5; c++) {
			cr_assert(asprintf(&keys[n], "t4.%s.%s", t4groups[r][0],
			    t4cols[c][0]) > 0);
			cr_assert(asprintf(&labels[n++], "表四/%s%s/%s",
			    r > 0 ? "行政诉讼/" : "", t4groups[r][1],
			    t4cols[c][1]) > 0);
		}
	keys[n] = strdup("text.s5");
	labels[n++] = strdup("五、存在的主要问题及改进情况");
	keys[n] = strdup("text.s6");
	labels[n++] = strdup("六、其他需要报告的事项");
	/* Last year's report: every cell in order, as 上年报告/table/
	 * headings/row/column (table 二 without its caption), then the
	 * texts. */
	for (c = n - 2 - SCH_NCELLS, i = 0; i < SCH_NCELLS; i++) {
		const char	*cellkey = keys[c + i], *cl = labels[c + i];
		const char	*cap = strstr(cl, "第二十条第");

		cr_assert(asprintf(&keys[n], "prev.%s", cellkey) > 0);
		if (cap != NULL)	/* 表二/第二十条第（一）项/… */
			cr_assert(asprintf(&labels[n++], "上年报告/表二%s",
			    strchr(cap, '/')) > 0);
		else
			cr_assert(asprintf(&labels[n++], "上年报告/%s", cl) > 0);
	}
	keys[n] = strdup("prev.text.preamble");
	labels[n++] = strdup("上年报告/报告前言");
	keys[n] = strdup("prev.text.s1");
	labels[n++] = strdup("上年报告/一、总体情况");
	keys[n] = strdup("prev.text.s5");
	labels[n++] = strdup("上年报告/五、存在的主要问题及改进情况");
	keys[n] = strdup("prev.text.s6");
	labels[n++] = strdup("上年报告/六、其他需要报告的事项");
	return n;
}

Test(schema, every_key_and_label_as_the_spec_spells_them)
{
	char	*keys[450], *labels[450];
	int	 n, i;

	n = expected_fields(keys, labels);
	cr_assert_eq(n, SCH_NFIELDS);
	for (i = 0; i < n; i++) {
		cr_expect_str_eq(schema_field(i)->key, keys[i]);
		cr_expect_str_eq(schema_field(i)->label, labels[i]);
		cr_expect_eq(schema_find(keys[i]), i, "schema_find(%s)",
		    keys[i]);
		free(keys[i]);
		free(labels[i]);
	}
}

Test(schema, kinds_and_required_fields)
{
	int	 i, nreq = 0;

	for (i = 0; i < SCH_NFIELDS; i++)
		if (schema_field(i)->required)
			nreq++;
	/* 200 cells, agency, year, s1, s5, s6 */
	cr_assert_eq(nreq, 205);
	cr_assert_eq(schema_field(schema_find("t2.fees.amount"))->kind,
	    SK_AMOUNT);
	cr_assert_eq(schema_field(schema_find("t2.rules.issued"))->kind,
	    SK_COUNT);
	cr_assert_eq(schema_field(F_YEAR)->kind, SK_YEAR);
	cr_assert_eq(schema_field(F_PERIOD_END)->kind, SK_DATE);
	cr_assert_eq(schema_field(F_PREAMBLE)->required, false);
	cr_assert_eq(schema_field(F_FIRST_PREV)->required, false);
}

Test(schema, section_headings_and_corner_note)
{
	static const char *const h[] = { "一、总体情况", "二、主动公开政府信息情况",
	    "三、收到和处理政府信息公开申请情况",
	    "四、政府信息公开行政复议、行政诉讼情况",
	    "五、存在的主要问题及改进情况", "六、其他需要报告的事项" };
	int	 i;

	for (i = 0; i < SCH_NSECTIONS; i++)
		cr_expect_str_eq(sch_sections[i].heading, h[i]);
	cr_expect_str_eq(sch_tables[SCH_T3].corner_note,
	    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
}

Test(schema, unknown_keys_are_not_found)
{
	cr_assert_eq(schema_find(""), -1);
	cr_assert_eq(schema_find("t3.new"), -1);
	cr_assert_eq(schema_find("note.X1.natural"), -1);
	cr_assert_eq(schema_find("t3.new.natural "), -1);
	cr_assert_eq(schema_find("zzz"), -1);
	cr_assert_eq(schema_find("a"), -1);
}

/* ---- numbers ---- */

static int
parse(const char *s, enum sch_kind k, int64_t *v)
{
	*v = -42;
	return number_parse(s, k, v);
}

Test(number, counts_at_the_edges)
{
	int64_t	 v;

	cr_assert_eq(parse("0", SK_COUNT, &v), NUM_OK);
	cr_assert_eq(v, 0);
	cr_assert_eq(parse("1000000000000", SK_COUNT, &v), NUM_OK);
	cr_assert_eq(v, INT64_C(1000000000000));
	cr_assert_eq(parse(" 7 ", SK_COUNT, &v), NUM_OK);
	cr_assert_eq(v, 7);
	cr_assert_eq(parse("-1", SK_COUNT, &v), NUM_NEGATIVE);
	cr_assert_eq(parse("1.2", SK_COUNT, &v), NUM_FRACTION);
	cr_assert_eq(parse("1e3", SK_COUNT, &v), NUM_NOT_NUMBER);
	cr_assert_eq(parse("１２", SK_COUNT, &v), NUM_NOT_NUMBER);
	cr_assert_eq(parse("5x0", SK_COUNT, &v), NUM_NOT_NUMBER);
	cr_assert_eq(parse("1000000000000000000000000000000", SK_COUNT, &v),
	    NUM_TOO_LARGE);
	cr_assert_eq(parse("", SK_COUNT, &v), NUM_EMPTY);
	cr_assert_eq(parse("  ", SK_COUNT, &v), NUM_EMPTY);
}

Test(number, amounts_are_exact)
{
	int64_t	 v;
	char	 buf[NUM_BUFSZ];

	cr_assert_eq(parse("7730.28", SK_AMOUNT, &v), NUM_OK);
	cr_assert_eq(v, INT64_C(77302800));
	cr_assert_str_eq(number_format(v, SK_AMOUNT, buf), "7730.28");
	cr_assert_eq(parse("0.0001", SK_AMOUNT, &v), NUM_OK);
	cr_assert_eq(v, 1);
	cr_assert_str_eq(number_format(v, SK_AMOUNT, buf), "0.0001");
	cr_assert_eq(parse("4068.208", SK_AMOUNT, &v), NUM_OK);
	cr_assert_str_eq(number_format(v, SK_AMOUNT, buf), "4068.208");
	cr_assert_eq(parse("7545", SK_AMOUNT, &v), NUM_OK);
	cr_assert_str_eq(number_format(v, SK_AMOUNT, buf), "7545");
	cr_assert_eq(parse("0", SK_AMOUNT, &v), NUM_OK);
	cr_assert_eq(v, 0);
	cr_assert_eq(parse("1.00001", SK_AMOUNT, &v), NUM_TOO_MANY_PLACES);
	cr_assert_eq(parse("-1", SK_AMOUNT, &v), NUM_NEGATIVE);
	cr_assert_eq(parse("1e3", SK_AMOUNT, &v), NUM_NOT_NUMBER);
	cr_assert_eq(parse("1000000000000000000000000000000", SK_AMOUNT, &v),
	    NUM_TOO_LARGE);
}

Test(number, counts_format_back_as_written)
{
	char	 buf[NUM_BUFSZ];

	cr_assert_str_eq(number_format(0, SK_COUNT, buf), "0");
	cr_assert_str_eq(number_format(INT64_C(1000000000000), SK_COUNT, buf),
	    "1000000000000");
}

Test(number, normalize_turns_full_width_into_ascii)
{
	char	*s;
	int64_t	 v;

	s = number_normalize("１２");
	cr_assert_str_eq(s, "12");
	cr_assert_eq(number_parse(s, SK_COUNT, &v), NUM_OK);
	cr_assert_eq(v, 12);
	free(s);
	s = number_normalize(" 7 ");
	cr_assert_str_eq(s, "7");
	free(s);
}

Test(number, years_and_dates)
{
	int64_t	 v;

	cr_assert_eq(parse("2024", SK_YEAR, &v), NUM_OK);
	cr_assert_eq(v, 2024);
	cr_assert_eq(parse("2024-02-29", SK_DATE, &v), NUM_OK);
	cr_assert_eq(v, 20240229);
	cr_assert_neq(parse("2023-02-29", SK_DATE, &v), NUM_OK);
	cr_assert_neq(parse("2024-13-01", SK_DATE, &v), NUM_OK);
	cr_assert_neq(parse("24", SK_YEAR, &v), NUM_OK);
}

/* Typed input as it is stored (the editor's commit path): leading zeros
 * go, full-width digits are made ASCII; what is not valid stays. */
Test(number, typed_input_is_stored_canonical)
{
	static const struct {
		const char	*in;
		enum sch_kind	 kind;
		const char	*out;
	} c[] = {
		{ "0012", SK_COUNT, "12" },
		{ "０１２", SK_COUNT, "12" },
		{ " 0 ", SK_COUNT, "0" },
		{ "000", SK_COUNT, "0" },
		{ "007730.280", SK_AMOUNT, "7730.28" },
		{ "0.5", SK_AMOUNT, "0.5" },
		{ "２０２４", SK_YEAR, "2024" },
		{ "12x", SK_COUNT, "12x" },
		{ "-3", SK_COUNT, "-3" },
		{ "2.5", SK_COUNT, "2.5" },
		{ "2024-01-01", SK_DATE, "2024-01-01" },
		{ "2024年1月1日", SK_DATE, "2024-01-01" },
		{ "2024 年 12 月 31 日", SK_DATE, "2024-12-31" },
		{ "２０２４年７月１日", SK_DATE, "2024-07-01" },
		{ "2024.1.1", SK_DATE, "2024-01-01" },
		{ "2024/1/1", SK_DATE, "2024-01-01" },
		{ "2024-7-1", SK_DATE, "2024-07-01" },
		{ "2024/02/29", SK_DATE, "2024-02-29" },
		{ "2023/02/29", SK_DATE, "2023/02/29" },	/* no such day */
		{ "2024-13-01", SK_DATE, "2024-13-01" },
		{ "2024.1/1", SK_DATE, "2024.1/1" },	/* two separators */
		{ "24.1.1", SK_DATE, "24.1.1" },
		{ "2024年1月", SK_DATE, "2024年1月" },
		{ "元旦", SK_DATE, "元旦" },
	};
	size_t	 i;
	char	*s;

	for (i = 0; i < sizeof c / sizeof c[0]; i++) {
		s = number_typed(c[i].in, c[i].kind);
		cr_expect_str_eq(s, c[i].out, "%s", c[i].in);
		free(s);
	}
}

Test(number, parse_date_accepts_what_clerks_type)
{
	int64_t	 v;

	cr_assert_eq(number_parse_date("2024年1月1日", &v), NUM_OK);
	cr_assert_eq(v, 20240101);
	cr_assert_eq(number_parse_date("2024.12.31", &v), NUM_OK);
	cr_assert_eq(v, 20241231);
	cr_assert_eq(number_parse_date("2024/6/30", &v), NUM_OK);
	cr_assert_eq(v, 20240630);
	cr_assert_eq(number_parse_date("2024-06-31", &v), NUM_NOT_NUMBER);
	cr_assert_eq(number_parse_date("", &v), NUM_NOT_NUMBER);
	cr_assert_eq(number_parse_date("2024年1月1日起", &v), NUM_NOT_NUMBER);
}
