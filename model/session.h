/*
 * session.h: one report being worked on, and everything that keeps the
 * clerk's work safe: its file and whether it is read-only, the lock, the
 * journal of edits not yet saved, the file as it was on disk when loaded
 * or saved (to notice another program changing it), the undo history and
 * the findings of the checks.
 *
 * Every change goes through the session, so that each one is journaled
 * before the caller shows it, and recorded for undo. A group of changes
 * between session_begin and session_end is one step: one undo, one sync.
 *
 * The session asks nothing and prints nothing: operations that need the
 * clerk's word (a lock held by another, edits to recover, a file changed
 * on disk, a file already there) return a status, and the caller words
 * the question and calls again with the answer. Errors come back as -1 (or
 * a status) with an allocated cause in Chinese. Caller frees.
 */
#ifndef GK_SESSION_H
#define GK_SESSION_H

#include <stdbool.h>

#include "export.h"
#include "import.h"
#include "journal.h"
#include "report.h"
#include "rules.h"

struct session;

#define SESSION_READONLY	0x1

/* How session_open found the report. */
enum session_origin {
	SESSION_FILE,		/* a report file, loaded */
	SESSION_NEW,		/* no file there yet: a new report, the draft */
	SESSION_TEXT,		/* a published text, imported: not saved yet */
};

/* What opening found, for the caller to tell. Free with
 * session_opened_free. */
struct session_opened {
	enum session_origin	 origin;
	char			*warning;	/* the first reading warning, or NULL */
	struct import_log	 log;		/* SESSION_TEXT: what the import read */
};

/* Open the report at path: a report file; a new report when nothing is
 * there; a published report's text (*.txt), imported, its path then the
 * report file it would make (NAME.csv, or NAME-导入.csv when that exists).
 * Takes no lock and reads no journal (session_lock, session_recovery).
 * NULL with *cause when the file cannot be read (an import's refused lines
 * are in opened->log). opened is filled in either case. Caller frees. */
struct session	*session_open(const char *path, int flags,
		     struct session_opened *opened, char **cause);
void		 session_opened_free(struct session_opened *);
/* Close: the journal stays when there are unsaved edits (recoverable), is
 * removed otherwise; the lock is released. */
void		 session_close(struct session *);
/* Close after the clerk chose to drop the unsaved edits: the journal goes. */
void		 session_discard(struct session *);

/* The report. Borrowed; changes only through the session. */
const struct report *session_report(const struct session *);
/* The file the report is saved to. Borrowed; valid until a save-as. */
const char	*session_path(const struct session *);
bool		 session_readonly(const struct session *);
/* Whether changes since the last save are going unjournaled (the journal
 * could not be written): a crash would lose them. */
bool		 session_unjournaled(const struct session *);
void		 session_set_readonly(struct session *, bool);
/* Whether the report differs from the file on disk (undoing back to the
 * saved state makes it false again). */
bool		 session_modified(const struct session *);
/* The findings of the report as it is now. Borrowed; valid until the next
 * change. */
const struct findings *session_findings(struct session *);

/* ---- the lock ---- */

/* Take the report's lock. LOCK_BUSY: another gkreport has it, *cause says
 * who ("pid host user"); LOCK_FAILED: *cause says why (the caller may go
 * on without a lock); LOCK_REFUSED: the lock file is not ours (a symlink,
 * a FIFO, another user's), named in *cause, and the session is read-only
 * from now on. Caller frees *cause. */
enum lock_status session_lock(struct session *, char **cause);

/* ---- changes ---- */

/* Set a field (NULL or "" empties it). 1 when it changed, 0 when it held
 * that already; -1 with *cause when read-only (nothing changed) or when the
 * journal could not be written (the change is made: the cause, said once,
 * asks the clerk to save soon; session_unjournaled stays true until a
 * save, for the screen to keep showing). */
int		 session_set(struct session *, int field, const char *value,
		     char **cause);
/* Set a note (note.RULE.DETAIL, its label made from the schema), as
 * session_set. */
int		 session_note(struct session *, const char *key,
		     const char *value, char **cause);
/* Group the changes until session_end into one step (one undo) and one
 * journal sync. Calls nest. session_end returns -1 with *cause when the
 * journal could not be written (said once). */
void		 session_begin(struct session *);
int		 session_end(struct session *, char **cause);

/* What an undo or redo did. */
struct session_undone {
	int		 n;		/* changes in the step */
	const char	*key;		/* the first one's key; borrowed */
	int		 field;		/* its field, or -1 for a note */
	const char	*from, *to;	/* its value before and after; borrowed,
					   NULL for empty */
};
/* Undo the last step (redo: the next one). 1 done, 0 nothing to undo, -1
 * done but *cause: the journal could not be written (said once). */
int		 session_undo(struct session *, bool redo,
		     struct session_undone *, char **cause);

/* Fills of a table's cells from F5 and F6, each one step. */
enum session_fill {
	FILL_TOTALS,	/* a total whose parts are all there: their sum, when
			   it is empty or put there by a fill (F5, F6) and not
			   typed since; a total the clerk typed, 0 or not, is
			   left, even when it disagrees. One loaded from the
			   file has no known origin: a 0 is taken for F6's,
			   any other figure for the clerk's */
	FILL_ZERO,	/* every empty cell: 0 */
};
struct fill_result {
	int	 filled;	/* cells filled */
	int	 differ;	/* totals typed that disagree with their parts:
			   left; one that disagrees only through a part
			   that is such a total is not counted again */
	int	 waiting;	/* empty totals whose parts are not all there */
	int	 totals;	/* identities of the table with a total (0: none) */
};
/* Fill table (enum sch_table_id). The totals are those of the rules'
 * identities, so a new identity fills too. 0, or -1 with *cause (read-only,
 * or the journal failed: the fill is made). */
int		 session_fill(struct session *, int table, enum session_fill,
		     struct fill_result *, char **cause);

/* ---- the file ---- */

/* Whether the file on disk is no longer the one loaded or last saved
 * (another program changed, replaced or removed it). */
bool		 session_changed_on_disk(const struct session *);

enum session_save {
	SAVE_OK,
	SAVE_READONLY,		/* opened read-only: save elsewhere */
	SAVE_CHANGED,		/* changed on disk since: SAVE_FORCE overwrites */
	SAVE_EXISTS,		/* save-as over a file that exists: SAVE_FORCE */
	SAVE_IS_DIR,		/* save-as to a folder */
	SAVE_BUSY,		/* save-as to a report another gkreport holds
				   (*cause names it): choose another name */
	SAVE_FAILED,		/* *cause says why; the file on disk as it was */
};
#define SAVE_FORCE	0x1
/* Save to path (NULL: the report's own file). A path that names the
 * report's own file another way (a symlink, "./") is the report's own
 * file: read-only, it is SAVE_READONLY. Saved elsewhere, the report is
 * that file from now on: its lock is taken first (SAVE_BUSY when another
 * gkreport holds it, so a read-only instance never becomes a second
 * editor), the journal starts anew and read-only ends. SAVE_FAILED with
 * *cause (caller frees). */
enum session_save session_save(struct session *, const char *path, int flags,
		     char **cause);

/* Write an export of the report to path. 0, or -1 with *cause. */
int		 session_export(struct session *, enum export_format,
		     const char *path, char **cause);

/* Next year's report, started from this one (year_next), is saved beside
 * it: the year in the name goes up by one, or "-YEAR" is added. The path
 * it would take (caller frees), or NULL with *cause (no year yet, or the
 * file is there already). */
char		*session_next_year_path(const struct session *, char **cause);
/* Save next year's report to path. 0, or -1 with *cause. */
int		 session_save_next_year(struct session *, const char *path,
		     char **cause);

/* ---- recovery ---- */

/* Edits journaled and never saved (a crash, kill -9, a power cut). */
struct session_recovery {
	int	 n;		/* records */
	int	 unreadable;	/* damaged records, not among them */
	bool	 base_changed;	/* the file changed after they were made */
	char	*desc;		/* one line per field: "label: old → new" */
	char	*journal;	/* the journal's path */
	char	*copy;		/* where "keep both" would save them */
};
/* What the journal holds. 1 and *rec filled (free with
 * session_recovery_free); 0 when there is nothing to recover (a journal
 * that changes nothing is removed, or, when it had unreadable records, set
 * aside, and then *cause says where); -1 with *cause when it cannot be
 * read (a journal that is not ours, a symlink or FIFO in its place, makes
 * the session read-only: it is never written through). */
int		 session_recovery(struct session *, struct session_recovery *,
		     char **cause);
void		 session_recovery_free(struct session_recovery *);
enum session_recover {
	RECOVER_APPLY,		/* the edits come back, as undoable steps */
	RECOVER_DISCARD,	/* the journal goes */
	RECOVER_KEEP_BOTH,	/* the edits saved to rec->copy, this file as is */
};
/* Do what the clerk chose with the journal session_recovery described.
 * 0, or -1 with *cause (APPLY: the journal cannot be continued, the edits
 * are back; KEEP_BOTH: the copy cannot be saved, the journal stays). */
int		 session_recover(struct session *, enum session_recover,
		     const struct session_recovery *, char **cause);

#endif
