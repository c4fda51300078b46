/*
 * textedit.c: a multi-line editor for Chinese and mixed text.
 *
 * The text is an array of wide characters; the cursor is an index into it.
 * The layout (where each display line starts) is derived from the text and
 * the width whenever it is needed: a wide character that does not fit in
 * what is left of a line starts the next one, so no character is ever cut.
 */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "textedit.h"
#include "wtext.h"
#include "xmalloc.h"

struct textedit {
	wchar_t	*s;
	size_t	 len, cap;
	size_t	 point;
	int	 rows, cols;
	int	 top;		/* first display line shown */
	int	 goal;		/* column Up/Down aim for, or -1 */
	size_t	*starts;	/* display line starts, computed by layout() */
	int	 nlines;
	int	 starts_cap;
};

struct textedit *
textedit_new(void)
{
	struct textedit	*te = xcalloc(1, sizeof *te);

	te->rows = 10;
	te->cols = 40;
	te->goal = -1;
	return te;
}

void
textedit_free(struct textedit *te)
{
	if (te == NULL)
		return;
	free(te->s);
	free(te->starts);
	free(te);
}

/* Display width of character c; a tab shows as 4 columns. */
static int
cwidth(wchar_t c)
{
	if (c == L'\t')
		return 4;
	return wt_width(c);
}

/* Compute where each display line starts at the current width. */
static void
layout(struct textedit *te)
{
	size_t	 i;
	int	 col = 0, w;

	te->nlines = 0;
#define PUSH(at) do {							\
	if (te->nlines == te->starts_cap) {				\
		te->starts_cap = te->starts_cap ? te->starts_cap * 2 : 64; \
		te->starts = xreallocarray(te->starts,			\
		    (size_t)te->starts_cap, sizeof *te->starts);	\
	}								\
	te->starts[te->nlines++] = (at);				\
} while (0)
	PUSH(0);
	for (i = 0; i < te->len; i++) {
		if (te->s[i] == L'\n') {
			PUSH(i + 1);
			col = 0;
			continue;
		}
		w = cwidth(te->s[i]);
		if (col + w > te->cols && col > 0) {
			PUSH(i);
			col = 0;
		}
		col += w;
	}
#undef PUSH
}

/* The display line holding index p. */
static int
line_of(const struct textedit *te, size_t p)
{
	int	 lo = 0, hi = te->nlines - 1;

	while (lo < hi) {
		int	 mid = (lo + hi + 1) / 2;

		if (te->starts[mid] <= p)
			lo = mid;
		else
			hi = mid - 1;
	}
	/* A wrapped line's end is the next line's start: the cursor sits at
	 * the start of the next line, except at the very end of a hard line. */
	return lo;
}

/* Last index of display line l (exclusive of a newline). */
static size_t
line_end(const struct textedit *te, int l)
{
	size_t	 e;

	if (l + 1 < te->nlines) {
		e = te->starts[l + 1];
		if (e > 0 && te->s[e - 1] == L'\n')
			e--;
		return e;
	}
	return te->len;
}

static int
col_of(const struct textedit *te, size_t p)
{
	int	 l = line_of(te, p), col = 0;
	size_t	 i;

	for (i = te->starts[l]; i < p; i++)
		col += cwidth(te->s[i]);
	return col;
}

/* The index on display line l nearest to column goal, never past it. */
static size_t
at_col(const struct textedit *te, int l, int goal)
{
	size_t	 i = te->starts[l], e = line_end(te, l);
	int	 col = 0, w;

	while (i < e) {
		w = cwidth(te->s[i]);
		if (col + w > goal)
			break;
		col += w;
		i++;
	}
	/* A wrapped line ends where the next begins: stay on this line. */
	if (i == e && l + 1 < te->nlines && te->s[e] != L'\n' && i > te->starts[l])
		i--;
	return i;
}

static void
reserve(struct textedit *te, size_t n)
{
	if (te->len + n + 1 > te->cap) {
		te->cap = (te->len + n + 1) * 2;
		te->s = xreallocarray(te->s, te->cap, sizeof *te->s);
	}
}

/* Decode UTF-8 into wide characters; bad bytes become U+FFFD. Controls
 * other than newline and tab become U+FFFD too. Caller frees. */
static wchar_t *
decode(const char *utf8, size_t *n)
{
	size_t	 len = strlen(utf8), i = 0, k = 0, r;
	wchar_t	*w = xreallocarray(NULL, len + 1, sizeof *w), c;
	mbstate_t st;

	memset(&st, 0, sizeof st);
	while (i < len) {
		if (utf8[i] == '\r' && utf8[i + 1] == '\n') {
			i++;
			continue;
		}
		r = mbrtowc(&c, utf8 + i, len - i, &st);
		if (r == (size_t)-1 || r == (size_t)-2 || r == 0) {
			memset(&st, 0, sizeof st);
			c = 0xfffd;
			r = 1;
		}
		if (c < 0x20 && c != L'\n' && c != L'\t')
			c = 0xfffd;
		w[k++] = c;
		i += r;
	}
	w[k] = 0;
	*n = k;
	return w;
}

void
textedit_set_text(struct textedit *te, const char *utf8)
{
	size_t	 n;
	wchar_t	*w = decode(utf8 != NULL ? utf8 : "", &n);

	free(te->s);
	te->s = w;
	te->len = n;
	te->cap = n + 1;
	if (te->point > n)
		te->point = n;
	te->goal = -1;
}

char *
textedit_text(const struct textedit *te)
{
	size_t	 i, o = 0;
	char	*out = xmalloc(te->len * MB_LEN_MAX + 1);
	mbstate_t st;

	memset(&st, 0, sizeof st);
	for (i = 0; i < te->len; i++) {
		size_t	 r = wcrtomb(out + o, te->s[i], &st);

		if (r == (size_t)-1) {
			memcpy(out + o, "\xef\xbf\xbd", 3);
			r = 3;
		}
		o += r;
	}
	out[o] = '\0';
	return out;
}

void
textedit_set_size(struct textedit *te, int rows, int cols)
{
	te->rows = rows > 0 ? rows : 1;
	te->cols = cols > 2 ? cols : 2;
}

size_t
textedit_point(const struct textedit *te)
{
	return te->point;
}

void
textedit_set_point(struct textedit *te, size_t p)
{
	te->point = p > te->len ? te->len : p;
	te->goal = -1;
}

size_t
textedit_length(const struct textedit *te)
{
	return te->len;
}

static void
insert_w(struct textedit *te, const wchar_t *w, size_t n)
{
	reserve(te, n);
	memmove(te->s + te->point + n, te->s + te->point,
	    (te->len - te->point) * sizeof *te->s);
	memcpy(te->s + te->point, w, n * sizeof *w);
	te->len += n;
	te->point += n;
	te->s[te->len] = 0;
	te->goal = -1;
}

int
textedit_insert(struct textedit *te, const char *utf8)
{
	size_t	 n;
	wchar_t	*w = decode(utf8, &n);

	if (n > 0)
		insert_w(te, w, n);
	free(w);
	return n > 0 ? TE_CHANGED : 0;
}

static void
delete_at(struct textedit *te, size_t p)
{
	memmove(te->s + p, te->s + p + 1, (te->len - p - 1) * sizeof *te->s);
	te->len--;
	te->s[te->len] = 0;
}

/* Move by display lines (negative: up), keeping the goal column. */
static void
move_lines(struct textedit *te, int n)
{
	int	 l, target;

	layout(te);
	l = line_of(te, te->point);
	if (te->goal < 0)
		te->goal = col_of(te, te->point);
	target = l + n;
	if (target < 0) {
		te->point = 0;
		return;
	}
	if (target >= te->nlines) {
		te->point = te->len;
		return;
	}
	te->point = at_col(te, target, te->goal);
}

int
textedit_key(struct textedit *te, wint_t ch, bool fn)
{
	int	 goal;
	wchar_t	 c;

	if (!fn) {
		if (ch == L'\r' || ch == L'\n') {
			c = L'\n';
			insert_w(te, &c, 1);
			return TE_HANDLED | TE_CHANGED;
		}
		if (ch == 0x7f || ch == 0x08)
			goto backspace;
		if (ch == L'\t' || ch >= 0x20) {
			c = (wchar_t)ch;
			insert_w(te, &c, 1);
			return TE_HANDLED | TE_CHANGED;
		}
		return TE_IGNORED;
	}
	goal = te->goal;
	te->goal = -1;
	switch (ch) {
	case KEY_LEFT:
		if (te->point > 0)
			te->point--;
		return TE_HANDLED;
	case KEY_RIGHT:
		if (te->point < te->len)
			te->point++;
		return TE_HANDLED;
	case KEY_UP:
	case KEY_DOWN:
	case KEY_PPAGE:
	case KEY_NPAGE:
		te->goal = goal;
		move_lines(te, ch == KEY_UP ? -1 : ch == KEY_DOWN ? 1 :
		    ch == KEY_PPAGE ? -te->rows : te->rows);
		return TE_HANDLED;
	case KEY_HOME:
		layout(te);
		te->point = te->starts[line_of(te, te->point)];
		return TE_HANDLED;
	case KEY_END:
		layout(te);
		te->point = line_end(te, line_of(te, te->point));
		return TE_HANDLED;
	case KEY_BACKSPACE:
	backspace:
		if (te->point == 0)
			return TE_HANDLED;
		te->point--;
		delete_at(te, te->point);
		return TE_HANDLED | TE_CHANGED;
	case KEY_DC:
		if (te->point >= te->len)
			return TE_HANDLED;
		delete_at(te, te->point);
		return TE_HANDLED | TE_CHANGED;
	case KEY_ENTER:
		c = L'\n';
		insert_w(te, &c, 1);
		return TE_HANDLED | TE_CHANGED;
	}
	return TE_IGNORED;
}

int
textedit_lines(struct textedit *te)
{
	layout(te);
	return te->nlines;
}

void
textedit_cursor(struct textedit *t, int *row, int *col)
{
	int		 l;

	layout(t);
	l = line_of(t, t->point);
	if (l < t->top)
		t->top = l;
	if (l >= t->top + t->rows)
		t->top = l - t->rows + 1;
	*row = l - t->top;
	*col = col_of(t, t->point);
	if (*col >= t->cols)
		*col = t->cols - 1;
}

void
textedit_draw(struct textedit *te, WINDOW *win, int top, int left)
{
	int	 r, l, col, w, cr, cc;
	size_t	 i, e;
	cchar_t	 cc_;
	wchar_t	 wc[2];

	textedit_cursor(te, &cr, &cc);
	for (r = 0; r < te->rows; r++) {
		l = te->top + r;
		wmove(win, top + r, left);
		col = 0;
		if (l < te->nlines) {
			e = line_end(te, l);
			for (i = te->starts[l]; i < e; i++) {
				w = cwidth(te->s[i]);
				if (te->s[i] == L'\t') {
					waddstr(win, "    ");
				} else {
					wc[0] = te->s[i];
					wc[1] = 0;
					setcchar(&cc_, wc, 0, 0, NULL);
					wadd_wch(win, &cc_);
				}
				col += w;
			}
		}
		for (; col < te->cols; col++)
			waddch(win, ' ');
	}
	wmove(win, top + cr, left + cc);
}
