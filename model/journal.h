/*
 * journal.h: the clerk's committed edits kept safe beside the report, and
 * the lock that tells a second gkreport the report is in use.
 *
 * The journal is NAME.journal beside the report NAME, mode 0600, append
 * only, each record synced before journal_append returns. Text, one record
 * a line, each line ending in a tab and the CRC-32 of what precedes it (8
 * hex digits), so a torn last line (kill -9, power off) is detected and
 * ignored:
 *
 *	GKJ1<TAB>report-path<TAB>size<TAB>mtime<TAB>crc32-of-file<TAB>CRC
 *	=<TAB>key<TAB>escaped value<TAB>CRC	(the cell/text now holds value)
 *	-<TAB>key<TAB><TAB>CRC			(the cell/text is now empty)
 *
 * Values escape backslash, tab, CR and LF as \\ \t \r \n. The header
 * names the file as it was when the journal started (size -1 for a report
 * never saved), so recovery can say whether the file changed since.
 * A clean save or a deliberate discard removes the journal.
 *
 * The lock is .NAME.lock beside the report: an fcntl write lock held as
 * long as the report is open, the file holding "pid host user". A lock
 * file whose fcntl lock nobody holds is stale (its holder died) and is
 * taken over.
 */
#ifndef GK_JOURNAL_H
#define GK_JOURNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "report.h"

struct journal;

/* Name of the journal of a report. Caller frees. */
char		*journal_path(const char *report_path);

/* Start a fresh journal for the report at path (truncating any old one),
 * recording the file's current size/mtime/CRC. NULL with *err (caller
 * frees) when the journal cannot be written. */
struct journal	*journal_open(const char *report_path, char **err);
/* Go on appending to the journal already on disk (after its records were
 * recovered), instead of starting a fresh one. NULL with *err on failure. */
struct journal	*journal_continue(const char *report_path, char **err);
/* Record that field key now holds value (NULL or "" = empty), synced
 * before returning. -1 with *err (caller frees) on failure. */
int		 journal_append(struct journal *, const char *key,
		     const char *value, char **err);
/* Close without removing (the edits stay recoverable). */
void		 journal_close(struct journal *);
/* Close and remove the journal: after a clean save or a discard. */
void		 journal_discard(struct journal *);
/* Remove the journal of a report, if any. */
void		 journal_remove(const char *report_path);

/* What a journal on disk holds. */
struct journal_info {
	bool	 exists;
	int	 nrecords;	/* complete, valid records */
	int	 ignored;	/* torn or damaged lines, ignored */
	bool	 base_changed;	/* the report file differs from the header's */
	bool	 base_new;	/* the journal started on an unsaved report */
};

/* Read the journal of report_path and apply its records to r (which the
 * caller loaded from report_path, or a new report). Returns the number of
 * records applied, 0 when there is no journal, -1 with *err (caller frees)
 * when it cannot be read. r may be NULL to only fill info. */
int		 journal_replay(const char *report_path, struct report *r,
		     struct journal_info *info, char **err);

/* Describe the recoverable edits for a clerk, one line per changed field:
 * "label: old → new" (texts shortened). Caller frees. */
char		*journal_describe(const struct report *before,
		     const struct report *after);

/* Test seam: the write used for journal records (NULL = write(2)). */
extern ssize_t	(*journal_write_fn)(int, const void *, size_t);

/* ---- the lock ---- */
struct lock;

enum lock_status { LOCK_TAKEN, LOCK_BUSY, LOCK_FAILED };

/* Take the lock of a report. LOCK_TAKEN fills *out; LOCK_BUSY sets
 * *holder to "pid host user" of the holder (caller frees); LOCK_FAILED
 * sets *holder to an error message (caller frees) — e.g. a read-only
 * folder, where the caller may go on without a lock. */
enum lock_status lock_take(const char *report_path, struct lock **out,
		     char **holder);
/* Release and remove the lock file. */
void		 lock_release(struct lock *);

#endif
