/*
 * csvout.h: one CSV field written, for every CSV gkreport writes (the
 * report file, the spreadsheet export, and the CSV of check, sum and
 * diff): the one place that quotes a field and the one formula guard
 * (spec §7).
 */
#ifndef GK_CSVOUT_H
#define GK_CSVOUT_H

#include <stdbool.h>
#include <stdio.h>

#include "buf.h"

/* Whether a spreadsheet would run s as a formula: it begins with = + - @,
 * a tab, a carriage return, or the full-width ＝ ＋ － ＠. A number
 * (-6, +3, -1.5, -12.5%) is a number, not a formula. */
bool	csv_formula_like(const char *s);

/* Append s to b as one CSV field: quoted, with "" for ", when it holds a
 * comma, a quote or a line break or begins or ends with a space or a tab
 * (which readers trim). With guard (a value a person typed, or a file
 * name: never our own keys and labels), a formula-like field gets a
 * leading ' inside the quotes (spec §7). NULL and "" write nothing. */
void	csv_field(struct buf *b, const char *s, bool guard);
/* The same field written to out. */
void	csv_field_out(FILE *out, const char *s, bool guard);
/* A record of n fields (NULL for an empty one) written to out, each
 * guarded, then eol: for the CSV of check, sum and diff, whose fields
 * hold file names and what reports hold. */
void	csv_row_out(FILE *out, const char *const *fields, int n,
	    const char *eol);

#endif
