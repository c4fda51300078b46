/* test_export.c: the spreadsheet CSV, the publishable text and the HTML
 * page (export.c), read back the way their readers read them. */
#include "config.h"

#include <criterion/criterion.h>
#include <csv.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csvio.h"
#include "export.h"
#include "report.h"
#include "schema.h"
#include "testlib.h"

#define DATA	TEST_DATADIR "/export"

/* ---- reading a CSV export back as a spreadsheet would ------------------- */

struct sheet {
	int	  nrows;
	int	  ncells[512];
	char	 *cell[512][16];
};

static void
sheet_field(void *s, size_t n, void *data)
{
	struct sheet	*sh = data;
	int		 r = sh->nrows, c = sh->ncells[r];

	cr_assert_lt(r, 512);
	cr_assert_lt(c, 16);
	sh->cell[r][c] = strndup(s != NULL ? s : "", s != NULL ? n : 0);
	sh->ncells[r]++;
}

static void
sheet_row(int c, void *data)
{
	struct sheet	*sh = data;

	(void)c;
	sh->nrows++;
}

static struct sheet *
sheet_parse(const char *buf, size_t len)
{
	struct sheet		*sh = calloc(1, sizeof *sh);
	struct csv_parser	 p;

	cr_assert_eq(csv_init(&p, CSV_STRICT | CSV_STRICT_FINI), 0);
	cr_assert_eq(csv_parse(&p, buf, len, sheet_field, sheet_row, sh), len,
	    "CSV does not parse: %s", csv_strerror(csv_error(&p)));
	cr_assert_eq(csv_fini(&p, sheet_field, sheet_row, sh), 0);
	csv_free(&p);
	return sh;
}

static void
sheet_free(struct sheet *sh)
{
	int	 r, c;

	for (r = 0; r < sh->nrows; r++)
		for (c = 0; c < sh->ncells[r]; c++)
			free(sh->cell[r][c]);
	free(sh);
}

static const char *
sheet_get(const struct sheet *sh, int r, int c)
{
	if (r < 0 || r >= sh->nrows || c >= sh->ncells[r])
		return "";
	return sh->cell[r][c];
}

/* The first row at or after `from` whose column c is s, or -1. */
static int
sheet_find(const struct sheet *sh, int from, int c, const char *s)
{
	int	 r;

	for (r = from; r < sh->nrows; r++)
		if (strcmp(sheet_get(sh, r, c), s) == 0)
			return r;
	return -1;
}

static char *
render(const struct report *r, enum export_format fmt,
    enum export_encoding enc, size_t *len)
{
	char	*err = NULL, *s;

	s = export_render(r, fmt, enc, len, &err);
	cr_assert_not_null(s, "export failed: %s", err);
	return s;
}

/* Every one of the 200 figures, found where the printed form has it, is
 * the figure the report holds, character for character. Returns how many
 * were checked. */
static int
check_figures(const struct sheet *sh, const struct report *r)
{
	int	 n = 0, t, i, c, row, at, hdr;

	/* 二: label in the first column, figures to its right. */
	hdr = sheet_find(sh, 0, 0, sch_sections[SCH_S2].heading);
	cr_assert_neq(hdr, -1);
	for (i = 0; i < sch_tables[SCH_T2].nrows; i++) {
		row = sheet_find(sh, hdr, 0, sch_tables[SCH_T2].rows[i].label);
		cr_assert_neq(row, -1);
		for (c = 0; c < schema_band(SCH_T2, i)->ncols; c++, n++) {
			const char	*want = report_get(r,
			    schema_cell(SCH_T2, i, c));

			cr_assert_str_eq(sheet_get(sh, row, 1 + c),
			    want != NULL ? want : "");
		}
	}
	/* 三: three label columns, the row's label at the depth of its
	 * headings, then the seven figures. */
	hdr = sheet_find(sh, 0, 0, sch_sections[SCH_S3].heading);
	cr_assert_neq(hdr, -1);
	for (i = 0, at = hdr; i < sch_tables[SCH_T3].nrows; i++) {
		const struct sch_row	*sr = &sch_tables[SCH_T3].rows[i];
		int			 depth = 0;
		const char		*p;

		for (p = sr->path; p != NULL; p = strchr(p + 1, '/'))
			depth++;
		row = sheet_find(sh, at, depth, sr->label);
		cr_assert_neq(row, -1, "row %s not found", sr->key);
		at = row + 1;
		for (c = 0; c < 7; c++, n++) {
			const char	*want = report_get(r,
			    schema_cell(SCH_T3, i, c));

			cr_assert_str_eq(sheet_get(sh, row, 3 + c),
			    want != NULL ? want : "", "%s col %d", sr->key, c);
		}
	}
	/* 四: one line of 15 figures below three heading rows. */
	hdr = sheet_find(sh, 0, 0, sch_sections[SCH_S4].heading);
	cr_assert_neq(hdr, -1);
	row = hdr + 4;
	for (t = 0; t < 3; t++)
		for (c = 0; c < 5; c++, n++) {
			const char	*want = report_get(r,
			    schema_cell(SCH_T4, t, c));

			cr_assert_str_eq(sheet_get(sh, row, t * 5 + c),
			    want != NULL ? want : "");
		}
	return n;
}

/* A report whose 200 figures all differ, the amount with decimals. */
static struct report *
distinct_report(void)
{
	struct report	*r = report_new();
	int		 f;

	report_set(r, F_AGENCY, "某市某局");
	report_set(r, F_YEAR, "2025");
	for (f = F_FIRST_CELL; f < F_FIRST_CELL + SCH_NCELLS; f++)
		report_set_value(r, f, (f - F_FIRST_CELL) * 1009 + 1);
	report_set(r, schema_find("t2.fees.amount"), "4068.208");
	return r;
}

/* ---- CSV ------------------------------------------------------------- */

Test(export_csv, read_back_gives_all_200_distinct_figures)
{
	struct report	*r = distinct_report();
	struct sheet	*sh;
	size_t		 len;
	char		*s = render(r, EXPORT_CSV, EXPORT_UTF8, &len);

	sh = sheet_parse(s + 3, len - 3);
	cr_assert_eq(check_figures(sh, r), SCH_NCELLS);
	sheet_free(sh);
	free(s);
	report_free(r);
}

Test(export_csv, read_back_gives_every_figure_of_hongze)
{
	struct report	*r = tl_load(DATA "/hongze-2024.csv");
	struct sheet	*sh;
	size_t		 len;
	char		*s = render(r, EXPORT_CSV, EXPORT_UTF8, &len);

	sh = sheet_parse(s + 3, len - 3);
	cr_assert_eq(check_figures(sh, r), SCH_NCELLS);
	/* Spot checks against the published report. */
	cr_assert_str_eq(sheet_get(sh, sheet_find(sh, 0, 0, "行政许可"), 1),
	    "9487");
	cr_assert_str_eq(sheet_get(sh,
	    sheet_find(sh, 0, 2, "1.本机关不掌握相关政府信息"), 3), "31");
	sheet_free(sh);
	free(s);
	report_free(r);
}

Test(export_csv, read_back_gives_every_figure_of_the_hongze_example)
{
	struct report	*r = tl_load(EXAMPLES_DIR "/hongze-2024.csv");
	struct sheet	*sh;
	size_t		 len;
	char		*s = render(r, EXPORT_CSV, EXPORT_UTF8, &len);

	sh = sheet_parse(s + 3, len - 3);
	cr_assert_eq(check_figures(sh, r), SCH_NCELLS);
	sheet_free(sh);
	free(s);
	report_free(r);
}

Test(export_csv, notes_read_from_a_file_are_exported)
{
	struct report	*r;
	char		*buf, *err = NULL, *s;
	size_t		 len;

	r = tl_load(DATA "/hongze-2024.csv");
	report_extra_set(r, "note.X2.normative", "说明/X2/行政规范性文件",
	    "本年有1件规范性文件因机构改革失效", 0);
	buf = csvio_format(r, &len);
	report_free(r);
	r = csvio_parse(buf, len, "noted.csv", NULL, &err);
	cr_assert_not_null(r, "%s", err);
	s = render(r, EXPORT_CSV, EXPORT_UTF8, &len);
	cr_assert_not_null(strstr(s, "\r\n说明\r\n说明/X2/行政规范性文件,"
	    "本年有1件规范性文件因机构改革失效\r\n"));
	free(s);
	free(buf);
	report_free(r);
}

Test(export_csv, amount_is_written_exactly_as_held)
{
	struct report	*r = distinct_report();
	size_t		 len;
	char		*s;

	report_set(r, schema_find("t2.fees.amount"), "7730.2800");
	s = render(r, EXPORT_CSV, EXPORT_UTF8, &len);
	cr_assert_not_null(strstr(s, "行政事业性收费,7730.2800,,"));
	free(s);
	report_free(r);
}

Test(export_csv, empty_cells_stay_empty)
{
	struct report	*r = distinct_report();
	struct sheet	*sh;
	size_t		 len;
	char		*s;
	int		 row;

	report_set(r, schema_find("t3.new.biz"), NULL);
	s = render(r, EXPORT_CSV, EXPORT_UTF8, &len);
	sh = sheet_parse(s + 3, len - 3);
	row = sheet_find(sh, 0, 0, "一、本年新收政府信息公开申请数量");
	cr_assert_str_eq(sheet_get(sh, row, 4), "");
	cr_assert_neq(strcmp(sheet_get(sh, row, 3), ""), 0);
	sheet_free(sh);
	free(s);
	report_free(r);
}

Test(export_csv, starts_with_bom_and_ends_records_with_crlf)
{
	struct report	*r = distinct_report();
	size_t		 len, i;
	char		*s = render(r, EXPORT_CSV, EXPORT_UTF8, &len);

	cr_assert_eq(memcmp(s, "\xef\xbb\xbf", 3), 0);
	cr_assert_eq(strncmp(s + 3, "某市某局2025年政府信息公开工作年度报告\r\n",
	    strlen("某市某局2025年政府信息公开工作年度报告\r\n")), 0);
	for (i = 0; i < len; i++)
		if (s[i] == '\n')
			cr_assert(i > 0 && s[i - 1] == '\r', "bare LF at %zu", i);
	cr_assert_eq(memcmp(s + len - 2, "\r\n", 2), 0);
	free(s);
	report_free(r);
}

Test(export_csv, has_blocks_separated_by_empty_lines)
{
	struct report	*r = distinct_report();
	size_t		 len;
	char		*s = render(r, EXPORT_CSV, EXPORT_UTF8, &len);

	cr_assert_not_null(strstr(s, "\r\n\r\n二、主动公开政府信息情况\r\n"
	    "第二十条第（一）项,,,\r\n信息内容,本年制发件数,本年废止件数,"
	    "现行有效件数\r\n"));
	cr_assert_not_null(strstr(s, "\r\n\r\n三、收到和处理政府信息公开申请情况\r\n"
	    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
	    ",,,申请人情况,,,,,,\r\n,,,自然人,法人或其他组织,,,,,总计\r\n"
	    ",,,,商业企业,科研机构,社会公益组织,法律服务机构,其他,\r\n"));
	cr_assert_not_null(strstr(s, "\r\n\r\n四、政府信息公开行政复议、行政诉讼情况\r\n"
	    "行政复议,,,,,行政诉讼,,,,,,,,,\r\n"));
	cr_assert_not_null(strstr(s, "\r\n三、本年度办理结果,（一）予以公开,,"));
	cr_assert_not_null(strstr(s, "\r\n,（三）不予公开,1.属于国家秘密,"));
	cr_assert_not_null(strstr(s, "\r\n,,2.其他法律行政法规禁止公开,"));
	free(s);
	report_free(r);
}

Test(export_csv, gb18030_on_request_without_bom)
{
	struct report	*r = distinct_report();
	size_t		 ulen, glen, il, ol;
	char		*u = render(r, EXPORT_CSV, EXPORT_UTF8, &ulen);
	char		*g = render(r, EXPORT_CSV, EXPORT_GB18030, &glen);
	char		*back, *ip = g, *op;
	iconv_t		 cd;

	/* 某 = C4B3, 市 = CAD0: GB18030, not UTF-8, and no BOM. */
	cr_assert_eq(memcmp(g, "\xc4\xb3\xca\xd0", 4), 0);
	cr_assert_not_null(memmem(g, glen, "\xb1\xa8\xb8\xe6\xb5\xa5\xce\xbb",
	    8), "报告单位 in GB18030");
	/* It converts back to exactly the UTF-8 export without its BOM. */
	back = calloc(1, ulen * 2);
	cd = iconv_open("UTF-8", "GB18030");
	op = back;
	il = glen;
	ol = ulen * 2;
	cr_assert_neq(iconv(cd, &ip, &il, &op, &ol), (size_t)-1);
	iconv_close(cd);
	cr_assert_eq((size_t)(op - back), ulen - 3);
	cr_assert_eq(memcmp(back, u + 3, ulen - 3), 0);
	free(back);
	free(u);
	free(g);
	report_free(r);
}

Test(export_csv, gb18030_keeps_characters_outside_gbk)
{
	struct report	*r = distinct_report();
	size_t		 len;
	char		*g;

	report_set(r, F_S1, "€😀");
	g = render(r, EXPORT_CSV, EXPORT_GB18030, &len);
	cr_assert_not_null(memmem(g, len, "\xa2\xe3\x94\x39\xfc\x36", 6));
	free(g);
	report_free(r);
}

/* ---- formula injection -------------------------------------------------- */

static const char *const dangerous[] = {
	"=1+1", "+x", "-x", "@x", "\tx", "\rx",
	"＝1+1", "＋x", "－x", "＠x",
};

Test(export_csv, neutralises_formulas_in_everything_typed)
{
	size_t	 i, len;

	for (i = 0; i < sizeof dangerous / sizeof dangerous[0]; i++) {
		struct report	*r = distinct_report();
		struct sheet	*sh;
		char		*s, want[64], wantcell[64];
		const char	*cell;
		int		 row, nrow;

		report_set(r, F_AGENCY, dangerous[i]);
		report_set(r, F_S1, dangerous[i]);
		report_set(r, F_S5, dangerous[i]);
		report_set(r, schema_find("t3.new.biz"), dangerous[i]);
		report_set(r, schema_find("t2.fees.amount"), dangerous[i]);
		report_extra_set(r, "note.X2.rules", "说明/X2/规章",
		    dangerous[i], 0);
		s = render(r, EXPORT_CSV, EXPORT_UTF8, &len);
		sh = sheet_parse(s + 3, len - 3);
		snprintf(want, sizeof want, "'%s", dangerous[i]);

		cr_assert_str_eq(sheet_get(sh, sheet_find(sh, 0, 0, "报告单位"),
		    1), want, "agency %zu", i);
		cr_assert_str_eq(sheet_get(sh,
		    sheet_find(sh, 0, 0, "一、总体情况"), 1), want);
		cr_assert_str_eq(sheet_get(sh, sheet_find(sh, 0, 0,
		    "五、存在的主要问题及改进情况"), 1), want);
		/* A figure cell keeps what was typed, trimmed of spaces and
		 * tabs, as an invalid value (R5). */
		cell = report_get(r, schema_find("t3.new.biz"));
		snprintf(wantcell, sizeof wantcell, "%s%s",
		    strcmp(cell, dangerous[i]) == 0 ? "'" : "", cell);
		row = sheet_find(sh, 0, 0, "一、本年新收政府信息公开申请数量");
		cr_assert_str_eq(sheet_get(sh, row, 4), wantcell);
		cr_assert_str_eq(sheet_get(sh,
		    sheet_find(sh, 0, 0, "行政事业性收费"), 1), wantcell);
		nrow = sheet_find(sh, 0, 0, "说明");
		cr_assert_neq(nrow, -1);
		cr_assert_str_eq(sheet_get(sh, nrow + 1, 0), "说明/X2/规章");
		cr_assert_str_eq(sheet_get(sh, nrow + 1, 1), want);
		/* The title row starts with the agency: neutralised too. */
		cr_assert_eq(sheet_get(sh, 0, 0)[0], '\'');
		/* A valid figure is not typed text: written as it is. */
		cr_assert_str_eq(sheet_get(sh, row, 3), report_get(r,
		    schema_find("t3.new.natural")));
		sheet_free(sh);
		free(s);
		report_free(r);
	}
}

Test(export_csv, neutralised_cells_are_quoted_only_when_they_must_be)
{
	struct report	*r = distinct_report();
	size_t		 len;
	char		*s;

	report_set(r, F_AGENCY, "=1+1");
	report_set(r, F_S1, "-a,b");
	s = render(r, EXPORT_CSV, EXPORT_UTF8, &len);
	cr_assert_not_null(strstr(s, "\r\n报告单位,'=1+1\r\n"));
	cr_assert_not_null(strstr(s, "\r\n一、总体情况,\"'-a,b\"\r\n"));
	free(s);
	report_free(r);
}

Test(export_csv, leaves_harmless_text_alone)
{
	struct report	*r = distinct_report();
	size_t		 len;
	char		*s;

	report_set(r, F_S1, "一、=不是公式 'quoted' \"q\", 逗号");
	s = render(r, EXPORT_CSV, EXPORT_UTF8, &len);
	cr_assert_not_null(strstr(s,
	    "一、总体情况,\"一、=不是公式 'quoted' \"\"q\"\", 逗号\"\r\n"));
	free(s);
	report_free(r);
}

Test(export_csv, exports_notes_but_not_unknown_keys)
{
	struct report	*r = distinct_report();
	size_t		 len;
	char		*s;

	report_extra_set(r, "note.X2.rules", "说明/X2/规章",
	    "本年另有3件规章因上位法修改自然失效", 0);
	report_extra_set(r, "x.future", "未来", "不该出现", 0);
	s = render(r, EXPORT_CSV, EXPORT_UTF8, &len);
	cr_assert_not_null(strstr(s, "\r\n\r\n说明\r\n说明/X2/规章,"
	    "本年另有3件规章因上位法修改自然失效\r\n"));
	cr_assert_null(strstr(s, "不该出现"));
	free(s);
	report_free(r);
}

/* ---- publishable text --------------------------------------------------- */

static bool
has_line(const char *text, const char *line)
{
	size_t		 n = strlen(line);
	const char	*p = text;

	while ((p = strstr(p, line)) != NULL) {
		if ((p == text || p[-1] == '\n') &&
		    (p[n] == '\n' || p[n] == '\0'))
			return true;
		p++;
	}
	return false;
}

/* Without spaces: the published PDFs put them inside wrapped labels
 * ("结果 维持"). */
static void
squeeze(char *s)
{
	char	*d = s;

	for (; *s != '\0'; s++)
		if (*s != ' ')
			*d++ = *s;
	*d = '\0';
}

Test(export_text, seed_gives_its_title_headings_and_texts)
{
	struct report	*r = tl_load(DATA "/lushi-2024.csv");
	char		*seed, *out;
	size_t		 len;
	int		 i;

	seed = tl_slurp(DATA "/lushi-xzsp-2024.txt", NULL);
	out = render(r, EXPORT_TEXT, EXPORT_UTF8, &len);
	cr_assert_eq(strlen(out), len);
	/* The PDF split the title with spaces; the words are the same. */
	cr_assert(has_line(out,
	    "卢氏县行政审批和政务信息管理局2024年政府信息公开工作年度报告"));
	for (i = 0; i < SCH_NSECTIONS; i++) {
		cr_assert(has_line(out, sch_sections[i].heading));
		cr_assert(has_line(seed, sch_sections[i].heading));
	}
	/* The texts, paragraph by paragraph, as the seed prints them. */
	cr_assert(has_line(out, "(二) 依申请公开：2024 年我局受理依申请公开"
	    "政府信息 0 件。"));
	cr_assert(has_line(seed, "(二) 依申请公开：2024 年我局受理依申请公开"
	    "政府信息 0 件。"));
	cr_assert(has_line(out, "2.填报说明：本报告中所列数据的统计时限为2024年"
	    "7月1日起至2024年12月31日止。"));
	/* Sections in the official order. */
	for (i = 1; i < SCH_NSECTIONS; i++)
		cr_assert_lt(strstr(out, sch_sections[i - 1].heading),
		    strstr(out, sch_sections[i].heading));
	free(out);
	free(seed);
	report_free(r);
}

Test(export_text, table_2_matches_the_seed_line_for_line)
{
	struct report	*r = tl_load(DATA "/lushi-2024.csv");
	char		*seed = tl_slurp(DATA "/lushi-xzsp-2024.txt", NULL);
	char		*out, *from, *to;
	size_t		 len;

	out = render(r, EXPORT_TEXT, EXPORT_UTF8, &len);
	/* From the caption of 第二十条第（一）项 to the blank line after 行政事业性收费. */
	from = strstr(seed, "第二十条第（一）项");
	to = strstr(from, "行政事业性收费\t0\t\t\n");
	cr_assert_not_null(to);
	to += strlen("行政事业性收费\t0\t\t\n");
	*to = '\0';
	cr_assert_not_null(strstr(out, from), "table 二 differs from the seed");
	free(out);
	free(seed);
	report_free(r);
}

Test(export_text, table_4_matches_the_seed_but_for_pdf_spaces)
{
	struct report	*r = tl_load(DATA "/lushi-2024.csv");
	char		*seed = tl_slurp(DATA "/lushi-xzsp-2024.txt", NULL);
	char		*out, *from, *to;
	size_t		 len;

	out = render(r, EXPORT_TEXT, EXPORT_UTF8, &len);
	from = strstr(seed, "\n行政复议\t") + 1;
	to = strstr(from, "\n\n");
	to[1] = '\0';
	squeeze(from);
	cr_assert_not_null(strstr(out, from), "table 四 differs: want\n%s",
	    from);
	free(out);
	free(seed);
	report_free(r);
}

Test(export_text, table_3_has_official_labels_at_three_levels)
{
	struct report	*r = tl_load(DATA "/lushi-2024.csv");
	char		*out;
	size_t		 len;

	out = render(r, EXPORT_TEXT, EXPORT_UTF8, &len);
	/* The heading rows are the seed's (the seed lost 其他 on the third). */
	cr_assert(has_line(out, "（本列数据的勾稽关系为：第一项加第二项之和，"
	    "等于第三项加第四项之和）\t\t\t申请人情况\t\t\t\t\t\t"));
	cr_assert(has_line(out, "\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计"));
	cr_assert(has_line(out, "\t\t\t\t商业企业\t科研机构\t社会公益组织\t"
	    "法律服务机构\t其他\t"));
	cr_assert(has_line(out,
	    "一、本年新收政府信息公开申请数量\t\t\t0\t0\t0\t0\t0\t0\t0"));
	cr_assert(has_line(out,
	    "三、本年度办理结果\t（一）予以公开\t\t0\t0\t0\t0\t0\t0\t0"));
	cr_assert(has_line(out, "\t（二）部分公开（区分处理的，只计这一情形，"
	    "不计其他情形）\t\t0\t0\t0\t0\t0\t0\t0"));
	cr_assert(has_line(out,
	    "\t（三）不予公开\t1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0"));
	cr_assert(has_line(out,
	    "\t\t3.危及“三安全一稳定”\t0\t0\t0\t0\t0\t0\t0"));
	cr_assert(has_line(out, "\t（六）其他处理\t1.申请人无正当理由逾期不补正、"
	    "行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0"));
	cr_assert(has_line(out, "\t（七）总计\t\t0\t0\t0\t0\t0\t0\t0"));
	cr_assert(has_line(out,
	    "四、结转下年度继续办理\t\t\t0\t0\t0\t0\t0\t0\t0"));
	free(out);
	report_free(r);
}

Test(export_text, empty_and_invalid_cells_print_as_held)
{
	struct report	*r = tl_load(DATA "/lushi-2024.csv");
	char		*out;
	size_t		 len;

	report_set(r, schema_find("t2.rules.issued"), NULL);
	report_set(r, schema_find("t2.rules.repealed"), "5x0");
	out = render(r, EXPORT_TEXT, EXPORT_UTF8, &len);
	cr_assert(has_line(out, "规章\t\t5x0\t0"));
	free(out);
	report_free(r);
}

Test(export_text, ends_with_one_line_break)
{
	struct report	*r = tl_load(DATA "/lushi-2024.csv");
	char		*out;
	size_t		 len;

	out = render(r, EXPORT_TEXT, EXPORT_UTF8, &len);
	cr_assert_eq(out[len - 1], '\n');
	cr_assert_neq(out[len - 2], '\n');
	free(out);
	report_free(r);
}

/* ---- HTML ------------------------------------------------------------ */

/* Write s to a temporary file; returns its path (static). */
static const char *
to_file(const char *s, size_t len)
{
	static char	 path[64];

	snprintf(path, sizeof path, "/tmp/gk-export-XXXXXX.html");
	tl_write_temp(path, 5, s, len);
	return path;
}

/* The result of an XPath expression on an XML file, via xmllint. Caller
 * frees. */
static char *
xpath(const char *path, const char *expr)
{
	char	 cmd[1024], buf[4096];
	FILE	*p;
	size_t	 n;

	snprintf(cmd, sizeof cmd, "xmllint --xpath '%s' '%s' 2>&1", expr,
	    path);
	cr_assert_not_null(p = popen(cmd, "r"));
	n = fread(buf, 1, sizeof buf - 1, p);
	while (n > 0 && buf[n - 1] == '\n')
		n--;
	buf[n] = '\0';
	pclose(p);
	return strdup(buf);
}

static bool
have_xmllint(void)
{
	return system("xmllint --version >/dev/null 2>&1") == 0;
}

static void
expect_xpath(const char *path, const char *expr, const char *want)
{
	char	*got = xpath(path, expr);

	cr_expect_str_eq(got, want, "%s", expr);
	free(got);
}

Test(export_html, is_well_formed_html_and_xml)
{
	struct report	*r = tl_load(DATA "/hongze-2024.csv");
	char		*s, cmd[256];
	const char	*path;
	size_t		 len;

	if (!have_xmllint())
		cr_skip_test("xmllint not installed");
	s = render(r, EXPORT_HTML, EXPORT_UTF8, &len);
	path = to_file(s, len);
	snprintf(cmd, sizeof cmd, "xmllint --html --noout '%s' 2>&1 | "
	    "grep . >&2 && exit 1; exit 0", path);
	cr_assert_eq(system(cmd), 0, "xmllint --html complains");
	snprintf(cmd, sizeof cmd, "xmllint --noout '%s'", path);
	cr_assert_eq(system(cmd), 0, "not well-formed XML");
	unlink(path);
	free(s);
	report_free(r);
}

Test(export_html, standalone_page_readable_on_a_phone_and_printable)
{
	struct report	*r = tl_load(DATA "/hongze-2024.csv");
	char		*s;
	size_t		 len;

	s = render(r, EXPORT_HTML, EXPORT_UTF8, &len);
	cr_assert_eq(strncmp(s, "<!DOCTYPE html>\n", 16), 0);
	cr_assert_not_null(strstr(s, "<meta charset=\"utf-8\" />"));
	cr_assert_not_null(strstr(s, "name=\"viewport\""));
	cr_assert_not_null(strstr(s, "@media print"));
	cr_assert_not_null(strstr(s, "overflow-x:auto"));
	cr_assert_not_null(strstr(s, "<title>淮安市洪泽区人民政府2024年政府信息"
	    "公开工作年度报告</title>"));
	/* Nothing fetched from elsewhere. */
	cr_assert_null(strstr(s, "http"));
	cr_assert_null(strstr(s, "<link"));
	cr_assert_null(strstr(s, "<script"));
	cr_assert_null(strstr(s, "src="));
	free(s);
	report_free(r);
}

Test(export_html, tables_have_the_official_merged_cells)
{
	struct report	*r = tl_load(DATA "/hongze-2024.csv");
	char		*s;
	const char	*p;
	size_t		 len;

	if (!have_xmllint())
		cr_skip_test("xmllint not installed");
	s = render(r, EXPORT_HTML, EXPORT_UTF8, &len);
	p = to_file(s, len);
#define T3	"//table[@class=\"t3\"]"
#define T4	"//table[@class=\"t4\"]"
#define T2	"//table[@class=\"t2\"]"
	expect_xpath(p, "string(" T3 "//th[@class=\"corner\"]/@rowspan)", "3");
	expect_xpath(p, "string(" T3 "//th[@class=\"corner\"]/@colspan)", "3");
	expect_xpath(p, "string(" T3 "//th[.=\"申请人情况\"]/@colspan)", "7");
	expect_xpath(p, "string(" T3 "//th[.=\"法人或其他组织\"]/@colspan)", "5");
	expect_xpath(p, "string(" T3 "//th[.=\"自然人\"]/@rowspan)", "2");
	expect_xpath(p, "string(" T3 "//th[.=\"总计\"]/@rowspan)", "2");
	expect_xpath(p, "string(" T3 "//th[.=\"三、本年度办理结果\"]/@rowspan)",
	    "22");
	expect_xpath(p, "string(" T3 "//th[.=\"（三）不予公开\"]/@rowspan)", "8");
	expect_xpath(p, "string(" T3 "//th[.=\"（四）无法提供\"]/@rowspan)", "3");
	expect_xpath(p, "string(" T3 "//th[.=\"（五）不予处理\"]/@rowspan)", "5");
	expect_xpath(p, "string(" T3 "//th[.=\"（六）其他处理\"]/@rowspan)", "3");
	expect_xpath(p, "string(" T3 "//th[.=\"（一）予以公开\"]/@colspan)", "2");
	expect_xpath(p, "string(" T3 "//th[.=\"（七）总计\"]/@colspan)", "2");
	expect_xpath(p, "string(" T3
	    "//th[.=\"一、本年新收政府信息公开申请数量\"]/@colspan)", "3");
	expect_xpath(p, "string(" T3
	    "//th[.=\"四、结转下年度继续办理\"]/@colspan)", "3");
	expect_xpath(p, "count(" T3 "/tbody/tr)", "25");
	expect_xpath(p, "count(" T3 "//td)", "175");
	expect_xpath(p, "count(" T3 "/thead/tr)", "3");
	/* Rows that open a heading over rows have one cell more. */
	expect_xpath(p, "count(" T3 "/tbody/tr[count(*)=8])", "20");
	expect_xpath(p, "count(" T3 "/tbody/tr[count(*)=9])", "5");

	expect_xpath(p, "string(" T4 "//th[.=\"行政复议\"]/@colspan)", "5");
	expect_xpath(p, "string(" T4 "//th[.=\"行政诉讼\"]/@colspan)", "10");
	expect_xpath(p, "string(" T4 "//th[.=\"未经复议直接起诉\"]/@colspan)",
	    "5");
	expect_xpath(p, "string(" T4 "//th[.=\"复议后起诉\"]/@colspan)", "5");
	expect_xpath(p, "count(" T4 "//th[.=\"结果维持\"][@rowspan=\"2\"])", "1");
	expect_xpath(p, "count(" T4 "//th[.=\"结果维持\"])", "3");
	expect_xpath(p, "count(" T4 "//td)", "15");
	expect_xpath(p, "string(" T4 "//tbody/tr)", "110021000120103");

	expect_xpath(p, "count(" T2 "//th[@class=\"cap\"][@colspan=\"4\"])", "4");
	expect_xpath(p, "count(" T2 "//th[.=\"本年处理决定数量\"][@colspan=\"3\"])",
	    "2");
	expect_xpath(p, "count(" T2 "//td)", "10");
	expect_xpath(p, "string(" T2 "//tr[th=\"行政事业性收费\"]/td)", "7545");
	unlink(p);
	free(s);
	report_free(r);
}

Test(export_html, escapes_all_text)
{
	struct report	*r = tl_load(DATA "/hongze-2024.csv");
	char		*s;
	size_t		 len;

	report_set(r, F_AGENCY, "<script>alert(1)</script>&\"'");
	report_set(r, F_S1, "a<b>c</b>&amp;\n\n第二段");
	report_set(r, schema_find("t3.new.biz"), "<i>5</i>");
	s = render(r, EXPORT_HTML, EXPORT_UTF8, &len);
	cr_assert_null(strstr(s, "<script>"));
	cr_assert_null(strstr(s, "<b>"));
	cr_assert_null(strstr(s, "<i>"));
	cr_assert_not_null(strstr(s, "<h1>&lt;script&gt;alert(1)&lt;/script&gt;"
	    "&amp;&quot;&#39;2024年"));
	cr_assert_not_null(strstr(s, "<p>a&lt;b&gt;c&lt;/b&gt;&amp;amp;</p>\n"
	    "<p>第二段</p>"));
	cr_assert_not_null(strstr(s, "<td>&lt;i&gt;5&lt;/i&gt;</td>"));
	free(s);
	report_free(r);
}

Test(export_html, refuses_gb18030)
{
	struct report	*r = report_new();
	char		*err = NULL;
	size_t		 len;

	cr_assert_null(export_render(r, EXPORT_HTML, EXPORT_GB18030, &len,
	    &err));
	cr_assert_not_null(err);
	free(err);
	report_free(r);
}

/* ---- names and files ---------------------------------------------------- */

Test(export, parses_format_and_encoding_names)
{
	cr_assert_eq(export_parse_format("csv"), EXPORT_CSV);
	cr_assert_eq(export_parse_format("TEXT"), EXPORT_TEXT);
	cr_assert_eq(export_parse_format("txt"), EXPORT_TEXT);
	cr_assert_eq(export_parse_format("html"), EXPORT_HTML);
	cr_assert_eq(export_parse_format("pdf"), -1);
	cr_assert_eq(export_parse_encoding("UTF-8"), EXPORT_UTF8);
	cr_assert_eq(export_parse_encoding("gb18030"), EXPORT_GB18030);
	cr_assert_eq(export_parse_encoding("gbk"), -1);
	cr_assert_str_eq(export_suffix(EXPORT_HTML), ".html");
}

/* The table of formats is what the command, the menu and the completion
 * read: each row must be reachable by its name, its suffix and its key, and
 * no two rows may share one. */
Test(export, each_format_is_found_by_its_name_suffix_and_key)
{
	int	 i, j;
	char	 path[64];

	for (i = 0; i < EXPORT_NFORMATS; i++) {
		const struct export_format_info	*fi = export_format_info(i);

		cr_assert_eq(export_parse_format(fi->name), i, "%s", fi->name);
		snprintf(path, sizeof path, "dir.x/甲局2024%s", fi->suffix);
		cr_assert_eq(export_format_of_path(path), i, "%s", path);
		if (fi->alias != NULL)
			cr_assert_eq(export_parse_format(fi->alias), i);
		cr_assert(fi->key >= 'A' && fi->key <= 'Z', "%s", fi->name);
		cr_assert_eq(export_format_by_key(fi->key + 'a' - 'A'),
		    fi->built ? i : -1, "%s", fi->name);
		cr_assert(export_takes_encoding(i, EXPORT_UTF8));
		cr_assert_not_null(fi->menu);
		cr_assert_not_null(fi->help);
		for (j = 0; j < i; j++) {
			const struct export_format_info	*fj = export_format_info(j);

			cr_assert_str_neq(fi->name, fj->name);
			cr_assert_str_neq(fi->suffix, fj->suffix);
			cr_assert_neq(fi->key, fj->key, "%s %s", fi->name,
			    fj->name);
		}
	}
	cr_assert_eq(export_format_of_path("x.htm"), EXPORT_HTML);
	cr_assert_eq(export_format_of_path("x.TXT"), EXPORT_TEXT);
	cr_assert_eq(export_format_of_path("x.v2/report"), -1);
	cr_assert_eq(export_format_by_key('Q'), -1);
}

/* The default name of every format differs from the report file's own
 * (a report is a .csv file, or has no suffix). */
Test(export, no_default_path_is_the_report_itself)
{
	static const char *const paths[] = {
		"甲局2024.csv", "甲局2024", "a.v1/b", ".hidden.csv", "/a/b.CSV",
	};
	size_t	 k;
	int	 i;

	for (k = 0; k < sizeof paths / sizeof paths[0]; k++)
		for (i = 0; i < EXPORT_NFORMATS; i++) {
			char	*got = export_default_path(paths[k], i);

			cr_expect_str_neq(got, paths[k]);
			free(got);
		}
}

/* Every format takes an empty report and a full one. */
Test(export, every_built_format_renders_an_empty_and_a_full_report)
{
	struct report	*empty = report_new(), *full = distinct_report();
	char		*s, *err = NULL;
	size_t		 len;
	int		 i;

	for (i = 0; i < EXPORT_NFORMATS; i++) {
		if (!export_format_info(i)->built)
			continue;
		s = export_render(empty, i, EXPORT_UTF8, &len, &err);
		cr_assert_not_null(s, "%s: %s", export_format_info(i)->name, err);
		cr_assert_gt(len, 0);
		free(s);
		s = export_render(full, i, EXPORT_UTF8, &len, &err);
		cr_assert_not_null(s, "%s: %s", export_format_info(i)->name, err);
		free(s);
		if (!export_takes_encoding(i, EXPORT_GB18030)) {
			cr_assert_null(export_render(full, i, EXPORT_GB18030,
			    &len, &err));
			cr_assert_not_null(err);
			free(err);
			err = NULL;
		}
	}
	report_free(empty);
	report_free(full);
}

Test(export, an_empty_report_exports_in_every_format)
{
	struct report	*r = report_new();
	struct sheet	*sh;
	size_t		 len;
	char		*s;

	s = render(r, EXPORT_CSV, EXPORT_UTF8, &len);
	sh = sheet_parse(s + 3, len - 3);
	cr_assert_eq(check_figures(sh, r), SCH_NCELLS);
	cr_assert_str_eq(sheet_get(sh, 0, 0), "政府信息公开工作年度报告");
	sheet_free(sh);
	free(s);
	s = render(r, EXPORT_TEXT, EXPORT_UTF8, &len);
	cr_assert(has_line(s, "规章\t\t\t"));
	cr_assert(has_line(s, "六、其他需要报告的事项"));
	free(s);
	/* Every unfilled cell shows a dash that survives a converter which
	 * prints an empty cell as nothing (lynx, pandoc), and says 未填. */
	s = render(r, EXPORT_HTML, EXPORT_UTF8, &len);
	cr_assert_null(strstr(s, "<td></td>"));
	{
		const char	*p = s;
		int		 n = 0;

		while ((p = strstr(p, "class=\"blank\" title=\"未填\">"
		    "—</td>")) != NULL) {
			n++;
			p++;
		}
		cr_assert_eq(n, SCH_NCELLS);
	}
	free(s);
	report_free(r);
}

Test(export, default_path_is_beside_the_report_and_never_the_report)
{
	static const struct {
		const char	*path;
		int		 fmt;
		const char	*want;
	} cases[] = {
		{ "甲局2024.csv", EXPORT_HTML, "甲局2024.html" },
		{ "dir.v2/甲局2024.csv", EXPORT_TEXT, "dir.v2/甲局2024.txt" },
		{ "/a/b/report.csv", EXPORT_CSV, "/a/b/report-表格.csv" },
		{ "dir.v2/report", EXPORT_CSV, "dir.v2/report-表格.csv" },
		{ ".hidden", EXPORT_HTML, ".hidden.html" },
	};
	size_t	 i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char	*got = export_default_path(cases[i].path, cases[i].fmt);

		cr_expect_str_eq(got, cases[i].want);
		free(got);
	}
}

Test(export, save_writes_the_rendered_bytes)
{
	struct report	*r = distinct_report();
	char		 path[64] = "/tmp/gk-export-save-XXXXXX", *err = NULL;
	char		*want, *got;
	size_t		 wlen, glen;
	int		 fd;

	cr_assert_neq(fd = mkstemp(path), -1);
	close(fd);
	cr_assert_eq(export_save(r, EXPORT_CSV, EXPORT_GB18030, path, NULL, &err), 0,
	    "%s", err);
	want = render(r, EXPORT_CSV, EXPORT_GB18030, &wlen);
	got = tl_slurp(path, &glen);
	cr_assert_eq(glen, wlen);
	cr_assert_eq(memcmp(got, want, wlen), 0);
	unlink(path);
	strcat(path, "~");
	unlink(path);
	free(want);
	free(got);
	report_free(r);
}

Test(export, save_into_a_missing_folder_fails_cleanly)
{
	struct report	*r = distinct_report();
	char		*err = NULL;

	cr_assert_eq(export_save(r, EXPORT_TEXT, EXPORT_UTF8,
	    "/nonexistent-gk/x.txt", NULL, &err), -1);
	cr_assert_not_null(err);
	cr_assert_not_null(strstr(err, "/nonexistent-gk/x.txt"));
	free(err);
	report_free(r);
}
