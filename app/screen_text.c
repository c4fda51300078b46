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
#include <string.h>

#include "keys.h"
#include "nls.h"
#include "number.h"
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
	char	*s, date[16];
	int64_t	 y;
	int	 f;

	if (t->te_dirty < 0)
		return;
	f = t->te_dirty;
	s = textedit_text(t->te[f]);
	if (schema_field(f)->kind != SK_TEXT) {
		/* The cover's year and dates as clerks type them: "２０２４",
		 * 2024年1月1日, 2024.1.1, 2024/1/1 are stored as 2024-01-01. */
		char	*typed = number_typed(s, schema_field(f)->kind);

		free(s);
		s = typed;
		textedit_set_text(t->te[f], s);
	}
	commit(t, f, s);
	free(s);
	t->te_dirty = -1;
	/* A year and no period yet: propose the whole year. */
	if (f == F_YEAR && report_value(t->r, F_YEAR, &y) &&
	    report_state(t->r, F_PERIOD_START) == RS_EMPTY &&
	    report_state(t->r, F_PERIOD_END) == RS_EMPTY) {
		snprintf(date, sizeof date, "%04d-01-01", (int)y);
		commit(t, F_PERIOD_START, date);
		snprintf(date, sizeof date, "%04d-12-31", (int)y);
		commit(t, F_PERIOD_END, date);
		if (t->te[F_PERIOD_START] != NULL)
			textedit_set_text(t->te[F_PERIOD_START],
			    report_get(t->r, F_PERIOD_START));
		if (t->te[F_PERIOD_END] != NULL)
			textedit_set_text(t->te[F_PERIOD_END],
			    report_get(t->r, F_PERIOD_END));
	}
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

/* An error of the text, else the finding of the paragraph under the
 * cursor (W2, X4, X5: they quote a phrase or a paragraph of the text),
 * else a text still empty or holding only its draft (W1, W5) says so,
 * else any other finding of the text. */
static void
text_status(struct screen *sc, struct tui *t, struct screen_status *st)
{
	int			 field = sch_sections[sc->section].text_field;
	const struct findings	*fs = tui_findings(t);
	const struct finding	*f = NULL;
	const char		*text = report_get(t->r, field);
	size_t			 point, pos = 0;

	f = findings_for_field(fs, field, SEV_ERROR);
	if (f == NULL && text != NULL) {
		/* The cursor is a character index; the findings count bytes
		 * of the text as last committed. */
		point = textedit_point(editor(t, field));
		while (text[pos] != '\0' && point > 0) {
			pos++;
			while (((unsigned char)text[pos] & 0xc0) == 0x80)
				pos++;
			point--;
		}
		f = findings_for_text(fs, field, pos);
	}
	if (f == NULL)
		f = findings_for_field(fs, field, SEV_INCOMPLETE);
	if (f == NULL)
		f = findings_for_field(fs, field, -1);
	if (f == NULL)
		return;
	st->text = f->message;
	st->error = f->sev == SEV_ERROR;
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
