/*
 * utf8.c: conversion to UTF-8 through iconv.
 */
#include "config.h"

#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

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

#ifdef __SSE2__
/* The 16 bytes at s, which start on a character boundary: if they hold
 * only ASCII and three-byte characters led by E1..EC or EE..EF (nearly all
 * Chinese text; E0 and ED limit their second byte), how many of them are
 * whole characters (14 to 16: one may run past the block); else 0. */
static size_t
utf8_block(const unsigned char *s)
{
	__m128i		 v = _mm_loadu_si128((const __m128i *)(const void *)s);
	__m128i		 cont, lead, odd;
	unsigned	 hi, c, l, x, want;

	if ((hi = (unsigned)_mm_movemask_epi8(v)) == 0)
		return 16;
	/* As signed bytes: 80..BF is -128..-65, E0..EF is -32..-17. */
	cont = _mm_cmplt_epi8(v, _mm_set1_epi8(-64));
	lead = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(-33)),
	    _mm_cmplt_epi8(v, _mm_set1_epi8(-16)));
	odd = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xe0)),
	    _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xed)));
	c = (unsigned)_mm_movemask_epi8(cont);
	l = (unsigned)_mm_movemask_epi8(lead);
	x = (unsigned)_mm_movemask_epi8(odd);
	if (x != 0 || (c | l) != hi)
		return 0;
	/* Each lead is followed by exactly two continuation bytes. */
	want = (l << 1) | (l << 2);
	if ((want & 0xffff) != c)
		return 0;
	if (want >> 16 == 0)
		return 16;
	return (l & 0x8000) ? 15 : 14;
}
#endif

/* This runs over every byte of every file `check`, `sum` and `import`
 * read, so the common cases go sixteen bytes at a time (SSE2) or eight:
 * runs of ASCII and of three-byte characters whose lead bytes are E1..EC
 * or EE..EF (nearly all Chinese text; E0 and ED limit the second byte, so
 * they take the slow path, as does everything else). */
bool
utf8_valid(const char *text, size_t n, size_t *bad)
{
	const unsigned char	*s = (const unsigned char *)text;
	size_t			 i = 0;

	while (i < n) {
		unsigned char	 c;
		size_t		 j, k;

#ifdef __SSE2__
		if (i + 16 <= n && (k = utf8_block(s + i)) > 0) {
			i += k;
			continue;
		}
#endif
		if (i + 8 <= n) {
			uint64_t	 w, hi;

			memcpy(&w, s + i, 8);
			hi = w & UINT64_C(0x8080808080808080);
			if (hi == 0) {
				i += 8;
				continue;
			}
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
			/* Skip the ASCII bytes before the first other one. */
			if ((hi & 0x80) == 0) {
				i += (size_t)__builtin_ctzll(hi) / 8;
				continue;
			}
			if ((w & UINT64_C(0xc0c0f0c0c0f0)) ==
			    UINT64_C(0x8080e08080e0) &&
			    ((UINT32_C(0x2001) >> (w & 0xf)) & 1) == 0 &&
			    ((UINT32_C(0x2001) >> ((w >> 24) & 0xf)) & 1) == 0) {
				i += 6;
				continue;
			}
#endif
		}
		c = s[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		if ((c & 0xf0) == 0xe0 && i + 2 < n) {
			/* The common case: a CJK character. */
			unsigned char	 c1 = s[i + 1], c2 = s[i + 2];

			if ((c1 & 0xc0) != 0x80 || (c2 & 0xc0) != 0x80 ||
			    (c == 0xe0 && c1 < 0xa0) || (c == 0xed && c1 > 0x9f))
				goto no;
			i += 3;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf)
			k = 1;
		else if (c >= 0xe0 && c <= 0xef)
			k = 2;
		else if (c >= 0xf0 && c <= 0xf4)
			k = 3;
		else
			goto no;
		if (i + k >= n)
			goto no;
		if ((c == 0xe0 && s[i + 1] < 0xa0) ||
		    (c == 0xed && s[i + 1] > 0x9f) ||
		    (c == 0xf0 && s[i + 1] < 0x90) ||
		    (c == 0xf4 && s[i + 1] > 0x8f))
			goto no;
		for (j = 1; j <= k; j++)
			if ((s[i + j] & 0xc0) != 0x80)
				goto no;
		i += k + 1;
	}
	return true;
no:
	if (bad != NULL)
		*bad = i;
	return false;
}
