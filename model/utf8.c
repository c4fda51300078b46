/*
 * utf8.c: conversion to UTF-8 through iconv.
 */
#include "config.h"

#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>

#include "utf8.h"
#include "xmalloc.h"

size_t
utf8_iconv(iconv_t cd, const char **in, size_t *inleft, char **out,
    size_t *outleft)
{
	char	*ip = (char *)(uintptr_t)*in;	/* iconv does not write it */
	size_t	 rc;

	rc = iconv(cd, &ip, inleft, out, outleft);
	*in = ip;
	return rc;
}

char *
utf8_from(const char *code, const char *in, size_t len, size_t *outlen)
{
	iconv_t	 cd;
	const char *ip = in;
	char	*out, *op;
	size_t	 il = len, ol = len * 2 + 16;	/* GB18030 and UTF-16 at most
						   grow by half */

	if ((cd = iconv_open("UTF-8", code)) == (iconv_t)-1)
		return NULL;
	out = op = xmalloc(ol + 1);
	if (utf8_iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 ||
	    iconv(cd, NULL, NULL, &op, &ol) == (size_t)-1) {
		iconv_close(cd);
		free(out);
		return NULL;
	}
	iconv_close(cd);
	*op = '\0';
	*outlen = (size_t)(op - out);
	return out;
}
