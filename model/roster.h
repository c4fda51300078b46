/*
 * roster.h: the list of units that must report (one agency a line), held
 * against the agencies that did: who has not reported, and who reported
 * under a name that is not on the roster, with the roster's closest
 * spellings suggested (edit distance on characters, within a third of
 * the name; the roster names that have not reported first).
 *
 * Names are compared after removing spaces (ASCII and ideographic) and
 * reading full-width parentheses as ASCII ones; blank lines and lines
 * starting with '#' are not names.
 */
#ifndef GK_ROSTER_H
#define GK_ROSTER_H

#include <stddef.h>

#define ROSTER_NSUGGEST	3

struct roster;

struct roster_unknown {
	const char	*agency;		/* borrowed from the caller */
	int		 nsuggest;
	int		 suggest[ROSTER_NSUGGEST];	/* roster indexes, closest first */
};

struct roster_result {
	int			 nmissing;
	int			*missing;	/* roster indexes, in roster order */
	int			 nunknown;
	struct roster_unknown	*unknown;	/* in the order given */
};

/* A roster from its text (UTF-8). Duplicate names are kept once.
 * Caller frees. */
struct roster	*roster_parse(const char *text, size_t len);
/* Read a roster file; NULL with *err (caller frees). */
struct roster	*roster_load(const char *path, char **err);
void		 roster_free(struct roster *);
int		 roster_count(const struct roster *);
/* Name i as written on the roster. Borrowed. */
const char	*roster_name(const struct roster *, int i);
/* Hold n agencies (NULLs skipped) against the roster. Fills res (free
 * with roster_result_fini). */
void		 roster_match(const struct roster *, const char *const *agencies,
		     int n, struct roster_result *res);
void		 roster_result_fini(struct roster_result *);
/* A unit's name as compared, by the roster and by sum's duplicates:
 * spaces (ASCII, CR, U+00A0, U+3000) gone and full-width ASCII (U+FF01 to
 * U+FF5E, （） among them) read as ASCII. Caller frees. */
char		*roster_norm(const char *name);
/* Levenshtein distance between two UTF-8 strings, counted in
 * characters. */
int		 roster_distance(const char *a, const char *b);

#endif
