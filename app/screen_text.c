/*
 * screen_text.c: the screens of the report's texts (一, 五, 六): one
 * editor filling the body. The editors of every text and cover item live
 * here too (the cover uses them): a text being typed goes into the report
 * when the clerk pauses, leaves it, or starts a new word or clause, so
 * that one undo takes back a clause, not a visit.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

#include "keys.h"
#include "nls.h"
#include "report.h"
#include "rules.h"
#include "textedit.h"
#include "tui.h"
#include "wtext.h"

struct textedit *
editor(struct tui *t, int field)
{
	if (t->te[field] == NULL) {
		t->te[field] = textedit_new();
		textedit_set_text(t->te[field], report_get(t->r, field));
	}
	return t->te[field];
}

void
commit_text(struct tui *t)
{
	char	*s;

	if (t->te_dirty < 0)
		return;
	s = textedit_text(t->te[t->te_dirty]);
	commit(t, t->te_dirty, s);
	free(s);
	t->te_dirty = -1;
}

void
sync_editors(struct tui *t)
{
	int	 i;

	for (i = 0; i < SCH_NFIELDS; i++)
		if (t->te[i] != NULL)
			textedit_set_text(t->te[i], report_get(t->r, i));
}

int
text_edit_key(struct tui *t, int field, wint_t ch, bool fn)
{
	struct textedit	*te = editor(t, field);
	int		 r;

	if (session_readonly(t->s)) {
		if (fn) {
			textedit_key(te, ch, fn);
			return SCR_HANDLED | SCR_BODY;
		}
		say(t, true, "%s", _("只读打开，不能修改"));
		return SCR_HANDLED | SCR_MESSAGE;
	}
	/* One undo step per word or clause typed, not per visit. */
	if (t->te_dirty == field && textedit_starts_step(te, ch, fn))
		commit_text(t);
	r = textedit_key(te, ch, fn);
	if (r & TE_CHANGED) {
		if (t->te_dirty != field) {
			commit_text(t);
			t->te_since = time(NULL);
		}
		t->te_dirty = field;
	}
	return SCR_HANDLED | SCR_BODY | SCR_REPORT;
}

static void
text_init(struct screen *sc, struct tui *t, int section)
{
	(void)t;
	sc->data = NULL;
	(void)section;
}

static void
text_draw(struct screen *sc, struct tui *t, int y0, int height)
{
	struct textedit	*te = editor(t, sch_sections[sc->section].text_field);
	int		 line, lines;
	char		 buf[64];

	textedit_set_size(te, height, COLS - 1);
	/* Where the cursor is in a text longer than the screen, at the end
	 * of the heading's line. */
	textedit_position(te, &line, &lines);
	if (lines > height) {
		snprintf(buf, sizeof buf, _("第 %d/%d 行"), line, lines);
		put(y0 - 1, COLS - wt_strwidth(buf), wt_strwidth(buf), buf,
		    false);
	}
	textedit_draw(te, stdscr, y0, 0);
}

/* A text still empty, or holding only its draft (W5), says so. */
static void
text_status(struct screen *sc, struct tui *t, struct screen_status *st)
{
	const struct findings	*fs = tui_findings(t);
	int			 f = sch_sections[sc->section].text_field;
	const struct finding	*fd = findings_for_field(fs, f, SEV_ERROR);

	st->error = fd != NULL;
	if (fd == NULL)
		fd = findings_for_field(fs, f, SEV_INCOMPLETE);
	st->text = fd != NULL ? fd->message : NULL;
}

static int
text_where(struct screen *sc, struct tui *t, size_t *point)
{
	int	 f = sch_sections[sc->section].text_field;

	*point = textedit_point(editor(t, f));
	return f;
}

static int
text_key(struct screen *sc, struct tui *t, wint_t ch, bool fn)
{
	return text_edit_key(t, sch_sections[sc->section].text_field, ch, fn);
}

static bool
text_show(struct screen *sc, struct tui *t, int field)
{
	(void)t;
	return field == sch_sections[sc->section].text_field;
}

bool
text_leave(struct screen *sc, struct tui *t, enum screen_leave how)
{
	(void)sc;
	(void)how;
	commit_text(t);
	return true;
}

const struct screen_mode screen_text = {
	.name = "text",
	.ctx = CTX_TEXT,
	.cursor = true,
	.init = text_init,
	.draw = text_draw,
	.key = text_key,
	.show = text_show,
	.leave = text_leave,
	.status = text_status,
	.where = text_where,
};
