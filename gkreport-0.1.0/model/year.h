/*
 * year.h: a reporting year from the last one (spec §5, issue "A reporting
 * year"): last year's carry_out becomes this year's carry_in, and all of
 * last year's figures and texts go into prev.* (spec §5a).
 */
#ifndef GK_YEAR_H
#define GK_YEAR_H

#include <stdint.h>

#include "report.h"

/* Fill cur's prev.* fields from last year's report: its 200 figures and
 * its four texts (preamble, 一, 五, 六). Fields that last year left empty
 * or invalid become empty. Returns how many were filled. */
int		 year_fill_prev(struct report *cur, const struct report *last);
/* A new report for the year after last's: year + 1, period reset to that
 * year, agency kept, carry_in and prev.* from last year, texts kept as a
 * draft, every other figure empty, notes dropped. Caller frees. */
struct report	*year_next(const struct report *last);
/* The file for the report of year `next` beside path, the report of the
 * year before: that year in the file's name (the first time it stands
 * alone, not inside a longer number) becomes next, as hongze-2024.csv
 * becomes hongze-2025.csv; a name without it gets "-NEXT" before its
 * suffix (report.csv, report-2025.csv). The folder's name is never
 * changed. The same name for F9 and `gkreport new`. Caller frees. */
char		*year_path(const char *path, int64_t next);

#endif
