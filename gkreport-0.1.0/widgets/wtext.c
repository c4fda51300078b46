/* wtext.c: display widths of characters and UTF-8 strings, and where a
 * line of Chinese and mixed text may break. */
#include "config.h"

#include <string.h>
#include <wchar.h>

#include "wtext.h"

int
wt_width(wchar_t c)
{
	int	 w = wcwidth(c);

	return w < 0 ? 1 : w;
}

int
wt_strwidth(const char *s)
{
	mbstate_t	 st;
	wchar_t		 c;
	size_t		 n, len = strlen(s);
	int		 w = 0;

	memset(&st, 0, sizeof st);
	while (len > 0) {
		n = mbrtowc(&c, s, len, &st);
		if (n == (size_t)-1 || n == (size_t)-2) {
			memset(&st, 0, sizeof st);
			n = 1;
			c = 0xfffd;
		} else if (n == 0)
			break;
		w += wt_width(c);
		s += n;
		len -= n;
	}
	return w;
}

/* Punctuation that closes: never the first character of a line. */
static bool
no_line_start(wchar_t c)
{
	static const wchar_t	 closing[] =
	    L"，。、；：！？）》」』】〉〕］｝”’…·％,.;:!?)]}%";

	return c != 0 && wcschr(closing, c) != NULL;
}

/* Punctuation that opens: never the last character of a line. */
static bool
no_line_end(wchar_t c)
{
	static const wchar_t	 opening[] = L"（《「『【〈〔［｛“‘([{";

	return c != 0 && wcschr(opening, c) != NULL;
}

/* Part of an ASCII word, figure or file name. */
static bool
ascii_word(wchar_t c)
{
	return c > 0x20 && c < 0x7f && wcschr(L",;:!?)]}([{\"'", c) == NULL;
}

bool
wt_can_break(wchar_t before, wchar_t after)
{
	if (before == L'\n' || before == L' ')
		return !no_line_start(after);
	if (no_line_start(after) || no_line_end(before))
		return false;
	return !(ascii_word(before) && ascii_word(after));
}

/* Decode the next character of s (at most len bytes); bad bytes are one
 * U+FFFD each. Returns the bytes used. */
static size_t
next_char(const char *s, size_t len, wchar_t *c)
{
	mbstate_t	 st;
	size_t		 n;

	memset(&st, 0, sizeof st);
	n = mbrtowc(c, s, len, &st);
	if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
		*c = 0xfffd;
		return 1;
	}
	return n;
}

int
wt_wrap(const char *s, int width, struct wt_line *out, int max)
{
	size_t	 len = strlen(s), i = 0, start = 0, brk = 0, n;
	int	 nl = 0, col = 0, w;
	wchar_t	 c, d, prev = 0;

	if (width < 2)
		width = 2;
#define EMIT(from, to) do {						\
	if (nl < max) {							\
		out[nl].off = (from);					\
		out[nl].len = (to) - (from);				\
	}								\
	nl++;								\
} while (0)
	while (i < len) {
		n = next_char(s + i, len - i, &c);
		if (c == L'\n') {
			EMIT(start, i);
			i += n;
			start = i;
			col = 0;
			brk = 0;
			prev = 0;
			continue;
		}
		w = wt_width(c);
		/* The last place before c where the line may end. */
		if (i > start && wt_can_break(prev, c))
			brk = i;
		if (col + w > width && i > start) {
			size_t	 at = brk > start ? brk : i;
			size_t	 end = at;

			if (end > start && s[end - 1] == ' ')
				end--;		/* the space it broke at */
			EMIT(start, end);
			start = at;
			brk = 0;
			/* Measure the new line from its start up to c. */
			for (col = 0; at < i; col += wt_width(d))
				at += next_char(s + at, len - at, &d);
		}
		col += w;
		prev = c;
		i += n;
	}
	if (start < len || nl == 0)
		EMIT(start, len);
#undef EMIT
	return nl;
}
