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
/* What a clerk typed into a field of kind, as it is stored: normalised
 * (number_normalize), and when it is a valid value, its canonical text:
 * "0012" is "12", "２０２４" is "2024", a date typed as 2024年1月1日,
 * 2024.1.1, 2024/1/1 or 2024-1-1 is "2024-01-01". What is not valid stays
 * as typed (normalised), for R5 to show. (The file reader keeps what a
 * file says, spec §6: this is for typed input.) Caller frees. */
char		*number_typed(const char *s, enum sch_kind kind);
/* A date as clerks write it: YYYY-MM-DD, YYYY-M-D, YYYY年M月D日, YYYY.M.D,
 * YYYY/M/D (ASCII or full-width digits, spaces around). NUM_OK and
 * *ymd = YYYYMMDD for a real date, else NUM_NOT_NUMBER. */
int		 number_parse_date(const char *s, int64_t *ymd);
/* a + b, or -1 when it would exceed INT64_MAX. Both must be >= 0. */
int64_t		 number_add(int64_t a, int64_t b);

#endif
