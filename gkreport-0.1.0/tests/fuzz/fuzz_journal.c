/*
 * fuzz_journal.c: libFuzzer target for the recovery journal (a file the
 * application reads at start-up, possibly torn by a crash). The first
 * byte picks the mode:
 *   0  the rest is the journal file as it is;
 *   1  the rest is lines, each sealed here with its correct CRC, so that
 *      the records themselves (fields, escapes, keys) get exercised;
 *   2  the rest is key/value pairs (split at NUL bytes), written through
 *      journal_append and replayed: every key must come back with the
 *      last value written for it.
 * Replaying must never crash, leak or read out of bounds.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "journal.h"
#include "report.h"
#include "schema.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static char	*dir, *report_path, *jpath;

static void
cleanup(void)
{
	unlink(jpath);
	rmdir(dir);
}

static void
setup(void)
{
	char	 tmpl[] = "/dev/shm/gk-fuzz-journal.XXXXXX";

	if (dir != NULL)
		return;
	if (mkdtemp(tmpl) == NULL) {
		strcpy(tmpl, "/tmp/gk-fuzz-journal.XXXXXX");
		if (mkdtemp(tmpl) == NULL)
			abort();
	}
	dir = strdup(tmpl);
	if (asprintf(&report_path, "%s/r.csv", dir) == -1)
		abort();
	jpath = journal_path(report_path);
	atexit(cleanup);
}

/* CRC-32 (IEEE), as the journal seals its lines. */
static uint32_t
crc32(const void *p, size_t n)
{
	const unsigned char	*s = p;
	uint32_t		 c = 0xffffffffu;
	int			 k;

	while (n-- > 0) {
		c ^= *s++;
		for (k = 0; k < 8; k++)
			c = (c >> 1) ^ (0xedb88320u & -(c & 1));
	}
	return c ^ 0xffffffffu;
}

static void
replay(void)
{
	struct journal_info	 info;
	struct report		*before = report_new(), *after = report_new();
	char			*err = NULL, *d;

	if (journal_replay(report_path, after, &info, &err) == -1) {
		if (err == NULL)
			abort();
		free(err);
	} else {
		d = journal_describe(before, after);
		free(d);
	}
	report_free(before);
	report_free(after);
}

static void
raw(const uint8_t *data, size_t size, int seal)
{
	FILE	*f = fopen(jpath, "we");
	size_t	 i, start = 0;

	if (f == NULL)
		abort();
	if (!seal)
		fwrite(data, 1, size, f);
	else {
		for (i = 0; i <= size; i++) {
			if (i < size && data[i] != '\n')
				continue;
			fwrite(data + start, 1, i - start, f);
			fprintf(f, "\t%08x\n",
			    (unsigned)crc32(data + start, i - start));
			start = i + 1;
		}
	}
	fclose(f);
	replay();
}

/* Write key/value pairs through the journal and read them back. */
static void
roundtrip(const uint8_t *data, size_t size)
{
	struct journal	*j;
	struct report	*r;
	const char	*keys[64], *vals[64];
	char		*buf, *p, *end, *err = NULL;
	int		 n = 0, i, k;

	buf = malloc(size + 1);
	memcpy(buf, data, size);
	buf[size] = '\0';
	end = buf + size;
	for (p = buf; p < end && n < 64; n++) {
		keys[n] = p;
		p += strlen(p) + 1;
		vals[n] = p < end ? p : "";
		if (p < end)
			p += strlen(p) + 1;
	}
	if ((j = journal_open(report_path, &err)) == NULL)
		abort();
	for (i = 0; i < n; i++) {
		if (*keys[i] == '\0')
			continue;
		if (journal_append(j, keys[i], vals[i], &err) == -1)
			abort();
	}
	journal_close(j);
	r = report_new();
	if (journal_replay(report_path, r, NULL, &err) == -1) {
		fprintf(stderr, "fuzz_journal: replay refused: %s\n", err);
		abort();
	}
	for (i = 0; i < n; i++) {
		const char	*got, *want = vals[i];
		int		 f;

		if (*keys[i] == '\0')
			continue;
		for (k = i + 1; k < n; k++)	/* the last value wins */
			if (strcmp(keys[k], keys[i]) == 0)
				want = vals[k];
		f = schema_find(keys[i]);
		if (f >= 0) {
			/* Number fields are kept trimmed of spaces and tabs. */
			if (schema_field(f)->kind != SK_TEXT)
				continue;
			got = report_get(r, f);
		} else
			got = report_extra_get(r, keys[i]);
		if (got == NULL)
			got = "";
		if (strcmp(got, want) != 0) {
			fprintf(stderr, "fuzz_journal: %s came back changed\n",
			    keys[i]);
			abort();
		}
	}
	report_free(r);
	free(buf);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	setup();
	switch (data[0] % 3) {
	case 0:
		raw(data + 1, size - 1, 0);
		break;
	case 1:
		raw(data + 1, size - 1, 1);
		break;
	default:
		roundtrip(data + 1, size - 1);
		break;
	}
	unlink(jpath);
	return 0;
}
