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
 *	{<TAB>N<TAB>CRC				(the N records that follow are one step)
 *
 * A step of several records (a fill of a whole table) is written with one
 * write and synced once; on replay it counts only when all its N records
 * are there, so a step torn by a crash is not half-applied.
 * Values escape backslash, tab, CR and LF as \\ \t \r \n. The header
 * names the file as it was when the journal started (size -1 for a report
 * never saved), so recovery can say whether the file changed since.
 * A clean save or a deliberate discard removes the journal.
 *
 * The journal and the lock are kept beside the file the report's path
 * names once symlinks are followed (safeio_resolve): the same report
 * reached through a link and by its real name has one journal and one
 * lock.
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

/* Start a fresh journal for the report at path, recording the file's
 * current size/mtime/CRC. An old journal of ours is renamed aside, never
 * truncated; anything else in its place (a symlink, a FIFO, someone
 * else's file) is refused. NULL with *err (caller frees) when the journal
 * cannot be written. */
struct journal	*journal_open(const char *report_path, char **err);
/* Go on appending to the journal already on disk (after its records were
 * recovered), instead of starting a fresh one. NULL with *err on failure. */
struct journal	*journal_continue(const char *report_path, char **err);
/* Record that field key now holds value (NULL or "" = empty), synced
 * before returning. -1 with *err (caller frees) on failure, every time
 * (a full disk is said for each edit not journalled); the next record
 * after a failed one starts on a line of its own. */
int		 journal_append(struct journal *, const char *key,
		     const char *value, char **err);
/* Hold the records appended from now on, to write them as one step with
 * journal_flush (one write, one sync). */
void		 journal_hold(struct journal *);
/* Write the records held since journal_hold as one step, synced once. -1
 * with *err (caller frees) on failure; 0 (writing nothing) when none. */
int		 journal_flush(struct journal *, char **err);
/* Close without removing (the edits stay recoverable). */
void		 journal_close(struct journal *);
/* Close and remove the journal: after a clean save or a discard. */
void		 journal_discard(struct journal *);
/* Rename the journal of a report aside (NAME.journal.unreadable…) rather
 * than remove it: it holds what could not be read. The new name (caller
 * frees), or NULL. */
char		*journal_keep_aside(const char *report_path);
/* Remove the journal of a report, if any. */
void		 journal_remove(const char *report_path);

/* What a journal on disk holds. */
struct journal_info {
	bool	 exists;
	int	 nrecords;	/* complete, valid records */
	int	 ignored;	/* torn or damaged lines, ignored */
	int	 damaged;	/* of those, whole lines that fail their CRC
				   or make no sense: unreadable records */
	bool	 torn;		/* the last line was cut (a crash mid-write) */
	bool	 header_damaged;	/* records kept, base unknown */
	bool	 hostile;	/* not a regular file of ours, or too big:
				   refused unread */
	bool	 base_changed;	/* the report file differs from the header's */
	bool	 base_new;	/* the journal started on an unsaved report */
};

/* Read the journal of report_path and apply its records to r (which the
 * caller loaded from report_path, or a new report). Returns the number of
 * records applied, 0 when there is no journal, -1 with *err (caller frees)
 * when it cannot be read. r may be NULL to only fill info.
 *
 * Opening is safe (safeio_open_own): a symlink, FIFO, device, folder or
 * someone else's file is refused unopened (info->hostile), as is a file
 * larger than any journal (512 MB: journal_append refuses an edit that
 * would make it larger). A damaged header does not discard the records
 * after it (they are offered, the base said to be unknown); a record that
 * fails its CRC is counted (info->damaged). A file with no header and no
 * valid record is renamed aside (NAME.journal.unreadable), never removed
 * or truncated, and -1 is returned saying so. */
int		 journal_replay(const char *report_path, struct report *r,
		     struct journal_info *info, char **err);

/* The same, handing each record to fn instead: key, value (NULL: empty)
 * and whether it begins a step (the records of one step follow each other).
 * Returns the number of records. */
int		 journal_replay_steps(const char *report_path,
		     void (*fn)(const char *key, const char *value, bool first,
		     void *arg), void *arg, struct journal_info *info,
		     char **err);

/* Describe the recoverable edits for a clerk, one line per changed field:
 * "label: old → new" (texts shortened). Caller frees. */
char		*journal_describe(const struct report *before,
		     const struct report *after);

/* Test seam: the write used for journal records (NULL = write(2)). */
extern ssize_t	(*journal_write_fn)(int, const void *, size_t);
/* Test seam: the sync after each step (NULL = fdatasync(2)). */
extern int	(*journal_sync_fn)(int);

/* ---- the lock ---- */
struct lock;

enum lock_status { LOCK_TAKEN, LOCK_BUSY, LOCK_FAILED, LOCK_REFUSED };

/* Take the lock of a report. LOCK_TAKEN fills *out; LOCK_BUSY sets
 * *holder to "pid host user" of the holder (caller frees); LOCK_FAILED
 * sets *holder to an error message (caller frees) — e.g. a read-only
 * folder, where the caller may go on without a lock; LOCK_REFUSED: the
 * lock file is a symlink, FIFO, device, folder or someone else's file,
 * named in *holder (caller frees): open the report read-only. */
enum lock_status lock_take(const char *report_path, struct lock **out,
		     char **holder);
/* Release and remove the lock file. */
void		 lock_release(struct lock *);

#endif
