/*
 * export.h: the report as others read it (spec §7).
 *
 *   EXPORT_CSV   the spreadsheet: meta and texts, then tables 二, 三, 四 laid
 *                out as printed (captions, header rows, label columns), then
 *                the notes (说明). UTF-8 with a BOM or GB18030, CRLF. Typed
 *                text that a spreadsheet would run as a formula gets a
 *                leading ' .
 *   EXPORT_TEXT  the publishable text: the report in the official order and
 *                wording, tables as tab-separated rows, merged cells written
 *                once (in their first cell) and the rest left empty.
 *   EXPORT_HTML  one standalone HTML5 page (UTF-8, inline CSS, no external
 *                resources) with the official merged cells.
 *
 * Figures are written exactly as held (never through a float); empty cells
 * stay empty; a value invalid for its cell is written as it was typed.
 * Exports work on any report, complete or not: callers decide whether to
 * warn or refuse (see rules_check).
 */
#ifndef GK_EXPORT_H
#define GK_EXPORT_H

#include <stddef.h>
#include <stdio.h>

#include "report.h"

enum export_format {
	EXPORT_CSV,
	EXPORT_TEXT,
	EXPORT_HTML,
};

enum export_encoding {
	EXPORT_UTF8,
	EXPORT_GB18030,		/* CSV and text only; HTML is always UTF-8 */
};

/* "csv", "text" (or "txt"), "html": the format, or -1. */
int		 export_parse_format(const char *);
/* "utf-8" (or "utf8"), "gb18030": the encoding, or -1. Case-insensitive. */
int		 export_parse_encoding(const char *);
/* The usual file name suffix: ".csv", ".txt", ".html". Static. */
const char	*export_suffix(enum export_format);

/* Where to put an export of the report file at path by default: beside
 * it, its suffix replaced ("甲局2024.csv" → "甲局2024.html"); the
 * spreadsheet gets "-表格.csv", never the report's own name. Caller frees. */
char		*export_default_path(const char *path, enum export_format);
/* The export of a report in memory (not NUL-terminated for GB18030; a NUL
 * is added after len bytes anyway). Returns NULL with *err (caller frees)
 * for an encoding HTML does not take. Caller frees. */
char		*export_render(const struct report *, enum export_format,
		     enum export_encoding, size_t *len, char **err);
/* Write the export to fp. 0, or -1 with *err (caller frees). */
int		 export_write(const struct report *, enum export_format,
		     enum export_encoding, FILE *, char **err);
/* Write the export to path through safeio_save: never over input (the
 * report file it was made from; may be NULL), nor over another report.
 * 0, or -1 with *err (caller frees) and path untouched. */
int		 export_save(const struct report *, enum export_format,
		     enum export_encoding, const char *path,
		     const char *input, char **err);

#endif
