/*
 * buf.h: a growing string, always NUL-terminated. Start with
 * struct buf b = { 0 }; the caller frees b.s.
 */
#ifndef GK_BUF_H
#define GK_BUF_H

#include <stddef.h>

struct buf {
	char	*s;
	size_t	 len, cap;
};

/* Append n bytes of s. */
void	buf_addn(struct buf *, const char *s, size_t n);
/* Append a string. */
void	buf_add(struct buf *, const char *s);
/* Append printf output. */
void	buf_addf(struct buf *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

#endif
