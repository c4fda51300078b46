/*
 * history.h: the undo history of a report, in steps.
 *
 * A step is what the clerk did with one key: a figure typed, a text
 * paused over, a note, or a whole fill of a table (F5, F6), or the edits
 * recovered from the journal. Each change of a step is a key (a field's or
 * a note's) with its value before and after (NULL = empty). Undo and redo
 * move over whole steps. The history knows which step the file on disk
 * holds (the saved one), so that undoing back to it is "nothing unsaved".
 * It knows nothing of reports: it only keeps the changes it is given.
 */
#ifndef GK_HISTORY_H
#define GK_HISTORY_H

#include <stdbool.h>

struct history;

struct change {
	char	*key;		/* "t3.new.natural", "note.X2.rules" */
	char	*before;	/* NULL = empty */
	char	*after;
	int	 tag_before;	/* the caller's word on where each value */
	int	 tag_after;	/* came from (the session: typed or filled) */
};

struct step {
	int		 n;
	struct change	*v;	/* in the order they were made */
};

struct history	*history_new(void);
void		 history_free(struct history *);

/* Open a step: changes added until the matching history_end are one step.
 * Calls nest; only the outermost pair counts. */
void		 history_begin(struct history *);
void		 history_end(struct history *);
/* Record a change: part of the open step, or a step of its own. Drops the
 * steps that could have been redone. */
void		 history_add(struct history *, const char *key,
		     const char *before, const char *after);
/* The same, with the caller's tags of the values (history_add: 0, 0). */
void		 history_add_tagged(struct history *, const char *key,
		     const char *before, const char *after, int tag_before,
		     int tag_after);

/* Move back over the last step (or forward over the next one, to redo) and
 * return it: undo applies its changes' before values in reverse order,
 * redo their after values in order. NULL when there is none. Borrowed;
 * valid until the next history_add. */
const struct step *history_undo(struct history *);
const struct step *history_redo(struct history *);

/* The report as it stands now is the one on disk (after a load or save). */
void		 history_mark_saved(struct history *);
/* The report as it stands now is not on disk, whatever the steps say (a
 * report never saved, one whose save failed half-way). */
void		 history_mark_unsaved(struct history *);
/* Whether the steps done since the saved one cancel out. */
bool		 history_at_saved(const struct history *);
/* Number of steps that can be undone / redone. */
int		 history_nundo(const struct history *);
int		 history_nredo(const struct history *);

#endif
