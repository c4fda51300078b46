/*
 * screen_checks.c: every finding of the report, grouped by section; Enter
 * goes to the first cell of the one under the cursor, n writes a note
 * (说明) for a warning.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keys.h"
#include "nls.h"
#include "report.h"
#include "rules.h"
#include "tui.h"
#include "wtext.h"
#include "xmalloc.h"

struct checks {
	int	 cur, top;	/* the finding under the cursor; first line */
};

static void
checks_init(struct screen *sc, struct tui *t, int section)
{
	(void)t;
	(void)section;
	sc->data = xcalloc(1, sizeof(struct checks));
}

static void
checks_free(struct screen *sc)
{
	free(sc->data);
}

/* A finding as the list shows it: its severity and rule in words, the
 * message, the note written for it. Caller frees. */
static char *
finding_text(struct tui *t, const struct finding *f)
{
	const char	*note = f->note_key != NULL ?
	    report_extra_get(t->r, f->note_key) : NULL;

	return xasprintf(_("%s（%s） %s%s%s"), severity_label(f->sev),
	    rules_name(f->rule), f->message, note != NULL ? _("  说明：") : "",
	    note != NULL ? note : "");
}

#define CHECK_WRAP	6	/* screen lines one finding takes at most */

/* The list's screen lines: a heading for each new group (fi < 0), then
 * each finding wrapped (texts[fi], piece l). */
struct cline {
	int		 fi, sub;
	struct wt_line	 l;
};

/* Lay the findings out in lines; their number. *first and *last: the
 * lines of the finding under the cursor. */
static int
lay_out(struct tui *t, const struct findings *fs, int cur, int width,
    struct cline *lines, char **texts, int *first, int *last)
{
	struct wt_line	 w[CHECK_WRAP];
	int		 i, k, n, nl = 0, prev = -2, prevt = -2;

	for (i = 0; i < fs->n; i++) {
		if (fs->v[i].section != prev || fs->v[i].table != prevt) {
			lines[nl].fi = -1 - i;
			lines[nl++].sub = 0;
			prev = fs->v[i].section;
			prevt = fs->v[i].table;
		}
		texts[i] = finding_text(t, &fs->v[i]);
		n = wt_wrap(texts[i], width, w, CHECK_WRAP);
		if (n > CHECK_WRAP) {
			n = CHECK_WRAP;
			w[n - 1].len = strlen(texts[i]) - w[n - 1].off;
		}
		if (i == cur)
			*first = nl;
		for (k = 0; k < n; k++) {
			lines[nl].fi = i;
			lines[nl].sub = k;
			lines[nl++].l = w[k];
		}
		if (i == cur)
			*last = nl - 1;
	}
	return nl;
}

static void
checks_draw(struct screen *sc, struct tui *t, int y0, int height)
{
	struct checks		*ck = sc->data;
	const struct findings	*fs = tui_findings(t);
	struct cline		*lines;
	char			**texts, *piece;
	int			 i, y, li, nl, first = 0, last = 0;
	attr_t			 a;

	if (ck->cur >= fs->n)
		ck->cur = fs->n > 0 ? fs->n - 1 : 0;
	if (fs->n == 0) {
		put(y0 + 1, 2, COLS - 4,
		    _("没有发现问题：报告完整，勾稽关系全部相符。"), false);
		return;
	}
	lines = xreallocarray(NULL, (size_t)fs->n * (CHECK_WRAP + 1),
	    sizeof *lines);
	texts = xcalloc((size_t)fs->n, sizeof *texts);
	nl = lay_out(t, fs, ck->cur, COLS - 4, lines, texts, &first, &last);
	/* The current finding whole on screen, its heading too if it fits. */
	if (first - 1 < ck->top)
		ck->top = first > 0 && lines[first - 1].fi < 0 ? first - 1 :
		    first;
	if (last >= ck->top + height)
		ck->top = last - height + 1;
	for (y = 0; y < height && (li = ck->top + y) < nl; y++) {
		if (lines[li].fi < 0) {
			attron(A_BOLD);
			put(y0 + y, 0, COLS,
			    finding_group(&fs->v[-1 - lines[li].fi]), false);
			attroff(A_BOLD);
			continue;
		}
		a = fs->v[lines[li].fi].sev == SEV_ERROR && t->colors ?
		    COLOR_PAIR(PAIR_FAIL) : 0;
		if (lines[li].fi == ck->cur)
			a = A_REVERSE;
		piece = xasprintf("%.*s", (int)lines[li].l.len,
		    texts[lines[li].fi] + lines[li].l.off);
		attron(a);
		put(y0 + y, lines[li].sub == 0 ? 2 : 4, COLS - 4, piece, false);
		attroff(a);
		free(piece);
	}
	for (i = 0; i < fs->n; i++)
		free(texts[i]);
	free(texts);
	free(lines);
}

/* n: a note for the warning under the cursor, typed on the message line. */
static int
write_note(struct tui *t, const struct finding *f)
{
	char	*key, *s, *cause = NULL;

	if (f->note_key == NULL) {
		say(t, true, "%s", _("只有提示（警告）可以写说明；错误需要改正"));
		return SCR_HANDLED | SCR_MESSAGE;
	}
	if (session_readonly(t->s))
		return SCR_HANDLED;
	key = xstrdup(f->note_key);	/* the findings change with it */
	s = ask_line(t, _("说明："), report_extra_get(t->r, key));
	if (s == NULL)
		say(t, false, "%s", _("已取消"));
	else {
		session_note(t->s, key, s, &cause);
		say(t, false, "%s", _("说明已记下（导出时一并导出）"));
		trouble(t, cause);
	}
	free(s);
	free(key);
	return SCR_HANDLED | SCR_BODY | SCR_REPORT;
}

static int
checks_key(struct screen *sc, struct tui *t, wint_t ch, bool fn)
{
	struct checks		*ck = sc->data;
	const struct findings	*fs = tui_findings(t);
	bool			 enter = (!fn && (ch == L'\r' || ch == L'\n')) ||
				    (fn && ch == KEY_ENTER);

	if (!fn && (ch == L'n' || ch == L'N') && fs->n > 0)
		return write_note(t, &fs->v[ck->cur]);
	if (fn && ch == KEY_UP && ck->cur > 0)
		ck->cur--;
	else if (fn && ch == KEY_DOWN && ck->cur + 1 < fs->n)
		ck->cur++;
	else if (fn && ch == KEY_PPAGE)
		ck->cur = ck->cur > 10 ? ck->cur - 10 : 0;
	else if (fn && ch == KEY_NPAGE)
		ck->cur = ck->cur + 10 < fs->n ? ck->cur + 10 :
		    (fs->n > 0 ? fs->n - 1 : 0);
	else if (enter && fs->n > 0) {
		t->show = fs->v[ck->cur].fields[0];
		say(t, false, "%s", fs->v[ck->cur].message);
		return SCR_HANDLED | SCR_SHOW | SCR_MESSAGE;
	} else
		return 0;
	return SCR_HANDLED | SCR_BODY;
}

static void
checks_status(struct screen *sc, struct tui *t, struct screen_status *st)
{
	struct checks		*ck = sc->data;
	const struct findings	*fs = tui_findings(t);

	if (fs->n > 0) {
		st->text = fs->v[ck->cur < fs->n ? ck->cur : 0].message;
		st->error = false;
	}
}

const struct screen_mode screen_checks = {
	.name = "checks",
	.ctx = CTX_CHECKS,
	.count = true,
	.init = checks_init,
	.free = checks_free,
	.draw = checks_draw,
	.key = checks_key,
	.status = checks_status,
};
