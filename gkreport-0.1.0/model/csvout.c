/*
 * csvout.c: one CSV field: quoting and the formula guard.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "csvout.h"

/* Whether s is a plain number: digits, at most one '.' between digits, and
 * an optional '%' at the end (the sign already taken). */
static bool
plain_number(const char *s)
{
	const char	*p = s;

	if (*p < '0' || *p > '9')
		return false;
	while (*p >= '0' && *p <= '9')
		p++;
	if (*p == '.') {
		p++;
		if (*p < '0' || *p > '9')
			return false;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	if (*p == '%')
		p++;
	return *p == '\0';
}

bool
csv_formula_like(const char *s)
{
	static const char *const wide[] = {
		"\xef\xbc\x9d", "\xef\xbc\x8b", "\xef\xbc\x8d", "\xef\xbc\xa0",
	};	/* ＝ ＋ － ＠ */
	size_t	 i;

	if (*s == '=' || *s == '@' || *s == '\t' || *s == '\r')
		return true;
	if (*s == '+' || *s == '-')
		return !plain_number(s + 1);
	for (i = 0; i < sizeof wide / sizeof wide[0]; i++)
		if (strncmp(s, wide[i], 3) == 0)
			return true;
	return false;
}

void
csv_field(struct buf *b, const char *s, bool guard)
{
	const char	*q;
	size_t		 n;

	if (s == NULL || *s == '\0')
		return;
	n = strlen(s);
	if (strpbrk(s, ",\"\r\n") == NULL && s[0] != ' ' && s[0] != '\t' &&
	    s[n - 1] != ' ' && s[n - 1] != '\t') {
		if (guard && csv_formula_like(s))
			buf_addn(b, "'", 1);
		buf_addn(b, s, n);
		return;
	}
	buf_addn(b, "\"", 1);
	if (guard && csv_formula_like(s))
		buf_addn(b, "'", 1);
	while ((q = strchr(s, '"')) != NULL) {
		buf_addn(b, s, (size_t)(q - s) + 1);
		buf_addn(b, "\"", 1);
		s = q + 1;
	}
	buf_add(b, s);
	buf_addn(b, "\"", 1);
}

void
csv_field_out(FILE *out, const char *s, bool guard)
{
	struct buf	 b = { NULL, 0, 0 };

	csv_field(&b, s, guard);
	if (b.len > 0)
		fwrite(b.s, 1, b.len, out);
	free(b.s);
}

void
csv_row_out(FILE *out, const char *const *fields, int n, const char *eol)
{
	struct buf	 b = { NULL, 0, 0 };
	int		 i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_addn(&b, ",", 1);
		csv_field(&b, fields[i], true);
	}
	buf_add(&b, eol);
	fwrite(b.s, 1, b.len, out);
	free(b.s);
}
