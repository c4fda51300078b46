/*
 * tui.c: the application. One screen per report section (封面, 一 … 六),
 * the checks and the help; number grids for tables 二, 三, 四 and the text
 * editor for the texts. Key handlers change state and report what changed;
 * the main loop draws. Every edit goes through commit(), which keeps the
 * undo history and re-checks the report.
 */
#include "config.h"

#include <curses.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>
#include <wctype.h>

#include "buf.h"
#include "cli.h"
#include "csvio.h"
#include "export.h"
#include "grid.h"
#include "import.h"
#include "keys.h"
#include "keymap.h"
#include "nls.h"
#include "number.h"
#include "report.h"
#include "rules.h"
#include "schema.h"
#include "session.h"
#include "textedit.h"
#include "wtext.h"
#include "xmalloc.h"

enum screen_id {
	SCR_COVER,
	SCR_S1,
	SCR_T2,
	SCR_T3,
	SCR_T4,
	SCR_S5,
	SCR_S6,
	SCR_CHECKS,
	SCR_HELP,
	NSCREENS,
};

/* Each screen: its tab, the section it shows (or -1), its table or text. */
static const struct screen {
	const char	*tab;
	int		 section;
	int		 table;
	int		 text;
} screens[NSCREENS] = {
	{ N_("封面"), -1, -1, F_PREAMBLE },
	{ "一", SCH_S1, -1, F_S1 },
	{ "二", SCH_S2, SCH_T2, -1 },
	{ "三", SCH_S3, SCH_T3, -1 },
	{ "四", SCH_S4, SCH_T4, -1 },
	{ "五", SCH_S5, -1, F_S5 },
	{ "六", SCH_S6, -1, F_S6 },
	{ N_("检查"), -1, -1, -1 },
	{ N_("帮助"), -1, -1, -1 },
};

#define GRID_MAXLINES	64	/* a table's rows and band headings */

struct tui {
	struct session	*s;		/* the report, its file, undo, journal */
	const struct report *r;		/* session_report(s) */
	int		 screen;
	int		 back;			/* where F1/F8/Esc go back to */
	int		 last_field;		/* the cell last changed, or -1 */
	struct grid	 grid[SCH_NTABLES];	/* the viewport of each table */
	int		 lines[SCH_NTABLES][GRID_MAXLINES]; /* row, or -1 - band */
	int		 ncells[SCH_NTABLES][GRID_MAXLINES];
	int		 grid_y0;		/* where the grid was drawn */
	int		 tab_x[NSCREENS + 1];	/* where each tab was drawn */
	bool		 editing;
	char		 edit[64];
	struct textedit	*te[SCH_NFIELDS];	/* texts and cover fields */
	int		 te_dirty;		/* field whose editor differs, or -1 */
	time_t		 te_since;		/* when it started to differ */
	int		 cover;			/* focused cover item */
	int		 check_cur, check_top;
	struct textedit	*line;			/* a line being typed, or NULL */
	const char	*line_label;
	char		*note_key;		/* the note being typed */
	char		 msg[1024];
	bool		 msg_error;
	bool		 quit;
	bool		 discard;	/* quit dropping the unsaved edits */
	bool		 colors;
};

static const int cover_fields[] = { F_AGENCY, F_YEAR, F_PERIOD_START,
    F_PERIOD_END, F_PREAMBLE };
#define NCOVER	((int)(sizeof cover_fields / sizeof cover_fields[0]))

enum { PAIR_EMPTY = 1, PAIR_FAIL, PAIR_BAR, PAIR_OK, PAIR_WARN, PAIR_ERRMSG };

static volatile sig_atomic_t	 got_hup;

static void
on_hup(int sig)
{
	(void)sig;
	got_hup = 1;
}

/* Read a key: ERR after a second without one. A terminal that went away
 * (a dropped SSH connection, with or without SIGHUP) counts as a hangup,
 * so that no loop waits or spins on it. */
static int
read_key(wint_t *ch)
{
	struct pollfd	 p = { .fd = STDIN_FILENO, .events = POLLIN };
	int		 r = get_wch(ch);

	if (r == ERR && !got_hup && poll(&p, 1, 0) == 1 &&
	    (p.revents & (POLLHUP | POLLERR | POLLNVAL)))
		got_hup = 1;
	return r;
}

static void
say(struct tui *t, bool error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
say(struct tui *t, bool error, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(t->msg, sizeof t->msg, fmt, ap);
	va_end(ap);
	t->msg_error = error;
}

/* The findings of the report as it is now. Borrowed. */
static const struct findings *
findings(struct tui *t)
{
	return session_findings(t->s);
}

/* How many bytes of UTF-8 text fit in width columns (up to a newline),
 * cut at a character boundary; *used gets their width. */
static size_t
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

/* Draw UTF-8 text at (y, x) in exactly width columns: cut at a character
 * boundary, padded with spaces, right-aligned when right is set. */
static void
put(int y, int x, int width, const char *s, bool right)
{
	int	 used, pad;
	size_t	 n;

	if (width <= 0)
		return;
	n = fit(s, width, &used);
	move(y, x);
	pad = width - used;
	if (right)
		printw("%*s", pad, "");
	addnstr(s, (int)n);
	if (!right)
		printw("%*s", pad, "");
}

/* Draw UTF-8 text on line y from column 0 in the current attribute, then
 * clear the rest of the line in the normal one: uncoloured blanks cost the
 * terminal one "clear to end of line", coloured ones a byte each. */
static void
put_line(int y, const char *s)
{
	attr_t	 a;
	short	 pair;

	move(y, 0);
	addnstr(s, (int)fit(s, COLS, NULL));
	attr_get(&a, &pair, NULL);
	attrset(A_NORMAL);
	clrtoeol();
	attr_set(a, pair, NULL);
}

/* Say what went wrong in the session, if anything; the cause is freed. */
static void
trouble(struct tui *t, char *cause)
{
	if (cause != NULL)
		say(t, true, "%s", cause);
	free(cause);
}

/* Every edit passes here, on to the session. */
static void
commit(struct tui *t, int field, const char *value)
{
	char	*cause = NULL;

	session_set(t->s, field, value, &cause);
	trouble(t, cause);
	if (schema_field(field)->cls == SC_CELL)
		t->last_field = field;
}

/* Put the text of an editor that was changed into the report. */
static void
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

/* The editor of a text or cover field, made on first use. */
static struct textedit *
editor(struct tui *t, int field)
{
	if (t->te[field] == NULL) {
		t->te[field] = textedit_new();
		textedit_set_text(t->te[field], report_get(t->r, field));
	}
	return t->te[field];
}

static void
sync_editor(struct tui *t, int field)
{
	if (t->te[field] != NULL)
		textedit_set_text(t->te[field], report_get(t->r, field));
}

/* Show the place of a field: its screen and cell or item. */
static void
go_to_field(struct tui *t, int field)
{
	const struct sch_field	*f = schema_field(field);
	int			 i;

	if (f->cls == SC_CELL) {
		t->screen = sch_tables[f->table].section - SCH_S1 + SCR_S1;
		for (i = 0; i < t->grid[f->table].nlines; i++)
			if (t->lines[f->table][i] == f->row)
				grid_set(&t->grid[f->table], i, f->col);
		return;
	}
	for (i = 0; i < NSCREENS; i++)
		if (screens[i].text == field && i != SCR_COVER)
			t->screen = i;
	for (i = 0; i < NCOVER; i++)
		if (cover_fields[i] == field) {
			t->screen = SCR_COVER;
			t->cover = i;
		}
}

/* Undo or redo a step: a figure, a text, a note or a whole fill. */
static void
undo(struct tui *t, bool redo)
{
	struct session_undone	 u;
	char			*cause = NULL;
	const char		*label;
	int			 i, r;

	commit_text(t);
	t->editing = false;
	r = session_undo(t->s, redo, &u, &cause);
	if (r == 0) {
		say(t, false, "%s", redo ? _("没有可重做的修改") :
		    _("没有可撤销的修改"));
		return;
	}
	for (i = 0; i < SCH_NFIELDS; i++)
		sync_editor(t, i);
	if (u.field >= 0) {
		go_to_field(t, u.field);
		label = schema_display_label(u.field);
	} else {
		t->screen = SCR_CHECKS;
		label = u.key;
	}
	if (u.n > 1)
		say(t, false, redo ? _("已重做：%s 等 %d 处") :
		    _("已撤销：%s 等 %d 处"), label, u.n);
	else if (u.field >= 0 && schema_field(u.field)->cls == SC_CELL)
		/* The figure as it was and as it is now: 96→95. */
		say(t, false, redo ? _("已重做：%s %s→%s") : _("已撤销：%s %s→%s"),
		    label, u.from != NULL ? u.from : _("（空）"),
		    u.to != NULL ? u.to : _("（空）"));
	else
		say(t, false, redo ? _("已重做：%s") : _("已撤销：%s"), label);
	trouble(t, cause);
}

/* ---- grid ------------------------------------------------------------- */

#define GRID_CELLW(t)	((t) == SCH_T2 ? 12 : 9)

/* The schema row and field under the cursor of a table. */
static int
cur_row(struct tui *t, int table)
{
	return t->lines[table][t->grid[table].line];
}

static int
cur_field(struct tui *t, int table)
{
	return schema_cell(table, cur_row(t, table), t->grid[table].col);
}

/* A row's label as the grid shows it when there is room: table 四's rows
 * by their short names, a numbered item with its group's number, so that
 * "1.属于国家秘密" reads "（三）1.属于国家秘密". */
static const char *
row_label(int table, int r, char *buf, size_t len)
{
	const struct sch_row	*row = &sch_tables[table].rows[r];
	const char		*close;

	if (table == SCH_T4)
		return row->abbr;
	if (row->label[0] >= '0' && row->label[0] <= '9' &&
	    strncmp(row->brief, "（", 3) == 0 &&
	    (close = strstr(row->brief, "）")) != NULL) {
		snprintf(buf, len, "%.*s%s", (int)(close + 3 - row->brief),
		    row->brief, row->label);
		return buf;
	}
	return row->label;
}

/* The label column: full labels when they fit, else the short ones. */
static int
grid_labels(int table, int avail, bool *full)
{
	const struct sch_table	*tb = &sch_tables[table];
	int			 r, wfull = 0, wbrief = 0, w;
	char			 buf[256];

	for (r = 0; r < tb->nrows; r++) {
		w = wt_strwidth(row_label(table, r, buf, sizeof buf));
		if (w > wfull)
			wfull = w;
		w = wt_strwidth(tb->rows[r].brief);
		if (w > wbrief)
			wbrief = w;
	}
	/* The bands' captions share the label column: whole when they fit. */
	for (r = 0; r < tb->nbands; r++) {
		const struct sch_band	*b = &tb->bands[r];

		w = wt_strwidth(b->caption != NULL ? b->caption : b->corner);
		if (w > wfull)
			wfull = w;
	}
	*full = wfull <= avail;
	if (*full)
		return wfull;
	return avail;		/* long labels where they fit, else brief */
}

/* Lines of a table on screen: -1 - band for a band's heading, else a row. */
static int
grid_lines(int table, int *lines)
{
	const struct sch_table	*tb = &sch_tables[table];
	int			 r, n = 0;

	for (r = 0; r < tb->nrows; r++) {
		if (r == 0 || tb->rows[r].band != tb->rows[r - 1].band)
			lines[n++] = -1 - tb->rows[r].band;
		lines[n++] = r;
	}
	return n;
}

static void
draw_grid(struct tui *t, int table, int y0, int height)
{
	const struct sch_table	*tb = &sch_tables[table];
	const struct findings	*fs = findings(t);
	struct grid		*g = &t->grid[table];
	const int		*lines;
	int			 nl, i, y, cw = GRID_CELLW(table);
	int			 lw, ncols_vis, c, x;
	bool			 full;
	int			 maxcols = 0;

	for (i = 0; i < tb->nbands; i++)
		if (tb->bands[i].ncols > maxcols)
			maxcols = tb->bands[i].ncols;
	/* Frozen label column, values scrolling. */
	lw = grid_labels(table, COLS - 1 - maxcols * cw, &full);
	if (lw < 12)
		lw = 12;	/* narrower: the values scroll instead */
	g->height = height;
	g->width = COLS;
	g->label_width = lw;
	g->cell_width = cw;
	grid_scroll(g);
	ncols_vis = grid_visible_cells(g);
	lines = t->lines[table];
	nl = g->nlines;
	t->grid_y0 = y0;

	for (y = 0; y < height; y++) {
		int	 li = grid_line_at(g, y);

		move(y0 + y, 0);
		clrtoeol();
		if (li < 0 || li >= nl)
			continue;
		if (lines[li] < 0) {
			const struct sch_band *b = &tb->bands[-1 - lines[li]];

			attron(A_BOLD);
			put(y0 + y, 0, lw, b->caption != NULL ? b->caption :
			    b->corner, false);
			for (c = g->left; c < b->ncols &&
			    c < g->left + ncols_vis; c++) {
				const char *h = wt_strwidth(b->cols[c].label) <
				    cw ? b->cols[c].label : b->cols[c].brief;

				x = lw + 1 + (c - g->left) * cw;
				put(y0 + y, x, cw, h, true);
			}
			attroff(A_BOLD);
			continue;
		}
		{
			const struct sch_row *row = &tb->rows[lines[li]];
			const struct sch_band *b = &tb->bands[row->band];

			char		 lb[256];
			const char	*l = row_label(table, lines[li], lb,
			    sizeof lb);

			put(y0 + y, 0, lw, full || wt_strwidth(l) <= lw ? l :
			    row->brief, false);
			for (c = g->left; c < b->ncols &&
			    c < g->left + ncols_vis; c++) {
				int		 f = schema_cell(table, lines[li], c);
				const char	*v = report_get(t->r, f);
				bool		 cur = li == g->line && c == g->col;
				attr_t		 a = 0;
				char		 shown[80];

				x = lw + 1 + (c - g->left) * cw;
				bool		 failing = findings_for_field(fs, f,
				    SEV_ERROR) != NULL;

				if (failing)
					a = t->colors ? COLOR_PAIR(PAIR_FAIL) :
					    A_BOLD | A_UNDERLINE;
				else if (v == NULL)
					a = t->colors ? COLOR_PAIR(PAIR_EMPTY) :
					    A_DIM;
				if (cur)
					a = A_REVERSE | (failing ? A_BOLD : 0);
				if (cur && t->editing) {
					/* The digits last typed, within the
					 * cell. */
					size_t	 n = strlen(t->edit);
					size_t	 room = (size_t)cw - 2;

					snprintf(shown, sizeof shown, "%s_",
					    n > room ? t->edit + n - room :
					    t->edit);
				}
				else
					snprintf(shown, sizeof shown, "%s",
					    v != NULL ? v : "·");
				attron(a);
				/* The gap before the cell takes its attribute:
				 * a row of red cells is one run for the
				 * terminal, not seven. */
				put(y0 + y, x - 1, cw, shown, true);
				attroff(a);
			}
		}
	}
}

/* Commit the cell being typed; false (and a message) if it is refused. */
static bool
grid_commit(struct tui *t, int table)
{
	int	 f = cur_field(t, table);
	char	*norm = number_normalize(t->edit);
	int64_t	 v;
	int	 e;

	e = number_parse(norm, schema_field(f)->kind, &v);
	if (e != NUM_OK && e != NUM_EMPTY) {
		/* Refused: the cell keeps its figure and the typing ends, so
		 * the arrows move again and the next digit starts afresh. */
		say(t, true, _("“%s”不能填入：%s（这一格没有改）"), t->edit,
		    number_strerror(e, schema_field(f)->kind));
		free(norm);
		t->editing = false;
		return false;
	}
	commit(t, f, e == NUM_EMPTY ? NULL : norm);
	free(norm);
	t->editing = false;
	return true;
}

/* A typed character as it goes into a number: ASCII digits and point,
 * full-width ones converted; 0 for anything else. */
static char
number_char(wint_t ch)
{
	if (ch >= L'0' && ch <= L'9')
		return (char)ch;
	if (ch >= 0xff10 && ch <= 0xff19)
		return (char)('0' + ch - 0xff10);
	if (ch == L'.' || ch == 0xff0e || ch == 0x3002)
		return '.';
	return 0;
}


/* F5: the empty totals of a table from their parts, as the identities
 * say; a total already typed is left alone, even when it disagrees. */
static void
fill_totals(struct tui *t, int table)
{
	struct fill_result	 fr;
	char			*cause = NULL, left[256] = "", wait[128] = "";

	session_fill(t->s, table, FILL_TOTALS, &fr, &cause);
	if (fr.totals == 0)
		say(t, false, "%s", _("本表没有合计"));
	else {
		if (fr.differ > 0)
			snprintf(left, sizeof left, _("；%d 个合计已有数字、与分项不符，"
			    "没有改动，请核对"), fr.differ);
		if (fr.waiting > 0)
			snprintf(wait, sizeof wait, _("；%d 个合计的分项未填全"),
			    fr.waiting);
		say(t, fr.differ > 0, _("已按分项填写 %d 个合计%s%s"),
		    fr.filled, left, wait);
	}
	trouble(t, cause);
}

/* F6: every empty cell of a table gets 0, as one step. */
static void
fill_zero(struct tui *t, int table)
{
	struct fill_result	 fr;
	char			*cause = NULL;

	session_fill(t->s, table, FILL_ZERO, &fr, &cause);
	say(t, false, _("已把本表 %d 个空格填为 0"), fr.filled);
	trouble(t, cause);
}

static void
grid_key(struct tui *t, int table, wint_t ch, bool fn)
{
	int	 f = cur_field(t, table);
	char	 nc;
	size_t	 len;

	if (session_readonly(t->s) && !fn && number_char(ch) != 0) {
		say(t, true, "%s", _("只读打开，不能修改"));
		return;
	}
	if (!fn && (nc = number_char(ch)) != 0) {
		if (!t->editing) {
			t->editing = true;
			t->edit[0] = '\0';
		}
		len = strlen(t->edit);
		if (len + 1 < sizeof t->edit) {
			t->edit[len] = nc;
			t->edit[len + 1] = '\0';
		}
		t->msg[0] = '\0';
		return;
	}
	if (t->editing) {
		if (!fn && (ch == L'\r' || ch == L'\n')) {
			if (grid_commit(t, table))
				grid_next_down(&t->grid[table]);
			return;
		}
		if (!fn && ch == 27) {
			t->editing = false;
			say(t, false, "%s", _("已取消"));
			return;
		}
		if ((fn && ch == KEY_BACKSPACE) || (!fn && (ch == 0x7f ||
		    ch == 0x08))) {
			len = strlen(t->edit);
			if (len > 0)
				t->edit[len - 1] = '\0';
			return;
		}
		if (fn && (ch == KEY_UP || ch == KEY_DOWN || ch == KEY_LEFT ||
		    ch == KEY_RIGHT || ch == KEY_ENTER)) {
			if (!grid_commit(t, table))
				return;
		} else if (!fn) {
			say(t, true, _("只能填写数字：“%lc”不是数字（全角数字也可以）"),
			    (wint_t)ch);
			return;
		}
	}
	if (!fn) {
		if (ch == L'\r' || ch == L'\n') {
			grid_next_down(&t->grid[table]);
			return;
		}
		if (ch == 0x7f || ch == 0x08)
			goto backspace;
		if (ch >= 0x20)
			say(t, true, _("只能填写数字：“%lc”不是数字（全角数字也可以）"),
			    (wint_t)ch);
		return;
	}
	switch (ch) {
	case KEY_UP:
		grid_move(&t->grid[table], -1, 0);
		break;
	case KEY_DOWN:
		grid_move(&t->grid[table], 1, 0);
		break;
	case KEY_ENTER:
		grid_next_down(&t->grid[table]);
		break;
	case KEY_LEFT:
		grid_move(&t->grid[table], 0, -1);
		break;
	case KEY_RIGHT:
		grid_move(&t->grid[table], 0, 1);
		break;
	case KEY_PPAGE:
		grid_page(&t->grid[table], -1);
		break;
	case KEY_NPAGE:
		grid_page(&t->grid[table], 1);
		break;
	case KEY_HOME:
		grid_home(&t->grid[table]);
		break;
	case KEY_END:
		grid_end(&t->grid[table]);
		break;
	case KEY_SHOME:
		grid_first(&t->grid[table]);
		break;
	case KEY_SEND:
		grid_last(&t->grid[table]);
		break;
	case KEY_DC:
		if (session_readonly(t->s))
			break;
		commit(t, f, NULL);
		break;
	case KEY_BACKSPACE:
	backspace:
		if (session_readonly(t->s))
			break;
		snprintf(t->edit, sizeof t->edit, "%s",
		    report_get(t->r, f) != NULL ? report_get(t->r, f) : "");
		len = strlen(t->edit);
		if (len > 0)
			t->edit[len - 1] = '\0';
		t->editing = true;
		break;
	}
}

/* ---- checks ----------------------------------------------------------- */

static const char *
section_name(int section, int table)
{
	if (table >= 0)
		return sch_tables[table].name;
	if (section >= 0)
		return sch_sections[section].heading;
	return _("封面");
}

/* A finding as the checks screen lists it: its severity and rule in
 * words, the message, the note written for it. Caller frees. */
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

static void
draw_checks(struct tui *t, int y0, int height)
{
	const struct findings *fs = findings(t);
	int		 i, k, n, y, nl = 0, first = 0, last = 0;
	int		 prev = -2, prevt = -2, width = COLS - 4;
	/* The screen lines: a heading for each new group (fi < 0), then
	 * each finding wrapped. */
	struct cline {
		int		 fi, sub;
		struct wt_line	 l;
	}		*lines;
	char		**texts;
	struct wt_line	 w[CHECK_WRAP];

	if (t->check_cur >= fs->n)
		t->check_cur = fs->n > 0 ? fs->n - 1 : 0;
	if (fs->n == 0) {
		move(y0, 0);
		clrtobot();
		put(y0 + 1, 2, COLS - 4, _("没有发现问题：报告完整，勾稽关系全部相符。"),
		    false);
		return;
	}
	lines = xreallocarray(NULL, (size_t)fs->n * (CHECK_WRAP + 1),
	    sizeof *lines);
	texts = xcalloc((size_t)fs->n, sizeof *texts);
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
		if (i == t->check_cur)
			first = nl;
		for (k = 0; k < n; k++) {
			lines[nl].fi = i;
			lines[nl].sub = k;
			lines[nl++].l = w[k];
		}
		if (i == t->check_cur)
			last = nl - 1;
	}
	/* The current finding whole on screen, its heading too if it fits. */
	if (first - 1 < t->check_top)
		t->check_top = first > 0 && lines[first - 1].fi < 0 ?
		    first - 1 : first;
	if (last >= t->check_top + height)
		t->check_top = last - height + 1;
	for (y = 0; y < height; y++) {
		int			 li = t->check_top + y;
		const struct finding	*f;
		attr_t			 a = 0;
		char			*piece;

		move(y0 + y, 0);
		clrtoeol();
		if (li >= nl)
			continue;
		if (lines[li].fi < 0) {
			f = &fs->v[-1 - lines[li].fi];
			attron(A_BOLD);
			put(y0 + y, 0, COLS, section_name(f->section, f->table),
			    false);
			attroff(A_BOLD);
			continue;
		}
		f = &fs->v[lines[li].fi];
		if (f->sev == SEV_ERROR && t->colors)
			a = COLOR_PAIR(PAIR_FAIL);
		if (lines[li].fi == t->check_cur)
			a = A_REVERSE;
		piece = xasprintf("%.*s", (int)lines[li].l.len,
		    texts[lines[li].fi] + lines[li].l.off);
		attron(a);
		put(y0 + y, lines[li].sub == 0 ? 2 : 4, width, piece, false);
		attroff(a);
		free(piece);
	}
	for (i = 0; i < fs->n; i++)
		free(texts[i]);
	free(texts);
	free(lines);
}

static void
checks_key(struct tui *t, wint_t ch, bool fn)
{
	const struct findings *fs = findings(t);

	if (t->note_key != NULL) {
		char	*s, *cause = NULL;

		if (!fn && ch == 27) {
			say(t, false, "%s", _("已取消"));
		} else if ((!fn && (ch == L'\r' || ch == L'\n')) ||
		    (fn && ch == KEY_ENTER)) {
			s = textedit_text(t->line);
			session_note(t->s, t->note_key, s, &cause);
			free(s);
			say(t, false, "%s", _("说明已记下（导出时一并导出）"));
			trouble(t, cause);
		} else {
			textedit_key(t->line, ch, fn);
			return;
		}
		textedit_free(t->line);
		t->line = NULL;
		free(t->note_key);
		t->note_key = NULL;
		return;
	}
	if (!fn && (ch == L'n' || ch == L'N') && fs->n > 0) {
		const struct finding	*f = &fs->v[t->check_cur];

		if (f->note_key == NULL) {
			say(t, true, "%s", _("只有提示（警告）可以写说明；错误需要改正"));
			return;
		}
		if (session_readonly(t->s))
			return;
		t->line = textedit_new();
		t->line_label = _("说明：");
		textedit_set_text(t->line, report_extra_get(t->r, f->note_key));
		textedit_set_point(t->line, textedit_length(t->line));
		t->note_key = xstrdup(f->note_key);
		return;
	}

	if (fn && ch == KEY_UP && t->check_cur > 0)
		t->check_cur--;
	else if (fn && ch == KEY_DOWN && t->check_cur + 1 < fs->n)
		t->check_cur++;
	else if (fn && ch == KEY_PPAGE)
		t->check_cur = t->check_cur > 10 ? t->check_cur - 10 : 0;
	else if (fn && ch == KEY_NPAGE)
		t->check_cur = t->check_cur + 10 < fs->n ? t->check_cur + 10 :
		    (fs->n > 0 ? fs->n - 1 : 0);
	else if (((!fn && (ch == L'\r' || ch == L'\n')) ||
	    (fn && ch == KEY_ENTER)) && fs->n > 0) {
		go_to_field(t, fs->v[t->check_cur].fields[0]);
		say(t, false, "%s", fs->v[t->check_cur].message);
	}
}

/* ---- text and cover ------------------------------------------------- */

static void
text_key(struct tui *t, int field, wint_t ch, bool fn)
{
	struct textedit	*te = editor(t, field);
	int		 r;

	if (session_readonly(t->s)) {
		if (!fn)
			say(t, true, "%s", _("只读打开，不能修改"));
		else
			textedit_key(te, ch, fn);
		return;
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
}

static void
cover_key(struct tui *t, wint_t ch, bool fn)
{
	int	 f = cover_fields[t->cover];

	if (f != F_PREAMBLE && ((!fn && (ch == L'\r' || ch == L'\n')) ||
	    (fn && (ch == KEY_DOWN || ch == KEY_ENTER)))) {
		commit_text(t);
		if (t->cover + 1 < NCOVER)
			t->cover++;
		return;
	}
	if (fn && ch == KEY_UP && (f != F_PREAMBLE ||
	    textedit_point(editor(t, f)) == 0)) {
		commit_text(t);
		if (t->cover > 0)
			t->cover--;
		return;
	}
	text_key(t, f, ch, fn);
}

static void
draw_cover(struct tui *t, int y0, int height)
{
	int	 i, lw = 14, cy = -1, cx = 0, r, c;
	char	 label[64];

	for (i = 0; i < NCOVER - 1; i++) {
		int		 f = cover_fields[i];
		struct textedit	*te = editor(t, f);

		snprintf(label, sizeof label, "%s：", schema_field(f)->label);
		move(y0 + i, 0);
		clrtoeol();
		put(y0 + i, 2, lw, label, false);
		textedit_set_size(te, 1, COLS - lw - 4);
		if (i == t->cover)
			attron(A_UNDERLINE);
		textedit_draw(te, stdscr, y0 + i, lw + 2);
		attroff(A_UNDERLINE);
		if (i == t->cover) {
			textedit_cursor(te, &r, &c);
			cy = y0 + i;
			cx = lw + 2 + c;
		}
	}
	move(y0 + NCOVER - 1, 0);
	clrtoeol();
	put(y0 + NCOVER, 2, COLS - 4, _("报告前言（可不填）："), false);
	{
		struct textedit	*te = editor(t, F_PREAMBLE);

		textedit_set_size(te, height - NCOVER - 1, COLS - 4);
		textedit_draw(te, stdscr, y0 + NCOVER + 1, 2);
		if (t->cover == NCOVER - 1) {
			textedit_cursor(te, &r, &c);
			cy = y0 + NCOVER + 1 + r;
			cx = 2 + c;
		}
	}
	move(cy, cx);
}

/* ---- help --------------------------------------------------------------- */

static void
draw_help(int y0, int height)
{
	size_t	 i;
	int	 y = 0;
	char	 buf[256];

	move(y0, 0);
	clrtobot();
	/* One line per action, with every key bound to it. */
	for (i = 0; i < tui_nkeys && y < height; i++) {
		char	 names[64];
		size_t	 j;
		bool	 seen = false;

		for (j = 0; j < i; j++)
			if (tui_keys[j].action == tui_keys[i].action)
				seen = true;
		if (seen)
			continue;
		keymap_names(tui_keys, tui_nkeys, tui_keys[i].action, names,
		    sizeof names);
		snprintf(buf, sizeof buf, "  %-14s %s%s", names,
		    _(tui_keys[i].help), tui_keys[i].ctx == CTX_GRID ?
		    _("（表格）") : "");
		put(y0 + y, 0, COLS, buf, false);
		y++;
	}
	for (i = 0; i < tui_nwidget_keys && y < height; i++, y++) {
		snprintf(buf, sizeof buf, _("  %s：%s%s"),
		    _(tui_widget_keys[i].name), _(tui_widget_keys[i].help),
		    tui_widget_keys[i].ctx == CTX_GRID ?
		    _("（表格）") : tui_widget_keys[i].ctx == CTX_CHECKS ?
		    _("（检查）") : _("（文字）"));
		put(y0 + y, 0, COLS, buf, false);
	}
}

static const char *
translate(const char *msgid)
{
	return _(msgid);
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

/* ---- frame ---------------------------------------------------------------- */

/* A screen's state for the section bar: 0 clean, 1 incomplete, 2 failing. */
static int
screen_state(struct tui *t, int s, int *nempty)
{
	const struct findings *fs = findings(t);
	int		 i, st = 0;

	*nempty = 0;
	for (i = 0; i < fs->n; i++) {
		const struct finding	*f = &fs->v[i];
		bool			 mine;

		if (s == SCR_COVER)
			mine = f->section == -1;
		else
			mine = f->section == screens[s].section;
		if (!mine)
			continue;
		if (f->sev == SEV_ERROR)
			st = 2;
		else if (f->sev == SEV_INCOMPLETE) {
			(*nempty)++;
			if (st == 0)
				st = 1;
		}
	}
	return st;
}

static int
context(int screen)
{
	if (screens[screen].table >= 0)
		return CTX_GRID;
	if (screen == SCR_CHECKS)
		return CTX_CHECKS;
	if (screens[screen].text >= 0)
		return CTX_TEXT;
	return 0;
}

/* What the status line says: the message of the moment, or else the
 * failing identity of the cursor's cell (or of the cell last changed, or
 * the first of the table), the cover's error, the finding chosen on the
 * checks screen. NULL for nothing; *error when it is to be marked. */
static const char *
status_message(struct tui *t, int here, bool *error)
{
	const struct findings	*fs = findings(t);
	const struct finding	*f = NULL;
	int			 i, tb = screens[t->screen].table;

	*error = true;
	if (t->msg[0] != '\0') {
		*error = t->msg_error;
		return t->msg;
	}
	if (here >= 0) {
		f = findings_for_field(fs, here, SEV_ERROR);
		if (f == NULL && t->last_field >= 0)
			f = findings_for_field(fs, t->last_field, SEV_ERROR);
		for (i = 0; f == NULL && i < fs->n; i++)
			if (fs->v[i].sev == SEV_ERROR && fs->v[i].table == tb)
				f = &fs->v[i];
	} else if (t->screen == SCR_COVER) {
		/* Why the cover is ✗: its field's error, or the cover's. */
		f = findings_for_field(fs, cover_fields[t->cover], SEV_ERROR);
		for (i = 0; f == NULL && i < fs->n; i++)
			if (fs->v[i].sev == SEV_ERROR && fs->v[i].section == -1)
				f = &fs->v[i];
	} else if (t->screen == SCR_CHECKS && fs->n > 0) {
		*error = false;
		f = &fs->v[t->check_cur < fs->n ? t->check_cur : 0];
	}
	return f != NULL ? f->message : NULL;
}

/* The status lines: the cell's label, then the message over one line or
 * (extra) two. */
static void
draw_status(struct tui *t, int here, const char *msg, bool error, int extra)
{
	struct wt_line	 l[2];
	int		 y = LINES - 2 - extra, n;
	attr_t		 a = error ? (t->colors ? COLOR_PAIR(PAIR_ERRMSG) :
	    A_BOLD) : 0;
	char		*piece;

	move(y - 1, 0);
	clrtoeol();
	if (here >= 0)
		put_line(y - 1, schema_display_label(here));
	move(y, 0);
	clrtoeol();
	if (msg == NULL)
		return;
	attron(a);
	n = wt_wrap(msg, COLS, l, 2);
	if (n == 1 || extra == 0)
		put_line(y, msg);
	else {
		piece = xasprintf("%.*s", (int)l[0].len, msg + l[0].off);
		put_line(y, piece);
		free(piece);
		/* What does not fit in two lines ends in "…". */
		piece = n > 2 ? xasprintf("%.*s…", (int)fit(msg + l[1].off,
		    COLS - 1, NULL), msg + l[1].off) : xasprintf("%.*s",
		    (int)l[1].len, msg + l[1].off);
		put_line(y + 1, piece);
		free(piece);
	}
	attroff(a);
}

static void
draw(struct tui *t)
{
	char		 buf[1200];
	int		 s, x, height, n, st, ctx;
	const char	*heading, *smsg;
	const struct findings *fs = findings(t);
	int		 here = -1, show = 0, extra;
	bool		 serr;

	if (COLS < 80 || LINES < 24) {
		erase();
		put(LINES / 2, 0, COLS, _("请把窗口放大到至少 80×24"), false);
		snprintf(buf, sizeof buf, _("（现在是 %d×%d）"), COLS, LINES);
		put(LINES / 2 + 1, 0, COLS, buf, false);
		put(LINES / 2 + 2, 0, COLS, _("放大之前按键不起作用"), false);
		cursor(0);
		return;
	}
	/* Title. */
	attron(t->colors ? COLOR_PAIR(PAIR_BAR) : A_REVERSE);
	/* The marks last: the first edit does not move the agency. */
	snprintf(buf, sizeof buf, " gkreport  %s  %s%s%s", session_path(t->s),
	    report_get(t->r, F_AGENCY) != NULL ? report_get(t->r, F_AGENCY) : "",
	    session_modified(t->s) ? _(" [未保存]") : "",
	    session_readonly(t->s) ? _(" [只读]") : "");
	put(0, 0, COLS, buf, false);
	attroff(t->colors ? COLOR_PAIR(PAIR_BAR) : A_REVERSE);

	/* Section bar. */
	move(1, 0);
	clrtoeol();
	x = 0;
	for (s = 0; s < NSCREENS; s++) {
		st = s < SCR_CHECKS ? screen_state(t, s, &n) : -1;
		if (st == 0)
			snprintf(buf, sizeof buf, " %s✓ ", _(screens[s].tab));
		else if (st == 1)
			snprintf(buf, sizeof buf, " %s·%d ", _(screens[s].tab), n);
		else if (st == 2)
			snprintf(buf, sizeof buf, " %s✗ ", _(screens[s].tab));
		else if (s == SCR_CHECKS)
			snprintf(buf, sizeof buf, " %s%d ", _(screens[s].tab),
			    fs->nerror + fs->nincomplete + fs->nwarning);
		else
			snprintf(buf, sizeof buf, " %s ", _(screens[s].tab));
		t->tab_x[s] = x;
		t->tab_x[s + 1] = x;
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

	/* Heading. */
	if (screens[t->screen].section >= 0)
		heading = sch_sections[screens[t->screen].section].heading;
	else if (t->screen == SCR_COVER)
		heading = _("封面：报告单位、年度、统计期间和前言");
	else if (t->screen == SCR_CHECKS)
		heading = _("检查：全部问题（Enter 跳到出错的格子，n 为提示写说明）");
	else
		heading = _("帮助：按键");
	attron(A_BOLD);
	put(2, 0, COLS, heading, false);
	attroff(A_BOLD);

	/* The status message, before the body: when it takes two lines the
	 * body gives one up, so that the cell's label stays above it. */
	if (screens[t->screen].table >= 0)
		here = cur_field(t, screens[t->screen].table);
	smsg = status_message(t, here, &serr);
	extra = smsg != NULL && wt_wrap(smsg, COLS, NULL, 0) > 1 ? 1 : 0;
	height = LINES - 6 - extra;
	/* The body: what the last screen left there goes. */
	for (s = 3; s < LINES - 3; s++) {
		move(s, 0);
		clrtoeol();
	}
	if (screens[t->screen].table >= 0) {
		int	 tb = screens[t->screen].table;

		if (tb == SCH_T3 && sch_tables[tb].corner_note != NULL) {
			put(3, 0, COLS, sch_tables[tb].corner_note, false);
			draw_grid(t, tb, 4, height - 1);
		} else
			draw_grid(t, tb, 3, height);
	} else if (t->screen == SCR_CHECKS) {
		draw_checks(t, 3, height);
	} else if (t->screen == SCR_HELP) {
		draw_help(3, height);
	}

	draw_status(t, here, smsg, serr, extra);

	/* Key hints from the key table. */
	ctx = context(t->screen);
	keymap_hints(tui_keys, tui_nkeys, ctx, translate, buf, sizeof buf);
	attron(t->colors ? COLOR_PAIR(PAIR_BAR) : A_REVERSE);
	put(LINES - 1, 0, COLS, buf, false);
	attroff(t->colors ? COLOR_PAIR(PAIR_BAR) : A_REVERSE);

	/* Text screens draw last: they own the cursor. */
	if (t->screen == SCR_COVER) {
		show = 1;
		draw_cover(t, 3, height);
	} else if (screens[t->screen].text >= 0) {
		struct textedit	*te = editor(t, screens[t->screen].text);

		textedit_set_size(te, height, COLS - 1);
		show = 1;
		textedit_draw(te, stdscr, 3, 0);
	}
	if (t->line != NULL) {
		int	 r, c, lw = wt_strwidth(t->line_label);

		move(LINES - 2, 0);
		clrtoeol();
		put(LINES - 2, 0, lw, t->line_label, false);
		textedit_set_size(t->line, 1, COLS - lw - 1);
		textedit_draw(t->line, stdscr, LINES - 2, lw);
		textedit_cursor(t->line, &r, &c);
		show = 1;
		move(LINES - 2, lw + c);
	}
	cursor(show);
}

/* ---- saving and quitting ------------------------------------------------ */

static wint_t	 ask(struct tui *, const char *);

static bool	 save_as(struct tui *);

/* Say how a save went; true when saved. */
static bool
saved(struct tui *t, enum session_save st, char *cause)
{
	switch (st) {
	case SAVE_OK:
		say(t, false, _("已保存到 %s"), session_path(t->s));
		return true;
	case SAVE_READONLY:
		say(t, true, "%s", _("只读打开，不能保存；可按 F12 另存为新文件"));
		break;
	case SAVE_IS_DIR:
		break;		/* said by save_as, which knows the name */
	case SAVE_FAILED:
		say(t, true, _("%s。可按 F12 另存到别处"), cause);
		break;
	default:
		say(t, false, "%s", _("没有保存"));
		break;
	}
	free(cause);
	return false;
}

static bool
save(struct tui *t)
{
	enum session_save	 st;
	char			*cause = NULL;
	wint_t			 ch;

	commit_text(t);
	st = session_save(t->s, NULL, 0, &cause);
	if (st == SAVE_CHANGED) {
		ch = ask(t, _("报告文件在打开后被别的程序改动、替换或删除了。"
		    " O 用现在的内容覆盖  A 另存为  Esc 取消"));
		if (ch == L'a' || ch == L'A')
			return save_as(t);
		if (ch == L'o' || ch == L'O')
			st = session_save(t->s, NULL, SAVE_FORCE, &cause);
	}
	return saved(t, st, cause);
}

/* Ask for a line of text on the message line: Enter gives it (caller
 * frees), Esc gives NULL. */
static char	*ask_line(struct tui *, const char *, const char *);

static void	 draw(struct tui *);

static char *
ask_line(struct tui *t, const char *label, const char *initial)
{
	wint_t	 ch;
	int	 r;
	char	*s = NULL;

	t->line = textedit_new();
	t->line_label = label;
	textedit_set_text(t->line, initial);
	textedit_set_point(t->line, textedit_length(t->line));
	t->msg[0] = '\0';
	for (;;) {
		draw(t);
		refresh();
		r = read_key(&ch);
		if (got_hup)
			break;
		if (r == ERR || (r == KEY_CODE_YES && ch == KEY_RESIZE))
			continue;
		if (r == OK && ch == 27)
			break;
		if ((r == OK && (ch == L'\r' || ch == L'\n')) ||
		    (r == KEY_CODE_YES && ch == KEY_ENTER)) {
			s = textedit_text(t->line);
			break;
		}
		if (r == OK && ch == CTRL('u'))
			textedit_set_text(t->line, "");	/* start afresh */
		else
			textedit_key(t->line, ch, r == KEY_CODE_YES);
	}
	textedit_free(t->line);
	t->line = NULL;
	return s;
}

/* Save under another name or in another folder (a full disk, a folder
 * that is gone, a read-only copy): the new file becomes the report's. */
static bool
save_as(struct tui *t)
{
	enum session_save	 st;
	char			*path, *cause = NULL;
	wint_t			 ch;

	commit_text(t);
	path = ask_line(t, _("另存为（Enter 确定，^U 清空，Esc 取消）："),
	    session_path(t->s));
	if (path == NULL || *path == '\0') {
		say(t, false, "%s", _("没有保存"));
		free(path);
		return false;
	}
	st = session_save(t->s, path, 0, &cause);
	if (st == SAVE_IS_DIR)
		say(t, true, _("%s 是一个文件夹；请写出文件名"), path);
	if (st == SAVE_EXISTS || st == SAVE_CHANGED) {
		ch = ask(t, st == SAVE_EXISTS ? _("文件已经存在。 O 覆盖  Esc 取消") :
		    _("报告文件在打开后被别的程序改动、替换或删除了。"
		    " O 用现在的内容覆盖  Esc 取消"));
		if (ch == L'o' || ch == L'O')
			st = session_save(t->s, path, SAVE_FORCE, &cause);
	}
	free(path);
	return saved(t, st, cause);
}

/* Ask a one-key question on the message line; returns the key. */
static wint_t
ask(struct tui *t, const char *question)
{
	wint_t	 ch;
	int	 r;

	say(t, false, "%s", question);
	draw(t);
	refresh();
	for (;;) {
		r = read_key(&ch);
		if (got_hup) {
			ch = 27;	/* as Esc: nothing is done */
			break;
		}
		if (r == OK)
			break;
		if (r == KEY_CODE_YES && ch == KEY_RESIZE) {
			draw(t);
			refresh();
		}
	}
	t->msg[0] = '\0';
	return ch;
}

static void
quit(struct tui *t)
{
	wint_t	 ch;

	commit_text(t);
	if (!session_modified(t->s)) {
		t->quit = true;
		return;
	}
	ch = ask(t, _("有未保存的修改。 S 保存并退出  D 放弃修改并退出  Esc 留下"));
	if (ch == L's' || ch == L'S') {
		if (save(t))
			t->quit = true;
	} else if (ch == L'd' || ch == L'D') {
		t->discard = true;
		t->quit = true;
	} else
		say(t, false, "%s", _("继续编辑"));
}

/* On SIGHUP/SIGTERM: the journal already holds every committed edit; add
 * the text or the figure being typed, then leave (the journal stays for
 * recovery). */
static void
hangup(struct tui *t)
{
	int	 tb = screens[t->screen].table;
	char	*norm;

	commit_text(t);
	if (t->editing && tb >= 0) {
		/* The figure being typed, as typed: a value that is not yet a
		 * figure is kept too, flagged R5, as a file would keep it. */
		norm = number_normalize(t->edit);
		commit(t, cur_field(t, tb), norm);
		free(norm);
		t->editing = false;
	}
	t->quit = true;
}

/* The export menu, drawn from the table of formats: the format's key,
 * then a file beside the report. */
static void
export_menu(struct tui *t)
{
	const struct export_format_info	*fi;
	struct buf			 q = { NULL, 0, 0 };
	wint_t				 ch;
	int				 fmt, i;
	char				*out, *err = NULL;
	const struct findings		*fs;

	commit_text(t);
	buf_add(&q, _("导出："));
	for (i = 0; i < EXPORT_NFORMATS; i++)
		if ((fi = export_format_info(i))->built)
			buf_addf(&q, "%c %s  ", fi->key, _(fi->menu));
	buf_add(&q, _("Esc 取消"));
	ch = ask(t, q.s);
	free(q.s);
	if (ch > 127 || (fmt = export_format_by_key((int)ch)) == -1) {
		say(t, false, "%s", _("已取消"));
		return;
	}
	out = export_default_path(session_path(t->s), fmt);
	if (session_export(t->s, fmt, out, &err) == -1) {
		say(t, true, "%s", err);
		free(err);
	} else {
		fs = findings(t);
		if (fs->nerror + fs->nincomplete > 0)
			say(t, true, _("已导出到 %s（注意：报告还有 %d 项错误、%d 项未填）"),
			    out, fs->nerror, fs->nincomplete);
		else
			say(t, false, _("已导出到 %s"), out);
	}
	free(out);
}

/* Start next year's report from this one, in a file beside it. */
static void
new_year(struct tui *t)
{
	char	*path, *cause = NULL;
	wint_t	 ch;

	commit_text(t);
	if ((path = session_next_year_path(t->s, &cause)) == NULL) {
		trouble(t, cause);
		return;
	}
	ch = ask(t, _("以本报告开始下一年度（上年结转、上年数字带入，文字留作草稿）？ Y 确定  Esc 取消"));
	if (ch != L'y' && ch != L'Y') {
		say(t, false, "%s", _("已取消"));
		free(path);
		return;
	}
	if (session_save_next_year(t->s, path, &cause) == -1)
		trouble(t, cause);
	else
		say(t, false, _("已建立下一年度的报告 %s；退出后用 gkreport %s 打开"),
		    path, path);
	free(path);
}

static void
act(struct tui *t, enum action a)
{
	int	 tb = screens[t->screen].table;

	switch (a) {
	case A_NONE:
		break;
	case A_NEXT:
	case A_PREV:
		commit_text(t);
		t->editing = false;
		t->screen = (t->screen + (a == A_NEXT ? 1 : NSCREENS - 1)) %
		    NSCREENS;
		break;
	case A_HELP:
	case A_CHECKS:
		commit_text(t);
		t->editing = false;
		/* Pressed again, the key goes back where the clerk was. */
		if (t->screen == (a == A_HELP ? SCR_HELP : SCR_CHECKS))
			t->screen = t->back;
		else {
			if (t->screen != SCR_HELP && t->screen != SCR_CHECKS)
				t->back = t->screen;
			t->screen = a == A_HELP ? SCR_HELP : SCR_CHECKS;
		}
		break;
	case A_SAVE:
		save(t);
		break;
	case A_SAVE_AS:
		save_as(t);
		break;
	case A_QUIT:
		quit(t);
		break;
	case A_UNDO:
	case A_REDO:
		undo(t, a == A_REDO);
		break;
	case A_REPAINT:
		clearok(curscr, TRUE);
		break;
	case A_FILL_TOTALS:
		if (tb >= 0 && !session_readonly(t->s))
			fill_totals(t, tb);
		break;
	case A_FILL_ZERO:
		if (tb >= 0 && !session_readonly(t->s))
			fill_zero(t, tb);
		break;
	case A_EXPORT:
		export_menu(t);
		break;
	case A_NEW_YEAR:
		new_year(t);
		break;
	}
}

/* A click on a screen's tab shows it; a click on a cell selects it. */
static void
mouse(struct tui *t)
{
	MEVENT	 m;
	int	 s, tb = screens[t->screen].table, line, col;

	if (getmouse(&m) != OK || !(m.bstate & (BUTTON1_CLICKED |
	    BUTTON1_PRESSED)))
		return;
	if (m.y == 1) {
		for (s = 0; s < NSCREENS; s++)
			if (m.x >= t->tab_x[s] && m.x < t->tab_x[s + 1]) {
				commit_text(t);
				t->editing = false;
				t->screen = s;
				break;
			}
		return;
	}
	if (tb < 0 || !grid_hit(&t->grid[tb], m.y - t->grid_y0, m.x, &line,
	    &col))
		return;
	if (t->editing && !grid_commit(t, tb))
		return;
	grid_set(&t->grid[tb], line, col);
}

static void
key(struct tui *t, wint_t ch, bool fn)
{
	const struct keybinding	*b;
	int			 ctx = context(t->screen);

	if (fn && ch == KEY_RESIZE)
		return;
	/* The screen asks for a larger window: nothing acts unseen. */
	if (COLS < 80 || LINES < 24)
		return;
	if (fn && ch == KEY_MOUSE) {
		mouse(t);
		return;
	}
	if ((b = keymap_find(tui_keys, tui_nkeys, ch, fn, ctx)) != NULL) {
		/* A figure being typed is committed first, as when moving
		 * away; undo drops it. */
		if (t->editing && b->action != A_UNDO && b->action != A_REDO &&
		    !grid_commit(t, screens[t->screen].table))
			return;
		if (b->action != A_SAVE && b->action != A_SAVE_AS &&
		    b->action != A_QUIT && b->action != A_EXPORT &&
		    b->action != A_NEW_YEAR)
			t->msg[0] = '\0';
		act(t, b->action);
		return;
	}
	t->msg[0] = '\0';
	/* Esc leaves help and the checks (a note being written first). */
	if (!fn && ch == 27 && (t->screen == SCR_HELP ||
	    (t->screen == SCR_CHECKS && t->note_key == NULL))) {
		t->screen = t->back;
		return;
	}
	if (screens[t->screen].table >= 0)
		grid_key(t, screens[t->screen].table, ch, fn);
	else if (t->screen == SCR_CHECKS)
		checks_key(t, ch, fn);
	else if (t->screen == SCR_COVER)
		cover_key(t, ch, fn);
	else if (screens[t->screen].text >= 0)
		text_key(t, screens[t->screen].text, ch, fn);
}

/* ---- opening: the lock and recovery ---------------------------------- */

/* Take the report's lock; when another gkreport holds it, offer to open
 * the report read-only. */
static void
take_lock(struct tui *t)
{
	char	*holder = NULL, *q, pid[32], host[256], user[256];
	wint_t	 ch;

	switch (session_lock(t->s, &holder)) {
	case LOCK_TAKEN:
		break;
	case LOCK_BUSY:
		if (sscanf(holder, "%31s %255s %255s", pid, host, user) == 3)
			q = xasprintf(_("报告正被另一个 gkreport 使用（%s@%s，"
			    "进程 %s）。 R 只读打开  Q 退出"), user, host, pid);
		else
			q = xasprintf(_("报告正被另一个 gkreport 使用（%s）。"
			    " R 只读打开  Q 退出"), holder);
		ch = ask(t, q);
		free(q);
		if (ch == L'r' || ch == L'R') {
			session_set_readonly(t->s, true);
			say(t, false, "%s", _("只读打开：可以查看、检查、导出；"
			    "要修改请等对方退出，或按 F12 另存为新文件"));
		} else
			t->quit = true;
		break;
	case LOCK_FAILED:
		say(t, true, _("%s；没有加锁，请确认没有别人同时在改这个报告"),
		    holder);
		break;
	case LOCK_REFUSED:	/* the session is read-only now */
		say(t, true, _("%s；只读打开"), holder);
		break;
	}
	free(holder);
}

/* A whole-screen question before the report is shown: a title, a heading,
 * an optional warning, lines to read (scrolled with the arrows and PgUp/
 * PgDn), two lines of choices; returns the key chosen (lower case), one
 * of keys. A terminal that goes away answers quit. */
static wint_t
list_screen(struct tui *t, const char *title, const char *heading,
    const char *warning, const char *text, const char *choices1,
    const char *choices2, const char *keys, wint_t quit_key)
{
	const char	*p, *nl;
	char		*buf;
	wint_t		 ch;
	int		 y, r, n, first = 0, room;

	for (;;) {
		erase();
		attron(t->colors ? COLOR_PAIR(PAIR_BAR) : A_REVERSE);
		buf = xasprintf(" gkreport  %s", title);
		put(0, 0, COLS, buf, false);
		free(buf);
		attroff(t->colors ? COLOR_PAIR(PAIR_BAR) : A_REVERSE);
		attron(A_BOLD);
		put(2, 0, COLS, heading, false);
		attroff(A_BOLD);
		y = 3;
		if (warning != NULL) {
			attron(t->colors ? COLOR_PAIR(PAIR_ERRMSG) : A_BOLD);
			put(y++, 0, COLS, warning, false);
			attroff(t->colors ? COLOR_PAIR(PAIR_ERRMSG) : A_BOLD);
		}
		y++;
		room = LINES - 5 - y;
		/* Each line wrapped at the screen's width, continued indented. */
		for (n = 0, p = text; *p != '\0'; p = *nl ? nl + 1 : nl) {
			const char	*q = p;
			size_t		 k;

			nl = strchr(p, '\n');
			if (nl == NULL)
				nl = p + strlen(p);
			do {
				buf = xasprintf("%.*s", (int)(nl - q), q);
				k = fit(buf, COLS - (q == p ? 2 : 4), NULL);
				if (k == 0)
					k = strlen(buf);	/* never stuck */
				if (n >= first && y < LINES - 5)
					put(y++, q == p ? 2 : 4, COLS - (q == p ?
					    2 : 4), buf, false);
				free(buf);
				q += k;
				n++;
			} while (q < nl);
		}
		if (first + room < n) {
			buf = xasprintf(_("  ……还有 %d 行（↓ PgDn 往下看）"),
			    n - first - room);
			put(y, 0, COLS, buf, false);
			free(buf);
		}
		attron(A_BOLD);
		put(LINES - 3, 0, COLS, choices1, false);
		put(LINES - 2, 0, COLS, choices2 != NULL ? choices2 : "", false);
		attroff(A_BOLD);
		refresh();
		r = read_key(&ch);
		if (got_hup)
			return quit_key;
		if (r == KEY_CODE_YES) {
			if (ch == KEY_DOWN && first + room < n)
				first++;
			else if (ch == KEY_UP && first > 0)
				first--;
			else if (ch == KEY_NPAGE && first + room < n)
				first += room;
			else if (ch == KEY_PPAGE)
				first = first > room ? first - room : 0;
			continue;
		}
		if (r != OK)
			continue;
		ch = towlower(ch);
		if (ch == 27)
			ch = quit_key;
		if (ch < 0x80 && strchr(keys, (int)ch) != NULL)
			return ch;
	}
}

/* Show what the journal would recover and ask what to do with it. */
static wint_t
recovery_screen(struct tui *t, const struct session_recovery *rec)
{
	char	*title, *heading, *keep;
	wint_t	 ch;

	title = xasprintf(_("%s  恢复"), session_path(t->s));
	heading = xasprintf(_("发现上次没有保存的修改（%d 处），记在 %s："),
	    rec->n, rec->journal);
	keep = xasprintf(_("K 两个都留：恢复的内容另存为 %s，"
	    "这里打开原来的文件"), rec->copy);
	ch = list_screen(t, title, heading, rec->base_changed ?
	    _("注意：报告文件在这些修改之后被改动过；"
	    "恢复会把这些修改放到现在的文件上") : NULL, rec->desc,
	    _("R 恢复这些修改   D 放弃这些修改   "
	    "Q 先退出，以后再决定"), keep, "rdkq", L'q');
	free(title);
	free(heading);
	free(keep);
	return ch;
}

/* What the import of a text found, one line per message. Caller frees. */
static char *
import_describe(const struct import_log *log)
{
	char	*s = xstrdup(""), *n;
	int	 i;

	for (i = 0; i < log->n; i++) {
		if (log->v[i].line > 0)
			n = xasprintf(_("%s第 %d 行 %s：%s\n"), s, log->v[i].line,
			    import_level_label(log->v[i].level), log->v[i].text);
		else
			n = xasprintf("%s%s：%s\n", s,
			    import_level_label(log->v[i].level), log->v[i].text);
		free(s);
		s = n;
	}
	return s;
}

/* Opening a published report's text: show what was read and guessed, and
 * on the clerk's word save it as a report file and open that. */
static void
offer_import(struct tui *t, const char *txt, const struct import_log *log)
{
	char	*title, *heading, *desc, *choice, *err = NULL;
	wint_t	 ch;
	int64_t	 year;

	title = xasprintf(_("%s  导入"), txt);
	heading = xasprintf(_("这是一份公布的报告文本。读到的内容和猜测（%d 处猜测、"
	    "%d 处警告），请核对："), log->nguess, log->nwarn);
	desc = import_describe(log);
	choice = xasprintf(_("Y 导入并保存为 %s，然后打开   Q 退出"),
	    session_path(t->s));
	ch = list_screen(t, title, heading, log->converted ?
	    _("文本是 GB18030（GBK）编码的，已转换") : NULL, desc, choice,
	    _("导入后请对照原文逐项核对，再开始本年度（F9）"), "yq", L'q');
	free(title);
	free(heading);
	free(desc);
	free(choice);
	if (ch != L'y') {
		t->quit = true;
		return;
	}
	if (session_save(t->s, NULL, 0, &err) != SAVE_OK) {
		say(t, true, _("%s。可按 F12 另存到别处"), err != NULL ? err :
		    session_path(t->s));
		free(err);
		return;
	}
	if (report_value(t->r, F_YEAR, &year))
		say(t, false, _("已导入并保存为 %s；核对后可按 F9 以它开始 %lld 年度"),
		    session_path(t->s), (long long)year + 1);
	else
		say(t, false, _("已导入并保存为 %s；请在封面填写报告年度"),
		    session_path(t->s));
}

/* Edits journalled but never saved (a crash, kill -9, a power cut): show
 * them and let the clerk recover them, drop them, or keep both. */
static void
recover(struct tui *t)
{
	struct session_recovery	 rec;
	char			*cause = NULL;
	wint_t			 ch;
	int			 r;

	r = session_recovery(t->s, &rec, &cause);
	if (r == -1 && session_readonly(t->s)) {
		/* A journal that is not ours: never written through. */
		say(t, true, _("%s；只读打开"), cause);
		free(cause);
		return;
	}
	if (r <= 0) {
		trouble(t, cause);	/* nothing, or what was set aside */
		return;
	}
	ch = recovery_screen(t, &rec);
	switch (ch) {
	case L'r':
		if (session_recover(t->s, RECOVER_APPLY, &rec, &cause) == -1)
			trouble(t, cause);
		else
			say(t, false, _("已恢复 %d 处修改；请检查后按 ^S 保存"),
			    rec.n);
		break;
	case L'd':
		session_recover(t->s, RECOVER_DISCARD, &rec, &cause);
		say(t, false, "%s", _("已放弃上次没有保存的修改"));
		break;
	case L'k':
		if (session_recover(t->s, RECOVER_KEEP_BOTH, &rec, &cause) == -1) {
			say(t, true, _("%s；恢复日志保留着"), cause);
			free(cause);
		} else
			say(t, false, _("恢复的内容已另存为 %s；这里打开的是原来的文件"),
			    rec.copy);
		break;
	default:
		t->quit = true;
		break;
	}
	session_recovery_free(&rec);
}

static void
restore_terminal(void)
{
	if (!isendwin())
		endwin();
}

static void
on_fatal(int sig)
{
	restore_terminal();
	signal(sig, SIG_DFL);
	raise(sig);
}

int
tui_main(const char *path, bool readonly)
{
	struct tui		 t;
	struct session_opened	 o;
	struct sigaction	 sa;
	char			*err = NULL;
	wint_t			 ch;
	int			 r, i;

	if (path == NULL) {
		cli_error("%s", _("请指定报告文件，例如：gkreport 2024年报.csv"));
		return EXIT_TROUBLE;
	}
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0 &&
	    (setlocale(LC_ALL, "C.UTF-8") == NULL ||
	    strcmp(nl_langinfo(CODESET), "UTF-8") != 0)) {
		cli_error("%s", _("终端的字符集不是 UTF-8，无法正确显示中文；"
		    "请设置 LANG=C.UTF-8 后再试"));
		return EXIT_TROUBLE;
	}
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		cli_error("%s", _("需要在终端里运行（检查、导出等请用子命令，"
		    "见 gkreport --help）"));
		return EXIT_TROUBLE;
	}
	memset(&t, 0, sizeof t);
	for (i = 0; i < SCH_NTABLES; i++) {
		int	 l, n = grid_lines(i, t.lines[i]);

		for (l = 0; l < n; l++)
			t.ncells[i][l] = t.lines[i][l] < 0 ? 0 :
			    schema_band(i, t.lines[i][l])->ncols;
		grid_init(&t.grid[i], n, t.ncells[i]);
	}
	t.te_dirty = -1;
	t.s = session_open(path, readonly ? SESSION_READONLY : 0, &o, &err);
	if (t.s == NULL) {
		for (i = 0; i < o.log.n; i++)
			if (o.log.v[i].level == IMPORT_REFUSED)
				cli_error("%s:%d: %s", path, o.log.v[i].line,
				    o.log.v[i].text);
		cli_error("%s", err);
		free(err);
		session_opened_free(&o);
		return EXIT_TROUBLE;
	}
	t.r = session_report(t.s);
	if (o.origin == SESSION_NEW)
		say(&t, false, "%s", _("新报告：请先填写报告单位和报告年度；"
		    "按 ^S 保存后才会建立文件"));
	else
		t.screen = SCR_S1;
	if (o.warning != NULL)
		say(&t, false, "%s", o.warning);
	t.back = t.screen;
	t.last_field = -1;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_hup;
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	signal(SIGSEGV, on_fatal);
	signal(SIGABRT, on_fatal);
	signal(SIGINT, SIG_IGN);
	atexit(restore_terminal);
	if (getenv("ESCDELAY") == NULL)
		set_escdelay(25);
	initscr();
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	timeout(1000);
	mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED, NULL);
	mouseinterval(0);	/* a press is a click: no waiting */
	if (has_colors() && getenv("NO_COLOR") == NULL) {
		start_color();
		use_default_colors();
		init_pair(PAIR_EMPTY, COLOR_BLUE, -1);
		init_pair(PAIR_FAIL, -1, COLOR_RED);
		init_pair(PAIR_BAR, COLOR_BLACK, COLOR_CYAN);
		init_pair(PAIR_OK, COLOR_GREEN, -1);
		init_pair(PAIR_WARN, COLOR_YELLOW, -1);
		init_pair(PAIR_ERRMSG, COLOR_RED, -1);
		t.colors = true;
	}

	if (o.origin == SESSION_TEXT)
		offer_import(&t, path, &o.log);
	session_opened_free(&o);
	if (!session_readonly(t.s) && !t.quit)
		take_lock(&t);
	if (!t.quit && !session_readonly(t.s))
		recover(&t);
	while (!t.quit) {
		draw(&t);
		refresh();
		r = read_key(&ch);
		if (got_hup) {
			hangup(&t);
			break;
		}
		if (r == ERR) {
			/* A pause: the text being typed goes to the journal. */
			commit_text(&t);
			continue;
		}
		key(&t, ch, r == KEY_CODE_YES);
		if (t.te_dirty >= 0 && time(NULL) - t.te_since >= 5)
			commit_text(&t);
	}
	endwin();
	if (t.discard)
		session_discard(t.s);
	else
		session_close(t.s);	/* unsaved: the journal stays */
	for (i = 0; i < SCH_NFIELDS; i++)
		textedit_free(t.te[i]);
	textedit_free(t.line);
	free(t.note_key);
	return 0;
}
