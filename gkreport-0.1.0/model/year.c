/*
 * year.c: starting a reporting year from the last one (spec §5, §5a, §6).
 *
 * What moves forward: the agency, the texts (as a draft to rewrite), last
 * year's 结转下年度 into this year's 上年结转, and the whole of last year's
 * report, every figure and text, into prev.* (for X1-X4). What does not:
 * this year's other figures, and the notes, which explained last year's
 * warnings.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "number.h"
#include "schema.h"
#include "xmalloc.h"
#include "year.h"

int
year_fill_prev(struct report *cur, const struct report *last)
{
	int		 f, n = 0;
	int64_t		 v;
	const char	*text;

	for (f = F_FIRST_PREV; f < SCH_NFIELDS; f++) {
		const struct sch_field	*sf = schema_field(f);

		if (sf->kind == SK_TEXT) {
			text = report_get(last, sf->cell);
			report_set(cur, f, text);
			if (text != NULL)
				n++;
		} else if (report_value(last, sf->cell, &v)) {
			report_set_value(cur, f, v);
			n++;
		} else
			report_set(cur, f, NULL);
	}
	return n;
}

/* Unknown keys of the same nature as what moves forward (particulars and
 * texts a newer version added) go on; notes and unknown figures stay. */
static int
extra_moves_forward(const char *key)
{
	return strncmp(key, "meta.", 5) == 0 || strncmp(key, "text.", 5) == 0;
}

struct report *
year_next(const struct report *last)
{
	static const int	 texts[] = { F_PREAMBLE, F_S1, F_S5, F_S6 };
	struct report		*r = report_new();
	const struct sch_table	*t3 = &sch_tables[SCH_T3];
	int			 in, out, c, i;
	int64_t			 year, v;
	char			 buf[16];

	report_set(r, F_FORMAT, SCH_FORMAT);
	report_set(r, F_AGENCY, report_get(last, F_AGENCY));
	if (report_value(last, F_YEAR, &year) && year < 9999) {
		report_set_value(r, F_YEAR, year + 1);
		snprintf(buf, sizeof buf, "%04d-01-01", (int)(year + 1));
		report_set(r, F_PERIOD_START, buf);
		snprintf(buf, sizeof buf, "%04d-12-31", (int)(year + 1));
		report_set(r, F_PERIOD_END, buf);
	}
	for (i = 0; i < (int)(sizeof texts / sizeof texts[0]); i++)
		report_set(r, texts[i], report_get(last, texts[i]));

	in = schema_row(SCH_T3, "carry_in");
	out = schema_row(SCH_T3, "carry_out");
	for (c = 0; c < t3->bands[t3->rows[in].band].ncols; c++) {
		if (report_value(last, schema_cell(SCH_T3, out, c), &v))
			report_set_value(r, schema_cell(SCH_T3, in, c), v);
	}
	year_fill_prev(r, last);

	for (i = 0; i < report_nextras(last); i++) {
		const struct report_extra	*e = report_extra(last, i);

		if (extra_moves_forward(e->key))
			report_extra_set(r, e->key, e->label, e->value, 0);
	}
	return r;
}

char *
year_path(const char *path, int64_t next)
{
	const char	*base, *p, *dot;
	char		 old[24], neu[24];
	size_t		 n;

	snprintf(old, sizeof old, "%lld", (long long)(next - 1));
	snprintf(neu, sizeof neu, "%lld", (long long)next);
	n = strlen(old);
	base = strrchr(path, '/') != NULL ? strrchr(path, '/') + 1 : path;
	for (p = base; (p = strstr(p, old)) != NULL; p++)
		if ((p == base || p[-1] < '0' || p[-1] > '9') &&
		    (p[n] < '0' || p[n] > '9'))
			return xasprintf("%.*s%s%s", (int)(p - path), path, neu,
			    p + n);
	if ((dot = strrchr(base, '.')) == NULL || dot == base)
		dot = base + strlen(base);
	return xasprintf("%.*s-%s%s", (int)(dot - path), path, neu, dot);
}
