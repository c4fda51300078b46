/*
 * sumhtml.h: the county office's page (gkreport sum --html): one
 * self-contained HTML file (inline CSS and SVG, a small sortable-table
 * script of its own, nothing fetched) with the totals as the official
 * tables, every unit's status and figures, the findings grouped by rule
 * with the units affected, the distribution of each rate (quartiles, top
 * and bottom ten), the roster's differences, year-over-year change of the
 * totals and links to each unit's own page when given.
 *
 * Every figure of a unit on the page is written by the same functions as
 * the units table (units_fig_text, units_rate_text), so the two agree.
 */
#ifndef GK_SUMHTML_H
#define GK_SUMHTML_H

#include <stdbool.h>
#include <stdint.h>

#include "buf.h"
#include "report.h"
#include "roster.h"
#include "units.h"

struct sumhtml {
	const char			*title;		/* who adds up, or NULL */
	const struct units		*units;
	const struct report		*total;		/* the sum */
	const struct roster		*roster;	/* or NULL */
	const struct roster_result	*rres;		/* with roster */
	bool				 review;	/* decisions shown */
	bool				 have_prev;	/* last year given */
	int64_t				 prev_fig[UNITS_NFIGS];
	uint64_t			 prev_have;
	int				 prev_count;	/* units last year */
};

/* The page. */
void	sumhtml_render(const struct sumhtml *, struct buf *);

/* Quartile q (0..4: min, Q1, median, Q3, max) of n sorted values in
 * hundredths (linear interpolation between ranks, as spreadsheets'
 * QUARTILE.INC), rounded half up. */
int64_t	sumhtml_quartile(const int64_t *sorted, int n, int q);

#endif
