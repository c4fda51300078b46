/*
 * year.h: a reporting year from the last one (spec §5, issue "A reporting
 * year"): last year's carry_out becomes this year's carry_in, and all of
 * last year's figures and texts go into prev.* (spec §5a).
 */
#ifndef GK_YEAR_H
#define GK_YEAR_H

#include "report.h"

/* Fill cur's prev.* fields from last year's report: its 200 figures and
 * its four texts (preamble, 一, 五, 六). Fields that last year left empty
 * or invalid become empty. Returns how many were filled. */
int		 year_fill_prev(struct report *cur, const struct report *last);
/* A new report for the year after last's: year + 1, period reset to that
 * year, agency kept, carry_in and prev.* from last year, texts kept as a
 * draft, every other figure empty, notes dropped. Caller frees. */
struct report	*year_next(const struct report *last);

#endif
