/* wtext.h: display-width helpers and Chinese line breaking; the only
 * place that calls wcwidth. */
#ifndef GK_WTEXT_H
#define GK_WTEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

/* Display width of one character (0 for combining, 2 for CJK; control
 * characters and unprintables count 1, drawn as a replacement). */
int	wt_width(wchar_t);
/* Display width of a UTF-8 string. */
int	wt_strwidth(const char *);

/* Whether a line may break between two characters: never before closing
 * punctuation (，。、；：！？）》」 …), never after opening punctuation
 * (（《「“ …), never inside a run of ASCII letters, digits and the like
 * (a figure, a file name). The rules of Chinese typesetting (禁则). */
bool	wt_can_break(wchar_t before, wchar_t after);

/* One line of wrapped text: a byte range of the string, its newline or
 * the space it broke at left out. */
struct wt_line {
	size_t	 off, len;
};

/* Wrap a UTF-8 string into lines of at most width display columns, at
 * its newlines and where wt_can_break allows (anywhere when a word is
 * longer than a line). Fills up to max lines and returns how many the
 * whole text needs. */
int	wt_wrap(const char *, int width, struct wt_line *, int max);

#endif
