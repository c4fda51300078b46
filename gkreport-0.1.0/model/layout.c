/*
 * layout.c: tables 二, 三 and 四 laid out as printed, from the schema (see
 * layout.h).
 */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "nls.h"
#include "schema.h"
#include "xmalloc.h"

static void
layout_init(struct layout *g, int maxrows, int ncols)
{
	g->nrows = 0;
	g->ncols = ncols;
	g->maxrows = maxrows;
	g->nhead = 0;
	g->nlab = 0;
	g->c = xcalloc((size_t)maxrows * (size_t)ncols, sizeof *g->c);
}

void
layout_fini(struct layout *g)
{
	int	 i;

	for (i = 0; i < g->maxrows * g->ncols; i++)
		free(g->c[i].owned);
	free(g->c);
}

/* Put a cell at (r, c) spanning rs rows and cs columns. */
static struct lcell *
layout_put(struct layout *g, int r, int c, enum lkind kind, const char *text,
    int rs, int cs)
{
	struct lcell	*gc;
	int		 i, j;

	if (r + rs > g->maxrows || c + cs > g->ncols)
		abort();	/* a layout bug */
	for (i = r; i < r + rs; i++)
		for (j = c; j < c + cs; j++) {
			gc = LCELL(g, i, j);
			if (gc->placed || gc->covered)
				abort();
			gc->covered = true;
		}
	gc = LCELL(g, r, c);
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
layout_band_head(struct layout *g, const struct sch_table *t,
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
	layout_put(g, r0, 0, L_CORNER, corner, hrows, nlab);
	r = r0;
	if (b->group != NULL)
		layout_put(g, r++, nlab, L_HEAD, b->group, 1, width);
	for (c = 0; c < b->ncols; c++) {
		const struct sch_col	*col = &b->cols[c];
		int			 cs = c == b->ncols - 1 ?
				    width - b->ncols + 1 : 1;

		if (col->group == NULL) {
			layout_put(g, r, nlab + c, L_HEAD, col->label,
			    colgroups ? 2 : 1, cs);
			continue;
		}
		if (c == 0 || b->cols[c - 1].group == NULL ||
		    strcmp(b->cols[c - 1].group, col->group) != 0) {
			for (n = 1; c + n < b->ncols &&
			    b->cols[c + n].group != NULL &&
			    strcmp(b->cols[c + n].group, col->group) == 0; n++)
				;
			layout_put(g, r, nlab + c, L_HEAD, col->group, 1, n);
		}
		layout_put(g, r + 1, nlab + c, L_HEAD, col->label, 1, cs);
	}
	return hrows;
}

/* A table printed with rows down and columns across (二, 三): per band an
 * optional caption row, the heading rows, then the rows, whose headings
 * (the row's path) stand in label columns to the left with rowspans. */
static void
layout_rows(struct layout *g, const struct report *rep, int table)
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
	layout_init(g, maxrows, nlab + width);
	g->nlab = nlab;

	r = 0;
	for (b = 0; b < t->nbands; b++) {
		const struct sch_band	*band = &t->bands[b];

		if (band->caption != NULL)
			layout_put(g, r++, 0, L_CAPTION, band->caption, 1,
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
				struct lcell	*gc;
				const char	*seg;
				size_t		 len;

				if (LCELL(g, r, k)->covered)
					continue;	/* under a heading above */
				for (n = 1; i + n < t->nrows &&
				    t->rows[i + n].band == b &&
				    path_same_upto(row->path,
				    t->rows[i + n].path, k); n++)
					;
				seg = path_seg(row->path, k, &len);
				gc = layout_put(g, r, k, L_LABEL, NULL, n, 1);
				gc->owned = xstrndup(seg, len);
				gc->text = gc->owned;
			}
			layout_put(g, r, d, L_LABEL, row->label, 1, nlab - d);
			for (c = 0; c < band->ncols; c++) {
				struct lcell	*gc;

				gc = layout_put(g, r, nlab + c, L_VALUE,
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
layout_across(struct layout *g, const struct report *rep, int table)
{
	const struct sch_table	*t = &sch_tables[table];
	const struct sch_band	*b = &t->bands[0];
	bool			 paths = false;
	int			 hrows, i, c, n, w = b->ncols;

	for (i = 0; i < t->nrows; i++)
		if (t->rows[i].path != NULL)
			paths = true;
	hrows = paths ? 3 : 2;
	layout_init(g, hrows + 1, t->nrows * w);
	g->nhead = hrows;
	for (i = 0; i < t->nrows; i++) {
		const struct sch_row	*row = &t->rows[i];

		if (row->path == NULL) {
			layout_put(g, 0, i * w, L_HEAD, row->label, 1, w);
			for (c = 0; c < w; c++)
				layout_put(g, 1, i * w + c, L_HEAD,
				    b->cols[c].label, hrows - 1, 1);
		} else {
			if (i == 0 || t->rows[i - 1].path == NULL ||
			    strcmp(t->rows[i - 1].path, row->path) != 0) {
				for (n = 1; i + n < t->nrows &&
				    t->rows[i + n].path != NULL &&
				    strcmp(t->rows[i + n].path, row->path) == 0;
				    n++)
					;
				layout_put(g, 0, i * w, L_HEAD, row->path, 1,
				    n * w);
			}
			layout_put(g, 1, i * w, L_HEAD, row->label, 1, w);
			for (c = 0; c < w; c++)
				layout_put(g, 2, i * w + c, L_HEAD,
				    b->cols[c].label, 1, 1);
		}
		for (c = 0; c < w; c++) {
			struct lcell	*gc;

			gc = layout_put(g, hrows, i * w + c, L_VALUE,
			    report_get(rep, schema_cell(table, i, c)), 1, 1);
			gc->field = schema_cell(table, i, c);
		}
	}
}

/* The national form prints table 四 as one line of 15 figures. */
void
layout_table(struct layout *g, const struct report *rep, int table)
{
	if (table == SCH_T4)
		layout_across(g, rep, table);
	else
		layout_rows(g, rep, table);
}

/* ---- shared pieces ----------------------------------------------------- */

/* "卢氏县…管理局2024年政府信息公开工作年度报告". Caller frees. */
char *
export_title(const struct report *r)
{
	const char	*agency = report_get(r, F_AGENCY);
	const char	*year = report_get(r, F_YEAR);

	return xasprintf(_("%s%s%s政府信息公开工作年度报告"),
	    agency != NULL ? agency : "", year != NULL ? year : "",
	    year != NULL ? _("年") : "");
}

