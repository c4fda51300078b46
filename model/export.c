/*
 * export.c: the spreadsheet CSV, the publishable text and the HTML page of
 * a report (spec §7).
 *
 * Each table is first laid out once, from the schema, as a grid of cells
 * with their row and column spans exactly as the national form prints it;
 * the three formats then only differ in how they write a grid: CSV and text
 * write a merged cell's text in its first position and leave the positions
 * it covers empty, HTML writes rowspan/colspan.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "csvout.h"
#include "export.h"
#include "safeio.h"
#include "show.h"
#include "nls.h"
#include "schema.h"
#include "utf8.h"
#include "xmalloc.h"

/* ---- the grid of a table as printed ---------------------------------- */

enum gkind {
	G_CAPTION,	/* 第二十条第（一）项, across the table */
	G_CORNER,	/* above the label columns */
	G_HEAD,		/* a column heading or a heading over columns */
	G_LABEL,	/* a row label or a heading over rows */
	G_VALUE,	/* a figure */
};

struct gcell {
	bool		 placed;
	bool		 covered;	/* inside another cell's span */
	enum gkind	 kind;
	const char	*text;		/* borrowed, or owned (below); NULL: empty */
	char		*owned;
	int		 field;		/* G_VALUE: the field, else -1 */
	int		 rowspan, colspan;
};

struct grid {
	int		 nrows, ncols;
	int		 maxrows;
	int		 nhead;		/* leading header rows (HTML thead) */
	struct gcell	*c;
};

#define GCELL(g, r, col)	(&(g)->c[(r) * (g)->ncols + (col)])

static void
grid_init(struct grid *g, int maxrows, int ncols)
{
	g->nrows = 0;
	g->ncols = ncols;
	g->maxrows = maxrows;
	g->nhead = 0;
	g->c = xcalloc((size_t)maxrows * (size_t)ncols, sizeof *g->c);
}

static void
grid_fini(struct grid *g)
{
	int	 i;

	for (i = 0; i < g->maxrows * g->ncols; i++)
		free(g->c[i].owned);
	free(g->c);
}

/* Put a cell at (r, c) spanning rs rows and cs columns. */
static struct gcell *
grid_put(struct grid *g, int r, int c, enum gkind kind, const char *text,
    int rs, int cs)
{
	struct gcell	*gc;
	int		 i, j;

	if (r + rs > g->maxrows || c + cs > g->ncols)
		abort();	/* a layout bug */
	for (i = r; i < r + rs; i++)
		for (j = c; j < c + cs; j++) {
			gc = GCELL(g, i, j);
			if (gc->placed || gc->covered)
				abort();
			gc->covered = true;
		}
	gc = GCELL(g, r, c);
	gc->covered = false;
	gc->placed = true;
	gc->kind = kind;
	gc->text = text;
	gc->field = -1;
	gc->rowspan = rs;
	gc->colspan = cs;
	if (r + rs > g->nrows)
		g->nrows = r + rs;
	return gc;
}

/* Segment k of a '/'-separated path, or NULL; *len its length. */
static const char *
path_seg(const char *path, int k, size_t *len)
{
	const char	*p = path, *e;

	if (path == NULL)
		return NULL;
	while (k-- > 0) {
		if ((p = strchr(p, '/')) == NULL)
			return NULL;
		p++;
	}
	e = strchr(p, '/');
	*len = e != NULL ? (size_t)(e - p) : strlen(p);
	return p;
}

static int
path_depth(const char *path)
{
	int	 n = 0;
	size_t	 len;

	while (path_seg(path, n, &len) != NULL)
		n++;
	return n;
}

/* Do two paths agree on their segments 0..k? */
static bool
path_same_upto(const char *a, const char *b, int k)
{
	const char	*sa, *sb;
	size_t		 la, lb;
	int		 i;

	for (i = 0; i <= k; i++) {
		sa = path_seg(a, i, &la);
		sb = path_seg(b, i, &lb);
		if (sa == NULL || sb == NULL || la != lb ||
		    memcmp(sa, sb, la) != 0)
			return false;
	}
	return true;
}

/* The heading rows of a band at row r0: the corner over the label columns,
 * the band's group heading, the column groups and the column labels.
 * Returns the number of rows used. */
static int
layout_band_head(struct grid *g, const struct sch_table *t,
    const struct sch_band *b, int r0, int nlab, int width)
{
	bool		 colgroups = false;
	int		 hrows, r, c, n;
	const char	*corner;

	for (c = 0; c < b->ncols; c++)
		if (b->cols[c].group != NULL)
			colgroups = true;
	hrows = (b->group != NULL) + (colgroups ? 2 : 1);
	corner = t->corner_note != NULL ? t->corner_note : b->corner;
	grid_put(g, r0, 0, G_CORNER, corner, hrows, nlab);
	r = r0;
	if (b->group != NULL)
		grid_put(g, r++, nlab, G_HEAD, b->group, 1, width);
	for (c = 0; c < b->ncols; c++) {
		const struct sch_col	*col = &b->cols[c];
		int			 cs = c == b->ncols - 1 ?
				    width - b->ncols + 1 : 1;

		if (col->group == NULL) {
			grid_put(g, r, nlab + c, G_HEAD, col->label,
			    colgroups ? 2 : 1, cs);
			continue;
		}
		if (c == 0 || b->cols[c - 1].group == NULL ||
		    strcmp(b->cols[c - 1].group, col->group) != 0) {
			for (n = 1; c + n < b->ncols &&
			    b->cols[c + n].group != NULL &&
			    strcmp(b->cols[c + n].group, col->group) == 0; n++)
				;
			grid_put(g, r, nlab + c, G_HEAD, col->group, 1, n);
		}
		grid_put(g, r + 1, nlab + c, G_HEAD, col->label, 1, cs);
	}
	return hrows;
}

/* A table printed with rows down and columns across (二, 三): per band an
 * optional caption row, the heading rows, then the rows, whose headings
 * (the row's path) stand in label columns to the left with rowspans. */
static void
layout_rows(struct grid *g, const struct report *rep, int table)
{
	const struct sch_table	*t = &sch_tables[table];
	int			 nlab = 1, width = 0, maxrows = 0;
	int			 i, k, r, c, b, d, n;

	for (i = 0; i < t->nrows; i++)
		if (path_depth(t->rows[i].path) + 1 > nlab)
			nlab = path_depth(t->rows[i].path) + 1;
	for (b = 0; b < t->nbands; b++) {
		if (t->bands[b].ncols > width)
			width = t->bands[b].ncols;
		maxrows += 4;
	}
	maxrows += t->nrows;
	grid_init(g, maxrows, nlab + width);

	r = 0;
	for (b = 0; b < t->nbands; b++) {
		const struct sch_band	*band = &t->bands[b];

		if (band->caption != NULL)
			grid_put(g, r++, 0, G_CAPTION, band->caption, 1,
			    nlab + width);
		r += layout_band_head(g, t, band, r, nlab, width);
		if (t->nbands == 1 && band->caption == NULL)
			g->nhead = r;
		for (i = 0; i < t->nrows; i++) {
			const struct sch_row	*row = &t->rows[i];

			if (row->band != b)
				continue;
			d = path_depth(row->path);
			for (k = 0; k < d; k++) {
				struct gcell	*gc;
				const char	*seg;
				size_t		 len;

				if (GCELL(g, r, k)->covered)
					continue;	/* under a heading above */
				for (n = 1; i + n < t->nrows &&
				    t->rows[i + n].band == b &&
				    path_same_upto(row->path,
				    t->rows[i + n].path, k); n++)
					;
				seg = path_seg(row->path, k, &len);
				gc = grid_put(g, r, k, G_LABEL, NULL, n, 1);
				gc->owned = xstrndup(seg, len);
				gc->text = gc->owned;
			}
			grid_put(g, r, d, G_LABEL, row->label, 1, nlab - d);
			for (c = 0; c < band->ncols; c++) {
				struct gcell	*gc;

				gc = grid_put(g, r, nlab + c, G_VALUE,
				    report_get(rep, schema_cell(table, i, c)), 1,
				    c == band->ncols - 1 ?
				    width - band->ncols + 1 : 1);
				gc->field = schema_cell(table, i, c);
			}
			r++;
		}
	}
}

/* A table the form prints as one line of figures (四): each row of the
 * schema becomes a group of columns under its label, rows sharing a path
 * under a common heading; the figures in one line below. */
static void
layout_across(struct grid *g, const struct report *rep, int table)
{
	const struct sch_table	*t = &sch_tables[table];
	const struct sch_band	*b = &t->bands[0];
	bool			 paths = false;
	int			 hrows, i, c, n, w = b->ncols;

	for (i = 0; i < t->nrows; i++)
		if (t->rows[i].path != NULL)
			paths = true;
	hrows = paths ? 3 : 2;
	grid_init(g, hrows + 1, t->nrows * w);
	g->nhead = hrows;
	for (i = 0; i < t->nrows; i++) {
		const struct sch_row	*row = &t->rows[i];

		if (row->path == NULL) {
			grid_put(g, 0, i * w, G_HEAD, row->label, 1, w);
			for (c = 0; c < w; c++)
				grid_put(g, 1, i * w + c, G_HEAD,
				    b->cols[c].label, hrows - 1, 1);
		} else {
			if (i == 0 || t->rows[i - 1].path == NULL ||
			    strcmp(t->rows[i - 1].path, row->path) != 0) {
				for (n = 1; i + n < t->nrows &&
				    t->rows[i + n].path != NULL &&
				    strcmp(t->rows[i + n].path, row->path) == 0;
				    n++)
					;
				grid_put(g, 0, i * w, G_HEAD, row->path, 1,
				    n * w);
			}
			grid_put(g, 1, i * w, G_HEAD, row->label, 1, w);
			for (c = 0; c < w; c++)
				grid_put(g, 2, i * w + c, G_HEAD,
				    b->cols[c].label, 1, 1);
		}
		for (c = 0; c < w; c++) {
			struct gcell	*gc;

			gc = grid_put(g, hrows, i * w + c, G_VALUE,
			    report_get(rep, schema_cell(table, i, c)), 1, 1);
			gc->field = schema_cell(table, i, c);
		}
	}
}

/* The national form prints table 四 as one line of 15 figures. */
static void
layout_table(struct grid *g, const struct report *rep, int table)
{
	if (table == SCH_T4)
		layout_across(g, rep, table);
	else
		layout_rows(g, rep, table);
}

/* ---- shared pieces ----------------------------------------------------- */

/* "卢氏县…管理局2024年政府信息公开工作年度报告". Caller frees. */
static char *
title(const struct report *r)
{
	const char	*agency = report_get(r, F_AGENCY);
	const char	*year = report_get(r, F_YEAR);

	return xasprintf(_("%s%s%s政府信息公开工作年度报告"),
	    agency != NULL ? agency : "", year != NULL ? year : "",
	    year != NULL ? _("年") : "");
}

/* Is this a note (说明) rather than a key this version does not know? */
static bool
is_note(const struct report_extra *e)
{
	return strncmp(e->key, "note.", 5) == 0;
}

/* ---- CSV ------------------------------------------------------------- */

static void
csv_row2(struct buf *b, const char *a, const char *v)
{
	/* a is a schema label or a note's label from the file: guard both. */
	csv_field(b, a, true);
	buf_add(b, ",");
	csv_field(b, v, true);
	buf_add(b, "\r\n");
}

static void
csv_grid(struct buf *b, const struct grid *g)
{
	int	 r, c;

	for (r = 0; r < g->nrows; r++) {
		for (c = 0; c < g->ncols; c++) {
			const struct gcell	*gc = GCELL(g, r, c);

			if (c > 0)
				buf_add(b, ",");
			if (!gc->covered)
				csv_field(b, gc->text, gc->kind == G_VALUE);
		}
		buf_add(b, "\r\n");
	}
}

static void
render_csv(struct buf *b, const struct report *r)
{
	static const int	 meta[] = {
		F_AGENCY, F_YEAR, F_PERIOD_START, F_PERIOD_END,
	};
	static const int	 texts[] = { F_PREAMBLE, F_S1, F_S5, F_S6 };
	char			*t = title(r);
	struct grid		 g;
	int			 i, s, n;

	csv_field(b, t, true);		/* holds the agency's name */
	buf_add(b, "\r\n\r\n");
	free(t);
	for (i = 0; i < (int)(sizeof meta / sizeof meta[0]); i++)
		csv_row2(b, schema_field(meta[i])->label,
		    report_get(r, meta[i]));
	buf_add(b, "\r\n");
	for (i = 0; i < (int)(sizeof texts / sizeof texts[0]); i++)
		csv_row2(b, schema_field(texts[i])->label,
		    report_get(r, texts[i]));
	for (s = 0; s < SCH_NSECTIONS; s++) {
		if (sch_sections[s].table == -1)
			continue;
		buf_add(b, "\r\n");
		csv_field(b, sch_sections[s].heading, false);
		buf_add(b, "\r\n");
		layout_table(&g, r, sch_sections[s].table);
		csv_grid(b, &g);
		grid_fini(&g);
	}
	for (i = n = 0; i < report_nextras(r); i++) {
		const struct report_extra	*e = report_extra(r, i);

		if (!is_note(e))
			continue;
		if (n++ == 0) {
			buf_add(b, "\r\n");
			csv_field(b, _("说明"), false);
			buf_add(b, "\r\n");
		}
		csv_row2(b, *e->label != '\0' ? e->label : e->key, e->value);
	}
}

/* ---- publishable text ---------------------------------------------------- */

/* Text as stored, CRLF and CR as LF, without trailing line breaks. */
static void
text_body(struct buf *b, const char *s)
{
	size_t	 len = strlen(s);

	while (len > 0 && (s[len - 1] == '\n' || s[len - 1] == '\r'))
		len--;
	for (; len > 0; s++, len--) {
		if (*s == '\r') {
			if (len > 1 && s[1] == '\n')
				continue;
			buf_add(b, "\n");
		} else
			buf_addn(b, s, 1);
	}
}

/* A grid cell in a tab-separated line: tabs and line breaks inside would
 * break the grid, so they become spaces. */
static void
text_cell(struct buf *b, const char *s)
{
	for (; s != NULL && *s != '\0'; s++)
		buf_addn(b, strchr("\t\r\n", *s) != NULL ? " " : s, 1);
}

static void
render_text(struct buf *b, const struct report *r)
{
	char		*t = title(r);
	const char	*s;
	struct grid	 g;
	int		 i, row, c;

	buf_add(b, t);
	buf_add(b, "\n\n");
	free(t);
	if ((s = report_get(r, F_PREAMBLE)) != NULL) {
		text_body(b, s);
		buf_add(b, "\n\n");
	}
	for (i = 0; i < SCH_NSECTIONS; i++) {
		const struct sch_section	*sec = &sch_sections[i];

		buf_add(b, sec->heading);
		buf_add(b, "\n\n");
		if (sec->table == -1) {
			if ((s = report_get(r, sec->text_field)) != NULL) {
				text_body(b, s);
				buf_add(b, "\n\n");
			}
			continue;
		}
		layout_table(&g, r, sec->table);
		for (row = 0; row < g.nrows; row++) {
			for (c = 0; c < g.ncols; c++) {
				const struct gcell	*gc = GCELL(&g, row, c);

				if (c > 0)
					buf_add(b, "\t");
				if (!gc->covered)
					text_cell(b, gc->text);
			}
			buf_add(b, "\n");
		}
		buf_add(b, "\n");
		grid_fini(&g);
	}
	/* One line break at the end, not two. */
	if (b->len >= 2 && b->s[b->len - 2] == '\n')
		b->s[--b->len] = '\0';
}

/* ---- HTML ------------------------------------------------------------ */

static void
html_esc(struct buf *b, const char *s, size_t n)
{
	for (; n > 0 && *s != '\0'; s++, n--) {
		switch (*s) {
		case '&':
			buf_add(b, "&amp;");
			break;
		case '<':
			buf_add(b, "&lt;");
			break;
		case '>':
			buf_add(b, "&gt;");
			break;
		case '"':
			buf_add(b, "&quot;");
			break;
		case '\'':
			buf_add(b, "&#39;");
			break;
		default:
			buf_addn(b, s, 1);
		}
	}
}

/* A text as paragraphs: one <p> per non-blank line. */
static void
html_paras(struct buf *b, const char *s, const char *cls)
{
	const char	*e;
	size_t		 n;

	while (s != NULL && *s != '\0') {
		e = s + strcspn(s, "\r\n");
		n = (size_t)(e - s);
		if (strspn(s, " \t") < n) {
			buf_add(b, cls != NULL ? "<p class=\"" : "<p>");
			if (cls != NULL) {
				buf_add(b, cls);
				buf_add(b, "\">");
			}
			html_esc(b, s, n);
			buf_add(b, "</p>\n");
		}
		s = e + strspn(e, "\r\n");
	}
}

static const char html_css[] =
    ":root{color-scheme:light}\n"
    "body{margin:0;background:#fff;color:#111;"
    "font-family:\"PingFang SC\",\"Hiragino Sans GB\",\"Microsoft YaHei\","
    "\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"WenQuanYi Micro Hei\","
    "sans-serif;line-height:1.8;font-size:16px}\n"
    ".report{max-width:60rem;margin:0 auto;padding:1.5rem 1rem 3rem}\n"
    "h1{font-size:1.5rem;text-align:center;line-height:1.5;"
    "margin:.5rem 0 1.5rem}\n"
    "h2{font-size:1.15rem;margin:2rem 0 .75rem}\n"
    "p{margin:0 0 .6rem;text-indent:2em;text-align:justify}\n"
    ".wrap{overflow-x:auto;-webkit-overflow-scrolling:touch;"
    "margin:0 0 1rem}\n"
    "table{border-collapse:collapse;margin:0 auto;font-size:.875rem;"
    "line-height:1.45}\n"
    "th,td{border:1px solid #333;padding:.3rem .45rem;"
    "vertical-align:middle}\n"
    "th{font-weight:normal;background:#f3f4f6;text-align:center}\n"
    "th.cap{text-align:left;font-weight:bold;background:#e5e7eb}\n"
    ".t3 th.corner{font-size:.8rem;min-width:14rem}\n"
    "th.lab{text-align:left;background:#fafafa}\n"
    "td{text-align:center;min-width:3rem;"
    "font-variant-numeric:tabular-nums}\n"
    ".t2 th.lab{white-space:nowrap}\n"
    ".t2 td{min-width:5rem}\n"
    ".t3 th.lab.l0{min-width:2.5em}\n"
    ".t3 th.lab.l1{min-width:4.5em}\n"
    ".t3 th.lab.l2{min-width:12rem}\n"
    ".t3 thead th{min-width:3.5em}\n"
    ".t3 thead th[scope]{white-space:nowrap}\n"
    ".t4 th{min-width:2.5em}\n"
    "@media (max-width:40rem){body{font-size:15px}"
    ".report{padding:1rem .75rem 2rem}h1{font-size:1.25rem}"
    "table{font-size:.8rem}th,td{padding:.25rem .3rem}"
    ".t2 td{min-width:3rem}.t2 th.lab{white-space:normal}}\n"
    "@media print{@page{size:A4;margin:2cm 1.8cm}"
    "body{font-size:11pt;line-height:1.6}"
    ".report{max-width:none;padding:0}"
    ".wrap{overflow:visible}"
    "table{font-size:8.5pt;width:100%}"
    "th,td{padding:2pt 3pt}"
    "th,th.cap,th.lab{background:none}"
    "tr,th,td{break-inside:avoid;page-break-inside:avoid}"
    "h2{break-after:avoid;page-break-after:avoid}"
    "thead{display:table-header-group}}\n";

static void
html_cell(struct buf *b, const struct gcell *gc, int col)
{
	const char	*tag = gc->kind == G_VALUE ? "td" : "th";

	buf_addf(b, "<%s", tag);
	switch (gc->kind) {
	case G_CAPTION:
		buf_add(b, " class=\"cap\"");
		break;
	case G_CORNER:
		buf_add(b, " class=\"corner\"");
		break;
	case G_LABEL:
		buf_addf(b, " class=\"lab l%d\" scope=\"row\"", col);
		break;
	case G_HEAD:
		buf_add(b, gc->colspan > 1 ? " scope=\"colgroup\"" :
		    " scope=\"col\"");
		break;
	case G_VALUE:
		break;
	}
	if (gc->rowspan > 1)
		buf_addf(b, " rowspan=\"%d\"", gc->rowspan);
	if (gc->colspan > 1)
		buf_addf(b, " colspan=\"%d\"", gc->colspan);
	buf_add(b, ">");
	if (gc->text != NULL)
		html_esc(b, gc->text, strlen(gc->text));
	buf_addf(b, "</%s>", tag);
}

static void
html_table(struct buf *b, const struct report *r, int table)
{
	struct grid	 g;
	int		 row, c;

	layout_table(&g, r, table);
	buf_addf(b, "<div class=\"wrap\"><table class=\"%s\">\n",
	    sch_tables[table].key);
	for (row = 0; row < g.nrows; row++) {
		if (row == 0)
			buf_add(b, g.nhead > 0 ? "<thead>\n" : "<tbody>\n");
		else if (row == g.nhead)
			buf_add(b, "</thead>\n<tbody>\n");
		buf_add(b, "<tr>");
		for (c = 0; c < g.ncols; c++)
			if (!GCELL(&g, row, c)->covered)
				html_cell(b, GCELL(&g, row, c), c);
		buf_add(b, "</tr>\n");
	}
	buf_add(b, g.nhead >= g.nrows ? "</thead>\n" : "</tbody>\n");
	buf_add(b, "</table></div>\n");
	grid_fini(&g);
}

static void
render_html(struct buf *b, const struct report *r)
{
	char	*t = title(r);
	int	 i;

	buf_add(b, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n"
	    "<meta charset=\"utf-8\" />\n"
	    "<meta name=\"viewport\" "
	    "content=\"width=device-width, initial-scale=1\" />\n"
	    "<meta name=\"generator\" content=\"" PACKAGE_NAME " "
	    PACKAGE_VERSION "\" />\n<title>");
	html_esc(b, t, strlen(t));
	buf_add(b, "</title>\n<style>\n");
	buf_add(b, html_css);
	buf_add(b, "</style>\n</head>\n<body>\n<div class=\"report\" role=\"main\">\n<h1>");
	html_esc(b, t, strlen(t));
	buf_add(b, "</h1>\n");
	free(t);
	html_paras(b, report_get(r, F_PREAMBLE), NULL);
	for (i = 0; i < SCH_NSECTIONS; i++) {
		const struct sch_section	*sec = &sch_sections[i];

		buf_addf(b, "<div class=\"section\" id=\"s%d\">\n<h2>", i + 1);
		html_esc(b, sec->heading, strlen(sec->heading));
		buf_add(b, "</h2>\n");
		if (sec->table == -1)
			html_paras(b, report_get(r, sec->text_field), NULL);
		else
			html_table(b, r, sec->table);
		buf_add(b, "</div>\n");
	}
	buf_add(b, "</div>\n</body>\n</html>\n");
}

/* ---- encodings and the public functions --------------------------------- */

/* UTF-8 to GB18030. Bytes that are not UTF-8 (the model should hold none)
 * become U+FFFD rather than stopping the export. Caller frees. */
static char *
to_gb18030(const char *in, size_t inlen, size_t *outlen)
{
	static const char	 fffd[] = "\x84\x31\xa4\x37";
	iconv_t			 cd;
	struct buf		 o = { NULL, 0, 0 };
	const char		*ip = in;
	char			 chunk[4096], *op;
	size_t			 il = inlen, ol, rc;

	if ((cd = iconv_open("GB18030", "UTF-8")) == (iconv_t)-1)
		abort();	/* glibc always has it */
	buf_addn(&o, "", 0);
	while (il > 0) {
		op = chunk;
		ol = sizeof chunk;
		rc = utf8_iconv(cd, &ip, &il, &op, &ol);
		buf_addn(&o, chunk, (size_t)(op - chunk));
		if (rc == (size_t)-1 && errno != E2BIG) {
			buf_addn(&o, fffd, 4);
			ip++;
			il--;
		}
	}
	iconv_close(cd);
	*outlen = o.len;
	return o.s;
}

int
export_parse_format(const char *s)
{
	if (strcasecmp(s, "csv") == 0)
		return EXPORT_CSV;
	if (strcasecmp(s, "text") == 0 || strcasecmp(s, "txt") == 0)
		return EXPORT_TEXT;
	if (strcasecmp(s, "html") == 0)
		return EXPORT_HTML;
	return -1;
}

int
export_parse_encoding(const char *s)
{
	if (strcasecmp(s, "utf-8") == 0 || strcasecmp(s, "utf8") == 0)
		return EXPORT_UTF8;
	if (strcasecmp(s, "gb18030") == 0)
		return EXPORT_GB18030;
	return -1;
}

const char *
export_suffix(enum export_format fmt)
{
	switch (fmt) {
	case EXPORT_CSV:
		return ".csv";
	case EXPORT_TEXT:
		return ".txt";
	default:
		return ".html";
	}
}

char *
export_default_path(const char *path, enum export_format fmt)
{
	const char	*base = strrchr(path, '/'), *dot;
	size_t		 stem;

	base = base != NULL ? base + 1 : path;
	dot = strrchr(base, '.');
	stem = dot != NULL && dot != base ? (size_t)(dot - path) :
	    strlen(path);
	return xasprintf("%.*s%s%s", (int)stem, path,
	    fmt == EXPORT_CSV ? _("-表格") : "", export_suffix(fmt));
}

char *
export_render(const struct report *r, enum export_format fmt,
    enum export_encoding enc, size_t *len, char **err)
{
	struct buf	 b = { NULL, 0, 0 };
	char		*out;

	if (fmt == EXPORT_HTML && enc != EXPORT_UTF8) {
		*err = xstrdup(_("网页只能导出为 UTF-8 编码"));
		return NULL;
	}
	buf_addn(&b, "", 0);
	switch (fmt) {
	case EXPORT_CSV:
		if (enc == EXPORT_UTF8)
			buf_add(&b, "\xef\xbb\xbf");
		render_csv(&b, r);
		break;
	case EXPORT_TEXT:
		render_text(&b, r);
		break;
	case EXPORT_HTML:
		render_html(&b, r);
		break;
	}
	/* Nothing that drives a terminal or reorders text leaves in an
	 * export (show.h). */
	if (fmt == EXPORT_HTML) {
		out = show_html(b.s, b.len, &b.len);
		free(b.s);
		b.s = out;
	} else
		b.len = show_strip(b.s, b.len);
	if (enc == EXPORT_GB18030) {
		out = to_gb18030(b.s, b.len, len);
		free(b.s);
		return out;
	}
	*len = b.len;
	return b.s;
}

int
export_write(const struct report *r, enum export_format fmt,
    enum export_encoding enc, FILE *fp, char **err)
{
	char	*s;
	size_t	 len;

	if ((s = export_render(r, fmt, enc, &len, err)) == NULL)
		return -1;
	if (fwrite(s, 1, len, fp) != len || fflush(fp) != 0) {
		*err = xasprintf(_("写入失败：%s"), safeio_why(errno));
		free(s);
		return -1;
	}
	free(s);
	return 0;
}

int
export_save(const struct report *r, enum export_format fmt,
    enum export_encoding enc, const char *path, const char *input,
    char **err)
{
	const char		*inputs[] = { input, NULL };
	struct safeio_out	 o = { 0666, 0, inputs };
	char			*s;
	size_t			 len;
	int			 rc;

	if ((s = export_render(r, fmt, enc, &len, err)) == NULL)
		return -1;
	rc = safeio_save(path, s, len, &o, err);
	free(s);
	return rc;
}
