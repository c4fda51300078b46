/*
 * review.c: the reviewer's sheet of decisions on findings (see review.h).
 */
#include "config.h"

#include <csv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvout.h"
#include "nls.h"
#include "review.h"
#include "textin.h"
#include "xmalloc.h"

enum col {
	C_AGENCY, C_YEAR, C_RULE, C_KEY, C_DECISION, C_COMMENT, C_WHO, C_WHEN,
	C_STATE, C_MESSAGE, C_FILE, NCOLS
};

/* The header, in the order written. */
static const char *const col_names[NCOLS] = {
	N_("报告单位"), N_("年度"), N_("规则"), N_("位置"), N_("决定"),
	N_("说明"), N_("核对人"), N_("核对日期"), N_("状态"), N_("问题"),
	N_("文件"),
};

enum state {
	ST_STANDS,		/* 现存: the finding stands */
	ST_RESOLVED,		/* 已解决 */
	ST_UNCHECKED,		/* the unit was not in this run */
};

struct entry {
	char		*v[NCOLS];
	int		 year;
	int		 decision;
	bool		 marked;
};

struct review {
	int		 n, cap;
	struct entry	*v;
	size_t		 hcap;		/* index: key hash -> entry + 1 */
	int		*h;
};

struct review *
review_new(void)
{
	struct review	*rv = xcalloc(1, sizeof *rv);

	rv->hcap = 256;
	rv->h = xcalloc(rv->hcap, sizeof *rv->h);
	return rv;
}

void
review_free(struct review *rv)
{
	int	 i, c;

	if (rv == NULL)
		return;
	for (i = 0; i < rv->n; i++)
		for (c = 0; c < NCOLS; c++)
			free(rv->v[i].v[c]);
	free(rv->v);
	free(rv->h);
	free(rv);
}

int
review_count(const struct review *rv)
{
	return rv->n;
}

static uint64_t
hash_key(const char *agency, int year, const char *rule, const char *key)
{
	uint64_t	 h = UINT64_C(0xcbf29ce484222325);
	const char	*parts[3] = { agency, rule, key };
	const unsigned char *p;
	int		 i;

	for (i = 0; i < 3; i++) {
		for (p = (const unsigned char *)parts[i]; *p != '\0'; p++)
			h = (h ^ *p) * UINT64_C(0x100000001b3);
		h = (h ^ 0xff) * UINT64_C(0x100000001b3);
	}
	return (h ^ (uint64_t)(unsigned)year) * UINT64_C(0x100000001b3);
}

static bool
same(const struct entry *e, const char *agency, int year, const char *rule,
    const char *key)
{
	return e->year == year && strcmp(e->v[C_AGENCY], agency) == 0 &&
	    strcmp(e->v[C_RULE], rule) == 0 && strcmp(e->v[C_KEY], key) == 0;
}

static void
index_entry(struct review *rv, int i)
{
	const struct entry	*e = &rv->v[i];
	size_t			 j;

	j = hash_key(e->v[C_AGENCY], e->year, e->v[C_RULE], e->v[C_KEY]) &
	    (rv->hcap - 1);
	while (rv->h[j] != 0)
		j = (j + 1) & (rv->hcap - 1);
	rv->h[j] = i + 1;
}

/* The entry with this key, or -1. */
static int
lookup(const struct review *rv, const char *agency, int year,
    const char *rule, const char *key)
{
	size_t	 j = hash_key(agency, year, rule, key) & (rv->hcap - 1);

	for (; rv->h[j] != 0; j = (j + 1) & (rv->hcap - 1))
		if (same(&rv->v[rv->h[j] - 1], agency, year, rule, key))
			return rv->h[j] - 1;
	return -1;
}

/* A new entry (fields empty), indexed once its key is set. */
static struct entry *
append(struct review *rv)
{
	struct entry	*e;
	int		 i, c;

	if (rv->n == rv->cap) {
		rv->cap = rv->cap ? rv->cap * 2 : 64;
		rv->v = xreallocarray(rv->v, (size_t)rv->cap, sizeof *rv->v);
	}
	e = &rv->v[rv->n++];
	memset(e, 0, sizeof *e);
	for (c = 0; c < NCOLS; c++)
		e->v[c] = xstrdup("");
	if ((size_t)rv->n * 2 > rv->hcap) {
		rv->hcap *= 2;
		free(rv->h);
		rv->h = xcalloc(rv->hcap, sizeof *rv->h);
		for (i = 0; i < rv->n - 1; i++)
			index_entry(rv, i);
	}
	return e;
}

static void
set(struct entry *e, int c, const char *s)
{
	free(e->v[c]);
	e->v[c] = xstrdup(s != NULL ? s : "");
}

/* The decision written in the sheet, or -1 when not one of ours. An empty
 * cell is pending. */
static int
parse_decision(const char *s)
{
	int	 d;

	if (*s == '\0')
		return REV_PENDING;
	for (d = 0; d < REV_NDECISIONS; d++)
		if (strcmp(s, units_decision_label(d)) == 0 ||
		    strcmp(s, units_decision_msgid(d)) == 0)
			return d;
	return -1;
}

int
review_mark(struct review *rv, const char *agency, int year,
    const char *rule, const char *key, const char *message, const char *file)
{
	struct entry	*e;
	char		 y[16];
	int		 i;

	if ((i = lookup(rv, agency, year, rule, key)) < 0) {
		e = append(rv);
		set(e, C_AGENCY, agency);
		snprintf(y, sizeof y, "%d", year);
		set(e, C_YEAR, y);
		e->year = year;
		set(e, C_RULE, rule);
		set(e, C_KEY, key);
		e->decision = REV_PENDING;
		index_entry(rv, rv->n - 1);
	} else
		e = &rv->v[i];
	set(e, C_MESSAGE, message);
	set(e, C_FILE, file);
	e->marked = true;
	return e->decision;
}

/* ---- reading ------------------------------------------------------------ */

struct reader {
	struct review	*rv;
	const char	*path;
	int		 line;		/* of the record being read */
	int		 nfield;
	int		 map[64];	/* sheet column -> enum col, or -1 */
	int		 ncols;
	bool		 header_done;
	char		*cur[NCOLS];
	char		*err;
};

/* A typed cell without the spreadsheet's formula guard. */
static const char *
unguard(const char *s)
{
	return s[0] == '\'' && csv_formula_like(s + 1) ? s + 1 : s;
}

static void
on_field(void *s, size_t n, void *data)
{
	struct reader	*rd = data;
	char		*v = xmalloc(n + 1);
	int		 c, i = rd->nfield++;

	memcpy(v, s, n);
	v[n] = '\0';
	if (!rd->header_done) {
		if (i < 64) {
			rd->map[i] = -1;
			for (c = 0; c < NCOLS; c++)
				if (strcmp(v, _(col_names[c])) == 0 ||
				    strcmp(v, col_names[c]) == 0)
					rd->map[i] = c;
			rd->ncols = i + 1;
		}
		free(v);
		return;
	}
	if (i < rd->ncols && rd->map[i] >= 0) {
		free(rd->cur[rd->map[i]]);
		rd->cur[rd->map[i]] = xstrdup(unguard(v));
	}
	free(v);
}

static void
on_row(int term, void *data)
{
	struct reader	*rd = data;
	struct entry	*e;
	char		*end;
	long		 y;
	int		 c, d, i;
	static const int need[] = { C_AGENCY, C_YEAR, C_RULE, C_KEY,
	    C_DECISION };

	rd->line++;
	rd->nfield = 0;
	if (rd->err != NULL)
		goto done;
	if (!rd->header_done) {
		rd->header_done = true;
		for (i = 0; i < (int)(sizeof need / sizeof need[0]); i++) {
			for (c = 0; c < rd->ncols; c++)
				if (rd->map[c] == need[i])
					break;
			if (c == rd->ncols) {
				rd->err = xasprintf(_("%s:1: 核对表缺少“%s”列"
				    "（应有：报告单位,年度,规则,位置,决定）"),
				    rd->path, _(col_names[need[i]]));
				break;
			}
		}
		goto done;
	}
	for (c = 0; c < NCOLS; c++)
		if (rd->cur[c] == NULL)
			rd->cur[c] = xstrdup("");
	if (rd->cur[C_AGENCY][0] == '\0' && rd->cur[C_RULE][0] == '\0')
		goto done;	/* an empty row a spreadsheet left */
	y = strtol(rd->cur[C_YEAR], &end, 10);
	if (*end != '\0' || y < 1900 || y > 9999) {
		rd->err = xasprintf(_("%s:%d: 年度应为四位数字，不是“%s”"),
		    rd->path, rd->line, rd->cur[C_YEAR]);
		goto done;
	}
	if ((d = parse_decision(rd->cur[C_DECISION])) < 0) {
		rd->err = xasprintf(_("%s:%d: 决定应为 待核、已确认、已说明 "
		    "或 忽略，不是“%s”"), rd->path, rd->line,
		    rd->cur[C_DECISION]);
		goto done;
	}
	if (lookup(rd->rv, rd->cur[C_AGENCY], (int)y, rd->cur[C_RULE],
	    rd->cur[C_KEY]) >= 0) {
		rd->err = xasprintf(_("%s:%d: 同一单位、年度、规则和位置出现两次"
		    "（%s %ld %s %s）"), rd->path, rd->line,
		    rd->cur[C_AGENCY], y, rd->cur[C_RULE], rd->cur[C_KEY]);
		goto done;
	}
	e = append(rd->rv);
	for (c = 0; c < NCOLS; c++) {
		free(e->v[c]);
		e->v[c] = rd->cur[c];
		rd->cur[c] = NULL;
	}
	e->year = (int)y;
	e->decision = d;
	index_entry(rd->rv, rd->rv->n - 1);
done:
	for (c = 0; c < NCOLS; c++) {
		free(rd->cur[c]);
		rd->cur[c] = NULL;
	}
	(void)term;
}

struct review *
review_load(const char *path, char **err)
{
	struct reader		 rd;
	struct csv_parser	 p;
	size_t			 len;
	char			*text;
	int			 c;

	if ((text = textin_read(path, true, &len, NULL, err)) == NULL)
		return NULL;
	memset(&rd, 0, sizeof rd);
	rd.rv = review_new();
	rd.path = path;
	if (csv_init(&p, 0) != 0) {
		free(text);
		review_free(rd.rv);
		*err = xasprintf("%s: %s", path, _("内存不足"));
		return NULL;
	}
	if (csv_parse(&p, text, len, on_field, on_row, &rd) != len ||
	    csv_fini(&p, on_field, on_row, &rd) != 0) {
		if (rd.err == NULL)
			rd.err = xasprintf(_("%s:%d: 引号不配对，无法读取核对表"),
			    path, rd.line + 1);
	}
	csv_free(&p);
	free(text);
	for (c = 0; c < NCOLS; c++)
		free(rd.cur[c]);
	if (rd.err != NULL) {
		*err = rd.err;
		review_free(rd.rv);
		return NULL;
	}
	return rd.rv;
}

/* ---- after the run -------------------------------------------------- */

static int
cmp_unit_key(const char *a1, int y1, const char *a2, int y2)
{
	int	 c = strcmp(a1, a2);

	return c != 0 ? c : (y1 > y2) - (y1 < y2);
}

static const struct units *sort_units;

static int
cmp_units(const void *a, const void *b)
{
	const struct unit *x = units_get(sort_units, *(const int *)a);
	const struct unit *y = units_get(sort_units, *(const int *)b);

	return cmp_unit_key(x->agency, x->year, y->agency, y->year);
}

void
review_finish(struct review *rv, struct units *u)
{
	int		*idx, n = 0, i, lo, hi, mid, c;
	struct unit	*un;
	struct entry	*e;

	idx = xreallocarray(NULL, (size_t)units_count(u) + 1, sizeof *idx);
	for (i = 0; i < units_count(u); i++) {
		un = units_get(u, i);
		if (un->agency != NULL && (un->status == UNIT_CLEAN ||
		    un->status == UNIT_INCOMPLETE || un->status == UNIT_ERROR ||
		    un->status == UNIT_REFUSED))
			idx[n++] = i;
	}
	sort_units = u;
	qsort(idx, (size_t)n, sizeof *idx, cmp_units);
	for (i = 0; i < rv->n; i++) {
		e = &rv->v[i];
		lo = 0;
		hi = n - 1;
		un = NULL;
		while (lo <= hi) {
			mid = (lo + hi) / 2;
			c = cmp_unit_key(units_get(u, idx[mid])->agency,
			    units_get(u, idx[mid])->year, e->v[C_AGENCY],
			    e->year);
			if (c == 0) {
				un = units_get(u, idx[mid]);
				break;
			}
			if (c < 0)
				lo = mid + 1;
			else
				hi = mid - 1;
		}
		if (un == NULL)
			set(e, C_STATE, _("未复查"));
		else if (e->marked) {
			set(e, C_STATE, _("现存"));
			un->ndecision[e->decision]++;
		} else {
			set(e, C_STATE, units_decision_label(-1));
			un->nresolved++;
		}
	}
	free(idx);
}

void
review_csv(const struct review *rv, struct buf *b)
{
	const struct entry	*e;
	int			 i, c;

	buf_add(b, "\xef\xbb\xbf");
	for (c = 0; c < NCOLS; c++)
		units_csv_field(b, _(col_names[c]), false, c == NCOLS - 1);
	for (i = 0; i < rv->n; i++) {
		e = &rv->v[i];
		for (c = 0; c < NCOLS; c++)
			units_csv_field(b, c == C_DECISION ?
			    units_decision_label(e->decision) : e->v[c],
			    c != C_YEAR, c == NCOLS - 1);
	}
}
