/*
 * export_xlsx.c: the report as an Excel workbook, through libxlsxwriter
 * (see export_xlsx.h).
 *
 * Each table is laid out once by layout.c, as every export does; here a
 * layout becomes cells, merged ranges, column widths and row heights.
 * Figures are numbers only when a spreadsheet reads back exactly the value
 * the report holds (libxlsxwriter writes a double as "%.16G"); anything
 * else a person typed, including an invalid figure, is a string written
 * with worksheet_write_string, so nothing can become a formula.
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export_xlsx.h"
#include "nls.h"
#include "xmalloc.h"

#ifndef HAVE_XLSXWRITER

const bool xlsx_built = false;

static char *
no_xlsx(void)
{
	return xasprintf(_("这个版本的 gkreport 没有 %s 导出"
	    "（构建时没有所需的库）"), "xlsx");
}

struct xbook *
xbook_new(const char *path, const char *title, char **err)
{
	*err = no_xlsx();
	return NULL;
}

void
xbook_add_report(struct xbook *b, const struct report *r, const char *prefix)
{
}

void
xbook_add_table(struct xbook *b, const struct report *r, int table,
    const char *name)
{
}

struct xsheet *
xbook_sheet(struct xbook *b, const char *name)
{
	return NULL;
}

void
xsheet_heading(struct xsheet *s, int row, int col, const char *t)
{
}

void
xsheet_text(struct xsheet *s, int row, int col, const char *t)
{
}

void
xsheet_count(struct xsheet *s, int row, int col, int64_t v)
{
}

void
xsheet_figure(struct xsheet *s, int row, int col, const struct report *r,
    int field)
{
}

void
xsheet_decimal(struct xsheet *s, int row, int col, const char *t)
{
}

void
xsheet_width(struct xsheet *s, int col, double width)
{
}

void
xsheet_freeze(struct xsheet *s, int rows, int cols)
{
}

int
xbook_close(struct xbook *b, char **err)
{
	*err = no_xlsx();
	return -1;
}

int
export_xlsx_write(const struct report *r, const char *path, char **err)
{
	*err = no_xlsx();
	return -1;
}

#else

#include <xlsxwriter.h>

#include "buf.h"
#include "layout.h"
#include "number.h"
#include "schema.h"
#include "show.h"

const bool xlsx_built = true;

#define XL_MAXSTR	32767	/* characters in one cell */
#define XL_MAXNAME	31	/* characters in a sheet name */
#define XL_LINE		15.0	/* points per line of text */
#define XL_MAXROW	409.0	/* points, the highest row Excel takes */
#define LABEL_MAX	42.0	/* widest label column before wrapping */
#define TEXT_WIDTH	90.0	/* the column of the texts */

enum xfmt {
	XF_TITLE, XF_HEADING, XF_CAPTION, XF_CORNER, XF_HEAD, XF_LABEL,
	XF_COUNT, XF_AMOUNT, XF_TYPED, XF_INVALID, XF_BLANK,
	XF_PLABEL, XF_PTEXT,
	XF_DEC1, XF_DEC2, XF_DEC3, XF_DEC4,	/* 0.0 … 0.0000 */
	XF_N
};

struct xsheet {
	struct xbook	*book;
	lxw_worksheet	*ws;
	struct xsheet	*next;
};

struct xbook {
	struct xsheet	*sheets;	/* the caller's own, freed at close */
	lxw_workbook	*wb;
	lxw_format	*f[XF_N];
	lxw_error	 error;		/* the first error met, or LXW_NO_ERROR */
	int		 nsheets;
	char		*title;
};

static void
note_error(struct xbook *b, lxw_error e)
{
	if (e != LXW_NO_ERROR && b->error == LXW_NO_ERROR)
		b->error = e;
}

/* The width of s in spreadsheet units (about one digit of the default
 * font): Chinese and other wide characters take about two. */
static double
xl_width(const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	double			 w = 0;

	for (; p != NULL && *p != '\0'; p++) {
		if (*p < 0x80)
			w += 1.1;
		else if ((*p & 0xc0) != 0x80)
			w += *p >= 0xe1 ? 2.1 : 1.1;	/* U+1000 and up: wide */
	}
	return w;
}

/* The lines s takes in a column width wide (its own line breaks too). */
static int
xl_lines(const char *s, double wide)
{
	const char	*e;
	char		*line;
	int		 n = 0;
	double		 w;

	if (s == NULL || *s == '\0')
		return 1;
	while (*s != '\0') {
		e = s + strcspn(s, "\r\n");
		line = xstrndup(s, (size_t)(e - s));
		w = xl_width(line);
		free(line);
		n += w <= wide ? 1 : (int)(w / wide) + 1;
		s = e;
		if (*s == '\r')
			s++;
		if (*s == '\n')
			s++;
	}
	return n > 0 ? n : 1;
}

static lxw_format *
fmt_new(struct xbook *b, bool border, uint8_t align, lxw_color_t bg)
{
	lxw_format	*f = workbook_add_format(b->wb);

	if (border)
		format_set_border(f, LXW_BORDER_THIN);
	if (align != LXW_ALIGN_NONE)
		format_set_align(f, align);
	format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
	if (bg != 0)
		format_set_bg_color(f, bg);
	format_set_text_wrap(f);
	return f;
}

static void
make_formats(struct xbook *b)
{
	static const char	*decimals[] = { "0.0", "0.00", "0.000", "0.0000" };
	lxw_format		**f = b->f;
	int			  i;

	f[XF_TITLE] = workbook_add_format(b->wb);
	format_set_bold(f[XF_TITLE]);
	format_set_font_size(f[XF_TITLE], 14);
	format_set_align(f[XF_TITLE], LXW_ALIGN_CENTER);
	format_set_align(f[XF_TITLE], LXW_ALIGN_VERTICAL_CENTER);
	f[XF_HEADING] = workbook_add_format(b->wb);
	format_set_bold(f[XF_HEADING]);
	format_set_font_size(f[XF_HEADING], 12);
	format_set_align(f[XF_HEADING], LXW_ALIGN_VERTICAL_CENTER);
	f[XF_CAPTION] = fmt_new(b, true, LXW_ALIGN_LEFT, 0xE5E7EB);
	format_set_bold(f[XF_CAPTION]);
	f[XF_CORNER] = fmt_new(b, true, LXW_ALIGN_LEFT, 0xF3F4F6);
	format_set_font_size(f[XF_CORNER], 9);
	f[XF_HEAD] = fmt_new(b, true, LXW_ALIGN_CENTER, 0xF3F4F6);
	f[XF_LABEL] = fmt_new(b, true, LXW_ALIGN_LEFT, 0xFAFAFA);
	f[XF_COUNT] = fmt_new(b, true, LXW_ALIGN_CENTER, 0);
	format_set_num_format(f[XF_COUNT], "0");
	f[XF_AMOUNT] = fmt_new(b, true, LXW_ALIGN_CENTER, 0);
	format_set_num_format(f[XF_AMOUNT], "0.0000\" 万元\"");
	f[XF_TYPED] = fmt_new(b, true, LXW_ALIGN_CENTER, 0);
	for (i = 0; i < 4; i++) {
		f[XF_DEC1 + i] = fmt_new(b, true, LXW_ALIGN_CENTER, 0);
		format_set_num_format(f[XF_DEC1 + i], decimals[i]);
	}
	f[XF_INVALID] = fmt_new(b, true, LXW_ALIGN_CENTER, 0xFFE4E6);
	f[XF_BLANK] = fmt_new(b, true, LXW_ALIGN_NONE, 0);
	f[XF_PLABEL] = workbook_add_format(b->wb);
	format_set_bold(f[XF_PLABEL]);
	format_set_align(f[XF_PLABEL], LXW_ALIGN_VERTICAL_TOP);
	format_set_text_wrap(f[XF_PLABEL]);
	f[XF_PTEXT] = workbook_add_format(b->wb);
	format_set_align(f[XF_PTEXT], LXW_ALIGN_VERTICAL_TOP);
	format_set_text_wrap(f[XF_PTEXT]);
}

/* Typed text as a string cell: controls and bidi characters dropped (as
 * every export does), cut to what a cell holds. */
static void
put_text(struct xbook *b, lxw_worksheet *ws, int row, int col, const char *s,
    lxw_format *f)
{
	char	*t = xstrdup(s != NULL ? s : "");
	size_t	 n = show_strip(t, strlen(t)), i, chars;

	t[n] = '\0';
	/* Excel counts UTF-16 units; a UTF-8 lead byte is at most one
	 * character, and four-byte ones are two units. */
	for (i = chars = 0; i < n; i++) {
		unsigned char	c = (unsigned char)t[i];

		if ((c & 0xc0) != 0x80)
			chars += c >= 0xf0 ? 2 : 1;
		if (chars > XL_MAXSTR) {
			t[i] = '\0';
			break;
		}
	}
	note_error(b, worksheet_write_string(ws, (lxw_row_t)row,
	    (lxw_col_t)col, t, f));
	free(t);
}

/* The number a spreadsheet reads back for field's value, when it is
 * exactly the value the report holds; false otherwise (then the figure is
 * written as the text it is). */
static bool
exact_number(const struct report *r, int field, double *d)
{
	const struct sch_field	*sf = schema_field(field);
	char			 canon[NUM_BUFSZ], shown[64];
	int64_t			 v, back;

	if (!report_value(r, field, &v))
		return false;
	number_format(v, sf->kind, canon);
	*d = strtod(canon, NULL);
	snprintf(shown, sizeof shown, "%.16G", *d);	/* as libxlsxwriter */
	return number_parse(shown, sf->kind, &back) == NUM_OK && back == v;
}

static void
put_figure(struct xbook *b, lxw_worksheet *ws, int row, int col,
    const struct report *r, int field)
{
	double		 d;
	const char	*s = report_get(r, field);
	bool		 amount = schema_field(field)->kind == SK_AMOUNT;

	if (s == NULL)
		note_error(b, worksheet_write_blank(ws, (lxw_row_t)row,
		    (lxw_col_t)col, b->f[XF_BLANK]));
	else if (report_state(r, field) != RS_VALID)
		put_text(b, ws, row, col, s, b->f[XF_INVALID]);
	else if (exact_number(r, field, &d))
		note_error(b, worksheet_write_number(ws, (lxw_row_t)row,
		    (lxw_col_t)col, d, b->f[amount ? XF_AMOUNT : XF_COUNT]));
	else
		put_text(b, ws, row, col, s, b->f[XF_TYPED]);
}

static lxw_format *
kind_format(struct xbook *b, enum lkind k)
{
	switch (k) {
	case L_CAPTION:
		return b->f[XF_CAPTION];
	case L_CORNER:
		return b->f[XF_CORNER];
	case L_HEAD:
		return b->f[XF_HEAD];
	case L_LABEL:
		return b->f[XF_LABEL];
	default:
		return b->f[XF_BLANK];
	}
}

/* A sheet name Excel takes: no []:*?/\ , at most 31 characters, and not
 * one the workbook has. Caller frees. */
static char *
sheet_name(struct xbook *b, const char *prefix, const char *name)
{
	char		*s = xasprintf("%s%s", prefix != NULL ? prefix : "",
			    name), *p;
	size_t		 i, chars;

	for (p = s; *p != '\0'; p++)
		if (strchr("[]:*?/\\'", *p) != NULL ||
		    (unsigned char)*p < 0x20)
			*p = '_';
	for (i = chars = 0; s[i] != '\0'; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80 &&
		    ++chars > XL_MAXNAME - 4) {	/* room for "(99)" */
			s[i] = '\0';
			break;
		}
	if (workbook_get_worksheet_by_name(b->wb, s) != NULL) {
		for (i = 2; i < 100; i++) {
			p = xasprintf("%s(%zu)", s, i);
			if (workbook_get_worksheet_by_name(b->wb, p) == NULL)
				break;
			free(p);
		}
		free(s);
		s = p;
	}
	return s;
}

static lxw_worksheet *
add_sheet(struct xbook *b, const char *prefix, const char *name)
{
	char		*n = sheet_name(b, prefix, name);
	lxw_worksheet	*ws = workbook_add_worksheet(b->wb, n);

	free(n);
	if (ws == NULL)
		note_error(b, LXW_ERROR_SHEETNAME_ALREADY_USED);
	b->nsheets++;
	return ws;
}

/* The widths of the layout's columns: labels up to LABEL_MAX (then they
 * wrap), figures as wide as the widest, headings as wide as their longest
 * word would need at most. */
static void
layout_widths(const struct layout *g, double *w)
{
	int	 r, c;
	double	 x;

	for (c = 0; c < g->ncols; c++)
		w[c] = c < g->nlab ? 6 : 9;
	for (r = 0; r < g->nrows; r++)
		for (c = 0; c < g->ncols; c++) {
			const struct lcell	*lc = LCELL(g, r, c);

			if (!lc->placed || lc->colspan != 1 || lc->text == NULL ||
			    lc->kind == L_CORNER || lc->kind == L_CAPTION)
				continue;
			x = xl_width(lc->text) + 1.5;
			if (lc->kind == L_HEAD && x > 12)
				x = 12;		/* headings wrap in two lines */
			if (lc->kind == L_LABEL && lc->rowspan > 1 && x > 16)
				x = 16;		/* a heading down its rows */
			if (lc->kind == L_VALUE)
				x += 2;
			if (x > LABEL_MAX)
				x = LABEL_MAX;
			if (x > w[c])
				w[c] = x;
		}
}

/* Row heights: each row as high as its most wrapped cell; a cell over
 * several rows makes its last row higher when they are not enough. */
static void
layout_heights(const struct layout *g, const double *w, double *h)
{
	int	 r, c, k;
	double	 span, need, have;

	for (r = 0; r < g->nrows; r++)
		h[r] = XL_LINE;
	for (r = 0; r < g->nrows; r++)
		for (c = 0; c < g->ncols; c++) {
			const struct lcell	*lc = LCELL(g, r, c);

			if (!lc->placed || lc->text == NULL)
				continue;
			for (span = 0, k = c; k < c + lc->colspan; k++)
				span += w[k];
			need = xl_lines(lc->text, span - 1) * XL_LINE + 3;
			if (lc->rowspan == 1) {
				if (need > h[r])
					h[r] = need;
				continue;
			}
			for (have = 0, k = r; k < r + lc->rowspan; k++)
				have += h[k];
			if (need > have)
				h[r + lc->rowspan - 1] += need - have;
		}
}

/* Write a layout at row top of a sheet. */
static void
put_layout(struct xbook *b, lxw_worksheet *ws, const struct layout *g,
    const struct report *rep, int top)
{
	int	 r, c;

	for (r = 0; r < g->nrows; r++)
		for (c = 0; c < g->ncols; c++) {
			const struct lcell	*lc = LCELL(g, r, c);
			lxw_format		*f = kind_format(b, lc->kind);
			int			 y = top + r;

			if (!lc->placed)
				continue;
			if (lc->rowspan > 1 || lc->colspan > 1)
				note_error(b, worksheet_merge_range(ws,
				    (lxw_row_t)y, (lxw_col_t)c,
				    (lxw_row_t)(y + lc->rowspan - 1),
				    (lxw_col_t)(c + lc->colspan - 1),
				    lc->kind == L_VALUE || lc->text == NULL ?
				    "" : lc->text, f));
			if (lc->kind == L_VALUE)
				put_figure(b, ws, y, c, rep, lc->field);
			else if (lc->rowspan == 1 && lc->colspan == 1)
				put_text(b, ws, y, c, lc->text, f);
		}
}

void
xbook_add_table(struct xbook *b, const struct report *rep, int table,
    const char *name)
{
	const struct sch_table	*t = &sch_tables[table];
	lxw_worksheet		*ws;
	struct layout		 g;
	double			*w, *h;
	char			*title;
	int			 r, c, top = 2;

	if ((ws = add_sheet(b, NULL, name)) == NULL)
		return;
	layout_table(&g, rep, table);
	w = xcalloc((size_t)g.ncols, sizeof *w);
	h = xcalloc((size_t)g.nrows, sizeof *h);
	layout_widths(&g, w);
	layout_heights(&g, w, h);
	for (c = 0; c < g.ncols; c++)
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, w[c],
		    NULL);
	for (r = 0; r < g.nrows; r++)
		worksheet_set_row(ws, (lxw_row_t)(top + r),
		    h[r] > XL_MAXROW ? XL_MAXROW : h[r], NULL);

	/* The report's title and the section's heading above the table. */
	title = export_title(rep);
	worksheet_set_row(ws, 0, 24, NULL);
	worksheet_set_row(ws, 1, 20, NULL);
	note_error(b, worksheet_merge_range(ws, 0, 0, 0,
	    (lxw_col_t)(g.ncols - 1), "", b->f[XF_TITLE]));
	put_text(b, ws, 0, 0, title, b->f[XF_TITLE]);
	free(title);
	note_error(b, worksheet_merge_range(ws, 1, 0, 1,
	    (lxw_col_t)(g.ncols - 1), sch_sections[t->section].heading,
	    b->f[XF_HEADING]));
	put_layout(b, ws, &g, rep, top);

	/* Headings stay in view: the header rows (and 三's label columns);
	 * table 二 repeats its headings per band, so only the titles. */
	worksheet_freeze_panes(ws, (lxw_row_t)(top + g.nhead),
	    (lxw_col_t)(g.nhead > 0 && g.nlab > 0 ? g.nlab : 0));
	worksheet_set_paper(ws, 9);		/* A4 */
	if (g.ncols > 6)
		worksheet_set_landscape(ws);
	worksheet_fit_to_pages(ws, 1, 1);	/* a table on one page */
	worksheet_center_horizontally(ws);
	free(w);
	free(h);
	layout_fini(&g);
}

/* How many bytes of s fill one row of the texts' column: as many lines as
 * the highest row shows (a longer paragraph goes on in the next row, so
 * nothing is hidden or cut at Excel's 32,767 characters a cell). */
static size_t
row_chunk(const char *s)
{
	const double	 budget = (XL_MAXROW - 4) / XL_LINE * (TEXT_WIDTH - 6);
	const unsigned char *p = (const unsigned char *)s;
	double		 w = 0;
	size_t		 i, last = 0;

	for (i = 0; p[i] != '\0'; i++) {
		if ((p[i] & 0xc0) == 0x80)
			continue;
		if (w > budget)
			return last;
		last = i;
		w += p[i] < 0x80 ? 1.1 : p[i] >= 0xe1 ? 2.1 : 1.1;
	}
	return i;
}

/* One labelled text in the particulars: a paragraph per row (a long one
 * over several), the label in the first. Returns the next row. */
static int
put_para_rows(struct xbook *b, lxw_worksheet *ws, int row, const char *label,
    const char *text)
{
	const char	*s = text, *e;
	char		*para;
	bool		 first = true;
	double		 h;
	size_t		 off, n;

	put_text(b, ws, row, 0, label, b->f[XF_PLABEL]);
	if (s == NULL || *s == '\0')
		return row + 1;
	while (*s != '\0') {
		e = s + strcspn(s, "\r\n");
		para = xstrndup(s, (size_t)(e - s));
		if (first || strspn(para, " \t") < strlen(para)) {
			for (off = 0; first || para[off] != '\0'; off += n) {
				char	*part;

				n = row_chunk(para + off);
				part = xstrndup(para + off, n);
				h = xl_lines(part, TEXT_WIDTH - 2) * XL_LINE + 2;
				worksheet_set_row(ws, (lxw_row_t)row,
				    h > XL_MAXROW ? XL_MAXROW : h, NULL);
				put_text(b, ws, row++, 1, part, b->f[XF_PTEXT]);
				free(part);
				first = false;
			}
		}
		free(para);
		s = e + strspn(e, "\r\n");
	}
	return row;
}

/* The particulars (封面) and the texts, then the notes (说明). */
static void
add_particulars(struct xbook *b, const struct report *r, const char *prefix)
{
	static const int	 meta[] = {
		F_AGENCY, F_YEAR, F_PERIOD_START, F_PERIOD_END,
	};
	static const int	 texts[] = { F_PREAMBLE, F_S1, F_S5, F_S6 };
	lxw_worksheet		*ws;
	char			*title;
	int			 row = 2, i;

	if ((ws = add_sheet(b, prefix, "封面与正文")) == NULL)
		return;
	worksheet_set_column(ws, 0, 0, 16, NULL);
	worksheet_set_column(ws, 1, 1, TEXT_WIDTH, NULL);
	worksheet_set_row(ws, 0, 24, NULL);
	title = export_title(r);
	note_error(b, worksheet_merge_range(ws, 0, 0, 0, 1, "",
	    b->f[XF_TITLE]));
	put_text(b, ws, 0, 0, title, b->f[XF_TITLE]);
	free(title);
	for (i = 0; i < (int)(sizeof meta / sizeof meta[0]); i++) {
		put_text(b, ws, row, 0, schema_field(meta[i])->label,
		    b->f[XF_PLABEL]);
		put_text(b, ws, row++, 1, report_get(r, meta[i]),
		    b->f[XF_PTEXT]);
	}
	for (i = 0; i < (int)(sizeof texts / sizeof texts[0]); i++)
		row = put_para_rows(b, ws, row + 1,
		    schema_field(texts[i])->label, report_get(r, texts[i]));
	for (i = 0; i < report_nextras(r); i++) {
		const struct report_extra	*e = report_extra(r, i);

		if (strncmp(e->key, "note.", 5) != 0)
			continue;
		row = put_para_rows(b, ws, row + 1, *e->label != '\0' ?
		    e->label : e->key, e->value);
	}
	worksheet_freeze_panes(ws, 1, 0);
	worksheet_set_paper(ws, 9);
	worksheet_fit_to_pages(ws, 1, 0);
}

struct xbook *
xbook_new(const char *path, const char *title, char **err)
{
	struct xbook		*b = xcalloc(1, sizeof *b);
	lxw_workbook_options	 o = { .constant_memory = 0 };

	if ((b->wb = workbook_new_opt(path, &o)) == NULL) {
		*err = xasprintf(_("%s：无法建立工作簿"), path);
		free(b);
		return NULL;
	}
	make_formats(b);
	if (title != NULL) {
		static char		 made_by[] = PACKAGE_NAME " "
					    PACKAGE_VERSION;
		lxw_doc_properties	 p = { 0 };

		b->title = xstrdup(title);
		p.title = b->title;
		p.comments = made_by;
		workbook_set_properties(b->wb, &p);
	}
	return b;
}

void
xbook_add_report(struct xbook *b, const struct report *r, const char *prefix)
{
	int		 t;
	char		*name;

	for (t = 0; t < SCH_NTABLES; t++) {
		name = xasprintf("%s%s", prefix != NULL ? prefix : "",
		    sch_tables[t].name);
		xbook_add_table(b, r, t, name);
		free(name);
	}
	add_particulars(b, r, prefix);
}

struct xsheet *
xbook_sheet(struct xbook *b, const char *name)
{
	struct xsheet	*s;
	lxw_worksheet	*ws;

	if ((ws = add_sheet(b, NULL, name)) == NULL)
		return NULL;
	s = xcalloc(1, sizeof *s);
	s->book = b;
	s->ws = ws;
	s->next = b->sheets;
	b->sheets = s;
	return s;
}

void
xsheet_heading(struct xsheet *s, int row, int col, const char *t)
{
	put_text(s->book, s->ws, row, col, t, s->book->f[XF_HEAD]);
}

void
xsheet_text(struct xsheet *s, int row, int col, const char *t)
{
	put_text(s->book, s->ws, row, col, t, s->book->f[XF_LABEL]);
}

void
xsheet_count(struct xsheet *s, int row, int col, int64_t v)
{
	char	 digits[32];

	if (v >= -(INT64_C(1) << 53) && v <= (INT64_C(1) << 53)) {
		note_error(s->book, worksheet_write_number(s->ws,
		    (lxw_row_t)row, (lxw_col_t)col, (double)v,
		    s->book->f[XF_COUNT]));
		return;
	}
	/* Past 2^53 a double would change it: its digits instead. */
	snprintf(digits, sizeof digits, "%lld", (long long)v);
	put_text(s->book, s->ws, row, col, digits, s->book->f[XF_TYPED]);
}

void
xsheet_figure(struct xsheet *s, int row, int col, const struct report *r,
    int field)
{
	put_figure(s->book, s->ws, row, col, r, field);
}

void
xsheet_decimal(struct xsheet *s, int row, int col, const char *t)
{
	static const double	 scale[] = { 1, 10, 100, 1000, 10000 };
	const char		*p;
	int64_t			 v = 0;
	int			 digits = 0, places = -1;

	if (*t == '\0')
		return;
	for (p = t; *p != '\0'; p++) {
		if (*p == '.' && places == -1 && p > t)
			places = 0;
		else if (*p >= '0' && *p <= '9' && digits < 15) {
			v = v * 10 + (*p - '0');
			digits++;
			if (places != -1)
				places++;
		} else
			break;
	}
	/* Not a plain decimal of at most 15 digits and 4 places: the text
	 * as it is. Else the double nearest the decimal (one correctly
	 * rounded division of two exact doubles), shown with the text's
	 * places, which shows the text again. */
	if (*p != '\0' || places == 0 || places > 4) {
		put_text(s->book, s->ws, row, col, t, s->book->f[XF_TYPED]);
		return;
	}
	if (places == -1)
		places = 0;
	note_error(s->book, worksheet_write_number(s->ws, (lxw_row_t)row,
	    (lxw_col_t)col, (double)v / scale[places],
	    s->book->f[places == 0 ? XF_COUNT : XF_DEC1 + places - 1]));
}

void
xsheet_width(struct xsheet *s, int col, double width)
{
	worksheet_set_column(s->ws, (lxw_col_t)col, (lxw_col_t)col, width,
	    NULL);
}

void
xsheet_freeze(struct xsheet *s, int rows, int cols)
{
	worksheet_freeze_panes(s->ws, (lxw_row_t)rows, (lxw_col_t)cols);
}

int
xbook_close(struct xbook *b, char **err)
{
	lxw_error	 e;
	int		 rc = 0;

	if (b->nsheets == 0)
		workbook_add_worksheet(b->wb, NULL);
	e = workbook_close(b->wb);
	if (b->error != LXW_NO_ERROR)
		e = b->error;
	if (e != LXW_NO_ERROR) {
		*err = xasprintf(_("写工作簿失败：%s"), lxw_strerror(e));
		rc = -1;
	}
	while (b->sheets != NULL) {
		struct xsheet	*next = b->sheets->next;

		free(b->sheets);
		b->sheets = next;
	}
	free(b->title);
	free(b);
	return rc;
}

int
export_xlsx_write(const struct report *r, const char *path, char **err)
{
	struct xbook	*b;
	char		*title = export_title(r);

	b = xbook_new(path, title, err);
	free(title);
	if (b == NULL)
		return -1;
	xbook_add_report(b, r, NULL);
	return xbook_close(b, err);
}

#endif /* HAVE_XLSXWRITER */
