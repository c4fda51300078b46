/* wtext.c: display widths of characters and UTF-8 strings. */
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
