/*
 * layout.h: a table of the report laid out as the national form prints it
 * (spec §2–4), for the exports.
 *
 * The layout is made once, from the schema: a grid of cells with their row
 * and column spans (the official merged cells), each cell a caption, the
 * corner, a heading, a row label or a figure. Each export only decides how
 * to write a grid: CSV and text put a merged cell's text in its first
 * position and leave the positions it covers empty, HTML writes
 * rowspan/colspan, the workbook merges the range.
 */
#ifndef GK_LAYOUT_H
#define GK_LAYOUT_H

#include <stdbool.h>

#include "report.h"

enum lkind {
	L_CAPTION,	/* 第二十条第（一）项, across the table */
	L_CORNER,	/* above the label columns */
	L_HEAD,		/* a column heading or a heading over columns */
	L_LABEL,	/* a row label or a heading over rows */
	L_VALUE,	/* a figure */
};

struct lcell {
	bool		 placed;	/* the first position of a cell */
	bool		 covered;	/* inside another cell's span */
	enum lkind	 kind;
	const char	*text;		/* borrowed (schema or report); NULL: empty */
	char		*owned;		/* what text points to, when owned */
	int		 field;		/* L_VALUE: the field, else -1 */
	int		 rowspan, colspan;
};

struct layout {
	int		 nrows, ncols;
	int		 maxrows;
	int		 nhead;		/* leading header rows (0: none, or bands) */
	int		 nlab;		/* label columns at the left (二, 三) */
	struct lcell	*c;
};

#define LCELL(g, r, col)	(&(g)->c[(r) * (g)->ncols + (col)])

/* Lay out table (enum sch_table_id) with the figures of rep; the figures'
 * texts are borrowed from rep until it changes. layout_fini frees. */
void	 layout_table(struct layout *, const struct report *rep, int table);
void	 layout_fini(struct layout *);

/* "卢氏县…管理局2024年政府信息公开工作年度报告". Caller frees. */
char	*export_title(const struct report *);

#endif
