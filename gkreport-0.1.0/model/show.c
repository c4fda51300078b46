/*
 * show.c: the one writer of text from files to a terminal. See show.h.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "show.h"
#include "xmalloc.h"

enum kind {
	K_TEXT,		/* shown as it is */
	K_C0,		/* one byte below 0x20, or DEL */
	K_C1,		/* U+0080..U+009F */
	K_BIDI,		/* a bidi control */
	K_BAD,		/* a byte that starts no UTF-8 character */
	K_SHORT,	/* a character the end of the bytes cuts off */
};

/* What the character at s (n > 0 bytes left) is; *len its bytes, *cp its
 * code point (for C1 and bidi). */
static enum kind
classify(const unsigned char *s, size_t n, size_t *len, unsigned *cp)
{
	unsigned	 c = s[0], need, i;

	*len = 1;
	if (c < 0x20 || c == 0x7f)
		return K_C0;
	if (c < 0x80)
		return K_TEXT;
	if (c >= 0xc2 && c <= 0xdf)
		need = 2;
	else if (c >= 0xe0 && c <= 0xef)
		need = 3;
	else if (c >= 0xf0 && c <= 0xf4)
		need = 4;
	else
		return K_BAD;
	for (i = 1; i < need; i++) {
		if (i >= n)
			return K_SHORT;
		if ((s[i] & 0xc0) != 0x80)
			return K_BAD;
	}
	if ((c == 0xe0 && s[1] < 0xa0) || (c == 0xed && s[1] > 0x9f) ||
	    (c == 0xf0 && s[1] < 0x90) || (c == 0xf4 && s[1] > 0x8f))
		return K_BAD;
	*len = need;
	if (need == 2) {
		*cp = (c & 0x1f) << 6 | (s[1] & 0x3f);
		if (*cp <= 0x9f)
			return K_C1;
		return *cp == 0x61c ? K_BIDI : K_TEXT;
	}
	if (need == 3) {
		*cp = (c & 0x0f) << 12 | (unsigned)(s[1] & 0x3f) << 6 |
		    (s[2] & 0x3f);
		if (*cp == 0x200e || *cp == 0x200f ||
		    (*cp >= 0x202a && *cp <= 0x202e) ||
		    (*cp >= 0x2066 && *cp <= 0x2069))
			return K_BIDI;
	}
	return K_TEXT;
}

/* Show the unit at s (len bytes, of kind k) visibly. */
static void
visible(struct buf *b, const unsigned char *s, enum kind k, unsigned cp)
{
	char	 tmp[16];

	switch (k) {
	case K_C0:
		tmp[0] = '^';
		tmp[1] = s[0] == 0x7f ? '?' : (char)(s[0] + 0x40);
		buf_addn(b, tmp, 2);
		break;
	case K_C1:
	case K_BIDI:
		snprintf(tmp, sizeof tmp, "\\u%04x", cp);
		buf_add(b, tmp);
		break;
	default:
		snprintf(tmp, sizeof tmp, "\\x%02x", s[0]);
		buf_add(b, tmp);
		break;
	}
}

/* Show s as show_add does, stopping after max characters (0: all) and
 * before a unit that may continue past n when partial is set; the bytes
 * used. */
static size_t
add(struct buf *b, const char *str, size_t n, bool lines, size_t max,
    bool partial, bool *cut)
{
	const unsigned char	*s = (const unsigned char *)str;
	size_t			 i = 0, len, chars = 0;
	unsigned		 cp = 0;
	enum kind		 k;

	*cut = false;
	while (i < n) {
		if (max > 0 && chars == max) {
			*cut = true;
			break;
		}
		k = classify(s + i, n - i, &len, &cp);
		if (k == K_SHORT && partial)
			break;
		if (k == K_SHORT)
			k = K_BAD;
		chars++;
		if (k == K_TEXT) {
			size_t	 j = i + len;

			/* a run of plain bytes in one go */
			while (j < n && s[j] >= 0x20 && s[j] < 0x7f &&
			    (max == 0 || chars < max)) {
				j++;
				chars++;
			}
			buf_addn(b, str + i, j - i);
			i = j;
			continue;
		}
		if (k == K_C0 && (s[i] == '\n' || s[i] == '\t' ||
		    s[i] == '\r')) {
			if (!lines)
				buf_add(b, " ");
			else if (s[i] != '\r')
				buf_addn(b, str + i, 1);
			else if (i + 1 == n && partial)
				break;		/* is an LF next? */
			else if (i + 1 < n && s[i + 1] == '\n')
				buf_add(b, "\r");
			else
				buf_add(b, "^M");
			i++;
			continue;
		}
		visible(b, s + i, k, cp);
		i += len;
	}
	return i;
}

void
show_add(struct buf *b, const char *s, size_t n, bool lines)
{
	bool	 cut;

	buf_addn(b, "", 0);
	(void)add(b, s, n, lines, 0, false, &cut);
}

char *
show_dup(const char *s, size_t max)
{
	struct buf	 b = { 0 };
	bool		 cut;

	buf_addn(&b, "", 0);
	if (s != NULL)
		(void)add(&b, s, strlen(s), false, max, false, &cut);
	else
		cut = false;
	if (cut)
		buf_add(&b, "……");
	return b.s;
}

const char *
show_q(const char *s, size_t max)
{
	static char	*ring[8];
	static int	 next;
	char		*out = show_dup(s, max);

	free(ring[next]);
	ring[next] = out;
	next = (next + 1) % 8;
	return out;
}

/* ---- the stream ------------------------------------------------------ */

struct stream {
	int		 fd;
	char		 held[8];	/* the start of a character, or a CR */
	size_t		 nheld;
};

/* The streams open: stdout and stderr are never closed, and their state
 * must not look leaked at exit. */
static struct stream	*kept[8];

static int
put_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t	 w = write(fd, p, n);

		if (w == -1 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

static ssize_t
stream_write(void *cookie, const char *p, size_t n)
{
	struct stream	*st = cookie;
	struct buf	 in = { 0 }, out = { 0 };
	size_t		 used;
	bool		 cut;
	int		 rc;

	buf_addn(&in, st->held, st->nheld);
	buf_addn(&in, p, n);
	buf_addn(&out, "", 0);
	used = add(&out, in.s, in.len, true, 0, true, &cut);
	st->nheld = in.len - used;	/* at most 3 bytes, or a CR */
	if (st->nheld > sizeof st->held)
		st->nheld = 0;
	memcpy(st->held, in.s + used, st->nheld);
	rc = put_all(st->fd, out.s, out.len);
	free(in.s);
	free(out.s);
	return rc == -1 ? -1 : (ssize_t)n;
}

static int
stream_close(void *cookie)
{
	struct stream	*st = cookie;
	struct buf	 out = { 0 };
	size_t		 i;
	int		 rc = 0;

	for (i = 0; i < sizeof kept / sizeof kept[0]; i++)
		if (kept[i] == st)
			kept[i] = NULL;
	if (st->nheld > 0) {
		show_add(&out, st->held, st->nheld, true);
		rc = put_all(st->fd, out.s, out.len);
		free(out.s);
	}
	free(st);
	return rc;
}

FILE *
show_stream(int fd)
{
	cookie_io_functions_t	 io = {
		.read = NULL, .write = stream_write, .seek = NULL,
		.close = stream_close,
	};
	struct stream		*st = xcalloc(1, sizeof *st);
	FILE			*fp;
	size_t			 i;

	st->fd = fd;
	if ((fp = fopencookie(st, "w", io)) == NULL) {
		free(st);
		return NULL;
	}
	for (i = 0; i < sizeof kept / sizeof kept[0]; i++)
		if (kept[i] == NULL) {
			kept[i] = st;
			break;
		}
	return fp;
}

/* ---- exports --------------------------------------------------------- */

size_t
show_strip(char *str, size_t n)
{
	unsigned char	*s = (unsigned char *)str;
	size_t		 i = 0, o = 0, len;
	unsigned	 cp;
	enum kind	 k;

	while (i < n) {
		k = classify(s + i, n - i, &len, &cp);
		if (k == K_TEXT || k == K_BAD || k == K_SHORT ||
		    (k == K_C0 && (s[i] == '\t' || s[i] == '\n' ||
		    s[i] == '\r'))) {
			memmove(s + o, s + i, len);
			o += len;
		}
		i += len;
	}
	if (o < n)
		s[o] = '\0';
	return o;
}

char *
show_html(const char *str, size_t n, size_t *outlen)
{
	const unsigned char	*s = (const unsigned char *)str;
	struct buf		 b = { 0 };
	size_t			 i = 0, len;
	unsigned		 cp;
	enum kind		 k;
	char			 ref[16];

	buf_addn(&b, "", 0);
	while (i < n) {
		k = classify(s + i, n - i, &len, &cp);
		if (k == K_BIDI) {
			snprintf(ref, sizeof ref, "&#x%04X;", cp);
			buf_add(&b, ref);
		} else if (k == K_TEXT || k == K_BAD || k == K_SHORT ||
		    (k == K_C0 && (s[i] == '\t' || s[i] == '\n' ||
		    s[i] == '\r')))
			buf_addn(&b, str + i, len);
		i += len;
	}
	*outlen = b.len;
	return b.s;
}
