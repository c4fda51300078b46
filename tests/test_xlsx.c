/* test_xlsx.c: the Excel workbook (export_xlsx.c), unzipped and its XML
 * read the way a spreadsheet reads it: shared strings, cells, merged
 * ranges, frozen panes, number formats. The expected merged ranges are
 * written out here from the printed form (spec §3, §4), not taken from the
 * layout code. Skipped in a build without libxlsxwriter. */
#include "config.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csvio.h"
#include "export.h"
#include "export_xlsx.h"
#include "number.h"
#include "report.h"
#include "schema.h"
#include "testlib.h"

/* ---- reading a workbook ------------------------------------------------- */

struct xcell {
	int	 row, col;	/* 1-based, as A1 is (1, 1) */
	char	*type;		/* t="…", or "" for a number or a blank */
	char	*v;		/* the <v> text, or NULL */
	char	*style;		/* s="…" */
};

struct xsheet {
	char		*name;
	char		*xml;
	int		 ncells;
	struct xcell	*cells;
	int		 nmerges;
	char		*merges[256];
};

struct xbook {
	char		 path[64];
	char		*strings[4096];
	int		 nstrings;
	int		 nsheets;
	struct xsheet	 sheets[8];
	char		*parts;		/* unzip -Z1 */
	char		*styles;
};

/* What unzip -p prints of one part. Caller frees. */
static char *
part(const char *zip, const char *name)
{
	char	 cmd[512], *s = NULL;
	size_t	 len = 0;
	FILE	*p, *m = open_memstream(&s, &len);
	int	 c;

	snprintf(cmd, sizeof cmd, "unzip -p '%s' '%s'", zip, name);
	cr_assert_not_null(p = popen(cmd, "r"));
	while ((c = getc(p)) != EOF)
		putc(c, m);
	cr_assert_eq(pclose(p), 0, "%s", cmd);
	fclose(m);
	return s;
}

/* The value of attribute name in the tag that starts at tag. Caller frees. */
static char *
attr(const char *tag, const char *name)
{
	char		 key[64];
	const char	*end = strchr(tag, '>'), *p, *q;

	snprintf(key, sizeof key, " %s=\"", name);
	p = strstr(tag, key);
	if (p == NULL || p > end)
		return strdup("");
	p += strlen(key);
	q = strchr(p, '"');
	return strndup(p, (size_t)(q - p));
}

/* XML text to plain: the five entities and libxlsxwriter's _xHHHH_. */
static char *
unxml(const char *s, size_t n)
{
	char	*o = malloc(n + 1), *w = o;
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (strncmp(s + i, "&amp;", 5) == 0)
			*w++ = '&', i += 4;
		else if (strncmp(s + i, "&lt;", 4) == 0)
			*w++ = '<', i += 3;
		else if (strncmp(s + i, "&gt;", 4) == 0)
			*w++ = '>', i += 3;
		else if (strncmp(s + i, "&quot;", 6) == 0)
			*w++ = '"', i += 5;
		else if (strncmp(s + i, "&apos;", 6) == 0)
			*w++ = '\'', i += 5;
		else
			*w++ = s[i];
	}
	*w = '\0';
	return o;
}

static void
ref_of(const char *r, int *row, int *col)
{
	*col = 0;
	for (; *r >= 'A' && *r <= 'Z'; r++)
		*col = *col * 26 + (*r - 'A' + 1);
	*row = atoi(r);
}

static void
read_sheet(struct xsheet *sh)
{
	const char	*p = sh->xml, *v, *e;
	int		 cap = 0;

	while ((p = strstr(p, "<c ")) != NULL) {
		struct xcell	*c;
		char		*r;

		if (sh->ncells == cap) {
			cap = cap ? cap * 2 : 256;
			sh->cells = realloc(sh->cells, (size_t)cap * sizeof *c);
		}
		c = &sh->cells[sh->ncells++];
		r = attr(p, "r");
		ref_of(r, &c->row, &c->col);
		free(r);
		c->type = attr(p, "t");
		c->style = attr(p, "s");
		c->v = NULL;
		e = strchr(p, '>');
		if (e[-1] != '/') {
			const char	*close = strstr(p, "</c>");

			if ((v = strstr(p, "<v>")) != NULL && v < close) {
				v += 3;
				c->v = unxml(v, (size_t)(strstr(v, "</v>") - v));
			}
		}
		p = e;
	}
	p = sh->xml;
	while ((p = strstr(p, "<mergeCell ")) != NULL) {
		cr_assert_lt(sh->nmerges, 256);
		sh->merges[sh->nmerges++] = attr(p, "ref");
		p++;
	}
}

static struct xbook *
book_read(const char *zip)
{
	struct xbook	*b = calloc(1, sizeof *b);
	char		*wb, *rels, *ss, *p, *name, *rid, *target, key[64];
	const char	*q;

	b->parts = part(zip, "*");	/* every part, for the formula check */
	ss = part(zip, "xl/sharedStrings.xml");
	for (p = ss; (p = strstr(p, "<si>")) != NULL; p++) {
		char	*t = strstr(p, "<t"), *tend;

		t = strchr(t, '>') + 1;
		tend = strstr(t, "</t>");
		cr_assert_lt(b->nstrings, 4096);
		b->strings[b->nstrings++] = unxml(t, (size_t)(tend - t));
	}
	free(ss);
	b->styles = part(zip, "xl/styles.xml");
	wb = part(zip, "xl/workbook.xml");
	rels = part(zip, "xl/_rels/workbook.xml.rels");
	for (p = wb; (p = strstr(p, "<sheet ")) != NULL; p++) {
		struct xsheet	*sh = &b->sheets[b->nsheets++];

		name = attr(p, "name");
		rid = attr(p, "r:id");
		snprintf(key, sizeof key, "Id=\"%s\"", rid);
		cr_assert_not_null(q = strstr(rels, key));
		while (q > rels && *q != '<')
			q--;
		target = attr(q, "Target");
		snprintf(key, sizeof key, "xl/%s", target);
		sh->name = unxml(name, strlen(name));
		sh->xml = part(zip, key);
		read_sheet(sh);
		free(name);
		free(rid);
		free(target);
	}
	free(wb);
	free(rels);
	return b;
}

static void
book_free(struct xbook *b)
{
	int	 i, j;

	for (i = 0; i < b->nstrings; i++)
		free(b->strings[i]);
	for (i = 0; i < b->nsheets; i++) {
		struct xsheet	*sh = &b->sheets[i];

		for (j = 0; j < sh->ncells; j++) {
			free(sh->cells[j].type);
			free(sh->cells[j].v);
			free(sh->cells[j].style);
		}
		for (j = 0; j < sh->nmerges; j++)
			free(sh->merges[j]);
		free(sh->cells);
		free(sh->name);
		free(sh->xml);
	}
	free(b->parts);
	free(b->styles);
	unlink(b->path);
	free(b);
}

/* The report's workbook, written and read back. */
static struct xbook *
workbook_of(const struct report *r)
{
	char		 path[] = "/tmp/gk-xlsx-XXXXXX";
	char		*s, *err = NULL;
	size_t		 len;
	struct xbook	*b;

	s = export_render(r, EXPORT_XLSX, EXPORT_UTF8, &len, &err);
	cr_assert_not_null(s, "%s", err);
	cr_assert_eq(memcmp(s, "PK", 2), 0, "not a zip file");
	tl_write_temp(path, 0, s, len);
	free(s);
	b = book_read(path);
	strcpy(b->path, path);
	return b;
}

static struct xsheet *
sheet(struct xbook *b, const char *name)
{
	int	 i;

	for (i = 0; i < b->nsheets; i++)
		if (strcmp(b->sheets[i].name, name) == 0)
			return &b->sheets[i];
	cr_assert_fail("no sheet %s", name);
	return NULL;
}

static struct xcell *
cell(struct xsheet *sh, int row, int col)
{
	int	 i;

	for (i = 0; i < sh->ncells; i++)
		if (sh->cells[i].row == row && sh->cells[i].col == col)
			return &sh->cells[i];
	return NULL;
}

/* The text a cell shows as a string, or NULL when it is not a string. */
static const char *
text_at(struct xbook *b, struct xsheet *sh, int row, int col)
{
	struct xcell	*c = cell(sh, row, col);

	if (c == NULL || strcmp(c->type, "s") != 0 || c->v == NULL)
		return NULL;
	return b->strings[atoi(c->v)];
}

/* The first row whose column col shows s, or -1. */
static int
find_row(struct xbook *b, struct xsheet *sh, int col, const char *s)
{
	int	 row;

	for (row = 1; row < 200; row++) {
		const char	*t = text_at(b, sh, row, col);

		if (t != NULL && strcmp(t, s) == 0)
			return row;
	}
	return -1;
}

/* A cell holds exactly what the report holds in field: nothing for an
 * empty one, the exact value for a number, the typed text for a string. */
static void
expect_figure(struct xbook *b, struct xsheet *sh, int row, int col,
    const struct report *r, int field)
{
	struct xcell	*c = cell(sh, row, col);
	const char	*want = report_get(r, field);
	int64_t		 v, got;
	enum sch_kind	 kind = schema_field(field)->kind;

	if (want == NULL) {
		cr_assert(c == NULL || c->v == NULL, "%s: not empty",
		    schema_field(field)->key);
		return;
	}
	cr_assert_not_null(c, "%s: no cell", schema_field(field)->key);
	cr_assert_not_null(c->v, "%s: empty", schema_field(field)->key);
	if (strcmp(c->type, "s") == 0) {
		cr_assert_str_eq(b->strings[atoi(c->v)], want, "%s",
		    schema_field(field)->key);
		return;
	}
	cr_assert_str_eq(c->type, "", "%s: type %s", schema_field(field)->key,
	    c->type);
	cr_assert(report_value(r, field, &v), "%s: a number for a value "
	    "that is not valid", schema_field(field)->key);
	cr_assert_eq(number_parse(c->v, kind, &got), NUM_OK, "%s: <v>%s</v>",
	    schema_field(field)->key, c->v);
	cr_assert_eq(got, v, "%s: <v>%s</v> is not %s",
	    schema_field(field)->key, c->v, want);
}

/* Every figure of the three tables, found by its labels where the printed
 * form puts it. Returns how many were compared. */
static int
check_figures(struct xbook *b, const struct report *r)
{
	struct xsheet	*sh;
	int		 i, c, row, n = 0, g;

	/* 二: the row's label in column A, figures from B. */
	sh = sheet(b, "表二");
	for (i = 0; i < sch_tables[SCH_T2].nrows; i++) {
		row = find_row(b, sh, 1, sch_tables[SCH_T2].rows[i].label);
		cr_assert_neq(row, -1, "表二: %s", sch_tables[SCH_T2].rows[i].label);
		for (c = 0; c < schema_band(SCH_T2, i)->ncols; c++, n++)
			expect_figure(b, sh, row, 2 + c, r,
			    schema_cell(SCH_T2, i, c));
	}
	/* 三: the label at the depth of its headings (A, B or C), the seven
	 * figures in D to J. */
	sh = sheet(b, "表三");
	for (i = 0; i < sch_tables[SCH_T3].nrows; i++) {
		const struct sch_row	*sr = &sch_tables[SCH_T3].rows[i];
		int			 depth = 0;
		const char		*p;

		for (p = sr->path; p != NULL; p = strchr(p + 1, '/'))
			depth++;
		row = find_row(b, sh, 1 + depth, sr->label);
		cr_assert_neq(row, -1, "表三: %s", sr->key);
		for (c = 0; c < 7; c++, n++)
			expect_figure(b, sh, row, 4 + c, r,
			    schema_cell(SCH_T3, i, c));
	}
	/* 四: one line of 15 figures, A to O, below the three heading rows
	 * (row 6, under the title and the section's heading). */
	sh = sheet(b, "表四");
	cr_assert_str_eq(text_at(b, sh, 3, 1), "行政复议");
	for (g = 0; g < 3; g++)
		for (c = 0; c < 5; c++, n++)
			expect_figure(b, sh, 6, 1 + g * 5 + c, r,
			    schema_cell(SCH_T4, g, c));
	return n;
}

static void
skip_without_xlsx(void)
{
	if (!export_format_info(EXPORT_XLSX)->built)
		cr_skip_test("this build has no xlsx export");
}

/* ---- the tests ---------------------------------------------------------- */

TestSuite(xlsx, .init = skip_without_xlsx);

Test(xlsx, has_a_sheet_per_table_and_one_of_particulars)
{
	struct report	*r = tl_load(EXAMPLES_DIR "/hongze-2024.csv");
	struct xbook	*b = workbook_of(r);

	cr_assert_eq(b->nsheets, 4);
	cr_assert_str_eq(b->sheets[0].name, "表二");
	cr_assert_str_eq(b->sheets[1].name, "表三");
	cr_assert_str_eq(b->sheets[2].name, "表四");
	cr_assert_str_eq(b->sheets[3].name, "封面与正文");
	book_free(b);
	report_free(r);
}

/* Table 三 as printed: the corner note over the three label columns and
 * the three heading rows, 申请人情况 over the seven columns, 法人或其他组织
 * over five, 三、本年度办理结果 down its 22 rows, the four groups of 三
 * down theirs, and the rows without a group across the label columns. */
Test(xlsx, table_3_has_exactly_the_official_merged_cells)
{
	static const struct {
		const char	*ref;
		const char	*text;	/* in its first cell; NULL: the title */
	} want[] = {
		{ "A1:J1", NULL },
		{ "A2:J2", "三、收到和处理政府信息公开申请情况" },
		{ "A3:C5", "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）" },
		{ "D3:J3", "申请人情况" },
		{ "D4:D5", "自然人" },
		{ "E4:I4", "法人或其他组织" },
		{ "J4:J5", "总计" },
		{ "A6:C6", "一、本年新收政府信息公开申请数量" },
		{ "A7:C7", "二、上年结转政府信息公开申请数量" },
		{ "A8:A29", "三、本年度办理结果" },
		{ "B8:C8", "（一）予以公开" },
		{ "B9:C9", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）" },
		{ "B10:B17", "（三）不予公开" },
		{ "B18:B20", "（四）无法提供" },
		{ "B21:B25", "（五）不予处理" },
		{ "B26:B28", "（六）其他处理" },
		{ "B29:C29", "（七）总计" },
		{ "A30:C30", "四、结转下年度继续办理" },
	};
	struct report	*r = tl_load(EXAMPLES_DIR "/hongze-2024.csv");
	struct xbook	*b = workbook_of(r);
	struct xsheet	*sh = sheet(b, "表三");
	size_t		 i;
	int		 j, row, col, found;

	cr_assert_eq(sh->nmerges, (int)(sizeof want / sizeof want[0]),
	    "表三 has %d merged ranges", sh->nmerges);
	for (i = 0; i < sizeof want / sizeof want[0]; i++) {
		for (j = found = 0; j < sh->nmerges; j++)
			found += strcmp(sh->merges[j], want[i].ref) == 0;
		cr_assert_eq(found, 1, "no merged range %s", want[i].ref);
		ref_of(want[i].ref, &row, &col);
		if (want[i].text != NULL)
			cr_assert_str_eq(text_at(b, sh, row, col), want[i].text,
			    "%s", want[i].ref);
	}
	cr_assert_str_eq(text_at(b, sh, 1, 1),
	    "淮安市洪泽区人民政府2024年政府信息公开工作年度报告");
	/* The labels of the rows under a group, in column C. */
	cr_assert_str_eq(text_at(b, sh, 10, 3), "1.属于国家秘密");
	cr_assert_str_eq(text_at(b, sh, 28, 3), "3.其他");
	book_free(b);
	report_free(r);
}

/* Table 四 as printed: 行政复议 over its five columns, 行政诉讼 over ten,
 * its two kinds over five each, 行政复议's column labels down two rows. */
Test(xlsx, table_4_has_exactly_the_official_merged_cells)
{
	static const char *const want[] = {
		"A1:O1", "A2:O2", "A3:E3", "F3:O3", "F4:J4", "K4:O4",
		"A4:A5", "B4:B5", "C4:C5", "D4:D5", "E4:E5",
	};
	struct report	*r = tl_load(EXAMPLES_DIR "/hongze-2024.csv");
	struct xbook	*b = workbook_of(r);
	struct xsheet	*sh = sheet(b, "表四");
	size_t		 i;
	int		 j, found;

	cr_assert_eq(sh->nmerges, (int)(sizeof want / sizeof want[0]));
	for (i = 0; i < sizeof want / sizeof want[0]; i++) {
		for (j = found = 0; j < sh->nmerges; j++)
			found += strcmp(sh->merges[j], want[i]) == 0;
		cr_assert_eq(found, 1, "no merged range %s", want[i]);
	}
	cr_assert_str_eq(text_at(b, sh, 3, 6), "行政诉讼");
	cr_assert_str_eq(text_at(b, sh, 4, 6), "未经复议直接起诉");
	cr_assert_str_eq(text_at(b, sh, 4, 11), "复议后起诉");
	cr_assert_str_eq(text_at(b, sh, 5, 15), "总计");
	book_free(b);
	report_free(r);
}

Test(xlsx, table_2_has_its_captions_across_the_table)
{
	struct report	*r = tl_load(EXAMPLES_DIR "/hongze-2024.csv");
	struct xbook	*b = workbook_of(r);
	struct xsheet	*sh = sheet(b, "表二");
	int		 row, j, found;
	char		 ref[16];

	row = find_row(b, sh, 1, "第二十条第（八）项");
	cr_assert_neq(row, -1);
	snprintf(ref, sizeof ref, "A%d:D%d", row, row);
	for (j = found = 0; j < sh->nmerges; j++)
		found += strcmp(sh->merges[j], ref) == 0;
	cr_assert_eq(found, 1, "caption not merged over %s", ref);
	cr_assert_str_eq(text_at(b, sh, row + 1, 2), "本年收费金额（单位：万元）");
	book_free(b);
	report_free(r);
}

Test(xlsx, every_figure_of_the_examples_equals_the_report)
{
	static const char *const files[] = {
		EXAMPLES_DIR "/hongze-2024.csv",
		EXAMPLES_DIR "/lushi-xzsp-2024.csv",
	};
	size_t	 i;

	for (i = 0; i < sizeof files / sizeof files[0]; i++) {
		struct report	*r = tl_load(files[i]);
		struct xbook	*b = workbook_of(r);

		cr_assert_eq(check_figures(b, r), SCH_NCELLS, "%s", files[i]);
		book_free(b);
		report_free(r);
	}
}

/* Counts are numbers, so a spreadsheet can add them up. */
Test(xlsx, counts_are_numbers_and_the_amount_has_four_decimals_in_wanyuan)
{
	struct report	*r = tl_load(EXAMPLES_DIR "/hongze-2024.csv");
	struct xbook	*b = workbook_of(r);
	struct xsheet	*sh = sheet(b, "表三");
	struct xcell	*c;
	int		 row;

	row = find_row(b, sh, 1, "一、本年新收政府信息公开申请数量");
	c = cell(sh, row, 4);
	cr_assert_str_eq(c->type, "");
	cr_assert_str_eq(c->v, "95");
	cr_assert_not_null(strstr(b->styles,
	    "formatCode=\"0.0000&quot; 万元&quot;\""), "no 0.0000 万元 format");
	book_free(b);
	report_free(r);
}

/* Figures as large as a report holds (10^15 - 1) stay exact: a number
 * where a spreadsheet reads it back exactly, the digits as text where a
 * double would change them; empty cells stay empty, invalid ones are
 * kept as typed. */
Test(xlsx, large_empty_and_invalid_figures_are_exact)
{
	struct report	*r = report_new();
	struct xbook	*b;
	int		 f;

	report_set(r, F_AGENCY, "某市某局");
	report_set(r, F_YEAR, "2025");
	for (f = F_FIRST_CELL; f < F_FIRST_CELL + SCH_NCELLS; f++)
		report_set_value(r, f, INT64_C(999999999999999) -
		    (f - F_FIRST_CELL) * INT64_C(1000003));
	report_set(r, schema_find("t2.fees.amount"), "99999999999.9999");
	report_set(r, schema_find("t2.rules.issued"), "");
	report_set(r, schema_find("t3.new.natural"), "5x0");
	report_set(r, schema_find("t4.review.total"), "12345678901234");
	b = workbook_of(r);
	cr_assert_eq(check_figures(b, r), SCH_NCELLS);
	book_free(b);

	report_set(r, schema_find("t2.fees.amount"), "4068.208");
	b = workbook_of(r);
	cr_assert_eq(check_figures(b, r), SCH_NCELLS);
	book_free(b);
	report_free(r);
}

/* What a person typed is a string, whatever it starts with, and no part
 * of the workbook holds a formula. */
Test(xlsx, typed_text_is_a_string_and_no_cell_holds_a_formula)
{
	static const char *const typed[] = {
		"=HYPERLINK(\"http://x\",\"y\")", "＝1+1", "+1+2", "@SUM(1)",
		"-2+3",
	};
	struct report	*r = tl_load(EXAMPLES_DIR "/hongze-2024.csv");
	struct xbook	*b;
	struct xsheet	*sh;
	size_t		 i;
	int		 j, found, row;

	report_set(r, F_AGENCY, typed[0]);
	report_set(r, F_S1, typed[1]);
	report_set(r, F_S5, typed[2]);
	report_set(r, F_S6, typed[3]);
	report_extra_set(r, "note.X2.rules", "说明/X2/规章", typed[4], 0);
	report_set(r, F_PREAMBLE, "=1+1\n\n+2");
	report_set(r, schema_find("t3.new.biz"), "=1+1");
	b = workbook_of(r);
	cr_assert_null(strstr(b->parts, "<f>"), "a formula in the workbook");
	cr_assert_null(strstr(b->parts, "<f "), "a formula in the workbook");
	cr_assert_null(strstr(b->parts, "t=\"str\""), "a formula's result");
	for (i = 0; i < 5; i++) {
		for (j = found = 0; j < b->nstrings; j++)
			found += strcmp(b->strings[j], typed[i]) == 0;
		cr_assert_geq(found, 1, "'%s' is not a shared string", typed[i]);
	}
	sh = sheet(b, "封面与正文");
	row = find_row(b, sh, 1, "报告单位");
	cr_assert_str_eq(text_at(b, sh, row, 2), typed[0]);
	row = find_row(b, sh, 1, "五、存在的主要问题及改进情况");
	cr_assert_str_eq(text_at(b, sh, row, 2), typed[2]);
	row = find_row(b, sh, 1, "说明/X2/规章");
	cr_assert_str_eq(text_at(b, sh, row, 2), typed[4]);
	sh = sheet(b, "表三");
	row = find_row(b, sh, 1, "一、本年新收政府信息公开申请数量");
	cr_assert_str_eq(text_at(b, sh, row, 5), "=1+1");
	book_free(b);
	report_free(r);
}

/* Terminal controls and bidi overrides a file carried are dropped, as in
 * every export. */
Test(xlsx, controls_and_bidi_characters_are_dropped)
{
	struct report	*r = tl_load(EXAMPLES_DIR "/hongze-2024.csv");
	struct xbook	*b;
	struct xsheet	*sh;
	int		 row;

	report_set(r, F_AGENCY, "甲\x1b[2J局\xe2\x80\xae乙");
	b = workbook_of(r);
	sh = sheet(b, "封面与正文");
	row = find_row(b, sh, 1, "报告单位");
	cr_assert_str_eq(text_at(b, sh, row, 2), "甲[2J局乙");
	book_free(b);
	report_free(r);
}

Test(xlsx, header_rows_are_frozen)
{
	struct report	*r = tl_load(EXAMPLES_DIR "/hongze-2024.csv");
	struct xbook	*b = workbook_of(r);

	cr_assert_not_null(strstr(sheet(b, "表三")->xml,
	    "<pane xSplit=\"3\" ySplit=\"5\" topLeftCell=\"D6\" "
	    "activePane=\"bottomRight\" state=\"frozen\"/>"));
	cr_assert_not_null(strstr(sheet(b, "表四")->xml, "ySplit=\"5\""));
	cr_assert_not_null(strstr(sheet(b, "表二")->xml, "ySplit=\"2\""));
	book_free(b);
	report_free(r);
}

/* The label columns of table 三 are wide enough for the short labels, and
 * the long ones wrap (their rows are higher). */
Test(xlsx, columns_fit_the_labels)
{
	struct report	*r = tl_load(EXAMPLES_DIR "/hongze-2024.csv");
	struct xbook	*b = workbook_of(r);
	struct xsheet	*sh = sheet(b, "表三");
	const char	*c3 = strstr(sh->xml, "<col min=\"3\" max=\"3\"");
	char		*w;
	int		 row;
	const char	*rowtag;
	char		 key[32];

	cr_assert_not_null(c3);
	w = attr(c3, "width");
	/* 5.要求行政机关确认或重新出具已获取信息: 18 wide characters and
	 * two narrow ones, on one line. */
	cr_assert_geq(atof(w), 18 * 2 + 2, "column C is %s wide", w);
	free(w);
	row = find_row(b, sh, 3, "2.申请人逾期未按收费通知要求缴纳费用、"
	    "行政机关不再处理其政府信息公开申请");
	snprintf(key, sizeof key, "<row r=\"%d\"", row);
	cr_assert_not_null(rowtag = strstr(sh->xml, key));
	w = attr(rowtag, "ht");
	cr_assert_geq(atof(w), 30, "row %d is %s high", row, w);
	free(w);
	book_free(b);
	report_free(r);
}

/* The small API other commands use for a workbook of their own: a
 * report's sheets and a plain sheet, text always a string, counts numbers
 * (past 2^53 their digits). */
Test(xlsx, a_workbook_of_ones_own_sheets)
{
	struct report	*r = tl_load(EXAMPLES_DIR "/hongze-2024.csv");
	char		 path[] = "/tmp/gk-xbook-XXXXXX", *err = NULL;
	struct xbook	*b;
	struct xsheet	*s;
	struct xbook	*rb;
	struct xsheet	*sh;
	int		 fd;

	cr_assert_neq(fd = mkstemp(path), -1);
	close(fd);
	cr_assert_not_null(b = xbook_new(path, "汇总", &err), "%s", err);
	xbook_add_report(b, r, "汇总");
	cr_assert_not_null(s = xbook_sheet(b, "单位"));
	xsheet_heading(s, 0, 0, "报告单位");
	xsheet_heading(s, 0, 1, "本年新收");
	xsheet_text(s, 1, 0, "=cmd|' /C calc'!A0");
	xsheet_figure(s, 1, 1, r, schema_find("t3.new.total"));
	xsheet_count(s, 2, 1, INT64_C(9007199254740993));
	xsheet_width(s, 0, 30);
	xsheet_freeze(s, 1, 0);
	cr_assert_eq(xbook_close(b, &err), 0, "%s", err);

	rb = book_read(path);
	strcpy(rb->path, path);
	cr_assert_eq(rb->nsheets, 5);
	cr_assert_str_eq(rb->sheets[1].name, "汇总表三");
	sh = sheet(rb, "单位");
	cr_assert_str_eq(text_at(rb, sh, 1, 1), "报告单位");
	cr_assert_str_eq(text_at(rb, sh, 2, 1), "=cmd|' /C calc'!A0");
	cr_assert_str_eq(cell(sh, 2, 2)->v, "95");
	cr_assert_str_eq(cell(sh, 2, 2)->type, "");
	cr_assert_str_eq(text_at(rb, sh, 3, 2), "9007199254740993");
	cr_assert_null(strstr(rb->parts, "<f>"));
	book_free(rb);
	report_free(r);
}

/* Rates and amounts of sum's workbook: numbers (a reviewer sorts by
 * them), each the double nearest its text; anything else stays text. */
Test(xlsx, decimals_are_numbers_and_odd_text_stays_text)
{
	static const struct {
		const char	*text, *v, *type;
	} c[] = {
		{ "12.34", "12.34", "" },
		{ "100.00", "100", "" },
		{ "0.10", "0.1", "" },
		{ "7730.2800", "7730.28", "" },
		{ "12345678901.2345", "12345678901.2345", "" },
		{ "95", "95", "" },
		{ "1234567890123456", NULL, "s" },	/* 16 digits */
		{ "1.23456", NULL, "s" },		/* 5 places */
		{ "-3.5", NULL, "s" },
		{ "12.", NULL, "s" },
		{ ".5", NULL, "s" },
		{ "1e3", NULL, "s" },
	};
	char		 path[] = "/tmp/gk-xbook-XXXXXX", *err = NULL;
	struct xbook	*b, *rb;
	struct xsheet	*s, *sh;
	struct xcell	*x;
	size_t		 i;
	int		 fd;

	cr_assert_neq(fd = mkstemp(path), -1);
	close(fd);
	cr_assert_not_null(b = xbook_new(path, "汇总", &err), "%s", err);
	cr_assert_not_null(s = xbook_sheet(b, "单位"));
	for (i = 0; i < sizeof c / sizeof c[0]; i++)
		xsheet_decimal(s, (int)i, 0, c[i].text);
	xsheet_decimal(s, (int)i, 0, "");
	cr_assert_eq(xbook_close(b, &err), 0, "%s", err);

	rb = book_read(path);
	strcpy(rb->path, path);
	sh = sheet(rb, "单位");
	for (i = 0; i < sizeof c / sizeof c[0]; i++) {
		cr_assert_not_null(x = cell(sh, (int)i + 1, 1), "%s", c[i].text);
		cr_expect_str_eq(x->type, c[i].type, "%s", c[i].text);
		if (c[i].v != NULL)
			cr_expect_str_eq(x->v, c[i].v, "%s", c[i].text);
		else
			cr_expect_str_eq(text_at(rb, sh, (int)i + 1, 1),
			    c[i].text);
	}
	cr_expect_null(cell(sh, (int)i + 1, 1), "an empty text is no cell");
	/* Shown with the text's places. */
	cr_expect_not_null(strstr(rb->styles, "formatCode=\"0.00\""));
	cr_expect_not_null(strstr(rb->styles, "formatCode=\"0.0000\""));
	book_free(rb);
}

/* A text longer than a cell holds (32,767 characters) or a row shows goes
 * on in the rows below: nothing of it is lost. */
Test(xlsx, a_long_paragraph_goes_on_in_the_next_rows)
{
	struct report	*r = tl_load(EXAMPLES_DIR "/hongze-2024.csv");
	struct xbook	*b;
	struct xsheet	*sh;
	char		*para = malloc(40000 * 3 + 16), *got = calloc(1, 40000 * 3 + 16);
	int		 i, row, nrows = 0;
	const char	*t;

	for (i = 0; i < 40000; i++)
		memcpy(para + i * 3, i % 7 == 6 ? "\xe3\x80\x82" : "\xe5\x85\xac", 3);
	strcpy(para + 40000 * 3, "end");
	report_set(r, F_S5, para);
	b = workbook_of(r);
	sh = sheet(b, "封面与正文");
	row = find_row(b, sh, 1, "五、存在的主要问题及改进情况");
	cr_assert_neq(row, -1);
	for (; (t = text_at(b, sh, row, 2)) != NULL &&
	    (nrows == 0 || text_at(b, sh, row, 1) == NULL); row++, nrows++)
		strcat(got, t);
	cr_assert_gt(nrows, 1);
	cr_assert_str_eq(got, para);
	book_free(b);
	free(para);
	free(got);
	report_free(r);
}

/* Saved, the workbook is written by libxlsxwriter into the atomic
 * writer's own temporary file: the target is whole, the previous version
 * stays as NAME~, and no temporary file is left in the folder. */
Test(xlsx, save_writes_through_the_atomic_writer)
{
	struct report	*r = tl_load(EXAMPLES_DIR "/hongze-2024.csv");
	char		 dir[] = "/tmp/gk-xlsx-save-XXXXXX", path[128], cmd[256];
	char		*err = NULL;
	struct xbook	*b;
	FILE		*p;
	int		 n;

	cr_assert_not_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/甲.xlsx", dir);
	cr_assert_eq(export_save(r, EXPORT_XLSX, EXPORT_UTF8, path, NULL,
	    &err), 0, "%s", err);
	report_set(r, schema_find("t2.permit.decisions"), "1234");
	cr_assert_eq(export_save(r, EXPORT_XLSX, EXPORT_UTF8, path, NULL,
	    &err), 0, "%s", err);
	b = book_read(path);
	strcpy(b->path, path);
	cr_assert_eq(check_figures(b, r), SCH_NCELLS);
	book_free(b);		/* removes path */
	snprintf(cmd, sizeof cmd, "ls -A '%s' | wc -l", dir);
	cr_assert_not_null(p = popen(cmd, "r"));
	cr_assert_eq(fscanf(p, "%d", &n), 1);
	pclose(p);
	cr_assert_eq(n, 1, "left in the folder: %d files (only 甲.xlsx~)", n);
	snprintf(path, sizeof path, "%s/甲.xlsx~", dir);
	cr_assert_eq(access(path, R_OK), 0, "no previous version kept");
	unlink(path);
	rmdir(dir);
	cr_assert_eq(export_save(r, EXPORT_XLSX, EXPORT_UTF8,
	    "/nonexistent-gk/x.xlsx", NULL, &err), -1);
	cr_assert_not_null(strstr(err, "/nonexistent-gk/x.xlsx"));
	free(err);
	report_free(r);
}
