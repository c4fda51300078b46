/*
 * export_xlsx.h: the report as an Excel workbook (.xlsx), written by
 * libxlsxwriter when the build has it (configure --without-xlsx leaves it
 * out; xlsx_built is then false and every call fails with a message).
 *
 * A workbook holds one sheet per table (表二, 表三, 表四) laid out exactly
 * as printed (layout.h: the official merged cells, table 三's corner note,
 * the band captions), with widths that fit the labels, the figures as
 * numbers (the amount in 万元 with four decimals), frozen header rows, and
 * a sheet of the report's particulars and texts. Whatever a person typed is
 * stored as a string, and no cell holds a formula.
 *
 * The small API lets other commands build their own workbook (a sum, a
 * list of units) from the same sheets:
 *
 *	struct xbook *b = xbook_new(path, title, &err);
 *	xbook_add_report(b, report, NULL);
 *	struct xsheet *s = xbook_sheet(b, "单位");
 *	xsheet_heading(s, 0, 0, "报告单位");
 *	xsheet_text(s, 1, 0, agency);
 *	if (xbook_close(b, &err) == -1) ...
 */
#ifndef GK_EXPORT_XLSX_H
#define GK_EXPORT_XLSX_H

#include <stdbool.h>
#include <stdint.h>

#include "report.h"

struct xbook;

/* Whether this build writes workbooks. */
extern const bool xlsx_built;

/* A new workbook that xbook_close writes to path (libxlsxwriter creates or
 * truncates the file itself: give it a private or temporary file). title
 * (may be NULL) goes into the document's properties. NULL with *err
 * (caller frees) when this build has no xlsx. */
struct xbook	*xbook_new(const char *path, const char *title, char **err);
/* The sheets of a report: 表二, 表三, 表四 and 封面与正文, their names after
 * prefix when it is not NULL (for several reports in one workbook; names
 * are cut to what Excel allows and made unique). */
void		 xbook_add_report(struct xbook *, const struct report *,
		     const char *prefix);
/* One table (enum sch_table_id) of a report as printed, in a sheet of its
 * own named name. */
void		 xbook_add_table(struct xbook *, const struct report *,
		     int table, const char *name);
/* A plain sheet of the caller's own (a list of units, a roster): cells
 * by row and column from 0, headings bold with borders, text always a
 * string, counts numbers. NULL when the name cannot be used. Borrowed;
 * valid until xbook_close. */
struct xsheet	*xbook_sheet(struct xbook *, const char *name);
void		 xsheet_heading(struct xsheet *, int row, int col,
		     const char *);
void		 xsheet_text(struct xsheet *, int row, int col, const char *);
void		 xsheet_count(struct xsheet *, int row, int col, int64_t);
/* A field of a report as the tables write it: a number when exact, else
 * its text; empty stays empty. */
void		 xsheet_figure(struct xsheet *, int row, int col,
		     const struct report *, int field);
/* A decimal given as its text ("12.34", "7730.2800", "95"): a number
 * shown with the text's decimal places (up to 4), so that it reads as the
 * text and sorts as a number; the text itself when it is not a plain
 * decimal of at most 15 digits. Empty stays empty. */
void		 xsheet_decimal(struct xsheet *, int row, int col,
		     const char *);
/* Column width in characters of the default font (a Chinese character is
 * about two); the top rows and left columns that stay in view. */
void		 xsheet_width(struct xsheet *, int col, double width);
void		 xsheet_freeze(struct xsheet *, int rows, int cols);

/* Write the workbook and free it. 0, or -1 with *err (caller frees). */
int		 xbook_close(struct xbook *, char **err);

/* The export: the report's workbook written to path. 0, or -1 with *err. */
int		 export_xlsx_write(const struct report *, const char *path,
		     char **err);

#endif
