/*
 * utf8.h: text in other encodings (GB18030, GBK, UTF-16) to UTF-8, for the
 * report file and the published text alike.
 */
#ifndef GK_UTF8_H
#define GK_UTF8_H

#include <iconv.h>
#include <stdbool.h>
#include <stddef.h>

/* The len bytes at in, encoded as code (an iconv name), as UTF-8 with a
 * NUL after it; *outlen gets its length. NULL when the bytes are not
 * valid in that encoding. Caller frees. */
char	*utf8_from(const char *code, const char *in, size_t len,
	    size_t *outlen);

/* iconv(3) for input the caller may not write: POSIX declares the input
 * char ** although iconv only reads it. Same results and errno. */
size_t	 utf8_iconv(iconv_t, const char **in, size_t *inleft, char **out,
	    size_t *outleft);

/* Whether the n bytes at s are valid UTF-8 (shortest forms only, no
 * surrogates, nothing past U+10FFFF; NUL is a character). If not, *bad
 * (unless NULL) gets the offset of the first byte that does not start a
 * valid character. */
bool	 utf8_valid(const char *s, size_t n, size_t *bad);

#endif
