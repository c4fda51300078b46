/*
 * utf8.c: conversion to UTF-8 through iconv.
 */
#include "config.h"

#include <iconv.h>
#include <stdlib.h>

#include "utf8.h"
#include "xmalloc.h"

char *
utf8_from(const char *code, const char *in, size_t len, size_t *outlen)
{
	iconv_t	 cd;
	char	*out, *ip = (char *)in, *op;
	size_t	 il = len, ol = len * 2 + 16;	/* GB18030 and UTF-16 at most
						   grow by half */

	if ((cd = iconv_open("UTF-8", code)) == (iconv_t)-1)
		return NULL;
	out = op = xmalloc(ol + 1);
	if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 ||
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
