/*
 * test_import.c: reading a published report's text (import.c, spec §8):
 * the three samples with every figure compared against figures read
 * independently, each real-world variant of the samples, and damaged text.
 */
#include "config.h"

#include <criterion/criterion.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvio.h"
#include "export.h"
#include "import.h"
#include "report.h"
#include "rules.h"
#include "schema.h"
#include "testlib.h"

#define SAMPLES	TEST_DATADIR "/import"

/* A copy of text with the first occurrence of from replaced by to. */
static char *
replace(const char *text, const char *from, const char *to)
{
	const char	*p = strstr(text, from);
	char		*out;

	cr_assert_not_null(p, "'%s' is not in the text", from);
	cr_assert(asprintf(&out, "%.*s%s%s", (int)(p - text), text, to,
	    p + strlen(from)) > 0);
	return out;
}

/* Import text; NULL when refused. The log is the caller's to free. */
static struct report *
import_str(const char *text, struct import_log *log)
{
	char		*err = NULL;
	struct report	*r = import_text(text, strlen(text), "t.txt", log, &err);

	free(err);
	return r;
}

/* Whether the log holds a message at line (0: any line) of the level
 * containing needle. */
static bool
logged(const struct import_log *log, int line, enum import_level level,
    const char *needle)
{
	int	 i;

	for (i = 0; i < log->n; i++)
		if ((line == 0 || log->v[i].line == line) &&
		    log->v[i].level == level &&
		    strstr(log->v[i].text, needle) != NULL)
			return true;
	return false;
}

static void
dump(const struct import_log *log)
{
	int	 i;

	for (i = 0; i < log->n; i++)
		cr_log_info("%d %s %s", log->v[i].line,
		    import_level_label(log->v[i].level), log->v[i].text);
}

/* Every one of the 200 figures of got equals want's. */
static void
same_figures(const struct report *got, const struct report *want,
    const char *what)
{
	int	 f, n = 0;

	for (f = 0; f < SCH_NFIELDS; f++) {
		const char	*g, *w;

		if (schema_field(f)->cls != SC_CELL)
			continue;
		g = report_get(got, f);
		w = report_get(want, f);
		n++;
		cr_expect((g == NULL && w == NULL) || (g != NULL && w != NULL &&
		    strcmp(g, w) == 0), "%s: %s is %s, should be %s", what,
		    schema_field(f)->key, g ? g : "(empty)", w ? w : "(empty)");
	}
	cr_expect_eq(n, 200);
}

static struct report *
sample(const char *name, struct import_log *log)
{
	char		 path[512], *err = NULL;
	struct report	*r;

	snprintf(path, sizeof path, "%s/%s", SAMPLES, name);
	r = import_load(path, log, &err);
	cr_assert_not_null(r, "%s: %s", name, err);
	return r;
}

static char *
sample_text(const char *name)
{
	char	 path[512];
	size_t	 len;

	snprintf(path, sizeof path, "%s/%s", SAMPLES, name);
	return tl_slurp(path, &len);
}

/* ---- the three samples -------------------------------------------------- */

Test(import, hongze_every_figure_as_published)
{
	struct import_log	 log;
	struct report		*r = sample("hongze-2024.txt", &log), *want;
	char			*err = NULL;
	int64_t			 y;

	want = csvio_load(EXAMPLES_DIR "/hongze-2024.csv", NULL, &err);
	cr_assert_not_null(want, "%s", err);
	same_figures(r, want, "hongze");
	cr_expect_str_eq(report_get(r, F_AGENCY), "淮安市洪泽区人民政府");
	cr_expect(report_value(r, F_YEAR, &y) && y == 2024);
	/* Its clipped label and its one-row （六） are read and said. */
	cr_expect(logged(&log, 51, IMPORT_GUESS, "2.其他法律行政止公开"));
	cr_expect(logged(&log, 66, IMPORT_GUESS, "（六）其他处理") ||
	    logged(&log, 66, IMPORT_WARN, "（六）其他处理"));
	cr_expect_eq(log.nrefused, 0);
	dump(&log);
	import_log_free(&log);
	report_free(r);
	report_free(want);
}

Test(import, shuyang_every_figure_against_an_independent_reading)
{
	struct import_log	 log;
	struct report		*r = sample("shuyang-2025.txt", &log);
	struct findings		*fs;
	char			*figs, *line, *save = NULL, key[64], val[64];
	size_t			 len;
	int			 n = 0;

	figs = tl_slurp(SAMPLES "/shuyang-2025.figures", &len);
	for (line = strtok_r(figs, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		int	 f;

		if (line[0] == '#')
			continue;
		cr_assert_eq(sscanf(line, "%63[^\t]\t%63s", key, val), 2);
		f = schema_find(key);
		cr_assert_geq(f, 0, "%s", key);
		cr_expect_str_eq(report_get(r, f) ? report_get(r, f) : "(empty)",
		    val, "%s", key);
		n++;
	}
	cr_expect_eq(n, 200);
	/* The fee keeps its three decimals, exactly. */
	cr_expect_str_eq(report_get(r, schema_find("t2.fees.amount")),
	    "4068.208");
	/* As published, it is clean. */
	fs = rules_check(r, 0);
	cr_expect_eq(fs->nerror + fs->nincomplete, 0);
	findings_free(fs);
	free(figs);
	import_log_free(&log);
	report_free(r);
}

Test(import, seed_all_zero_with_its_lost_column_explained_line_by_line)
{
	struct import_log	 log;
	struct report		*r = sample("lushi-xzsp-2024.txt", &log), *want;
	char			*err = NULL;

	want = csvio_load(EXAMPLES_DIR "/lushi-xzsp-2024.csv", NULL, &err);
	cr_assert_not_null(want, "%s", err);
	same_figures(r, want, "lushi");
	/* Table 三 lost a column in transcription: every short row of 0 is
	 * filled, and said, with its line. */
	cr_expect(logged(&log, 43, IMPORT_WARN, "只有 6 个数字"));
	cr_expect(logged(&log, 46, IMPORT_GUESS, "2.其他法律法规禁止公开"));
	cr_expect_geq(log.nwarn, 20);
	cr_expect_str_eq(report_get(r, F_AGENCY),
	    report_get(want, F_AGENCY));
	cr_expect_str_eq(report_get(r, F_PERIOD_START), "2024-07-01");
	dump(&log);
	import_log_free(&log);
	report_free(r);
	report_free(want);
}

/* The seed imported, then exported as text: its sections, texts and
 * tables in the official wording. */
Test(import, seed_import_then_text_export_has_the_official_wording)
{
	struct import_log	 log;
	struct report		*r = sample("lushi-xzsp-2024.txt", &log);
	char			*out, *err = NULL;
	size_t			 len;
	int			 s, t, i;

	out = export_render(r, EXPORT_TEXT, EXPORT_UTF8, &len, &err);
	cr_assert_not_null(out, "%s", err);
	for (s = 0; s < SCH_NSECTIONS; s++)
		cr_expect_not_null(strstr(out, sch_sections[s].heading), "%s",
		    sch_sections[s].heading);
	for (t = 0; t < SCH_NTABLES; t++)
		for (i = 0; i < sch_tables[t].nrows; i++)
			cr_expect_not_null(strstr(out, sch_tables[t].rows[i].label),
			    "%s", sch_tables[t].rows[i].label);
	/* The canonical label, not the published one. */
	cr_expect_not_null(strstr(out, "2.其他法律行政法规禁止公开"));
	cr_expect_null(strstr(out, "2.其他法律法规禁止公开"));
	/* The texts come through. */
	cr_expect_not_null(strstr(out, "政府信息公开专区"));
	free(out);
	import_log_free(&log);
	report_free(r);
}

/* The example report with one field changed, exported as text and
 * imported back: every figure as it was, and field's text read whole. */
static void
round_trip_with(int field, const char *value, const char *expect_in)
{
	struct import_log	 log;
	struct report		*want, *r;
	char			*out, *err = NULL;
	size_t			 len;

	want = csvio_load(EXAMPLES_DIR "/lushi-xzsp-2024.csv", NULL, &err);
	cr_assert_not_null(want, "%s", err);
	report_set(want, field, value);
	out = export_render(want, EXPORT_TEXT, EXPORT_UTF8, &len, &err);
	cr_assert_not_null(out, "%s", err);
	r = import_text(out, len, "t.txt", &log, &err);
	if (r == NULL)
		dump(&log);
	cr_assert_not_null(r, "%s", err);
	same_figures(r, want, schema_field(field)->key);
	cr_expect_not_null(strstr(report_get(r, field) ? report_get(r, field) :
	    "", expect_in), "%s: '%s' not in '%s'", schema_field(field)->key,
	    expect_in, report_get(r, field));
	free(out);
	import_log_free(&log);
	report_free(r);
	report_free(want);
}

/* A section's heading quoted in a text, a paragraph that starts like a
 * heading, a unit named like one: the sections are the run of headings
 * in the official order, the rest is text (found by fuzz_import: the
 * quoted heading of 三 in 一 used to jump over 二 and read the report's
 * tables as the wrong ones). */
Test(import, heading_words_inside_a_text_stay_text)
{
	round_trip_with(F_S1, "本年度工作如下。\n三、收到和处理政府信息公开申请情况\n"
	    "全年未收到申请。", "三、收到和处理政府信息公开申请情况");
	round_trip_with(F_S1, "二、主动公开方面，全年主动公开信息120条。\n"
	    "三、依申请公开方面，全年未收到申请。", "三、依申请公开方面");
	round_trip_with(F_S1, "一、总体情况\n本年度工作如下。", "一、总体情况\n本年");
	round_trip_with(F_S5, "问题如下。\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况", "二、主动公开");
	round_trip_with(F_AGENCY, "三、收到和处理政府信息公开申请情况",
	    "三、收到和处理政府信息公开申请情况");
}

/* ---- the real-world variants of spec §8 ----------------------------- */

Test(import, width_spaces_and_quotes_do_not_matter)
{
	struct import_log	 log;
	char			*a = sample_text("hongze-2024.txt"), *b, *c, *d;
	struct report		*r, *want;
	char			*err = NULL;

	b = replace(a, "（一）予以公开", "(一)予以公开");
	c = replace(b, "行政规范性文件\t", "行政规范 性文件\t");
	d = replace(c, "3.危及“三安全一稳定”", "3.危及\"三安全一稳定\"");
	r = import_str(d, &log);
	cr_assert_not_null(r);
	want = csvio_load(EXAMPLES_DIR "/hongze-2024.csv", NULL, &err);
	same_figures(r, want, "variants");
	import_log_free(&log);
	report_free(r);
	report_free(want);
	free(a);
	free(b);
	free(c);
	free(d);
}

Test(import, older_label_for_normative_documents)
{
	struct import_log	 log;
	char			*a = sample_text("hongze-2024.txt"), *b;
	struct report		*r;

	b = replace(a, "行政规范性文件\t3", "规范性文件\t3");
	r = import_str(b, &log);
	cr_assert_not_null(r);
	cr_expect_str_eq(report_get(r, schema_find("t2.normative.issued")), "3");
	cr_expect(logged(&log, 29, IMPORT_GUESS, "规范性文件"));
	import_log_free(&log);
	report_free(r);
	free(a);
	free(b);
}

Test(import, slash_and_blank_cells_are_left_empty_and_said)
{
	struct import_log	 log;
	char			*a = sample_text("hongze-2024.txt"), *b;
	struct report		*r;

	b = replace(a, "规章\t0\t0\t0", "规章\t/\t0\t0");
	r = import_str(b, &log);
	cr_assert_not_null(r);
	cr_expect_null(report_get(r, schema_find("t2.rules.issued")));
	cr_expect_str_eq(report_get(r, schema_find("t2.rules.repealed")), "0");
	cr_expect(logged(&log, 28, IMPORT_WARN, "/"));
	import_log_free(&log);
	report_free(r);
	free(a);
	free(b);
}

Test(import, annotated_cell_takes_the_figure_and_keeps_the_remark)
{
	struct import_log	 log;
	char			*a = sample_text("hongze-2024.txt"), *b;
	struct report		*r;
	int			 i;
	bool			 kept = false;

	b = replace(a, "行政规范性文件\t3\t0\t8",
	    "行政规范性文件\t3（其中修订1件）\t0\t8");
	r = import_str(b, &log);
	cr_assert_not_null(r);
	cr_expect_str_eq(report_get(r, schema_find("t2.normative.issued")), "3");
	for (i = 0; i < report_nextras(r); i++)
		if (strstr(report_extra(r, i)->key, "note.") ==
		    report_extra(r, i)->key && report_extra(r, i)->value &&
		    strstr(report_extra(r, i)->value, "其中修订1件"))
			kept = true;
	cr_expect(kept, "the remark is not kept in a note");
	cr_expect(logged(&log, 29, IMPORT_GUESS, "其中修订1件") ||
	    logged(&log, 29, IMPORT_WARN, "其中修订1件") ||
	    logged(&log, 29, IMPORT_INFO, "其中修订1件"));
	dump(&log);
	import_log_free(&log);
	report_free(r);
	free(a);
	free(b);
}

Test(import, short_row_with_figures_is_refused_with_its_line)
{
	struct import_log	 log;
	char			*a = sample_text("hongze-2024.txt"), *b;

	/* A PDF transcription that lost a column of a row that is not 0. */
	b = replace(a, "（一）予以公开\t\t50\t0\t0\t0\t0\t0\t50",
	    "（一）予以公开\t\t50\t0\t0\t0\t0\t50");
	cr_expect_null(import_str(b, &log));
	cr_expect_eq(log.nrefused, 1);
	cr_expect(logged(&log, 48, IMPORT_REFUSED, ""), "no refusal at line 48");
	dump(&log);
	import_log_free(&log);
	free(a);
	free(b);
}

Test(import, short_row_of_zeros_is_filled_with_a_warning)
{
	struct import_log	 log;
	char			*a = sample_text("hongze-2024.txt"), *b;
	struct report		*r;

	b = replace(a, "（六）其他处理\t\t0\t0\t0\t0\t0\t0\t0",
	    "（六）其他处理\t\t0\t0\t0\t0\t0\t0");
	r = import_str(b, &log);
	cr_assert_not_null(r);
	cr_expect_str_eq(report_get(r,
	    schema_find("t3.other_other.total")), "0");
	cr_expect(logged(&log, 66, IMPORT_WARN, "只有 6 个数字"));
	import_log_free(&log);
	report_free(r);
	free(a);
	free(b);
}

/* ---- damaged text --------------------------------------------------------- */

Test(import, truncated_table_is_refused_or_incomplete_never_invented)
{
	struct import_log	 log;
	char			*a = sample_text("hongze-2024.txt"), *cut;
	struct report		*r;
	struct findings		*fs;

	cut = strstr(a, "（四）无法提供");
	cr_assert_not_null(cut);
	*cut = '\0';			/* the text stops in table 三 */
	r = import_str(a, &log);
	if (r != NULL) {
		/* What was not in the text is empty, and check says so. */
		cr_expect_null(report_get(r, schema_find("t3.carry_out.total")));
		cr_expect_null(report_get(r, schema_find("t4.review.total")));
		fs = rules_check(r, 0);
		cr_expect_gt(fs->nincomplete, 0);
		findings_free(fs);
		report_free(r);
	} else
		cr_expect_gt(log.n, 0, "refused without a reason");
	import_log_free(&log);
	free(a);
}

Test(import, gb18030_text_is_converted_and_said)
{
	struct import_log	 log;
	char			*a = sample_text("hongze-2024.txt"), *in, *out, *o;
	size_t			 inl, outl, cap;
	iconv_t			 cd = iconv_open("GB18030", "UTF-8");
	struct report		*r, *want;
	char			*err = NULL;

	cr_assert_neq(cd, (iconv_t)-1);
	in = a;
	inl = strlen(a);
	cap = outl = inl * 2;
	o = out = malloc(cap);
	cr_assert_neq(iconv(cd, &in, &inl, &o, &outl), (size_t)-1);
	iconv_close(cd);
	r = import_text(out, cap - outl, "gbk.txt", &log, &err);
	cr_assert_not_null(r, "%s", err);
	cr_expect(log.converted);
	want = csvio_load(EXAMPLES_DIR "/hongze-2024.csv", NULL, &err);
	same_figures(r, want, "gb18030");
	cr_expect_str_eq(report_get(r, F_AGENCY), "淮安市洪泽区人民政府");
	import_log_free(&log);
	report_free(r);
	report_free(want);
	free(out);
	free(a);
}

Test(import, empty_and_binary_are_refused_with_a_reason)
{
	static const char	 bin[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
	struct import_log	 log;
	char			*err = NULL;

	cr_expect_null(import_text("", 0, "empty.txt", &log, &err));
	cr_expect_not_null(err);
	free(err);
	err = NULL;
	import_log_free(&log);
	cr_expect_null(import_text(bin, sizeof bin - 1, "x.txt", &log, &err));
	cr_expect_not_null(err);
	free(err);
	err = NULL;
	import_log_free(&log);
	cr_expect_null(import_text("只有一句话，没有表格。\n", 31, "prose.txt", &log,
	    &err));
	cr_expect_not_null(err);
	free(err);
	import_log_free(&log);
}

/* ---- bounds: several reports, nothing read, a flood of odd lines ------- */

Test(import, second_report_in_the_same_text_is_refused_at_its_title)
{
	struct import_log	 log;
	char			*a = sample_text("hongze-2024.txt"), *two;
	int			 line = 1, i;

	for (i = 0; a[i] != '\0'; i++)
		line += a[i] == '\n';
	cr_assert(asprintf(&two, "%s\n%s", a, a) > 0);
	cr_expect_null(import_str(two, &log));
	/* The second copy starts at line + 1; its title is its line 6. */
	if (!logged(&log, line + 6, IMPORT_REFUSED, "另一份报告"))
		dump(&log);
	cr_expect(logged(&log, line + 6, IMPORT_REFUSED, "另一份报告"));
	import_log_free(&log);
	free(two);
	free(a);
}

Test(import, title_without_gongzuo_is_the_title)
{
	struct import_log	 log;
	char			*a = sample_text("hongze-2024.txt"), *b;
	struct report		*r;

	b = replace(a, "2024年政府信息公开工作年度报告", "2024年政府信息公开年度报告");
	r = import_str(b, &log);
	cr_assert_not_null(r);
	cr_expect_str_eq(report_get(r, F_AGENCY), "淮安市洪泽区人民政府");
	cr_expect_str_eq(report_get(r, F_YEAR), "2024");
	report_free(r);
	import_log_free(&log);
	free(b);
	free(a);
}

Test(import, table_rows_without_a_single_figure_are_refused)
{
	struct import_log	 log;
	char			*err = NULL;
	const char		*t = "某局2024年政府信息公开工作年度报告\n"
	    "三、收到和处理政府信息公开申请情况\n"
	    "一、本年新收政府信息公开申请数量\t\t\t\t\t\t\t\n"
	    "二、上年结转政府信息公开申请数量\t\t\t\t\t\t\t\n";

	cr_expect_null(import_text(t, strlen(t), "blank.txt", &log, &err));
	cr_assert_not_null(err);
	cr_expect(strstr(err, "没有读到任何数字") != NULL, "%s", err);
	free(err);
	import_log_free(&log);
}

Test(import, a_flood_of_odd_lines_keeps_a_bounded_log)
{
	struct import_log	 log;
	char			*err = NULL, *t;
	size_t			 i, n = 20000, o = 0;

	t = malloc(n * 8 + 1);
	for (i = 0; i < n; i++)
		o += (size_t)sprintf(t + o, "行%04zu\n", i % 10000);
	cr_expect_null(import_text(t, o, "flood.txt", &log, &err));
	cr_expect_leq(log.n, IMPORT_KEEP + 8);
	cr_expect_gt(log.nhidden, 0);
	free(err);
	import_log_free(&log);
	free(t);
}

/* ---- layout families (issue 15): real converters' texts ----------------- */

/* A text of one layout family gives every figure of the report it was
 * made from (examples/hongze-2024.csv), with nothing refused, and the
 * agency from its title. */
static void
family(const char *file)
{
	struct import_log	 log;
	struct report		*r = sample(file, &log), *want;
	char			*err = NULL;

	want = csvio_load(EXAMPLES_DIR "/hongze-2024.csv", NULL, &err);
	cr_assert_not_null(want, "%s", err);
	same_figures(r, want, file);
	cr_expect_str_eq(report_get(r, F_AGENCY), "淮安市洪泽区人民政府");
	cr_expect_eq(log.nrefused, 0);
	cr_expect_eq(log.nwarn, 0, "%s: %d warnings", file, log.nwarn);
	if (log.nwarn > 0)
		dump(&log);
	import_log_free(&log);
	report_free(r);
	report_free(want);
}

Test(import, w3m_dump_aligned_with_wrapped_labels_and_vertical_groups)
{
	family("hongze-w3m-60.txt");
}

Test(import, w3m_dump_with_box_drawing)
{
	family("hongze-w3m-box.txt");
}

Test(import, pandoc_bordered_grid)
{
	family("hongze-pandoc-grid.txt");
}

Test(import, pdftotext_layout_with_footer_and_form_feed)
{
	char			*a = sample_text("hongze-pdf-layout.txt");

	/* The rendering holds what the test is about. */
	cr_assert(strchr(a, '\f') != NULL);
	cr_assert(strstr(a, "- 3 -") != NULL || strstr(a, "- 2 -") != NULL);
	free(a);
	family("hongze-pdf-layout.txt");
}

/* pandoc -t plain of the HTML export, table 四's first cell unfilled: the
 * line of figures starts with the export's dash. It is table 四's row,
 * not a page footer like "— 3 —". */
Test(import, table4_figures_led_by_a_dash_are_no_footer)
{
	static const char	 text[] =
	    "某某局2024年政府信息公开工作年度报告\n"
	    "\n"
	    "四、政府信息公开行政复议、行政诉讼情况\n"
	    "\n"
	    "  行政复议                                           行政诉讼\n"
	    "  ---------- ---------- ---------- ---------- ------ ------------------ ---------- ---------- ---------- ------ ------------ ---------- ---------- ---------- ------\n"
	    "  结果维持   结果纠正   其他结果   尚未审结   总计   未经复议直接起诉                                           复议后起诉\n"
	    "                                                     结果维持           结果纠正   其他结果   尚未审结   总计   结果维持     结果纠正   其他结果   尚未审结   总计\n"
	    "  —          408        0          0          0      95                 56257      7          20031      13     95           1295       0          1          7\n";
	struct import_log	 log = { 0 };
	struct report		*r = import_str(text, &log);

	dump(&log);
	cr_assert_not_null(r);
	cr_expect_null(report_get(r, schema_find("t4.review.maintain")));
	cr_expect_str_eq(report_get(r, schema_find("t4.review.correct")),
	    "408");
	cr_expect_str_eq(report_get(r, schema_find("t4.suit_direct.correct")),
	    "56257");
	cr_expect_str_eq(report_get(r, schema_find("t4.suit_after_review.total")),
	    "7");
	report_free(r);
	import_log_free(&log);
}

Test(import, pipes_rows_without_leading_bar)
{
	family("hongze-pipes.txt");
}

Test(import, one_cell_per_line_with_bar_lines_for_spans)
{
	family("hongze-cells.txt");
}

Test(import, browser_copy_tabs_with_merged_cells_not_repeated)
{
	struct import_log	 log;
	char			*a = sample_text("hongze-pipes.txt"), *p, *q;
	struct report		*r, *want;
	char			*err = NULL;

	/* The pipes text with its bars made tabs is what a browser copies. */
	for (p = q = a; *p != '\0'; p++) {
		if (p[0] == ' ' && p[1] == '|' && (p[2] == ' ' || p[2] == '\n' ||
		    p[2] == '\0')) {
			*q++ = '\t';
			p += p[2] == ' ' ? 2 : 1;
			if (*p == '\n')
				*q++ = '\n';
			continue;
		}
		*q++ = *p;
	}
	*q = '\0';
	r = import_str(a, &log);
	cr_assert_not_null(r);
	want = csvio_load(EXAMPLES_DIR "/hongze-2024.csv", NULL, &err);
	same_figures(r, want, "browser copy");
	import_log_free(&log);
	report_free(r);
	report_free(want);
	free(a);
}

static void
renumber(char **text, const char *from, const char *to)
{
	char	*t = replace(*text, from, to);

	free(*text);
	*text = t;
}

Test(import, tables_after_the_reports_own_numbering)
{
	struct import_log	 log;
	char			*a = sample_text("hongze-2024.txt"), *t2, *t5, *own;
	struct report		*r, *want;

	/* Six sections of text first, then the tables numbered 一、二、三. */
	t2 = strstr(a, "二、主动公开政府信息情况");
	t5 = strstr(a, "五、存在的主要问题及改进情况");
	cr_assert(t2 != NULL && t5 != NULL && t2 < t5);
	cr_assert(asprintf(&own, "%.*s%s\n%.*s", (int)(t2 - a), a, t5,
	    (int)(t5 - t2), t2) > 0);
	renumber(&own, "二、主动公开政府信息情况", "一、主动公开政府信息情况");
	renumber(&own, "三、收到和处理政府信息公开申请情况",
	    "二、收到和处理政府信息公开申请情况");
	renumber(&own, "四、政府信息公开行政复议、行政诉讼情况",
	    "三、政府信息公开行政复议、行政诉讼情况");
	r = import_str(own, &log);
	if (r == NULL)
		dump(&log);
	cr_assert_not_null(r);
	want = sample("hongze-2024.txt", NULL);
	same_figures(r, want, "own numbering");
	cr_expect(logged(&log, 0, IMPORT_GUESS, "是报告自己的编号"));
	/* The tables' rows are not taken for section 六's text. */
	cr_expect(strstr(report_get(r, F_S6), "行政许可") == NULL);
	import_log_free(&log);
	report_free(r);
	report_free(want);
	free(own);
	free(a);
}

Test(import, scraped_cells_each_after_a_bar)
{
	family("hongze-bar-led.txt");
}
