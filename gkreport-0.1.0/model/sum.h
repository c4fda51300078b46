/*
 * sum.h: adding up the reports of many units into one (gkreport sum).
 *
 * A sum is an accumulator that holds one total per number field and never
 * the reports themselves: add a report, free it, add the next. Every number
 * cell and last year's figure (prev.*) is added exactly (counts as int64,
 * the amount in 0.0001 万元). A summed cell stays empty when any unit left it
 * empty (the county figure is not known until every unit gave it), unless
 * SUM_BLANK_AS_ZERO; a value that is not valid (R5) always leaves it empty.
 * Texts are not summed. The year comes from the units, the period is their
 * common one or else the whole year.
 */
#ifndef GK_SUM_H
#define GK_SUM_H

#include <stdbool.h>

#include "report.h"

#define SUM_BLANK_AS_ZERO	0x1	/* an empty cell adds 0 */
#define SUM_MIXED_YEARS		0x2	/* accept units of different years */

struct sum;

struct sum	*sum_new(int flags);
void		 sum_free(struct sum *);
/* Add the number fields of a report. Returns 0; or -1 with *err (caller
 * frees) when the report is of another format or (without
 * SUM_MIXED_YEARS) another year, or when a total would exceed the largest
 * value a cell holds; the sum is then unchanged. */
int		 sum_add(struct sum *, const struct report *, char **err);
/* Units added so far. */
int		 sum_count(const struct sum *);
/* Units that left field f empty, or held an invalid value there. */
int		 sum_nempty(const struct sum *, int field);
int		 sum_ninvalid(const struct sum *, int field);
/* The year of the units (the latest, with mixed years), or 0 when none
 * gave one. */
int		 sum_year(const struct sum *);
bool		 sum_mixed_years(const struct sum *);
/* The sum as a report: meta.format, year, period, the cells and prev.*;
 * agency as given (may be NULL); texts empty. Caller frees. */
struct report	*sum_report(const struct sum *, const char *agency);

#endif
