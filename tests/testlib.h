/*
 * testlib.h: fixture helpers the Criterion tests share (reading and
 * writing whole files, loading a report, finding a key, counting
 * findings, a zeroed report). Each helper fails the running test with a
 * Criterion assertion rather than returning an error. Linked into the test
 * programs only (tests/libgktest.a), never into libgkmodel.a.
 */
#ifndef TESTLIB_H
#define TESTLIB_H

#include <stddef.h>
#include <sys/types.h>

#include "report.h"
#include "rules.h"

/* The whole file at path, NUL-terminated; its length into *len unless len
 * is NULL. Caller frees. */
char		*tl_slurp(const char *path, size_t *len);

/* Write the string s (without its NUL) to path, replacing what it held. */
void		 tl_spit(const char *path, const char *s);

/* Make a new file from the mkstemps(3) template tmpl (which it fills in;
 * suffixlen as for mkstemps) and write the len bytes of buf into it. */
void		 tl_write_temp(char *tmpl, int suffixlen, const void *buf,
		     size_t len);

/* Empty the flat directory dir (no subdirectories) and remove it. */
void		 tl_rmdir(const char *dir);

/* The report file at path, through the program's own reader. Caller
 * frees (report_free). */
struct report	*tl_load(const char *path);

/* The field of key, which must exist. */
int		 tl_key(const char *key);

/* Set the field of key, which must exist, to text v. */
void		 tl_set(struct report *r, const char *key, const char *v);

/* How many findings of rule fs holds. */
int		 tl_count(const struct findings *fs, const char *rule);

/* A complete report of year: format 2021, agency, 1 January to 31
 * December, texts 一 s1 and 五 s5, 六 saying no fee was charged, and every
 * one of the 200 cells 0. Caller frees (report_free). */
struct report	*tl_zeros(const char *agency, int year, const char *s1,
		     const char *s5);

/* A write(2) for journal_write_fn that fails as on a full disk (ENOSPC). */
ssize_t		 tl_full_disk(int fd, const void *p, size_t n);

#endif
