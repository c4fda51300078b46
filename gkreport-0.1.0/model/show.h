/*
 * show.h: text that came from a file, made safe to show.
 *
 * A report, a file name or a lock file can carry bytes that drive a
 * terminal (ESC [2J clears it, ESC ]0; retitles the window, OSC 52 writes
 * the clipboard, C1 U+009B does what ESC [ does) or reorder what is shown
 * (the bidi controls U+202A-202E, U+2066-2069, U+200E, U+200F, U+061C).
 * Everything from a file goes through this one writer before it reaches a
 * terminal or a --format=csv listing, where such characters are shown
 * visibly instead:
 *
 *	C0 controls and DEL	^[  ^G  ^?  (caret notation)
 *	C1 controls, bidi	\u009b  \u202e
 *	bytes not UTF-8		\x9b
 *
 * Exports drop them (spreadsheet and text), or write the bidi controls as
 * character references (HTML).
 */
#ifndef GK_SHOW_H
#define GK_SHOW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "buf.h"

/* Append the n bytes of s to b with every control shown visibly. Line
 * breaks and tabs pass when lines is true (a CR only before an LF), else
 * they are shown as one space each. */
void		 show_add(struct buf *b, const char *s, size_t n, bool lines);

/* s quoted for a one-line message: controls shown, line breaks as spaces,
 * cut after max characters with "……" (max 0: whole). Borrowed: valid
 * until the eighth call after this one (so that a message can quote
 * several things). NULL gives "". */
const char	*show_q(const char *s, size_t max);

/* The same, caller frees. */
char		*show_dup(const char *s, size_t max);

/* A stream that writes through to fd with every control shown (lines
 * kept): stdout and stderr of the commands. NULL if it cannot be made. */
FILE		*show_stream(int fd);

/* The n bytes of an export with the controls dropped (C0 but tab, LF and
 * CR, DEL, C1, bidi); html: bidi controls as character references
 * instead. Returns the new length; s is rewritten in place unless html
 * (then *out gets a new buffer, caller frees, and s is left). */
size_t		 show_strip(char *s, size_t n);
char		*show_html(const char *s, size_t n, size_t *outlen);

#endif
