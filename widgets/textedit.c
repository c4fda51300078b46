/*
 * textedit.c: a multi-line editor for Chinese and mixed text.
 *
 * The text is an array of wide characters; the cursor is an index into it.
 * The layout (where each display line starts) is derived from the text and
 * the width whenever it is needed: a wide character that does not fit in
 * what is left of a line starts the next one, so no character is ever cut,
 * and the break moves back where Chinese typesetting forbids it (no line
 * starts with ，or ）, none ends with （). A selection runs from the mark
 * to the cursor. The editor keeps no undo history of its own: it tells
 * its owner where one undo step ends (a word, a clause, a sentence).
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
	bool	 sel;		/* a selection from mark to point */
	size_t	 mark;
	int	 last;		/* what the last key did: enum kind */
	wchar_t	 last_ch;	/* the last character typed */
};

/* What a key does, for grouping edits into undo steps. */
enum kind {
	K_NONE,		/* nothing yet, or the text was replaced */
	K_MOVE,		/* the cursor moved */
	K_TYPE,		/* a character typed */
	K_BACK,		/* Backspace */
	K_DEL,		/* Delete */
	K_CUT,		/* Ctrl-K, Ctrl-W, a selection deleted, a paste */
};

#define CTRL_K	0x0b
#define CTRL_W	0x17

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
	size_t	 i, brk = 0, ls = 0, at;
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
			ls = i + 1;
			col = 0;
			continue;
		}
		w = cwidth(te->s[i]);
		if (i > ls && wt_can_break(te->s[i - 1], te->s[i]))
			brk = i;
		if (col + w > te->cols && col > 0) {
			/* Break at the last place allowed, or here if the
			 * line has none (a very long word). */
			at = brk > ls ? brk : i;
			PUSH(at);
			ls = at;
			for (col = 0; at < i; at++)
				col += cwidth(te->s[at]);
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
	te->sel = false;
	te->last = K_NONE;
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
	te->sel = false;
	te->last = K_MOVE;
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

/* Remove the characters [a, b) and leave the cursor at a. */
static void
delete_range(struct textedit *te, size_t a, size_t b)
{
	if (b > te->len)
		b = te->len;
	if (a >= b)
		return;
	memmove(te->s + a, te->s + b, (te->len - b) * sizeof *te->s);
	te->len -= b - a;
	te->s[te->len] = 0;
	te->point = a;
	te->goal = -1;
}

/* The selection as [a, b); false when there is none or it is empty. */
static bool
sel_range(const struct textedit *te, size_t *a, size_t *b)
{
	size_t	 m;

	if (!te->sel)
		return false;
	m = te->mark > te->len ? te->len : te->mark;
	*a = m < te->point ? m : te->point;
	*b = m < te->point ? te->point : m;
	return *a < *b;
}

bool
textedit_selection(const struct textedit *te, size_t *from, size_t *to)
{
	return sel_range(te, from, to);
}

/* Delete the selection, if any; true if something went. */
static bool
delete_selection(struct textedit *te)
{
	size_t	 a, b;

	if (!sel_range(te, &a, &b)) {
		te->sel = false;
		return false;
	}
	delete_range(te, a, b);
	te->sel = false;
	return true;
}

int
textedit_insert(struct textedit *te, const char *utf8)
{
	size_t	 n;
	wchar_t	*w = decode(utf8, &n);
	bool	 cut = delete_selection(te);

	if (n > 0)
		insert_w(te, w, n);
	free(w);
	te->last = K_CUT;
	return n > 0 || cut ? TE_CHANGED : 0;
}

/* Punctuation, ASCII or Chinese: where a clause or sentence ends. */
static bool
is_punct(wchar_t c)
{
	if (c < 0x80)
		return c > 0x20 && c < 0x7f && !(c >= L'0' && c <= L'9') &&
		    !((c | 0x20) >= L'a' && (c | 0x20) <= L'z') && c != L'_';
	return (c >= 0x2010 && c <= 0x206f) || (c >= 0x3000 && c <= 0x303f) ||
	    (c >= 0xff01 && c <= 0xff0f) || (c >= 0xff1a && c <= 0xff20) ||
	    (c >= 0xff3b && c <= 0xff40) || (c >= 0xff5b && c <= 0xff65);
}

static bool
is_space(wchar_t c)
{
	return c == L' ' || c == L'\t' || c == 0x3000;
}

/* Where a typed step ends: after a space, punctuation or a newline. */
static bool
is_boundary(wchar_t c)
{
	return c == L'\n' || is_space(c) || is_punct(c);
}

/* The kind of a word character: ASCII letters and digits, or any other
 * (Chinese), so that Ctrl-W takes "abc" from "中文abc" and a clause from
 * "…，转职能" . */
static int
word_class(wchar_t c)
{
	return c < 0x80 ? 1 : 2;
}

/* Ctrl-W: the word before the cursor, with the spaces and punctuation
 * after it; at the start of a line, the line break. */
static void
delete_word_before(struct textedit *te)
{
	size_t	 p = te->point;
	int	 k;

	while (p > 0 && is_space(te->s[p - 1]))
		p--;
	if (p > 0 && te->s[p - 1] == L'\n') {
		delete_range(te, p - 1, te->point);
		return;
	}
	while (p > 0 && is_punct(te->s[p - 1]))
		p--;
	if (p > 0 && !is_boundary(te->s[p - 1])) {
		k = word_class(te->s[p - 1]);
		while (p > 0 && !is_boundary(te->s[p - 1]) &&
		    word_class(te->s[p - 1]) == k)
			p--;
	}
	delete_range(te, p, te->point);
}

/* Ctrl-K: from the cursor to the end of its display line; at the end of
 * a line, the line break. */
static void
delete_to_end(struct textedit *te)
{
	size_t	 e;

	layout(te);
	e = line_end(te, line_of(te, te->point));
	if (e == te->point && e < te->len)
		e++;		/* the newline itself */
	delete_range(te, te->point, e);
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

/* PgUp (dir < 0) or PgDn: the view and the cursor move by a screen, so
 * the cursor keeps its place on screen. */
static void
move_page(struct textedit *te, int dir)
{
	int	 n = te->rows, max;

	layout(te);
	max = te->nlines - te->rows;
	te->top += dir < 0 ? -n : n;
	if (te->top > max)
		te->top = max;
	if (te->top < 0)
		te->top = 0;
	move_lines(te, dir < 0 ? -n : n);
}

/* The kind of edit a key makes, K_MOVE for a movement, -1 for a key the
 * editor does not take. */
static int
kind_of(wint_t ch, bool fn)
{
	if (!fn) {
		if (ch == 0x7f || ch == 0x08)
			return K_BACK;
		if (ch == CTRL_K || ch == CTRL_W)
			return K_CUT;
		if (ch == L'\r' || ch == L'\n' || ch == L'\t' || ch >= 0x20)
			return K_TYPE;
		return -1;
	}
	switch (ch) {
	case KEY_BACKSPACE:
		return K_BACK;
	case KEY_DC:
		return K_DEL;
	case KEY_ENTER:
		return K_TYPE;
	case KEY_LEFT: case KEY_RIGHT: case KEY_UP: case KEY_DOWN:
	case KEY_PPAGE: case KEY_NPAGE: case KEY_HOME: case KEY_END:
	case KEY_SLEFT: case KEY_SRIGHT: case KEY_SR: case KEY_SF:
	case KEY_SHOME: case KEY_SEND:
		return K_MOVE;
	}
	return -1;
}

bool
textedit_starts_step(const struct textedit *te, wint_t ch, bool fn)
{
	int	 k = kind_of(ch, fn);
	size_t	 a, b;

	if (k < 0 || k == K_MOVE)
		return false;
	if (k == K_CUT || k != te->last || sel_range(te, &a, &b))
		return true;
	if (k == K_TYPE) {
		wchar_t	 c = ch == L'\r' || ch == KEY_ENTER ? L'\n' :
		    (wchar_t)ch;

		/* "今天，" is one step; 明 starts the next. */
		return is_boundary(te->last_ch) && !is_boundary(c);
	}
	return false;
}

/* A movement key; with Shift it extends the selection. */
static int
move_key(struct textedit *te, wint_t ch, int goal)
{
	bool	 shift = ch == KEY_SLEFT || ch == KEY_SRIGHT || ch == KEY_SR ||
	    ch == KEY_SF || ch == KEY_SHOME || ch == KEY_SEND;

	if (shift && !te->sel) {
		te->sel = true;
		te->mark = te->point;
	} else if (!shift)
		te->sel = false;
	switch (ch) {
	case KEY_LEFT:
	case KEY_SLEFT:
		if (te->point > 0)
			te->point--;
		break;
	case KEY_RIGHT:
	case KEY_SRIGHT:
		if (te->point < te->len)
			te->point++;
		break;
	case KEY_UP:
	case KEY_SR:
		te->goal = goal;
		move_lines(te, -1);
		break;
	case KEY_DOWN:
	case KEY_SF:
		te->goal = goal;
		move_lines(te, 1);
		break;
	case KEY_PPAGE:
	case KEY_NPAGE:
		te->goal = goal;
		move_page(te, ch == KEY_PPAGE ? -1 : 1);
		break;
	case KEY_HOME:
	case KEY_SHOME:
		layout(te);
		te->point = te->starts[line_of(te, te->point)];
		break;
	case KEY_END:
	case KEY_SEND:
		layout(te);
		te->point = line_end(te, line_of(te, te->point));
		break;
	}
	return TE_HANDLED;
}

int
textedit_key(struct textedit *te, wint_t ch, bool fn)
{
	int	 goal = te->goal, k = kind_of(ch, fn);
	wchar_t	 c;

	if (k < 0)
		return TE_IGNORED;
	te->goal = -1;
	if (k == K_MOVE) {
		te->last = K_MOVE;
		return move_key(te, ch, goal);
	}
	if (k == K_TYPE) {
		c = (!fn && ch != L'\r' && ch != L'\n') ? (wchar_t)ch : L'\n';
		delete_selection(te);
		insert_w(te, &c, 1);
		te->last = K_TYPE;
		te->last_ch = c;
		return TE_HANDLED | TE_CHANGED;
	}
	te->last = k;
	if (delete_selection(te))
		return TE_HANDLED | TE_CHANGED;
	if (!fn && ch == CTRL_K) {
		if (te->point >= te->len)
			return TE_HANDLED;
		delete_to_end(te);
		te->last = K_CUT;
		return TE_HANDLED | TE_CHANGED;
	}
	if (!fn && ch == CTRL_W) {
		if (te->point == 0)
			return TE_HANDLED;
		delete_word_before(te);
		return TE_HANDLED | TE_CHANGED;
	}
	if (k == K_BACK) {
		if (te->point == 0)
			return TE_HANDLED;
		delete_range(te, te->point - 1, te->point);
		return TE_HANDLED | TE_CHANGED;
	}
	/* K_DEL */
	if (te->point >= te->len)
		return TE_HANDLED;
	delete_range(te, te->point, te->point + 1);
	return TE_HANDLED | TE_CHANGED;
}

void
textedit_position(struct textedit *t, int *line, int *lines)
{
	layout(t);
	*line = line_of(t, t->point) + 1;
	*lines = t->nlines;
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
	size_t	 i, e, sa = 0, sb = 0;
	cchar_t	 cc_;
	wchar_t	 wc[2];
	attr_t	 a0;
	short	 pair;

	textedit_cursor(te, &cr, &cc);
	sel_range(te, &sa, &sb);
	wattr_get(win, &a0, &pair, NULL);
	for (r = 0; r < te->rows; r++) {
		l = te->top + r;
		wmove(win, top + r, left);
		col = 0;
		if (l < te->nlines) {
			e = line_end(te, l);
			for (i = te->starts[l]; i < e; i++) {
				w = cwidth(te->s[i]);
				wattr_set(win, i >= sa && i < sb ?
				    a0 | A_REVERSE : a0, pair, NULL);
				if (te->s[i] == L'\t') {
					waddstr(win, "    ");
				} else if (te->s[i] < 0x20 || te->s[i] == 0x7f ||
				    (te->s[i] >= 0x80 && te->s[i] < 0xa0)) {
					/* a control: never sent raw */
					waddch(win, '?');
				} else if (te->s[i] == 0x61c ||
				    te->s[i] == 0x200e || te->s[i] == 0x200f ||
				    (te->s[i] >= 0x202a && te->s[i] <= 0x202e) ||
				    (te->s[i] >= 0x2066 && te->s[i] <= 0x2069)) {
					/* a bidi control (no width): it
					 * would reorder the screen */
				} else {
					wc[0] = te->s[i];
					wc[1] = 0;
					setcchar(&cc_, wc, 0, 0, NULL);
					wadd_wch(win, &cc_);
				}
				col += w;
			}
			wattr_set(win, a0, pair, NULL);
		}
		for (; col < te->cols; col++)
			waddch(win, ' ');
	}
	wmove(win, top + cr, left + cc);
}
