/* wtext.h: display-width helpers; the only place that calls wcwidth. */
#ifndef GK_WTEXT_H
#define GK_WTEXT_H

#include <stddef.h>
#include <wchar.h>

/* Display width of one character (0 for combining, 2 for CJK; control
 * characters and unprintables count 1, drawn as a replacement). */
int	wt_width(wchar_t);
/* Display width of a UTF-8 string. */
int	wt_strwidth(const char *);

#endif
