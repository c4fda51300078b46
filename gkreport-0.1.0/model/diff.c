/*
 * diff.c: field-by-field comparison of two reports, where two texts first
 * differ, and the change from last year as difference and percent.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff.h"
#include "nls.h"
#include "number.h"
#include "xmalloc.h"

struct diff_buf {
	struct diff	*d;
	int		 cap;
};

static struct diff_item *
push(struct diff_buf *db, enum diff_kind kind, int field, const char *key,
    const char *a, const char *b)
{
	struct diff_item	*it;

	if (db->d->n == db->cap) {
		db->cap = db->cap ? db->cap * 2 : 16;
		db->d->v = xreallocarray(db->d->v, (size_t)db->cap,
		    sizeof *db->d->v);
	}
	it = &db->d->v[db->d->n++];
	memset(it, 0, sizeof *it);
	it->kind = kind;
	it->field = field;
	it->key = key;
	it->a = a;
	it->b = b;
	return it;
}

static bool
str_eq(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/* Equal as the field's kind understands it. */
static bool
field_eq(const struct report *a, const struct report *b, int f)
{
	int64_t	 va, vb;

	if (schema_field(f)->kind != SK_TEXT &&
	    report_value(a, f, &va) && report_value(b, f, &vb))
		return va == vb;
	return str_eq(report_get(a, f), report_get(b, f));
}

static enum diff_kind
kind_of(int f)
{
	switch (schema_field(f)->cls) {
	case SC_META:
		return DIFF_META;
	case SC_TEXT:
		return DIFF_TEXT;
	case SC_CELL:
		return DIFF_CELL;
	case SC_PREV:
		break;
	}
	return DIFF_PREV;
}

struct diff *
diff_reports(const struct report *a, const struct report *b)
{
	struct diff_buf		 db = { xcalloc(1, sizeof(struct diff)), 0 };
	struct diff_item	*it;
	const struct report_extra *e;
	const char		*other;
	int			 f, i;

	for (f = 0; f < SCH_NFIELDS; f++) {
		if (field_eq(a, b, f))
			continue;
		it = push(&db, kind_of(f), f, schema_field(f)->key,
		    report_get(a, f), report_get(b, f));
		if (it->kind == DIFF_TEXT)
			diff_text_where(it->a, it->b, &it->line, &it->col);
	}
	for (i = 0; i < report_nextras(a); i++) {
		e = report_extra(a, i);
		other = report_extra_get(b, e->key);
		if (!str_eq(e->value, other))
			push(&db, DIFF_EXTRA, -1, e->key, e->value, other);
	}
	for (i = 0; i < report_nextras(b); i++) {
		e = report_extra(b, i);
		if (report_extra_get(a, e->key) == NULL)
			push(&db, DIFF_EXTRA, -1, e->key, NULL, e->value);
	}
	return db.d;
}

void
diff_free(struct diff *d)
{
	if (d == NULL)
		return;
	free(d->v);
	free(d);
}

/* Is c the first byte of a UTF-8 character (not a continuation byte)? */
static bool
lead_byte(unsigned char c)
{
	return (c & 0xc0) != 0x80;
}

bool
diff_text_where(const char *a, const char *b, int *line, int *col)
{
	size_t	 i = 0, bol = 0, j;

	if (a == NULL)
		a = "";
	if (b == NULL)
		b = "";
	*line = 1;
	*col = 1;
	while (a[i] != '\0' && a[i] == b[i]) {
		if (a[i] == '\n') {
			(*line)++;
			bol = i + 1;
		}
		i++;
	}
	if (a[i] == b[i])
		return false;
	/* Back up to the start of the character that differs. */
	while (i > bol && !lead_byte((unsigned char)a[i]))
		i--;
	for (j = bol; j < i; j++)
		if (lead_byte((unsigned char)a[j]))
			(*col)++;
	return true;
}

const char *
diff_text_line(const char *text, int line, size_t *len)
{
	const char	*p = text != NULL ? text : "", *nl;
	int		 n;

	for (n = 1; n < line; n++) {
		if ((nl = strchr(p, '\n')) == NULL)
			return NULL;
		p = nl + 1;
	}
	*len = strcspn(p, "\n");
	if (*len > 0 && p[*len - 1] == '\r')
		(*len)--;
	return p;
}

void
diff_change(int64_t a, int64_t b, int kind, char abs[DIFF_BUFSZ],
    char pct[DIFF_BUFSZ])
{
	char	 buf[NUM_BUFSZ];
	int64_t	 d = b - a, m, q;

	number_format(d < 0 ? -d : d, (enum sch_kind)kind, buf);
	snprintf(abs, DIFF_BUFSZ, "%s%s", d < 0 ? "-" : d > 0 ? "+" : "",
	    buf);
	if (a == 0) {
		snprintf(pct, DIFF_BUFSZ, "%s", b > 0 ? _("新增") : "—");
		return;
	}
	/* Tenths of a percent, exactly: |d| * 1000 / a, half away from zero.
	 * Values are below 10^15, so |d| * 1000 stays below 2^63. */
	m = (d < 0 ? -d : d) * 1000;
	q = m / a;
	if ((m % a) * 2 >= a)
		q++;
	snprintf(pct, DIFF_BUFSZ, "%s%lld.%lld%%", d < 0 ? "-" : d > 0 ?
	    "+" : "", (long long)(q / 10), (long long)(q % 10));
}
