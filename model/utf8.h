/*
 * utf8.h: text in other encodings (GB18030, GBK, UTF-16) to UTF-8, for the
 * report file and the published text alike.
 */
#ifndef GK_UTF8_H
#define GK_UTF8_H

#include <stddef.h>

/* The len bytes at in, encoded as code (an iconv name), as UTF-8 with a
 * NUL after it; *outlen gets its length. NULL when the bytes are not
 * valid in that encoding. Caller frees. */
char	*utf8_from(const char *code, const char *in, size_t len,
	    size_t *outlen);

#endif
