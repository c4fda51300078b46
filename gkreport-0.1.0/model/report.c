/* report.c: field values, extras and the modified state of one report. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "number.h"
#include "report.h"
#include "xmalloc.h"

struct report {
	char			*text[SCH_NFIELDS];
	int64_t			 value[SCH_NFIELDS];
	unsigned char		 state[SCH_NFIELDS];
	unsigned char		 err[SCH_NFIELDS];
	int			 line[SCH_NFIELDS];
	struct report_extra	*extras;
	int			 nextras;
	int			 extras_cap;
	int			*slot;		/* extras by key: index + 1, or 0 */
	size_t			 nslots;	/* a power of two, > 2 nextras */
	bool			 modified;
	unsigned long		 generation;
};

struct report *
report_new(void)
{
	return xcalloc(1, sizeof(struct report));
}

static void
clear(struct report *r)
{
	int	 i;

	for (i = 0; i < SCH_NFIELDS; i++)
		free(r->text[i]);
	for (i = 0; i < r->nextras; i++) {
		free(r->extras[i].key);
		free(r->extras[i].label);
		free(r->extras[i].value);
	}
	free(r->extras);
	free(r->slot);
}

/* FNV-1a: the unknown keys of a file are looked up once each, in a table,
 * so that reading 10,000 of them is linear. */
static size_t
hash(const char *s)
{
	uint64_t	 h = UINT64_C(14695981039346656037);

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * UINT64_C(1099511628211);
	return (size_t)h;
}

static void
slot_add(struct report *r, int i)
{
	size_t	 k = hash(r->extras[i].key) & (r->nslots - 1);

	while (r->slot[k] != 0)
		k = (k + 1) & (r->nslots - 1);
	r->slot[k] = i + 1;
}

/* Rebuild the table (after a removal, a copy, or to grow it). */
static void
slots_rebuild(struct report *r)
{
	size_t	 n = 16;
	int	 i;

	while (n <= 2 * (size_t)r->nextras)
		n *= 2;
	free(r->slot);
	r->slot = xcalloc(n, sizeof *r->slot);
	r->nslots = n;
	for (i = 0; i < r->nextras; i++)
		slot_add(r, i);
}

void
report_free(struct report *r)
{
	if (r == NULL)
		return;
	clear(r);
	free(r);
}

static void
copy_into(struct report *dst, const struct report *src)
{
	int	 i;

	*dst = *src;
	for (i = 0; i < SCH_NFIELDS; i++)
		if (src->text[i] != NULL)
			dst->text[i] = xstrdup(src->text[i]);
	dst->extras = NULL;
	dst->slot = NULL;
	dst->nslots = 0;
	dst->extras_cap = dst->nextras = src->nextras;
	if (src->nextras > 0) {
		dst->extras = xreallocarray(NULL, (size_t)src->nextras,
		    sizeof *dst->extras);
		for (i = 0; i < src->nextras; i++) {
			dst->extras[i].key = xstrdup(src->extras[i].key);
			dst->extras[i].label = xstrdup(src->extras[i].label);
			dst->extras[i].value = xstrdup(src->extras[i].value);
			dst->extras[i].line = src->extras[i].line;
		}
	}
	slots_rebuild(dst);
}

struct report *
report_dup(const struct report *src)
{
	struct report	*r = xmalloc(sizeof *r);

	copy_into(r, src);
	return r;
}

void
report_assign(struct report *dst, const struct report *src)
{
	unsigned long	 gen = dst->generation;

	if (dst == src)
		return;
	clear(dst);
	copy_into(dst, src);
	dst->generation = gen + 1;
}

const char *
report_get(const struct report *r, int f)
{
	if (f < 0 || f >= SCH_NFIELDS)
		return NULL;
	return r->text[f];
}

void
report_take(struct report *r, int f, char *text)
{
	const struct sch_field	*sf = schema_field(f);

	if (sf == NULL || sf->kind != SK_TEXT || text == NULL ||
	    *text == '\0') {
		report_set(r, f, text);
		free(text);
		return;
	}
	report_set(r, f, NULL);
	r->text[f] = text;
	r->state[f] = RS_VALID;
}

void
report_set(struct report *r, int f, const char *text)
{
	const struct sch_field	*sf = schema_field(f);
	size_t			 len;

	if (sf == NULL)
		return;
	free(r->text[f]);
	r->text[f] = NULL;
	r->state[f] = RS_EMPTY;
	r->err[f] = 0;
	r->line[f] = 0;
	r->modified = true;
	r->generation++;
	if (text == NULL || *text == '\0')
		return;
	if (sf->kind == SK_TEXT) {
		r->text[f] = xstrdup(text);
		r->state[f] = RS_VALID;
		return;
	}
	while (*text == ' ' || *text == '\t')
		text++;
	len = strlen(text);
	while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '\t'))
		len--;
	if (len == 0)
		return;
	r->text[f] = xstrndup(text, len);
	r->err[f] = (unsigned char)number_parse(r->text[f], sf->kind,
	    &r->value[f]);
	r->state[f] = r->err[f] == NUM_OK ? RS_VALID : RS_INVALID;
}

enum report_state
report_state(const struct report *r, int f)
{
	if (f < 0 || f >= SCH_NFIELDS)
		return RS_EMPTY;
	return (enum report_state)r->state[f];
}

int
report_error(const struct report *r, int f)
{
	if (f < 0 || f >= SCH_NFIELDS)
		return NUM_EMPTY;
	return r->err[f];
}

bool
report_value(const struct report *r, int f, int64_t *v)
{
	if (f < 0 || f >= SCH_NFIELDS || r->state[f] != RS_VALID ||
	    schema_field(f)->kind == SK_TEXT)
		return false;
	*v = r->value[f];
	return true;
}

void
report_set_value(struct report *r, int f, int64_t v)
{
	char	 buf[NUM_BUFSZ];

	report_set(r, f, number_format(v, schema_field(f)->kind, buf));
}

int
report_line(const struct report *r, int f)
{
	if (f < 0 || f >= SCH_NFIELDS)
		return 0;
	return r->line[f];
}

void
report_set_line(struct report *r, int f, int line)
{
	if (f >= 0 && f < SCH_NFIELDS)
		r->line[f] = line;
}

int
report_nextras(const struct report *r)
{
	return r->nextras;
}

const struct report_extra *
report_extra(const struct report *r, int i)
{
	if (i < 0 || i >= r->nextras)
		return NULL;
	return &r->extras[i];
}

static int
find_extra(const struct report *r, const char *key)
{
	size_t	 k;

	if (r->nslots == 0)
		return -1;
	for (k = hash(key) & (r->nslots - 1); r->slot[k] != 0;
	    k = (k + 1) & (r->nslots - 1))
		if (strcmp(r->extras[r->slot[k] - 1].key, key) == 0)
			return r->slot[k] - 1;
	return -1;
}

const char *
report_extra_get(const struct report *r, const char *key)
{
	int	 i = find_extra(r, key);

	return i == -1 ? NULL : r->extras[i].value;
}

void
report_extra_set(struct report *r, const char *key, const char *label,
    const char *value, int line)
{
	int			 i = find_extra(r, key);
	struct report_extra	*e;

	r->modified = true;
	r->generation++;
	if (value == NULL) {
		if (i == -1)
			return;
		free(r->extras[i].key);
		free(r->extras[i].label);
		free(r->extras[i].value);
		memmove(&r->extras[i], &r->extras[i + 1],
		    (size_t)(r->nextras - i - 1) * sizeof *r->extras);
		r->nextras--;
		slots_rebuild(r);
		return;
	}
	if (i == -1) {
		if (r->nextras == r->extras_cap) {
			r->extras_cap = r->extras_cap ? r->extras_cap * 2 : 8;
			r->extras = xreallocarray(r->extras,
			    (size_t)r->extras_cap, sizeof *r->extras);
		}
		e = &r->extras[r->nextras++];
		e->key = xstrdup(key);
		e->label = xstrdup(label != NULL ? label : "");
		e->value = NULL;
		if (r->nslots <= 2 * (size_t)r->nextras)
			slots_rebuild(r);
		else
			slot_add(r, r->nextras - 1);
	} else {
		e = &r->extras[i];
		if (label != NULL) {
			free(e->label);
			e->label = xstrdup(label);
		}
	}
	free(e->value);
	e->value = xstrdup(value);
	e->line = line;
}

bool
report_modified(const struct report *r)
{
	return r->modified;
}

void
report_set_modified(struct report *r, bool m)
{
	r->modified = m;
}

unsigned long
report_generation(const struct report *r)
{
	return r->generation;
}

int
report_count_empty(const struct report *r, int table)
{
	int	 i, n = 0;

	for (i = 0; i < SCH_NFIELDS; i++) {
		const struct sch_field	*f = schema_field(i);

		if (!f->required || r->state[i] != RS_EMPTY)
			continue;
		if (table == -1 || (f->cls == SC_CELL && f->table == table))
			n++;
	}
	return n;
}
