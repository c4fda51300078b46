/*
 * frame.c: what is around every screen and how text goes on the terminal:
 * the title (file, agency, [未保存], [只读]), the tab bar with each
 * section's state, the heading, the status lines (the cell under the
 * cursor, its failing identity, or the message) and the key line drawn
 * from the key table; the screen's body between them.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "keys.h"
#include "keymap.h"
#include "nls.h"
#include "report.h"
#include "rules.h"
#include "show.h"
#include "textedit.h"
#include "tui.h"
#include "wtext.h"
#include "xmalloc.h"

size_t
fit(const char *s, int width, int *usedp)
{
	mbstate_t	 st;
	wchar_t		 c;
	size_t		 n, len = strlen(s);
	int		 used = 0, w;
	const char	*p = s, *end = s;

	memset(&st, 0, sizeof st);
	while (len > 0) {
		n = mbrtowc(&c, p, len, &st);
		if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
			memset(&st, 0, sizeof st);
			n = 1;
			c = 0xfffd;
		}
		w = wt_width(c);
		if (c == L'\n' || used + w > width)
			break;
		used += w;
		p += n;
		len -= n;
		end = p;
	}
	if (usedp != NULL)
		*usedp = used;
	return (size_t)(end - s);
}

/* Whether s holds what must not reach the terminal raw (a control, C1, a
 * bidi control, a byte that is not UTF-8): then show_dup shows it. */
static bool
raw_unsafe(const char *s)
{
	const unsigned char	*u = (const unsigned char *)s;

	for (; *u != '\0'; u++)
		if (*u < 0x20 || *u == 0x7f ||
		    (*u == 0xc2 && u[1] >= 0x80 && u[1] <= 0x9f) ||
		    (*u == 0xe2 && (u[1] == 0x80 || u[1] == 0x81)) ||
		    (*u == 0xd8 && u[1] == 0x9c))
			return true;
	return false;
}

void
put(int y, int x, int width, const char *s, bool right)
{
	int	 used, pad;
	size_t	 n;
	char	*v = NULL;

	if (width <= 0)
		return;
	if (raw_unsafe(s))
		s = v = show_dup(s, 0);
	n = fit(s, width, &used);
	move(y, x);
	pad = width - used;
	if (right)
		printw("%*s", pad, "");
	addnstr(s, (int)n);
	if (!right)
		printw("%*s", pad, "");
	free(v);
}

/* Uncoloured blanks cost the terminal one "clear to end of line",
 * coloured ones a byte each: the rest of the line is cleared in the
 * normal attribute. */
void
put_line(int y, const char *s)
{
	attr_t	 a;
	short	 pair;
	char	*v = NULL;

	if (raw_unsafe(s))
		s = v = show_dup(s, 0);
	move(y, 0);
	addnstr(s, (int)fit(s, COLS, NULL));
	free(v);
	attr_get(&a, &pair, NULL);
	attrset(A_NORMAL);
	clrtoeol();
	attr_set(a, pair, NULL);
}

/* Show or hide the terminal's cursor, telling the terminal only when that
 * changes (an idle screen writes nothing). */
static void
cursor(int visible)
{
	static int	 now = -1;

	if (visible != now)
		curs_set(visible);
	/* A hidden cursor need not be put back anywhere after an update. */
	leaveok(stdscr, visible ? FALSE : TRUE);
	now = visible;
}

static const char *
translate(const char *msgid)
{
	return _(msgid);
}

static attr_t
bar(const struct tui *t)
{
	return t->colors ? COLOR_PAIR(PAIR_BAR) : A_REVERSE;
}

static attr_t
errmsg(const struct tui *t)
{
	return t->colors ? COLOR_PAIR(PAIR_ERRMSG) : A_BOLD;
}

static void
draw_title(struct tui *t)
{
	const char	*agency = report_get(t->r, F_AGENCY);
	const char	*path = session_path(t->s);
	char		 buf[1200], marks[128];
	int		 room, wp, w;

	attron(bar(t));
	/* The marks last: the first edit does not move the agency. They are
	 * never cut: a long agency gives way, then a long path (its end, the
	 * file's name, stays). */
	snprintf(marks, sizeof marks, "%s%s",
	    session_unjournaled(t->s) ? _(" [未保存，未记入恢复日志]") :
	    session_modified(t->s) ? _(" [未保存]") : "",
	    session_readonly(t->s) ? _(" [只读]") : "");
	room = COLS - wt_strwidth(" gkreport  ") - wt_strwidth(marks);
	wp = wt_strwidth(path);
	if (wp > room - 2) {
		while (*path != '\0' && wt_strwidth(path) > room - 3)
			path++;
		while ((*path & 0xc0) == 0x80)
			path++;
		snprintf(buf, sizeof buf, " gkreport  …%s%s", path, marks);
	} else if (agency != NULL && wp + 2 + wt_strwidth(agency) > room) {
		w = room - wp - 2 - 1;
		snprintf(buf, sizeof buf, " gkreport  %s  %.*s…%s", path,
		    w > 0 ? (int)fit(agency, w, NULL) : 0, agency, marks);
	} else
		snprintf(buf, sizeof buf, " gkreport  %s  %s%s", path,
		    agency != NULL ? agency : "", marks);
	put(0, 0, COLS, buf, false);
	attroff(bar(t));
}

/* A section's state for the tab bar: 0 clean, 1 incomplete (*nempty
 * fields empty), 2 failing. */
static int
section_state(struct tui *t, const struct screen *sc, int *nempty)
{
	const struct findings	*fs = tui_findings(t);
	int			 i, st = 0, want;

	want = sc->section == SCREEN_PARTICULARS ? -1 : sc->section;
	*nempty = 0;
	for (i = 0; i < fs->n; i++) {
		if (fs->v[i].section != want)
			continue;
		if (fs->v[i].sev == SEV_ERROR)
			st = 2;
		else if (fs->v[i].sev == SEV_INCOMPLETE) {
			(*nempty)++;
			if (st == 0)
				st = 1;
		}
	}
	return st;
}

static void
draw_tabs(struct tui *t)
{
	const struct findings	*fs = tui_findings(t);
	char			 buf[256];
	int			 s, x = 0, n, st;

	move(1, 0);
	clrtoeol();
	for (s = 0; s < t->nscreens; s++) {
		const struct screen	*sc = &t->screens[s];

		st = sc->section != SCREEN_NOSECTION ?
		    section_state(t, sc, &n) : -1;
		if (st == 0)
			snprintf(buf, sizeof buf, " %s✓ ", sc->tab);
		else if (st == 1)
			snprintf(buf, sizeof buf, " %s·%d ", sc->tab, n);
		else if (st == 2)
			snprintf(buf, sizeof buf, " %s✗ ", sc->tab);
		else if (sc->mode->count)
			snprintf(buf, sizeof buf, " %s%d ", sc->tab,
			    fs->nerror + fs->nincomplete + fs->nwarning);
		else
			snprintf(buf, sizeof buf, " %s ", sc->tab);
		t->tab_x[s] = t->tab_x[s + 1] = x;
		if (x + wt_strwidth(buf) > COLS)
			break;
		if (s == t->screen)
			attron(A_REVERSE | A_BOLD);
		else if (st == 2 && t->colors)
			attron(COLOR_PAIR(PAIR_FAIL));
		else if (st == 0 && t->colors)
			attron(COLOR_PAIR(PAIR_OK));
		mvaddstr(1, x, buf);
		attrset(A_NORMAL);
		x += wt_strwidth(buf);
		t->tab_x[s + 1] = x;
	}
	for (s++; s <= t->nscreens; s++)
		t->tab_x[s] = x;
}

bool
frame_too_small(void)
{
	return COLS < 80 || LINES < 24;
}

int
frame_tab_at(const struct tui *t, int x)
{
	int	 s;

	for (s = 0; s < t->nscreens; s++)
		if (x >= t->tab_x[s] && x < t->tab_x[s + 1])
			return s;
	return -1;
}

/* What the status lines say: the screen's place (a field's label, a
 * message of its own), the message of the moment over the latter. */
static void
status_of(struct tui *t, struct screen_status *st)
{
	struct screen	*sc = tui_screen(t);

	st->field = -1;
	st->text = NULL;
	st->error = true;
	if (sc->mode->status != NULL)
		sc->mode->status(sc, t, st);
	if (t->msg[0] != '\0') {
		st->text = t->msg;
		st->error = t->msg_error;
	}
}

/* The status lines: the field's label, then the message over one line or
 * (extra) two. */
static void
draw_status(struct tui *t, const struct screen_status *st, int extra)
{
	struct wt_line	 l[2];
	int		 y = LINES - 2 - extra, n, prev;
	attr_t		 a = st->error ? errmsg(t) : 0;
	char		*piece;

	move(y - 1, 0);
	clrtoeol();
	if (st->field >= 0 && (prev = schema_prev(st->field)) >= 0 &&
	    schema_field(prev)->kind != SK_TEXT &&
	    report_get(t->r, prev) != NULL) {
		/* Last year's figure of the cell (prev.*), to compare. */
		piece = xasprintf(_("%s  上年 %s"),
		    schema_display_label(st->field), report_get(t->r, prev));
		put_line(y - 1, piece);
		free(piece);
	} else if (st->field >= 0)
		put_line(y - 1, schema_display_label(st->field));
	move(y, 0);
	clrtoeol();
	if (st->text == NULL)
		return;
	attron(a);
	n = wt_wrap(st->text, COLS, l, 2);
	if (n == 1 || extra == 0)
		put_line(y, st->text);
	else {
		piece = xasprintf("%.*s", (int)l[0].len, st->text + l[0].off);
		put_line(y, piece);
		free(piece);
		/* What does not fit in two lines ends in "…". */
		piece = n > 2 ? xasprintf("%.*s…", (int)fit(st->text +
		    l[1].off, COLS - 1, NULL), st->text + l[1].off) :
		    xasprintf("%.*s", (int)l[1].len, st->text + l[1].off);
		put_line(y + 1, piece);
		free(piece);
	}
	attroff(a);
}

/* A prompt's line over the message line; true: it has the cursor. */
static bool
draw_line(struct tui *t)
{
	int	 r, c, lw;

	if (t->line == NULL)
		return false;
	lw = wt_strwidth(t->line_label);
	move(LINES - 2, 0);
	clrtoeol();
	put(LINES - 2, 0, lw, t->line_label, false);
	textedit_set_size(t->line, 1, COLS - lw - 1);
	textedit_draw(t->line, stdscr, LINES - 2, lw);
	textedit_cursor(t->line, &r, &c);
	move(LINES - 2, lw + c);
	return true;
}

void
frame_draw(struct tui *t, int flags)
{
	static int		 last_extra = -1;
	struct screen		*sc = tui_screen(t);
	struct screen_status	 st;
	char			 buf[1200];
	int			 y, extra;
	bool			 show;

	if (frame_too_small()) {
		erase();
		put(LINES / 2, 0, COLS, _("请把窗口放大到至少 80×24"), false);
		snprintf(buf, sizeof buf, _("（现在是 %d×%d）"), COLS, LINES);
		put(LINES / 2 + 1, 0, COLS, buf, false);
		put(LINES / 2 + 2, 0, COLS, _("放大之前按键不起作用"), false);
		cursor(0);
		return;
	}
	if (flags & (SCR_REPORT | SCR_SCREEN)) {
		draw_title(t);
		draw_tabs(t);
		attron(A_BOLD);
		put(2, 0, COLS, sc->heading, false);
		attroff(A_BOLD);
	}
	/* The status message before the body: when it takes two lines the
	 * body gives one up, so that the field's label stays above it. */
	status_of(t, &st);
	extra = st.text != NULL && wt_wrap(st.text, COLS, NULL, 0) > 1 ? 1 : 0;
	if (extra != last_extra)
		flags |= SCR_BODY;	/* the body's height changed */
	last_extra = extra;
	draw_status(t, &st, extra);
	keymap_hints(tui_keys, tui_nkeys, sc->mode->ctx, translate, buf,
	    sizeof buf);
	attron(bar(t));
	put(LINES - 1, 0, COLS, buf, false);
	attroff(bar(t));
	/* The body last: a screen with a cursor leaves it where it is. */
	if ((flags & (SCR_BODY | SCR_REPORT | SCR_SCREEN)) || sc->mode->cursor) {
		for (y = 3; y < LINES - 3 - extra; y++) {
			move(y, 0);
			clrtoeol();
		}
		sc->mode->draw(sc, t, 3, LINES - 6 - extra);
	}
	show = draw_line(t);
	cursor(show || sc->mode->cursor);
}
