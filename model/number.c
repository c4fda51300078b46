/* number.c: exact parse/format of counts, amounts, years and dates. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nls.h"
#include "number.h"
#include "xmalloc.h"

static bool
is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* Digits from s to e into *v; false on overflow past max. */
static bool
digits(const char *s, const char *e, int64_t max, int64_t *v)
{
	int64_t	 n = 0;

	for (; s < e; s++) {
		if (n > (max - (*s - '0')) / 10)
			return false;
		n = n * 10 + (*s - '0');
	}
	*v = n;
	return true;
}

static int
parse_date(const char *s, size_t len, int64_t *out)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	int	 y, m, d, i;
	bool	 leap;

	if (len != 10 || s[4] != '-' || s[7] != '-')
		return NUM_NOT_NUMBER;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return NUM_NOT_NUMBER;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (y < 1900 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1] ||
	    (m == 2 && d == 29 && !leap))
		return NUM_NOT_NUMBER;
	*out = (int64_t)y * 10000 + m * 100 + d;
	return NUM_OK;
}

int
number_parse(const char *s, enum sch_kind kind, int64_t *out)
{
	const char	*e, *p, *dot = NULL;
	int64_t		 ip, fp = 0;
	size_t		 places = 0;

	if (s == NULL)
		return NUM_EMPTY;
	while (is_space(*s))
		s++;
	e = s + strlen(s);
	while (e > s && is_space(e[-1]))
		e--;
	if (s == e)
		return NUM_EMPTY;
	if (kind == SK_DATE)
		return parse_date(s, (size_t)(e - s), out);
	if (*s == '-' || *s == '+') {
		/* "-0" is still a sign a clerk did not mean. */
		for (p = s + 1; p < e && ((*p >= '0' && *p <= '9') || *p == '.');
		    p++)
			;
		if (p == e && p > s + 1 && *s == '-')
			return NUM_NEGATIVE;
		return NUM_NOT_NUMBER;
	}
	for (p = s; p < e; p++) {
		if (*p == '.' && dot == NULL)
			dot = p;
		else if (*p < '0' || *p > '9')
			return NUM_NOT_NUMBER;
	}
	if (dot == s || dot == e - 1)
		return NUM_NOT_NUMBER;
	if (dot != NULL && kind != SK_AMOUNT)
		return NUM_FRACTION;
	if (dot != NULL) {
		places = (size_t)(e - dot - 1);
		if (places > 4)
			return NUM_TOO_MANY_PLACES;
	}
	if (!digits(s, dot != NULL ? dot : e, kind == SK_AMOUNT ?
	    NUM_AMOUNT_MAX / NUM_AMOUNT_SCALE : NUM_COUNT_MAX, &ip))
		return NUM_TOO_LARGE;
	if (kind == SK_YEAR) {
		if (e - s != 4 || ip < 1900)
			return NUM_NOT_NUMBER;
		*out = ip;
		return NUM_OK;
	}
	if (kind == SK_AMOUNT) {
		if (dot != NULL)
			digits(dot + 1, e, INT64_MAX, &fp);
		while (places++ < 4)
			fp *= 10;
		if (ip > NUM_AMOUNT_MAX / NUM_AMOUNT_SCALE)
			return NUM_TOO_LARGE;
		ip = ip * NUM_AMOUNT_SCALE + fp;
		if (ip > NUM_AMOUNT_MAX)
			return NUM_TOO_LARGE;
	} else if (ip > NUM_COUNT_MAX)
		return NUM_TOO_LARGE;
	*out = ip;
	return NUM_OK;
}

const char *
number_strerror(int err, enum sch_kind kind)
{
	switch (err) {
	case NUM_OK:
		return _("有效");
	case NUM_EMPTY:
		return _("尚未填写");
	case NUM_NEGATIVE:
		return _("不能为负数");
	case NUM_FRACTION:
		return _("件数应为整数，不能有小数");
	case NUM_TOO_MANY_PLACES:
		return _("金额最多保留 4 位小数");
	case NUM_TOO_LARGE:
		return _("数值超出范围");
	}
	switch (kind) {
	case SK_AMOUNT:
		return _("应为不小于 0 的金额，如 7730.28");
	case SK_YEAR:
		return _("应为四位年份，如 2024");
	case SK_DATE:
		return _("应为日期，如 2024-12-31");
	default:
		return _("应为不小于 0 的整数");
	}
}

char *
number_format(int64_t v, enum sch_kind kind, char buf[NUM_BUFSZ])
{
	if (kind == SK_DATE) {
		snprintf(buf, NUM_BUFSZ, "%04d-%02d-%02d", (int)(v / 10000),
		    (int)(v / 100 % 100), (int)(v % 100));
	} else if (kind == SK_AMOUNT && v % NUM_AMOUNT_SCALE != 0) {
		int	 fp = (int)(v % NUM_AMOUNT_SCALE), places = 4;

		while (fp % 10 == 0) {
			fp /= 10;
			places--;
		}
		snprintf(buf, NUM_BUFSZ, "%lld.%0*d",
		    (long long)(v / NUM_AMOUNT_SCALE), places, fp);
	} else if (kind == SK_AMOUNT)
		snprintf(buf, NUM_BUFSZ, "%lld", (long long)(v / NUM_AMOUNT_SCALE));
	else
		snprintf(buf, NUM_BUFSZ, "%lld", (long long)v);
	return buf;
}

char *
number_normalize(const char *s)
{
	/* Full-width forms are EF BC 90-99 (０-９), EF BC 8E (．), EF BC 8D
	 * (－), EF BC 8B (＋); the ideographic space is E3 80 80. */
	size_t		 n = strlen(s), i = 0, o = 0;
	char		*out = xmalloc(n + 1);
	const unsigned char *u = (const unsigned char *)s;

	while (i < n) {
		if (i + 2 < n && u[i] == 0xef && u[i + 1] == 0xbc &&
		    u[i + 2] >= 0x90 && u[i + 2] <= 0x99) {
			out[o++] = (char)('0' + u[i + 2] - 0x90);
			i += 3;
		} else if (i + 2 < n && u[i] == 0xef && u[i + 1] == 0xbc &&
		    (u[i + 2] == 0x8e || u[i + 2] == 0x8d || u[i + 2] == 0x8b)) {
			out[o++] = u[i + 2] == 0x8e ? '.' :
			    u[i + 2] == 0x8d ? '-' : '+';
			i += 3;
		} else if (i + 2 < n && u[i] == 0xe3 && u[i + 1] == 0x80 &&
		    u[i + 2] == 0x80) {
			out[o++] = ' ';
			i += 3;
		} else
			out[o++] = s[i++];
	}
	out[o] = '\0';
	/* Trim what is now plain ASCII space. */
	for (i = 0; is_space(out[i]); i++)
		;
	while (o > i && is_space(out[o - 1]))
		o--;
	memmove(out, out + i, o - i);
	out[o - i] = '\0';
	return out;
}

int
number_parse_date(const char *s, int64_t *ymd)
{
	char	*n = number_normalize(s), iso[32];
	int	 part[3] = { 0, 0, 0 }, np = 0, nd = 0, e;
	char	*p = n;
	const char *sep = NULL;

	/* Three runs of digits, separated by one kind of separator (年 月 日
	 * count as one kind), nothing else. */
	while (*p != '\0' && np < 3) {
		if (*p >= '0' && *p <= '9') {
			if (nd++ >= (np == 0 ? 4 : 2))
				break;
			part[np] = part[np] * 10 + (*p++ - '0');
			continue;
		}
		if (nd == 0)
			break;
		while (*p == ' ')
			p++;
		np++;
		nd = 0;
		if (np == 3)
			break;
		if (strncmp(p, "年", 3) == 0 || strncmp(p, "月", 3) == 0) {
			if (sep != NULL && strcmp(sep, "年") != 0)
				break;
			sep = "年";
			p += 3;
		} else if (*p == '-' || *p == '.' || *p == '/') {
			if (sep != NULL && *sep != *p)
				break;
			sep = *p == '-' ? "-" : *p == '.' ? "." : "/";
			p++;
		} else
			break;
		while (*p == ' ')
			p++;
	}
	if (np == 2 && nd > 0)
		np = 3;		/* it ended with the day's digits */
	else if (np == 3 && sep != NULL && strcmp(sep, "年") == 0 &&
	    (strncmp(p, "日", 3) == 0 || strncmp(p, "号", 3) == 0))
		p += 3;
	e = np == 3 && *p == '\0' && sep != NULL && part[0] >= 1000 ?
	    NUM_OK : NUM_NOT_NUMBER;
	free(n);
	if (e != NUM_OK)
		return e;
	snprintf(iso, sizeof iso, "%04d-%02d-%02d", part[0], part[1] % 100,
	    part[2] % 100);
	return parse_date(iso, strlen(iso), ymd);
}

char *
number_typed(const char *s, enum sch_kind kind)
{
	char	*n, buf[NUM_BUFSZ];
	int64_t	 v;

	if (kind == SK_TEXT)
		return xstrdup(s);
	if (kind == SK_DATE) {
		if (number_parse_date(s, &v) == NUM_OK)
			return xstrdup(number_format(v, SK_DATE, buf));
		return number_normalize(s);
	}
	n = number_normalize(s);
	if (number_parse(n, kind, &v) == NUM_OK) {
		free(n);
		if (kind == SK_YEAR) {
			snprintf(buf, sizeof buf, "%04d", (int)v);
			return xstrdup(buf);
		}
		return xstrdup(number_format(v, kind, buf));
	}
	return n;
}

int64_t
number_add(int64_t a, int64_t b)
{
	if (a > INT64_MAX - b)
		return -1;
	return a + b;
}
