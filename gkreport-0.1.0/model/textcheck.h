/*
 * textcheck.h: what the report's texts say, checked (spec §5a).
 *
 * W2: a figure the text states (preamble, 一, 五, 六) against the tables,
 *     read through a table of patterns (textcheck.c, w2_patterns[]): words
 *     before a number → the cells it may mean. A statement is flagged only
 *     when no plausible reading agrees.
 * W5: a text that holds only the draft (the customary headings, the
 *     template sentence of 六) counts as empty.
 * X4: a paragraph of 一, 五 or 六 that is last year's (prev.text.*).
 * X5: a year other than the report's in the period sentence or at the
 *     head of a paragraph.
 */
#ifndef GK_TEXTCHECK_H
#define GK_TEXTCHECK_H

#include <stdbool.h>

#include "report.h"
#include "rules.h"

/* Every text rule on one text field (F_PREAMBLE, F_S1, F_S5, F_S6), its
 * findings added to fs in the order of the text. */
void		 textcheck_text(const struct report *, int field,
		     struct findings *fs);
/* Does the text of field hold only the draft (W5)? */
bool		 textcheck_is_draft(const struct report *, int field);
/* The draft a new report starts with for field (一's headings, 六's
 * sentence), translated, or NULL. Static. */
const char	*textcheck_draft(int field);
/* The W2 patterns, for tests: how many, and the id of pattern i. */
int		 textcheck_npatterns(void);
const char	*textcheck_pattern_id(int i);

#endif
