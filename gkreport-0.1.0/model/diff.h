/*
 * diff.h: what differs between two reports (gkreport diff): double-entry
 * verification of two keyings of one paper report, and this year against
 * last.
 *
 * Number fields are equal when both hold the same value (so 7730.28 equals
 * 7730.2800), or both hold the same invalid text; empty is never equal to
 * 0. Texts are compared byte for byte. Notes and unknown keys are compared
 * by key.
 */
#ifndef GK_DIFF_H
#define GK_DIFF_H

#include <stdbool.h>
#include <stdint.h>

#include "report.h"

enum diff_kind {
	DIFF_META,
	DIFF_TEXT,
	DIFF_CELL,
	DIFF_PREV,
	DIFF_EXTRA,	/* a note.* or unknown key */
};

struct diff_item {
	enum diff_kind	 kind;
	int		 field;		/* the field, or -1 for an extra */
	const char	*key;		/* borrowed from the schema or a report */
	const char	*a;		/* borrowed from the reports; NULL: empty */
	const char	*b;
	int		 line;		/* texts: where they first differ, */
	int		 col;		/* 1-based line and character */
};

struct diff {
	int			 n;
	struct diff_item	*v;
};

/* Every difference, in file order (schema fields, then extras of a, then
 * those only in b). Borrows from a and b: free the diff first. Caller frees
 * with diff_free. */
struct diff	*diff_reports(const struct report *a, const struct report *b);
void		 diff_free(struct diff *);
/* Where two UTF-8 texts first differ: 1-based line and character (not
 * byte) within that line. NULL is the empty text. false when equal. */
bool		 diff_text_where(const char *a, const char *b, int *line,
		     int *col);
/* Line number `line` (1-based) of a text, without its line end. *len gets
 * its length in bytes. NULL when the text has fewer lines. Borrowed. */
const char	*diff_text_line(const char *text, int line, size_t *len);

/* A change from last year (a) to this year (b) as text, for kind SK_COUNT
 * or SK_AMOUNT: the signed difference ("+106", "-0.5") and the percent of
 * a, one decimal, rounded half away from zero ("+8.9%"). When a is 0 the
 * percent is "新增" (b > 0) or "—" (b == 0). Returns the buffers. */
#define DIFF_BUFSZ	48
void		 diff_change(int64_t a, int64_t b, int kind,
		     char abs[DIFF_BUFSZ], char pct[DIFF_BUFSZ]);

#endif
