/*
 * report.h: one report in memory.
 *
 * Every field of the schema holds its text exactly as entered or read
 * (NULL when empty, which is not 0); number fields also cache their parsed
 * value and whether it is valid. Notes (note.*) and keys this version does
 * not know are kept as extras, in the order they came, and written back.
 */
#ifndef GK_REPORT_H
#define GK_REPORT_H

#include <stdbool.h>
#include <stdint.h>

#include "schema.h"

struct report;

enum report_state {
	RS_EMPTY,
	RS_VALID,
	RS_INVALID,	/* kept as written, flagged R5 */
};

struct report_extra {
	char	*key;
	char	*label;
	char	*value;
	int	 line;		/* line in the file it came from, or 0 */
};

struct report	*report_new(void);
void		 report_free(struct report *);
/* A deep copy. Caller frees. */
struct report	*report_dup(const struct report *);
/* Replace the contents of dst by those of src (modified flag included). */
void		 report_assign(struct report *dst, const struct report *src);

/* The text of a field, or NULL when empty. Borrowed; valid until the
 * field changes. */
const char	*report_get(const struct report *, int field);
/* Set a field; NULL or "" empties it. Marks the report modified.
 * Number fields keep the text as given (trimmed of ASCII spaces). */
void		 report_set(struct report *, int field, const char *text);
/* The same, taking text (from malloc; freed by the report) instead of
 * copying it: for a big text read from a file. */
void		 report_take(struct report *, int field, char *text);
/* Empty, valid, or invalid for its kind. */
enum report_state report_state(const struct report *, int field);
/* For an invalid value, its enum num_err. */
int		 report_error(const struct report *, int field);
/* The parsed value of a valid number field; false when empty or invalid. */
bool		 report_value(const struct report *, int field, int64_t *);
/* Set a number field from a value, in canonical form. */
void		 report_set_value(struct report *, int field, int64_t);
/* The file line a field was read from (0 when typed). */
int		 report_line(const struct report *, int field);
void		 report_set_line(struct report *, int field, int line);

int		 report_nextras(const struct report *);
/* Borrowed; valid until the extras change. */
const struct report_extra *report_extra(const struct report *, int i);
/* The value of an extra key, or NULL. Borrowed. */
const char	*report_extra_get(const struct report *, const char *key);
/* Add, change or (value NULL) remove an extra; "" is kept as empty. label may be NULL to
 * keep the existing one. Marks the report modified. */
void		 report_extra_set(struct report *, const char *key,
		     const char *label, const char *value, int line);

bool		 report_modified(const struct report *);
void		 report_set_modified(struct report *, bool);
/* Counts every change; lets callers cache what they derive. */
unsigned long	 report_generation(const struct report *);

/* How many required fields are still empty (W1), optionally only those of
 * one table (-1: all). */
int		 report_count_empty(const struct report *, int table);

#endif
