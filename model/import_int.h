/*
 * import_int.h: what the importer's two files share (not for callers).
 *
 * import.c reads rows of cells; import_layout.c turns the text's layout
 * (tabs, pipes, box drawing, bordered grids, one cell per line, columns
 * aligned with spaces) into those rows first.
 */
#ifndef GK_IMPORT_INT_H
#define GK_IMPORT_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Characters (import.c). The text is valid UTF-8 by then. */
uint32_t	 imp_utf8_get(const char *, int *);
size_t		 imp_utf8_put(char *, uint32_t);
bool		 imp_is_space(uint32_t);
bool		 imp_is_quote(uint32_t);
/* Labels compared: full-width ASCII made ASCII, spaces and quotes
 * dropped. Caller frees. */
char		*imp_norm(const char *);
void		 imp_norm_into(const char *, char *, size_t);
/* The first max code points of s; how many. */
int		 imp_codepoints(const char *, uint32_t *, int);

/* One line for the reader: a line of the text as it is, or a table row
 * rebuilt from a layout as cells separated by tabs (the label first,
 * canonical when the layout stage read it from its content). */
struct lay_line {
	const char	*text;		/* borrowed until the next call */
	int		 no;		/* line of the text, 1-based */
	const char	*note;		/* said at no (说明), or NULL */
	bool		 rebuilt;	/* a row the layout stage rebuilt */
};

struct implayout;

/* The physical line of text[0..len) at pos: where it ends (its \n, \r\n,
 * \r or form feed, or len), *next where the next one starts. The layout
 * stage numbers lines by this, and so does anything that must name the
 * same lines. */
size_t		 imp_line_end(const char *text, size_t len, size_t pos,
		     size_t *next);

/* A reader of text[0..len) (UTF-8, not copied; it must outlive it). */
struct implayout	*implayout_new(const char *text, size_t len);
void		 implayout_free(struct implayout *);
/* The next line; false at the end of the text. */
bool		 implayout_next(struct implayout *, struct lay_line *);

#endif
