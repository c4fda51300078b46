/*
 * csvio.h: the report file (spec §6): key,label,value records in CSV.
 *
 * Reading accepts a BOM, CRLF, any record order, missing keys, extra
 * trailing columns and GB18030/GBK files (converted, and said). It refuses
 * with the file, the line and the key: a duplicate key, broken quoting, a
 * missing or wrong header, a file that is not text. A refused file gives
 * no report at all: nothing is half-loaded. A value invalid for its cell is
 * kept as written (R5, with its line). Unknown keys are kept and written
 * back.
 *
 * Writing is canonical (schema order, then notes and unknown keys in the
 * order they came; UTF-8, CRLF record ends, minimal quoting) and atomic,
 * through safeio_save: a temporary file in the same folder, synced,
 * renamed over the old one, whose previous version stays as NAME~, with
 * the old file's permissions; a symlink is written through.
 */
#ifndef GK_CSVIO_H
#define GK_CSVIO_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "report.h"

/* What reading noticed that the user should hear about. */
struct csvio_info {
	bool	  converted;	/* the file was GB18030/GBK and was converted */
	int	  nunknown;	/* unknown keys, kept */
	int	  nwarnings;
	char	**warnings;	/* "FILE:LINE: message", in Chinese */
};

/* Read a report file. Returns a new report (not modified), or NULL with
 * *err set to "FILE:LINE: message" (caller frees). info may be NULL;
 * otherwise free it with csvio_info_free. */
struct report	*csvio_load(const char *path, struct csvio_info *info,
		     char **err);
/* The same from memory; name is used in messages. */
struct report	*csvio_parse(const char *buf, size_t len, const char *name,
		     struct csvio_info *info, char **err);
void		 csvio_info_free(struct csvio_info *);

/* The canonical bytes of a report. Caller frees. */
char		*csvio_format(const struct report *, size_t *len);
/* Save atomically (safeio_save). 0 on success, else -1 with *err (caller
 * frees), and the file on disk as it was. Does not clear the modified
 * flag. */
int		 csvio_save(const struct report *, const char *path,
		     char **err);
/* The same for a report made from other files: never replaces one of
 * inputs (NULL-ended, or NULL); flags as safeio.h (SAFEIO_NEW: refuse an
 * existing file). */
int		 csvio_save_from(const struct report *, const char *path,
		     const char *const *inputs, int flags, char **err);

#endif
