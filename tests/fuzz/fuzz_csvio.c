/*
 * fuzz_csvio.c: libFuzzer target for the report-file reader. Any bytes
 * either are refused (with a message) or load; a loaded report is checked
 * (the rules must cope with whatever was read), written out canonically,
 * and read back: the second reading must accept the canonical bytes, hold
 * the same values and write the very same bytes again (nothing changed,
 * nothing dropped on a round trip).
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
