/*
 * sum.c: the accumulator behind gkreport sum: one exact total per number
 * field, counts of units that left a field empty or invalid, and the year
 * and period the units share.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nls.h"
#include "number.h"
#include "sum.h"
#include "xmalloc.h"

#define DATE_LEN	10	/* YYYY-MM-DD */

struct sum {
	int	 flags;
	int	 count;
	int64_t	 total[SCH_NFIELDS];
	int	 nempty[SCH_NFIELDS];
	int	 ninvalid[SCH_NFIELDS];
	int	 year;		/* of the first unit that gave one */
	int	 maxyear;
	bool	 mixed;
	bool	 have_period;
	bool	 period_varies;
	char	 start[DATE_LEN + 1];
	char	 end[DATE_LEN + 1];
};

/* Is field f one the sum adds (a number cell or last year's figure, not
 * last year's text)? */
static bool
summed(int f)
{
	const struct sch_field	*sf = schema_field(f);

	return (sf->cls == SC_CELL || sf->cls == SC_PREV) &&
	    sf->kind != SK_TEXT;
}

static int64_t
kind_max(enum sch_kind kind)
{
	return kind == SK_AMOUNT ? NUM_AMOUNT_MAX : NUM_COUNT_MAX;
}

struct sum *
sum_new(int flags)
{
	struct sum	*s = xcalloc(1, sizeof *s);

	s->flags = flags;
	return s;
}

void
sum_free(struct sum *s)
{
	free(s);
}

/* The text of a date field if it is a valid date, else NULL. */
static const char *
valid_date(const struct report *r, int f)
{
	const char	*t = report_get(r, f);

	if (report_state(r, f) != RS_VALID || strlen(t) != DATE_LEN)
		return NULL;
	return t;
}

/* Fold a unit's period into the common one. */
static void
add_period(struct sum *s, const struct report *r)
{
	const char	*start = valid_date(r, F_PERIOD_START);
	const char	*end = valid_date(r, F_PERIOD_END);

	if (start == NULL || end == NULL)
		return;
	if (!s->have_period) {
		memcpy(s->start, start, DATE_LEN + 1);
		memcpy(s->end, end, DATE_LEN + 1);
		s->have_period = true;
	} else if (strcmp(s->start, start) != 0 || strcmp(s->end, end) != 0)
		s->period_varies = true;
}

int
sum_add(struct sum *s, const struct report *r, char **err)
{
	const char	*fmt = report_get(r, F_FORMAT);
	int64_t		 v, year = 0;
	int		 f;

	if (fmt != NULL && strcmp(fmt, SCH_FORMAT) != 0) {
		*err = xasprintf(_("报告格式为 %s，汇总只接受 %s 年格式的报告"),
		    fmt, SCH_FORMAT);
		return -1;
	}
	if (report_value(r, F_YEAR, &year) && s->year != 0 &&
	    year != s->year && !(s->flags & SUM_MIXED_YEARS)) {
		*err = xasprintf(_("报告年度为 %d，与前面的报告（%d 年度）不同；"
		    "确需合并不同年度时用 --mixed-years"), (int)year, s->year);
		return -1;
	}

	/* Check every total first, so a refused report leaves no trace. */
	for (f = 0; f < SCH_NFIELDS; f++) {
		if (!summed(f) || !report_value(r, f, &v))
			continue;
		if (v > kind_max(schema_field(f)->kind) - s->total[f]) {
			char	 buf[NUM_BUFSZ];

			*err = xasprintf(_("%s 的合计超出上限 %s，无法汇总"),
			    schema_display_label(f),
			    number_format(kind_max(schema_field(f)->kind),
			    schema_field(f)->kind, buf));
			return -1;
		}
	}

	for (f = 0; f < SCH_NFIELDS; f++) {
		if (!summed(f))
			continue;
		switch (report_state(r, f)) {
		case RS_VALID:
			report_value(r, f, &v);
			s->total[f] += v;
			break;
		case RS_EMPTY:
			s->nempty[f]++;
			break;
		case RS_INVALID:
			s->ninvalid[f]++;
			break;
		}
	}
	if (year != 0) {
		if (s->year == 0)
			s->year = s->maxyear = (int)year;
		if (year != s->year)
			s->mixed = true;
		if (year > s->maxyear)
			s->maxyear = (int)year;
	}
	add_period(s, r);
	s->count++;
	return 0;
}

int
sum_count(const struct sum *s)
{
	return s->count;
}

int
sum_nempty(const struct sum *s, int f)
{
	return f >= 0 && f < SCH_NFIELDS ? s->nempty[f] : 0;
}

int
sum_ninvalid(const struct sum *s, int f)
{
	return f >= 0 && f < SCH_NFIELDS ? s->ninvalid[f] : 0;
}

int
sum_year(const struct sum *s)
{
	return s->mixed ? s->maxyear : s->year;
}

bool
sum_mixed_years(const struct sum *s)
{
	return s->mixed;
}

struct report *
sum_report(const struct sum *s, const char *agency)
{
	struct report	*r = report_new();
	char		 buf[DATE_LEN + 8];
	int		 f;

	report_set(r, F_FORMAT, SCH_FORMAT);
	report_set(r, F_AGENCY, agency);
	if (s->year != 0) {
		snprintf(buf, sizeof buf, "%d", sum_year(s));
		report_set(r, F_YEAR, buf);
	}
	if (s->have_period && !s->period_varies && !s->mixed) {
		report_set(r, F_PERIOD_START, s->start);
		report_set(r, F_PERIOD_END, s->end);
	} else if (s->year != 0 && !s->mixed) {
		snprintf(buf, sizeof buf, "%04d-01-01", s->year);
		report_set(r, F_PERIOD_START, buf);
		snprintf(buf, sizeof buf, "%04d-12-31", s->year);
		report_set(r, F_PERIOD_END, buf);
	}
	for (f = 0; f < SCH_NFIELDS; f++) {
		if (!summed(f) || s->count == 0 || s->ninvalid[f] > 0)
			continue;
		if (s->nempty[f] > 0 && !(s->flags & SUM_BLANK_AS_ZERO))
			continue;
		if (s->nempty[f] == s->count)
			continue;	/* nobody gave it: nothing to add up */
		report_set_value(r, f, s->total[f]);
	}
	report_set_modified(r, false);
	return r;
}
