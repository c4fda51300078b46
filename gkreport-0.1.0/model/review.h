/*
 * review.h: the reviewer's sheet (gkreport sum --review=REVIEW.csv): one
 * row per finding of a unit with the reviewer's decision (待核 / 已确认 /
 * 已说明 / 忽略), a comment, who and when.
 *
 * A row is keyed by the unit's agency and year, the rule and where the
 * finding is (a warning's note key, else the key of its cell; empty for
 * the unit's empty cells, W1),
 * not by the file or the message: a unit that sends a corrected file
 * keeps its decisions. Each run marks the findings that stand; a row of a
 * unit checked in this run whose finding no longer stands is resolved
 * (已解决); rows of units not in this run are kept as they were.
 *
 * The sheet is read as a spreadsheet leaves it (a byte-order mark, CRLF,
 * GB18030, columns in any order, the formula guard ' removed) and written
 * Excel-clean (UTF-8 with a byte-order mark, CRLF, the guard).
 */
#ifndef GK_REVIEW_H
#define GK_REVIEW_H

#include <stdbool.h>

#include "buf.h"
#include "units.h"

struct review;

/* An empty sheet. */
struct review	*review_new(void);
/* Read a sheet; a missing file is an empty sheet. NULL with *err (caller
 * frees: file, line and what was expected) when it cannot be read. */
struct review	*review_load(const char *path, char **err);
void		 review_free(struct review *);
/* The decision on a finding that stands (enum review_decision); a new
 * finding gets a row pending review. message and file are refreshed. */
int		 review_mark(struct review *, const char *agency, int year,
		     const char *rule, const char *key, const char *message,
		     const char *file);
/* After the run: rows of units in the run (units checked) that were not
 * marked become resolved; each unit's counts of decisions and resolved
 * rows are filled in. */
void		 review_finish(struct review *, struct units *);
/* The sheet as CSV. */
void		 review_csv(const struct review *, struct buf *);
/* Rows in the sheet. */
int		 review_count(const struct review *);

#endif
