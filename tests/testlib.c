/*
 * testlib.c: the fixture helpers the Criterion tests share (testlib.h).
 */
#include "config.h"

#include <criterion/criterion.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csvio.h"
#include "schema.h"
#include "testlib.h"

char *
tl_slurp(const char *path, size_t *len)
{
	FILE	*f = fopen(path, "rb");
	char	*buf;
	long	 n;

	cr_assert_not_null(f, "%s: %s", path, strerror(errno));
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = malloc((size_t)n + 1);
	cr_assert_not_null(buf);
	cr_assert_eq(fread(buf, 1, (size_t)n, f), (size_t)n, "%s", path);
	buf[n] = '\0';
	fclose(f);
	if (len != NULL)
		*len = (size_t)n;
	return buf;
}

void
tl_spit(const char *path, const char *s)
{
	FILE	*f = fopen(path, "wb");
	size_t	 len = strlen(s);

	cr_assert_not_null(f, "%s: %s", path, strerror(errno));
	cr_assert_eq(fwrite(s, 1, len, f), len, "%s", path);
	fclose(f);
}

void
tl_write_temp(char *tmpl, int suffixlen, const void *buf, size_t len)
{
	int	 fd;

	cr_assert_neq(fd = mkstemps(tmpl, suffixlen), -1, "%s", tmpl);
	cr_assert_eq(write(fd, buf, len), (ssize_t)len, "%s", tmpl);
	close(fd);
}

void
tl_rmdir(const char *dir)
{
	DIR		*d = opendir(dir);
	struct dirent	*e;
	char		 p[512];

	while (d != NULL && (e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
		unlink(p);
	}
	if (d != NULL)
		closedir(d);
	rmdir(dir);
}

struct report *
tl_load(const char *path)
{
	struct report	*r;
	char		*err = NULL;

	r = csvio_load(path, NULL, &err);
	cr_assert_not_null(r, "%s", err);
	return r;
}

int
tl_key(const char *key)
{
	int	 f = schema_find(key);

	cr_assert_neq(f, -1, "no key %s", key);
	return f;
}

void
tl_set(struct report *r, const char *key, const char *v)
{
	report_set(r, tl_key(key), v);
}

int
tl_count(const struct findings *fs, const char *rule)
{
	int	 i, n = 0;

	for (i = 0; i < fs->n; i++)
		if (strcmp(fs->v[i].rule, rule) == 0)
			n++;
	return n;
}

struct report *
tl_zeros(const char *agency, int year, const char *s1, const char *s5)
{
	struct report	*r = report_new();
	char		 y[32], start[32], end[32];
	int		 f;

	snprintf(y, sizeof y, "%d", year);
	snprintf(start, sizeof start, "%d-01-01", year);
	snprintf(end, sizeof end, "%d-12-31", year);
	report_set(r, F_FORMAT, "2021");
	report_set(r, F_AGENCY, agency);
	report_set(r, F_YEAR, y);
	report_set(r, F_PERIOD_START, start);
	report_set(r, F_PERIOD_END, end);
	report_set(r, F_S1, s1);
	report_set(r, F_S5, s5);
	report_set(r, F_S6, "本年未收取信息处理费。");
	for (f = F_FIRST_CELL; f < F_FIRST_CELL + SCH_NCELLS; f++)
		report_set(r, f, "0");
	return r;
}

ssize_t
tl_full_disk(int fd, const void *p, size_t n)
{
	(void)fd;
	(void)p;
	(void)n;
	errno = ENOSPC;
	return -1;
}
