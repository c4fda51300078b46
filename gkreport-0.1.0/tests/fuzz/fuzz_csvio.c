/*
 * fuzz_csvio.c: libFuzzer target for the report-file reader. Any bytes
 * either are refused (with a message) or load; a loaded report is checked
 * (the rules must cope with whatever was read), written out canonically,
 * and read back: the second reading must accept the canonical bytes, hold
 * the same values and write the very same bytes again (nothing changed,
 * nothing dropped on a round trip). A reference UTF-8 validator, byte by
 * byte, says whether the reader should have converted the file from
 * GB18030: the reader's fast validation must agree with it.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvio.h"
#include "report.h"
#include "rules.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static int
same(const char *a, const char *b)
{
	if (a == NULL)
		a = "";
	if (b == NULL)
		b = "";
	return strcmp(a, b) == 0;
}

/* Unicode's table 3-7, one byte at a time: no overlongs, no surrogates,
 * nothing above U+10FFFF. */
static int
utf8_ok(const unsigned char *s, size_t n)
{
	size_t	 i = 0, k, j;

	while (i < n) {
		unsigned char	 c = s[i], lo = 0x80, hi = 0xbf;

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf)
			k = 1;
		else if (c >= 0xe0 && c <= 0xef) {
			k = 2;
			if (c == 0xe0)
				lo = 0xa0;
			if (c == 0xed)
				hi = 0x9f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			k = 3;
			if (c == 0xf0)
				lo = 0x90;
			if (c == 0xf4)
				hi = 0x8f;
		} else
			return 0;
		if (i + k >= n)
			return 0;
		if (s[i + 1] < lo || s[i + 1] > hi)
			return 0;
		for (j = 2; j <= k; j++)
			if (s[i + j] < 0x80 || s[i + j] > 0xbf)
				return 0;
		i += k + 1;
	}
	return 1;
}

static void
die(const char *what, const char *detail)
{
	fprintf(stderr, "fuzz_csvio: %s%s%s\n", what, detail ? ": " : "",
	    detail ? detail : "");
	abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct csvio_info	 info;
	struct findings		*fs;
	struct report		*r, *r2;
	char			*err = NULL, *out, *out2;
	size_t			 len, len2;
	int			 i;

	r = csvio_parse((const char *)data, size, "fuzz.csv", &info, &err);
	if (r == NULL) {
		if (err == NULL || *err == '\0')
			die("refused without a reason", NULL);
		free(err);
		return 0;
	}
	{
		const unsigned char	*u = data;
		size_t			 n = size;

		if (n >= 3 && memcmp(u, "\xef\xbb\xbf", 3) == 0) {
			u += 3;
			n -= 3;
		}
		if (info.converted == utf8_ok(u, n))
			die(info.converted ? "valid UTF-8 was converted" :
			    "bytes that are not UTF-8 were taken as UTF-8", NULL);
	}
	csvio_info_free(&info);
	fs = rules_check(r, 0);
	findings_free(fs);
	fs = rules_check(r, RULES_BLANK_AS_ZERO);
	findings_free(fs);

	out = csvio_format(r, &len);
	if ((r2 = csvio_parse(out, len, "canonical.csv", &info, &err)) == NULL)
		die("the canonical bytes were refused", err);
	csvio_info_free(&info);
	for (i = 0; i < SCH_NFIELDS; i++)
		if (!same(report_get(r, i), report_get(r2, i)))
			die("a value changed on the round trip",
			    schema_field(i)->key);
	if (report_nextras(r) != report_nextras(r2))
		die("extras were lost or added on the round trip", NULL);
	for (i = 0; i < report_nextras(r); i++) {
		const struct report_extra *a = report_extra(r, i),
		    *b = report_extra(r2, i);

		if (strcmp(a->key, b->key) != 0 || !same(a->value, b->value) ||
		    !same(a->label, b->label))
			die("an extra changed on the round trip", a->key);
	}
	out2 = csvio_format(r2, &len2);
	if (len != len2 || memcmp(out, out2, len) != 0)
		die("writing the re-read report gave other bytes", NULL);
	free(out);
	free(out2);
	report_free(r);
	report_free(r2);
	return 0;
}
