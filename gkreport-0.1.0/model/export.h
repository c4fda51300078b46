/*
 * export.h: the report as others read it (spec §7), in the formats of one
 * table (export.c: formats[]). Each row gives a format's name, file
 * suffix, key in the application's export menu, its words for the menu and
 * for --help, the encodings it takes, and its renderer; the command, the
 * menu, the completion and the help are all drawn from that table, so a new
 * format is one row there and its renderer.
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
 *   EXPORT_XLSX  an Excel workbook (export_xlsx.h), when the build has
 *                libxlsxwriter.
 *
 * Figures are written exactly as held (never through a float); empty cells
 * stay empty; a value invalid for its cell is written as it was typed.
 * Exports work on any report, complete or not: callers decide whether to
 * warn or refuse (see rules_check).
 */
#ifndef GK_EXPORT_H
#define GK_EXPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "report.h"

/* The rows of the format table, in the order the menu and --help list them. */
enum export_format {
	EXPORT_CSV,
	EXPORT_TEXT,
	EXPORT_HTML,
	EXPORT_XLSX,
	EXPORT_NFORMATS
};

enum export_encoding {
	EXPORT_UTF8,
	EXPORT_GB18030,
};

/* What the application and the command need to know of a format. */
struct export_format_info {
	const char	*name;		/* "csv": --format, completion */
	const char	*alias;		/* another name or suffix ("txt"), or NULL */
	const char	*suffix;	/* ".csv" */
	const char	*stem;		/* N_: added to the report's name ("-表格"), or "" */
	char		 key;		/* the export menu's key ('C'), upper case */
	const char	*menu;		/* N_: the menu's word for it */
	const char	*help;		/* N_: --help's line for it */
	unsigned	 encodings;	/* 1u << each enum export_encoding it takes */
	bool		 binary;	/* bytes that a terminal must not get */
	bool		 built;		/* false: this build has no renderer for it */
};

/* Row fmt of the table (0 <= fmt < EXPORT_NFORMATS). Static. */
const struct export_format_info *export_format_info(int fmt);
/* The format a menu key (either case) chooses among the built ones, or -1. */
int		 export_format_by_key(int key);
/* A format's name or alias ("csv", "TEXT", "txt"), case-insensitive: the
 * format (built or not), or -1. */
int		 export_parse_format(const char *);
/* The format that the suffix of a file name stands for (".htm" too), or -1. */
int		 export_format_of_path(const char *path);
/* The built formats' names, separated by sep ("csv、text 或 html" is the
 * caller's business: this joins with sep only). Caller frees. */
char		*export_format_names(const char *sep);
/* "utf-8" (or "utf8"), "gb18030": the encoding, or -1. Case-insensitive. */
int		 export_parse_encoding(const char *);
/* Does the format take the encoding? */
bool		 export_takes_encoding(enum export_format, enum export_encoding);
/* The usual file name suffix: ".csv", ".txt", ".html". Static. */
const char	*export_suffix(enum export_format);

/* Where to put an export of the report file at path by default: beside
 * it, its suffix replaced ("甲局2024.csv" → "甲局2024.html"); the
 * spreadsheet gets "-表格.csv", never the report's own name. Caller frees. */
char		*export_default_path(const char *path, enum export_format);
/* The export of a report in memory (not NUL-terminated for GB18030 or a
 * binary format; a NUL is added after len bytes anyway). Returns NULL with
 * *err (caller frees) for an encoding the format does not take or a format
 * this build lacks. Caller frees. */
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


struct buf;
/* Table t (enum sch_table_id) of a report as the HTML export writes it
 * (official merged cells, classes styled by export_html_css), appended to
 * b: for pages of one's own, such as sum's. */
void		 export_html_table(struct buf *b, const struct report *, int t);
/* The style sheet of the HTML export. Static. */
const char	*export_html_css(void);

#endif
