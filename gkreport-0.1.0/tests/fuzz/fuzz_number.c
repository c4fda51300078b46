/*
 * fuzz_number.c: libFuzzer target for the number parser. The first byte
 * picks the kind (count, amount, year, date), the rest is the text as
 * typed. Whatever is accepted must format canonically and parse back to
 * the same value, and the canonical text must be a fixed point; whatever
 * is refused must have a Chinese reason. Pasted text goes through
 * number_normalize first, as the application does.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "number.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const enum sch_kind kinds[] = { SK_COUNT, SK_AMOUNT, SK_YEAR, SK_DATE };

static void
one(const char *s, enum sch_kind kind)
{
	char	 buf[NUM_BUFSZ], buf2[NUM_BUFSZ];
	int64_t	 v, v2;
	int	 e;

	e = number_parse(s, kind, &v);
	if (e != NUM_OK) {
		const char *why = number_strerror(e, kind);

		if (why == NULL || *why == '\0')
			abort();
		return;
	}
	if (v < 0)
		abort();
	if (kind == SK_COUNT && v > NUM_COUNT_MAX)
		abort();
	if (kind == SK_AMOUNT && v > NUM_AMOUNT_MAX)
		abort();
	number_format(v, kind, buf);
	if (number_parse(buf, kind, &v2) != NUM_OK || v2 != v) {
		fprintf(stderr, "fuzz_number: \"%s\" -> %lld -> \"%s\" does "
		    "not parse back\n", s, (long long)v, buf);
		abort();
	}
	if (strcmp(number_format(v2, kind, buf2), buf) != 0)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	enum sch_kind	 kind;
	char		*s, *norm;

	if (size < 1)
		return 0;
	kind = kinds[data[0] % (sizeof kinds / sizeof kinds[0])];
	s = malloc(size);
	if (s == NULL)
		return 0;
	memcpy(s, data + 1, size - 1);
	s[size - 1] = '\0';
	one(s, kind);
	norm = number_normalize(s);
	one(norm, kind);
	free(norm);
	free(s);
	return 0;
}
