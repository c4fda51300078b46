/*
 * fuzz_import.c: libFuzzer target for the published-text importer. The
 * first byte picks the mode:
 *   even  the rest is a text as a clerk pastes it: it is refused with a
 *         reason or gives a report, which must survive the report file
 *         (written, read back, the same values) and the checks;
 *   odd   the rest is a report file: if it loads with every figure valid
 *         and no tab in its texts, its published text (export, UTF-8) is
 *         imported again and every figure of the tables must come back as
 *         it was.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvio.h"
#include "export.h"
#include "import.h"
#include "report.h"
#include "rules.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static int
same(const char *a, const char *b)
{
	return strcmp(a != NULL ? a : "", b != NULL ? b : "") == 0;
}

static void
die(const char *what, const char *detail)
{
	fprintf(stderr, "fuzz_import: %s%s%s\n", what, detail ? ": " : "",
	    detail ? detail : "");
	abort();
}

static void
text(const char *buf, size_t len)
{
	struct import_log	 log;
	struct csvio_info	 info;
	struct findings		*fs;
	struct report		*r, *r2;
	char			*err = NULL, *out;
	size_t			 n;
	int			 i;

	r = import_text(buf, len, "fuzz.txt", &log, &err);
	for (i = 0; i < log.n; i++)
		if (log.v[i].text == NULL)
			die("a log message without text", NULL);
	import_log_free(&log);
	if (r == NULL) {
		if (err == NULL || *err == '\0')
			die("refused without a reason", NULL);
		free(err);
		return;
	}
	fs = rules_check(r, 0);
	findings_free(fs);
	out = csvio_format(r, &n);
	if ((r2 = csvio_parse(out, n, "imported.csv", &info, &err)) == NULL)
		die("the imported report does not read back", err);
	csvio_info_free(&info);
	for (i = 0; i < SCH_NFIELDS; i++)
		if (!same(report_get(r, i), report_get(r2, i)))
			die("a value changed through the report file",
			    schema_field(i)->key);
	free(out);
	report_free(r);
	report_free(r2);
}

static void
published(const char *buf, size_t len)
{
	struct report	*r, *back;
	char		*err = NULL, *txt;
	size_t		 n;
	int64_t		 v, w;
	int		 i;

	if ((r = csvio_parse(buf, len, "fuzz.csv", NULL, &err)) == NULL) {
		free(err);
		return;
	}
	/* Tables are tab-separated in the published text: a text section
	 * holding tabs can pass for a table (the importer cannot tell). */
	for (i = 0; i < SCH_NFIELDS; i++)
		if (report_state(r, i) == RS_INVALID ||
		    (schema_field(i)->kind == SK_TEXT && report_get(r, i) != NULL &&
		    strchr(report_get(r, i), '\t') != NULL)) {
			report_free(r);
			return;
		}
	if ((txt = export_render(r, EXPORT_TEXT, EXPORT_UTF8, &n, &err)) ==
	    NULL) {
		free(err);
		report_free(r);
		return;
	}
	back = import_text(txt, n, "published.txt", NULL, &err);
	if (back != NULL) {
		for (i = 0; i < SCH_NFIELDS; i++) {
			const struct sch_field	*f = schema_field(i);

			if (f->table < 0 || f->kind == SK_TEXT ||
			    strncmp(f->key, "prev.", 5) == 0)
				continue;
			if (report_value(r, i, &v) &&
			    (!report_value(back, i, &w) || v != w))
				die("a figure changed through the published text",
				    f->key);
		}
		report_free(back);
	} else
		free(err);
	free(txt);
	report_free(r);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	if (data[0] % 2 == 0)
		text((const char *)data + 1, size - 1);
	else
		published((const char *)data + 1, size - 1);
	return 0;
}
