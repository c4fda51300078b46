/*
 * roster.c: who must report, held against who did (see roster.h).
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "roster.h"
#include "textin.h"
#include "xmalloc.h"

struct rname {
	char	*name;		/* as written */
	char	*norm;		/* as compared */
};

struct roster {
	int		 n, cap;
	struct rname	*v;
	int		*byname;	/* indexes sorted by norm */
};

char *
roster_norm(const char *name)
{
	const unsigned char	*p = (const unsigned char *)name;
	char			*out = xmalloc(strlen(name) + 1), *o = out;
	unsigned		 cp;

	while (*p != '\0') {
		if (*p == ' ' || *p == '\t' || *p == '\r')
			p++;
		else if (p[0] == 0xc2 && p[1] == 0xa0)
			p += 2;
		else if (p[0] == 0xe3 && p[1] == 0x80 && p[2] == 0x80)
			p += 3;
		else if (p[0] == 0xef && (p[1] == 0xbc || p[1] == 0xbd) &&
		    (p[2] & 0xc0) == 0x80 && (cp = 0xf000 |
		    (unsigned)(p[1] & 0x3f) << 6 | (unsigned)(p[2] & 0x3f)) >=
		    0xff01 && cp <= 0xff5e) {
			*o++ = (char)(cp - 0xfee0);
			p += 3;
		} else
			*o++ = (char)*p++;
	}
	*o = '\0';
	return out;
}

static const struct roster *sort_roster;

static int
cmp_norm(const void *a, const void *b)
{
	return strcmp(sort_roster->v[*(const int *)a].norm,
	    sort_roster->v[*(const int *)b].norm);
}

/* The roster index of a normalized name, or -1. */
static int
find(const struct roster *r, const char *norm)
{
	int	 lo = 0, hi = r->n - 1, mid, c;

	while (lo <= hi) {
		mid = (lo + hi) / 2;
		c = strcmp(r->v[r->byname[mid]].norm, norm);
		if (c == 0)
			return r->byname[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

struct roster *
roster_parse(const char *text, size_t len)
{
	struct roster	*r = xcalloc(1, sizeof *r);
	const char	*p = text, *end = text + len, *e;
	char		*line, *norm;
	size_t		 n;
	int		 i, j;

	while (p < end) {
		e = memchr(p, '\n', (size_t)(end - p));
		if (e == NULL)
			e = end;
		n = (size_t)(e - p);
		line = xmalloc(n + 1);
		memcpy(line, p, n);
		line[n] = '\0';
		p = e + 1;
		/* trim */
		while (n > 0 && strchr(" \t\r", line[n - 1]) != NULL)
			line[--n] = '\0';
		i = (int)strspn(line, " \t");
		memmove(line, line + i, n - (size_t)i + 1);
		norm = roster_norm(line);
		if (*norm == '\0' || line[0] == '#') {
			free(line);
			free(norm);
			continue;
		}
		if (r->n == r->cap) {
			r->cap = r->cap ? r->cap * 2 : 32;
			r->v = xreallocarray(r->v, (size_t)r->cap, sizeof *r->v);
		}
		r->v[r->n].name = line;
		r->v[r->n++].norm = norm;
	}
	r->byname = xreallocarray(NULL, (size_t)r->n + 1, sizeof *r->byname);
	for (i = 0; i < r->n; i++)
		r->byname[i] = i;
	sort_roster = r;
	qsort(r->byname, (size_t)r->n, sizeof *r->byname, cmp_norm);
	/* Keep the first of names written twice. */
	for (i = 1, j = 0; i < r->n; i++) {
		if (strcmp(r->v[r->byname[i]].norm,
		    r->v[r->byname[j]].norm) == 0) {
			if (r->byname[i] < r->byname[j])
				r->byname[j] = r->byname[i];
			continue;
		}
		r->byname[++j] = r->byname[i];
	}
	if (r->n > 0) {
		bool	*keep = xcalloc((size_t)r->n, sizeof *keep);
		int	 k, m = 0, *newidx;

		for (i = 0; i <= j; i++)
			keep[r->byname[i]] = true;
		newidx = xreallocarray(NULL, (size_t)r->n, sizeof *newidx);
		for (k = 0; k < r->n; k++) {
			if (!keep[k]) {
				free(r->v[k].name);
				free(r->v[k].norm);
				continue;
			}
			newidx[k] = m;
			r->v[m++] = r->v[k];
		}
		for (i = 0; i <= j; i++)
			r->byname[i] = newidx[r->byname[i]];
		r->n = m;
		free(newidx);
		free(keep);
	}
	return r;
}

struct roster *
roster_load(const char *path, char **err)
{
	struct roster	*r;
	size_t		 len;
	char		*text;

	if ((text = textin_read(path, false, &len, NULL, err)) == NULL)
		return NULL;
	r = roster_parse(text, len);
	free(text);
	return r;
}

void
roster_free(struct roster *r)
{
	int	 i;

	if (r == NULL)
		return;
	for (i = 0; i < r->n; i++) {
		free(r->v[i].name);
		free(r->v[i].norm);
	}
	free(r->v);
	free(r->byname);
	free(r);
}

int
roster_count(const struct roster *r)
{
	return r->n;
}

const char *
roster_name(const struct roster *r, int i)
{
	return r->v[i].name;
}

/* The code points of a UTF-8 string into out (at most max); the count. */
static int
decode(const char *s, uint32_t *out, int max)
{
	const unsigned char	*p = (const unsigned char *)s;
	int			 n = 0, k;
	uint32_t		 c;

	while (*p != '\0' && n < max) {
		if (*p < 0x80)
			k = 0, c = *p;
		else if ((*p & 0xe0) == 0xc0)
			k = 1, c = *p & 0x1f;
		else if ((*p & 0xf0) == 0xe0)
			k = 2, c = *p & 0x0f;
		else
			k = 3, c = *p & 0x07;
		p++;
		while (k-- > 0 && (*p & 0xc0) == 0x80)
			c = (c << 6) | (*p++ & 0x3f);
		out[n++] = c;
	}
	return n;
}

#define MAXCHARS	256

int
roster_distance(const char *a, const char *b)
{
	uint32_t	 x[MAXCHARS], y[MAXCHARS];
	int		 row[MAXCHARS + 1], n, m, i, j, diag, up;

	n = decode(a, x, MAXCHARS);
	m = decode(b, y, MAXCHARS);
	for (j = 0; j <= m; j++)
		row[j] = j;
	for (i = 1; i <= n; i++) {
		diag = row[0];
		row[0] = i;
		for (j = 1; j <= m; j++) {
			up = row[j];
			row[j] = diag + (x[i - 1] != y[j - 1]);
			if (up + 1 < row[j])
				row[j] = up + 1;
			if (row[j - 1] + 1 < row[j])
				row[j] = row[j - 1] + 1;
			diag = up;
		}
	}
	return row[m];
}

/* How many characters a name has (for the threshold). */
static int
nchars(const char *s)
{
	int	 n = 0;

	for (; *s != '\0'; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

/* Suggest the closest roster names for an unknown one: within a third of
 * its length (at least 1), closest first; only_missing: only those that
 * have not reported. */
static void
suggest(const struct roster *r, const char *norm, const bool *reported,
    bool only_missing, struct roster_unknown *u)
{
	int	 i, k, d, best[ROSTER_NSUGGEST], limit;

	limit = nchars(norm) / 3;
	if (limit < 1)
		limit = 1;
	u->nsuggest = 0;
	for (i = 0; i < r->n; i++) {
		if (only_missing && reported[i])
			continue;
		if (abs(nchars(r->v[i].norm) - nchars(norm)) > limit)
			continue;
		if ((d = roster_distance(norm, r->v[i].norm)) > limit)
			continue;
		/* insert, keeping the closest (then roster order) */
		for (k = u->nsuggest; k > 0 && best[k - 1] > d; k--) {
			if (k < ROSTER_NSUGGEST) {
				best[k] = best[k - 1];
				u->suggest[k] = u->suggest[k - 1];
			}
		}
		if (k < ROSTER_NSUGGEST) {
			best[k] = d;
			u->suggest[k] = i;
			if (u->nsuggest < ROSTER_NSUGGEST)
				u->nsuggest++;
		}
	}
}

void
roster_match(const struct roster *r, const char *const *agencies, int n,
    struct roster_result *res)
{
	bool	*reported = xcalloc((size_t)r->n + 1, sizeof *reported);
	char	*norm;
	int	 i, k, nu = 0;
	char   **unorm = xcalloc((size_t)n + 1, sizeof *unorm);

	memset(res, 0, sizeof *res);
	res->unknown = xcalloc((size_t)n + 1, sizeof *res->unknown);
	for (i = 0; i < n; i++) {
		if (agencies[i] == NULL)
			continue;
		norm = roster_norm(agencies[i]);
		if ((k = find(r, norm)) >= 0) {
			reported[k] = true;
			free(norm);
			continue;
		}
		/* the same unknown name twice is listed once */
		for (k = 0; k < nu; k++)
			if (strcmp(unorm[k], norm) == 0)
				break;
		if (k < nu) {
			free(norm);
			continue;
		}
		unorm[nu] = norm;
		res->unknown[nu++].agency = agencies[i];
	}
	res->nunknown = nu;
	/* The roster names that have not reported are the likely ones;
	 * the others only when none of those is close (and the roster is
	 * not too large to compare every name). */
	for (i = 0; i < nu; i++) {
		suggest(r, unorm[i], reported, true, &res->unknown[i]);
		if (res->unknown[i].nsuggest == 0 &&
		    (int64_t)nu * r->n <= 1000000)
			suggest(r, unorm[i], reported, false,
			    &res->unknown[i]);
	}
	res->missing = xcalloc((size_t)r->n + 1, sizeof *res->missing);
	for (i = 0; i < r->n; i++)
		if (!reported[i])
			res->missing[res->nmissing++] = i;
	for (i = 0; i < nu; i++)
		free(unorm[i]);
	free(unorm);
	free(reported);
}

void
roster_result_fini(struct roster_result *res)
{
	free(res->missing);
	free(res->unknown);
	memset(res, 0, sizeof *res);
}
