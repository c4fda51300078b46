/*
 * number.h: exact parsing and formatting of counts and amounts.
 *
 * A count is an integer from 0 to NUM_COUNT_MAX. An amount (万元) is a
 * decimal >= 0 with at most 4 places, held as an integer number of
 * 0.0001 万元 (1 元). Nothing here touches floating point.
 */
#ifndef GK_NUMBER_H
#define GK_NUMBER_H

#include <stddef.h>
#include <stdint.h>

#include "schema.h"

#define NUM_COUNT_MAX	INT64_C(999999999999999)	/* 10^15 - 1 */
#define NUM_AMOUNT_MAX	INT64_C(999999999999999)	/* in 0.0001 万元 */
#define NUM_AMOUNT_SCALE 10000
#define NUM_BUFSZ	32

enum num_err {
	NUM_OK,
	NUM_EMPTY,		/* nothing but spaces */
	NUM_NOT_NUMBER,		/* letters, signs, exponents, separators */
	NUM_NEGATIVE,
	NUM_FRACTION,		/* a count with a decimal point */
	NUM_TOO_MANY_PLACES,	/* an amount with more than 4 decimals */
	NUM_TOO_LARGE,
};

/* Parse s as a value of kind (SK_COUNT, SK_AMOUNT, SK_YEAR or SK_DATE;
 * a date is returned as YYYYMMDD). Surrounding ASCII spaces and tabs are
 * tolerated; nothing else is. Returns enum num_err; *out is set on NUM_OK. */
int		 number_parse(const char *s, enum sch_kind kind, int64_t *out);
/* Why a value was refused, in Chinese, for a field of kind. Static. */
const char	*number_strerror(int err, enum sch_kind kind);
/* The canonical text of v ("7730.28" for an amount). Returns buf. */
char		*number_format(int64_t v, enum sch_kind kind, char buf[NUM_BUFSZ]);
/* Normalise typed or pasted input: full-width digits, point, minus and
 * spaces become ASCII, and surrounding spaces go. Caller frees. */
char		*number_normalize(const char *s);
/* a + b, or -1 when it would exceed INT64_MAX. Both must be >= 0. */
int64_t		 number_add(int64_t a, int64_t b);

#endif
