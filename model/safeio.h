/*
 * safeio.h: files in folders that other people write to.
 *
 * One place for what every command and the application do with a file
 * they did not create themselves:
 *
 *   - safeio_open_own opens a file we keep beside a report (the journal,
 *     the lock): never through a symlink, never waiting on a FIFO, and only
 *     a regular file owned by the user; anything else is refused, named.
 *   - safeio_save is the one atomic writer of every output (the report, its
 *     exports, sums, imports, a new year): a temporary file in the target's
 *     folder, synced, renamed over the target, the previous version kept as
 *     NAME~. It refuses a target that is not a regular file (a folder, a
 *     device, a FIFO, a socket), writes through a symlink to the file it
 *     names (as editors do), never replaces a file it was given as input,
 *     and never replaces a gkreport report with something that is not one
 *     unless forced. Temporary files left by a crashed save of the same
 *     target are removed (a temporary file is locked while written, so
 *     one that nobody holds is a leftover).
 *   - safeio_why words an errno for a clerk, in Chinese.
 */
#ifndef GK_SAFEIO_H
#define GK_SAFEIO_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* What safeio_save may do. */
#define SAFEIO_REPORT	0x1	/* the data is a report file */
#define SAFEIO_FORCE	0x2	/* may replace a report with a non-report */
#define SAFEIO_NEW	0x4	/* refuse to replace any existing file */

struct safeio_out {
	mode_t			  mode;		/* of a new file, before umask */
	int			  flags;	/* SAFEIO_* */
	const char *const	 *inputs;	/* never replaced; NULL-ended,
						   or NULL */
};

/* An errno as a clerk can act on it, in Chinese (never the C library's
 * English). Static, or valid until the next call for an errno no clerk
 * should meet (then the number is shown). */
const char	*safeio_why(int);

/* Open path (flags as open(2); O_CREAT may be given, with mode) without
 * following a symlink and without blocking, and check that it is a
 * regular file owned by the user. The descriptor is blocking and
 * close-on-exec. -1 with *err (caller frees) naming the file and what it
 * is (a symlink, a FIFO, a device, a folder, someone else's file), and
 * errno set (ELOOP for what is not a regular file of ours). */
int		 safeio_open_own(const char *path, int flags, mode_t mode,
		     char **err);

/* Lock the whole of fd for writing, without waiting (fcntl F_SETLK: a
 * lock that goes with the process, so a writer that died holds none).
 * 0, or -1 with errno (EACCES or EAGAIN: another process holds it). */
int		 safeio_trylock(int fd);

/* The file path names with the symlinks of its last component followed
 * (a dangling link gives the file it would create) and its folder made
 * absolute and canonical; path itself when that fails. Caller frees. */
char		*safeio_resolve(const char *path);

/* Write len bytes atomically to path (see above). 0, or -1 with *err
 * (caller frees) and the target as it was. */
int		 safeio_save(const char *path, const void *data, size_t len,
		     const struct safeio_out *, char **err);

/* The same, the temporary file filled by fill(fd, tmppath, arg, &why)
 * instead of from bytes: for a library that writes a file by its name
 * (libxlsxwriter), which then writes the very temporary file that is
 * synced and renamed. fill returns 0, or -1 with errno set or *why (fill
 * allocates it) saying what went wrong. */
int		 safeio_save_with(const char *path,
		     int (*fill)(int fd, const char *tmppath, void *arg,
		     char **why), void *arg, const struct safeio_out *,
		     char **err);

/* Whether the regular file at path starts as a gkreport report file
 * (header "key,label,value"). Never follows a symlink or waits. */
bool		 safeio_is_report(const char *path);

/* Rename path aside (to "path.unreadable", "path.unreadable.2", …) rather
 * than remove or truncate it. The new name (caller frees), or NULL with
 * errno set. */
char		*safeio_keep_aside(const char *path);

/* Write all n bytes of p to fd through wr (each caller passes its own
 * test seam), again after EINTR; a write of nothing is a full disk
 * (ENOSPC). 0, or -1 with errno. */
int		 safeio_write_all(int fd, const void *p, size_t n,
		     ssize_t (*wr)(int, const void *, size_t));

/* Test seam: the write used by safeio_save (a full disk is simulated by
 * replacing it). */
extern ssize_t	(*safeio_write_fn)(int, const void *, size_t);

#endif
