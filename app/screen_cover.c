/*
 * screen_cover.c: the cover: the agency, the year, the period (one line
 * each, Enter or Down to the next) and the preamble (a text under them).
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

#include "keys.h"
#include "nls.h"
#include "rules.h"
#include "textedit.h"
#include "tui.h"
#include "xmalloc.h"

static const int cover_fields[] = { F_AGENCY, F_YEAR, F_PERIOD_START,
    F_PERIOD_END, F_PREAMBLE };
#define NCOVER	((int)(sizeof cover_fields / sizeof cover_fields[0]))

struct cover {
	int	 item;		/* the focused item */
};

static void
cover_init(struct screen *sc, struct tui *t, int section)
{
	(void)t;
	(void)section;
	sc->data = xcalloc(1, sizeof(struct cover));
}

static void
cover_free(struct screen *sc)
{
	free(sc->data);
}

/* Each item on as many lines as it needs (at most three: a long agency is
 * read whole, not its tail), then the preamble under them. */
static void
cover_draw(struct screen *sc, struct tui *t, int y0, int height)
{
	struct cover	*cv = sc->data;
	struct textedit	*te;
	int		 i, lw = 14, cy = -1, cx = 0, r, c, y = y0, rows, h;
	char		 label[64];

	for (i = 0; i < NCOVER - 1; i++) {
		te = editor(t, cover_fields[i]);
		snprintf(label, sizeof label, "%s：",
		    schema_field(cover_fields[i])->label);
		put(y, 2, lw, label, false);
		textedit_set_size(te, 1, COLS - lw - 4);
		rows = textedit_lines(te);
		rows = rows > 3 ? 3 : rows;
		textedit_set_size(te, rows, COLS - lw - 4);
		if (i == cv->item)
			attron(A_UNDERLINE);
		textedit_draw(te, stdscr, y, lw + 2);
		attroff(A_UNDERLINE);
		if (i == cv->item) {
			textedit_cursor(te, &r, &c);
			cy = y + r;
			cx = lw + 2 + c;
		}
		y += rows;
	}
	put(y + 1, 2, COLS - 4, _("报告前言（可不填）："), false);
	te = editor(t, F_PREAMBLE);
	h = height - (y + 2 - y0);
	textedit_set_size(te, h > 1 ? h : 1, COLS - 4);
	textedit_draw(te, stdscr, y + 2, 2);
	if (cv->item == NCOVER - 1) {
		textedit_cursor(te, &r, &c);
		cy = y + 2 + r;
		cx = 2 + c;
	}
	move(cy, cx);
}

static int
cover_key(struct screen *sc, struct tui *t, wint_t ch, bool fn)
{
	struct cover	*cv = sc->data;
	int		 f = cover_fields[cv->item];

	if (f != F_PREAMBLE && ((!fn && (ch == L'\r' || ch == L'\n')) ||
	    (fn && (ch == KEY_DOWN || ch == KEY_ENTER)))) {
		commit_text(t);
		if (cv->item + 1 < NCOVER)
			cv->item++;
		return SCR_HANDLED | SCR_BODY | SCR_REPORT;
	}
	if (fn && ch == KEY_UP && (f != F_PREAMBLE ||
	    textedit_point(editor(t, f)) == 0)) {
		commit_text(t);
		if (cv->item > 0)
			cv->item--;
		return SCR_HANDLED | SCR_BODY | SCR_REPORT;
	}
	return text_edit_key(t, f, ch, fn);
}

static bool
cover_show(struct screen *sc, struct tui *t, int field)
{
	struct cover	*cv = sc->data;
	int		 i;

	(void)t;
	for (i = 0; i < NCOVER; i++)
		if (cover_fields[i] == field) {
			cv->item = i;
			return true;
		}
	return false;
}

/* Why the cover is ✗: its item's error, or the cover's first. */
static void
cover_status(struct screen *sc, struct tui *t, struct screen_status *st)
{
	struct cover		*cv = sc->data;
	const struct findings	*fs = tui_findings(t);
	const struct finding	*f;
	int			 i;

	f = findings_for_field(fs, cover_fields[cv->item], SEV_ERROR);
	for (i = 0; f == NULL && i < fs->n; i++)
		if (fs->v[i].sev == SEV_ERROR && fs->v[i].section == -1)
			f = &fs->v[i];
	st->text = f != NULL ? f->message : NULL;
}

static int
cover_where(struct screen *sc, struct tui *t, size_t *point)
{
	struct cover	*cv = sc->data;
	int		 f = cover_fields[cv->item];

	*point = textedit_point(editor(t, f));
	return f;
}

const struct screen_mode screen_cover = {
	.name = "cover",
	.ctx = CTX_TEXT,
	.cursor = true,
	.init = cover_init,
	.free = cover_free,
	.draw = cover_draw,
	.key = cover_key,
	.show = cover_show,
	.leave = text_leave,
	.status = cover_status,
	.where = cover_where,
};
