/*
 * textin.h: a small text file that someone else wrote (a roster, a review
 * sheet saved by a spreadsheet), read safely: only a regular file, never
 * waiting on a FIFO, a byte-order mark dropped, GB18030 (what Excel saves
 * on a Chinese Windows) converted to UTF-8.
 */
#ifndef GK_TEXTIN_H
#define GK_TEXTIN_H

#include <stdbool.h>
#include <stddef.h>

/* The file's text as UTF-8 with a NUL after it (*len bytes), or NULL with
 * *err (caller frees). *converted (may be NULL) tells whether it was
 * GB18030. A missing file is an error unless missing_ok, when "" is
 * returned. Caller frees. */
char	*textin_read(const char *path, bool missing_ok, size_t *len,
	    bool *converted, char **err);

#endif
