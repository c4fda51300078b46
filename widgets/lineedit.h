/*
 * lineedit.h: a one-line text field with horizontal scrolling, for the
 * report particulars and prompts. Cursor is a character index. Knows
 * nothing of reports.
 */
#ifndef GK_LINEEDIT_H
#define GK_LINEEDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include <curses.h>

#define LE_IGNORED	0x0
#define LE_HANDLED	0x1
#define LE_CHANGED	0x2
#define LE_ACCEPT	0x4	/* Enter */
#define LE_CANCEL	0x8	/* Escape */

struct lineedit;

/* A field holding text (UTF-8, may be NULL); maxchars 0 means no limit. */
struct lineedit	*lineedit_new(const char *utf8, size_t maxchars);
void		 lineedit_free(struct lineedit *);
void		 lineedit_set_text(struct lineedit *, const char *utf8);
/* Caller frees. */
char		*lineedit_text(const struct lineedit *);
int		 lineedit_key(struct lineedit *, wint_t ch, bool fn);
size_t		 lineedit_point(const struct lineedit *);
/* Draw in width display columns at (y, x); returns the cursor's column. */
int		 lineedit_draw(struct lineedit *, WINDOW *, int y, int x,
		     int width);

#endif
