/*
 * textedit.h: a multi-line text editor widget for Chinese and mixed text.
 *
 * Holds text as wide characters, wraps it at the display width (a double-
 * width character never splits, no line starts with closing punctuation),
 * and keeps the cursor as a character
 * index, never inside half a character. Knows nothing of reports.
 * The layout and cursor logic work without a terminal (for tests);
 * textedit_draw is the only curses call.
 */
#ifndef GK_TEXTEDIT_H
#define GK_TEXTEDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include <curses.h>

/* What textedit_key did. */
#define TE_IGNORED	0x0	/* not a key for the editor */
#define TE_HANDLED	0x1	/* consumed (cursor moved, or nothing to do) */
#define TE_CHANGED	0x2	/* the text changed */

struct textedit;

struct textedit	*textedit_new(void);
void		 textedit_free(struct textedit *);
/* Replace the whole text (UTF-8; bad bytes become U+FFFD). Keeps the
 * cursor where it was, clamped. */
void		 textedit_set_text(struct textedit *, const char *utf8);
/* The text as UTF-8. Caller frees. */
char		*textedit_text(const struct textedit *);
/* The visible area in rows and display columns. */
void		 textedit_set_size(struct textedit *, int rows, int cols);
/* A key as get_wch gave it: fn is true for a KEY_* code. Handles
 * printable characters, Enter, Backspace, Delete, arrows, Home/End,
 * PgUp/PgDn (a screen), Ctrl-K (to the end of the line), Ctrl-W (the
 * word or clause before), Shift with an arrow, Home or End (select; typing,
 * Backspace or Delete then replace or remove the selection). */
int		 textedit_key(struct textedit *, wint_t ch, bool fn);
/* Whether the key would begin a new undo step: the owner keeps the text
 * as it is before such a key as one step. A step is a word or a clause
 * typed (up to and with its punctuation or space), a run of Backspace or
 * of Delete, one Ctrl-K, Ctrl-W, paste or replaced selection. */
bool		 textedit_starts_step(const struct textedit *, wint_t ch,
		    bool fn);
/* The selection as character indexes [from, to); false if none. */
bool		 textedit_selection(const struct textedit *, size_t *from,
		    size_t *to);
/* The cursor's display line (from 1) and the number of display lines (lays
 * the text out first, hence not const). */
void		 textedit_position(struct textedit *, int *line,
		    int *lines);
/* Insert UTF-8 text at the cursor (a paste), over the selection if any.
 * Returns TE_CHANGED or 0. */
int		 textedit_insert(struct textedit *, const char *utf8);
/* The cursor as a character index, and moving it there (clamped). */
size_t		 textedit_point(const struct textedit *);
void		 textedit_set_point(struct textedit *, size_t);
/* Number of characters. */
size_t		 textedit_length(const struct textedit *);
/* The cursor's screen row and column within the widget; scrolls the
 * widget so that the cursor is shown (hence not const). */
void		 textedit_cursor(struct textedit *, int *row, int *col);
/* Number of display lines the text wraps into at the current width (lays
 * the text out first, hence not const). */
int		 textedit_lines(struct textedit *);
/* Draw into win at (top, left), the size set by textedit_set_size. */
void		 textedit_draw(struct textedit *, WINDOW *, int top, int left);

#endif
