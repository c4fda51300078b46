/*
 * screen_grid.c: the screens of tables 二, 三 and 四, one implementation
 * driven by the schema: the rows under their bands' headings, a frozen
 * label column, the cells scrolling beside it (widgets/grid.c). A figure is
 * typed into the cell under the cursor (full-width digits too) and goes
 * into the report on Enter, an arrow, or leaving; F5 and F6 fill the table.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grid.h"
#include "keys.h"
#include "nls.h"
#include "number.h"
#include "report.h"
#include "rules.h"
#include "tui.h"
#include "wtext.h"
#include "xmalloc.h"

#define GRID_MAXLINES	64	/* a table's rows and band headings */

struct table_screen {
	int		 table;
	struct grid	 g;
	int		 lines[GRID_MAXLINES];	/* a row, or -1 - band */
	int		 ncells[GRID_MAXLINES];
	int		 y0;			/* where the grid was drawn */
	int		 cw;		/* a figure's width, its gap included;
					   a cell is two (this year, last
					   year) when last year's are shown */
	bool		 editing;		/* a figure is being typed */
	char		 edit[64];
	char		*find;			/* what / looked for last */
};

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
grid_screen_init(struct screen *sc, struct tui *t, int section)
{
	struct table_screen	*ts = xcalloc(1, sizeof *ts);
	int			 l, n;

	(void)t;
	ts->table = sch_sections[section].table;
	n = grid_lines(ts->table, ts->lines);
	for (l = 0; l < n; l++)
		ts->ncells[l] = ts->lines[l] < 0 ? 0 :
		    schema_band(ts->table, ts->lines[l])->ncols;
	grid_init(&ts->g, n, ts->ncells);
	sc->data = ts;
}

static void
grid_screen_free(struct screen *sc)
{
	struct table_screen	*ts = sc->data;

	if (ts != NULL)
		free(ts->find);
	free(sc->data);
}

/* The field under the cursor. */
static int
cur_field(const struct table_screen *ts)
{
	return schema_cell(ts->table, ts->lines[ts->g.line], ts->g.col);
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
	int			 r, wfull = 0, w;
	char			 buf[256];

	for (r = 0; r < tb->nrows; r++) {
		w = wt_strwidth(row_label(table, r, buf, sizeof buf));
		if (w > wfull)
			wfull = w;
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

/* A band's heading on screen line y: its caption and column names. */
static void
draw_band(const struct table_screen *ts, const struct sch_band *b, int y,
    int lw)
{
	const struct sch_table	*tb = &sch_tables[ts->table];
	int	 c, x, r, cw = ts->cw, vis = grid_visible_cells(&ts->g);
	const char *h;

	/* A row of the band, for the kind of its cells. */
	for (r = 0; r < tb->nrows && &tb->bands[tb->rows[r].band] != b; r++)
		;
	attron(A_BOLD);
	put(y, 0, lw, b->caption != NULL ? b->caption : b->corner, false);
	for (c = ts->g.left; c < b->ncols && c < ts->g.left + vis; c++) {
		x = lw + 1 + (c - ts->g.left) * ts->g.cell_width;
		h = wt_strwidth(b->cols[c].label) < cw ? b->cols[c].label :
		    b->cols[c].brief;
		/* The fee's unit is on screen, not only in the status line. */
		if (r < tb->nrows && schema_field(schema_cell(ts->table, r,
		    c))->kind == SK_AMOUNT)
			h = _("金额(万元)");
		put(y, x, cw - 1, h, true);
		if (ts->g.cell_width > cw)
			put(y, x + cw - 1, cw, _("上年"), true);
	}
	attroff(A_BOLD);
}

/* Last year's figure of this year's cell f, dim, in width columns at
 * (y, x); a dash when last year's report did not have it. */
static void
draw_last_year(struct tui *t, int f, int y, int x, int width)
{
	int		 pf = schema_prev(f);
	const char	*v = pf >= 0 ? report_get(t->r, pf) : NULL;

	attron(A_DIM);
	put(y, x, width, v != NULL ? v : "-", true);
	attroff(A_DIM);
}

/* A row on screen line y: its label and cells, a failing cell red, an
 * empty one dim, the cursor's reversed (with the figure being typed). */
static void
draw_row(struct tui *t, const struct table_screen *ts, int li, int y,
    int lw, bool full)
{
	const struct findings	*fs = tui_findings(t);
	const struct sch_row	*row = &sch_tables[ts->table].rows[ts->lines[li]];
	const struct sch_band	*b = &sch_tables[ts->table].bands[row->band];
	int			 c, f, x, cw = ts->cw;
	int			 vis = grid_visible_cells(&ts->g);
	char			 lb[256], shown[80];
	const char		*l = row_label(ts->table, ts->lines[li], lb,
				    sizeof lb), *v;
	bool			 cur, failing;
	attr_t			 a;

	put(y, 0, lw, full || wt_strwidth(l) <= lw ? l : row->brief, false);
	for (c = ts->g.left; c < b->ncols && c < ts->g.left + vis; c++) {
		f = schema_cell(ts->table, ts->lines[li], c);
		v = report_get(t->r, f);
		cur = li == ts->g.line && c == ts->g.col;
		failing = findings_for_field(fs, f, SEV_ERROR) != NULL;
		a = 0;
		x = lw + 1 + (c - ts->g.left) * ts->g.cell_width;
		if (failing)
			a = t->colors ? COLOR_PAIR(PAIR_FAIL) :
			    A_BOLD | A_UNDERLINE;
		else if (v == NULL)
			a = t->colors ? COLOR_PAIR(PAIR_EMPTY) : A_DIM;
		if (cur)
			a = A_REVERSE | (failing ? A_BOLD : 0);
		if (cur && ts->editing)
			/* The digits last typed, within the cell. */
			snprintf(shown, sizeof shown, "%s_",
			    strlen(ts->edit) > (size_t)cw - 2 ? ts->edit +
			    strlen(ts->edit) - ((size_t)cw - 2) : ts->edit);
		else
			snprintf(shown, sizeof shown, "%s", v != NULL ? v : "·");
		attron(a);
		/* The gap before the cell takes its attribute: a row of red
		 * cells is one run for the terminal, not seven. */
		put(y, x - 1, cw, shown, true);
		attroff(a);
		if (ts->g.cell_width > cw)
			draw_last_year(t, f, y, x - 1 + cw, cw);
	}
}

static void
grid_screen_draw(struct screen *sc, struct tui *t, int y0, int height)
{
	struct table_screen	*ts = sc->data;
	const struct sch_table	*tb = &sch_tables[ts->table];
	int			 i, y, li, lw, maxcols = 0;
	int			 cw = ts->table == SCH_T2 ? 12 : 9;
	bool			 full;

	if (tb->corner_note != NULL) {
		put(y0++, 0, COLS, tb->corner_note, false);
		height--;
	}
	for (i = 0; i < tb->nbands; i++)
		if (tb->bands[i].ncols > maxcols)
			maxcols = tb->bands[i].ncols;
	/* Frozen label column, values scrolling. */
	/* Last year's figures (F4): each column a pair, this year's and
	 * last year's beside it; where they do not all fit the pairs scroll
	 * sideways like the columns do, the cursor's always on screen. */
	ts->cw = cw;
	if (t->last_year)
		cw *= 2;
	lw = grid_labels(ts->table, COLS - 1 - maxcols * cw, &full);
	if (lw < 12)
		lw = 12;	/* narrower: the values scroll instead */
	ts->g.height = height;
	ts->g.width = COLS;
	ts->g.label_width = lw;
	ts->g.cell_width = cw;
	grid_scroll(&ts->g);
	ts->y0 = y0;
	for (y = 0; y < height; y++) {
		li = grid_line_at(&ts->g, y);
		if (li < 0 || li >= ts->g.nlines)
			continue;
		if (ts->lines[li] < 0)
			draw_band(ts, &tb->bands[-1 - ts->lines[li]], y0 + y, lw);
		else
			draw_row(t, ts, li, y0 + y, lw, full);
	}
}

/* Put the figure being typed into its cell: refused (and said) when it is
 * not a figure for the cell, unless keep (a hangup: kept as typed, flagged
 * R5 as a file would keep it). */
static bool
grid_commit(struct tui *t, struct table_screen *ts, bool keep)
{
	int	 f = cur_field(ts);
	char	*norm = number_typed(ts->edit, schema_field(f)->kind);
	int64_t	 v;
	int	 e;

	e = number_parse(norm, schema_field(f)->kind, &v);
	if (!keep && e != NUM_OK && e != NUM_EMPTY) {
		/* Refused: the cell keeps its figure and the typing ends, so
		 * the arrows move again and the next digit starts afresh. */
		say(t, true, _("“%s”不能填入：%s（这一格没有改）"), ts->edit,
		    number_strerror(e, schema_field(f)->kind));
		free(norm);
		ts->editing = false;
		return false;
	}
	commit(t, f, e == NUM_EMPTY ? NULL : norm);
	free(norm);
	ts->editing = false;
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

static int
not_a_figure(struct tui *t, wint_t ch)
{
	say(t, true, _("只能填写数字：“%lc”不是数字（全角数字也可以）"), ch);
	return SCR_HANDLED | SCR_MESSAGE;
}

/* Start editing the figure of the cell, its last character taken off
 * (Backspace on a cell). */
static int
edit_back(struct tui *t, struct table_screen *ts)
{
	const char	*v = report_get(t->r, cur_field(ts));
	size_t		 len;

	if (session_readonly(t->s))
		return SCR_HANDLED;
	snprintf(ts->edit, sizeof ts->edit, "%s", v != NULL ? v : "");
	len = strlen(ts->edit);
	if (len > 0)
		ts->edit[len - 1] = '\0';
	ts->editing = true;
	return SCR_HANDLED | SCR_BODY;
}

/* A key while a figure is being typed: SCR_* flags, or -1 when the key
 * goes on to move the cursor (the figure committed). */
static int
typing_key(struct tui *t, struct table_screen *ts, wint_t ch, bool fn)
{
	size_t	 len;

	if (!fn && (ch == L'\r' || ch == L'\n')) {
		if (grid_commit(t, ts, false))
			grid_next_down(&ts->g);
		return SCR_HANDLED | SCR_BODY | SCR_REPORT;
	}
	if (!fn && ch == 27) {
		ts->editing = false;
		say(t, false, "%s", _("已取消"));
		return SCR_HANDLED | SCR_BODY | SCR_MESSAGE;
	}
	if ((fn && ch == KEY_BACKSPACE) || (!fn && (ch == 0x7f ||
	    ch == 0x08))) {
		len = strlen(ts->edit);
		if (len > 0)
			ts->edit[len - 1] = '\0';
		return SCR_HANDLED | SCR_BODY;
	}
	if (fn && (ch == KEY_UP || ch == KEY_DOWN || ch == KEY_LEFT ||
	    ch == KEY_RIGHT || ch == KEY_ENTER))
		return grid_commit(t, ts, false) ? -1 :
		    SCR_HANDLED | SCR_BODY | SCR_MESSAGE;
	if (!fn)
		return not_a_figure(t, ch);
	return -1;
}

/* A key that moves the cursor or empties the cell. */
static int
move_key(struct tui *t, struct table_screen *ts, wint_t ch)
{
	struct grid	*g = &ts->g;

	switch (ch) {
	case KEY_UP:	grid_move(g, -1, 0); break;
	case KEY_DOWN:	grid_move(g, 1, 0); break;
	case KEY_ENTER:	grid_next_down(g); break;
	case KEY_LEFT:	grid_move(g, 0, -1); break;
	case KEY_RIGHT:	grid_move(g, 0, 1); break;
	case KEY_PPAGE:	grid_page(g, -1); break;
	case KEY_NPAGE:	grid_page(g, 1); break;
	case KEY_HOME:	grid_home(g); break;
	case KEY_END:	grid_end(g); break;
	case KEY_SHOME:	grid_first(g); break;
	case KEY_SEND:	grid_last(g); break;
	case KEY_DC:
		if (!session_readonly(t->s))
			commit(t, cur_field(ts), NULL);
		return SCR_HANDLED | SCR_BODY | SCR_REPORT;
	case KEY_BACKSPACE:
		return edit_back(t, ts);
	default:
		return 0;
	}
	return SCR_HANDLED | SCR_BODY | SCR_REPORT;
}

/* Whether row r of a table is named by text: its label, its short label,
 * the group it is under (as the grid shows it) or the schema's full one. */
static bool
row_matches(int table, int r, const char *text)
{
	const struct sch_row	*row = &sch_tables[table].rows[r];
	char			 buf[256];

	return strstr(row->label, text) != NULL ||
	    strstr(row->brief, text) != NULL ||
	    (row->abbr != NULL && strstr(row->abbr, text) != NULL) ||
	    strstr(row_label(table, r, buf, sizeof buf), text) != NULL;
}

/* /: go to the next row whose label holds the text typed, as in less or
 * vim (from the row after the cursor's, round to the top). */
static int
find_row(struct tui *t, struct table_screen *ts)
{
	char	*text = ask_line(t, _("跳到哪一行（输入行名的一部分，Enter 确认）："),
	    ts->find != NULL ? ts->find : "");
	int	 i, l;

	if (text == NULL || *text == '\0') {
		free(text);
		say(t, false, "%s", _("已取消"));
		return SCR_HANDLED | SCR_MESSAGE;
	}
	free(ts->find);
	ts->find = text;
	for (i = 1; i <= ts->g.nlines; i++) {
		l = (ts->g.line + i) % ts->g.nlines;
		if (ts->lines[l] >= 0 && row_matches(ts->table, ts->lines[l],
		    text)) {
			grid_set(&ts->g, l, ts->g.col < ts->ncells[l] ?
			    ts->g.col : ts->ncells[l] - 1);
			return SCR_HANDLED | SCR_BODY | SCR_REPORT;
		}
	}
	say(t, true, _("本表没有名称含“%s”的行"), text);
	return SCR_HANDLED | SCR_MESSAGE;
}

static int
grid_screen_key(struct screen *sc, struct tui *t, wint_t ch, bool fn)
{
	struct table_screen	*ts = sc->data;
	char			 nc = fn ? 0 : number_char(ch);
	size_t			 len;
	int			 r;

	if (nc != 0) {
		if (session_readonly(t->s)) {
			say(t, true, "%s", _("只读打开，不能修改"));
			return SCR_HANDLED | SCR_MESSAGE;
		}
		if (!ts->editing) {
			ts->editing = true;
			ts->edit[0] = '\0';
		}
		len = strlen(ts->edit);
		if (len + 1 < sizeof ts->edit) {
			ts->edit[len] = nc;
			ts->edit[len + 1] = '\0';
		}
		t->msg[0] = '\0';
		return SCR_HANDLED | SCR_BODY | SCR_MESSAGE;
	}
	if (ts->editing && (r = typing_key(t, ts, ch, fn)) != -1)
		return r;
	if (fn)
		return move_key(t, ts, ch);
	if (ch == L'\r' || ch == L'\n') {
		grid_next_down(&ts->g);
		return SCR_HANDLED | SCR_BODY | SCR_REPORT;
	}
	if (ch == 0x7f || ch == 0x08)
		return edit_back(t, ts);
	if (ch == L'/')
		return find_row(t, ts);
	if (ch >= 0x20)
		return not_a_figure(t, ch);
	return 0;
}

/* F4: last year's figures beside this year's, or no more. */
static int
toggle_last_year(struct tui *t, const struct table_screen *ts)
{
	const struct sch_table	*tb = &sch_tables[ts->table];
	int			 r, c, n = 0;

	t->last_year = !t->last_year;
	if (!t->last_year) {
		say(t, false, "%s", _("已隐藏上年数字"));
		return SCR_HANDLED | SCR_BODY | SCR_MESSAGE;
	}
	for (r = 0; r < tb->nrows; r++)
		for (c = 0; c < schema_band(ts->table, r)->ncols; c++)
			if (report_get(t->r, schema_prev(schema_cell(ts->table,
			    r, c))) != NULL)
				n++;
	if (n == 0)
		say(t, false, "%s", _("上年数字列在各列右边，但本报告没有上年的数字"
		    "（F9 从上年报告开始的报告才有）；再按 F4 隐藏"));
	else
		say(t, false, "%s", _("上年数字列在各列右边（灰色）；再按 F4 隐藏"));
	return SCR_HANDLED | SCR_BODY | SCR_MESSAGE;
}

/* F5: the totals of the table from their parts, as the identities say; a
 * figure the clerk typed in a total is left alone, even when it disagrees.
 * F6: every empty cell of the table gets 0. Each one step. */
static int
grid_screen_action(struct screen *sc, struct tui *t, int action)
{
	struct table_screen	*ts = sc->data;
	struct fill_result	 fr;
	char			*cause = NULL, left[256] = "", wait[128] = "";

	if (action == A_LAST_YEAR)
		return toggle_last_year(t, ts);
	if (action != A_FILL_TOTALS && action != A_FILL_ZERO)
		return 0;
	if (session_readonly(t->s))
		return SCR_HANDLED;
	if (action == A_FILL_ZERO) {
		session_fill(t->s, ts->table, FILL_ZERO, &fr, &cause);
		say(t, false, _("已把本表 %d 个空格填为 0"), fr.filled);
	} else if (session_fill(t->s, ts->table, FILL_TOTALS, &fr, &cause),
	    fr.totals == 0)
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
	return SCR_HANDLED | SCR_BODY | SCR_REPORT | SCR_MESSAGE;
}

static bool
grid_screen_show(struct screen *sc, struct tui *t, int field)
{
	struct table_screen	*ts = sc->data;
	const struct sch_field	*f = schema_field(field);
	int			 i;

	(void)t;
	if (f->cls != SC_CELL || f->table != ts->table)
		return false;
	ts->editing = false;
	for (i = 0; i < ts->g.nlines; i++)
		if (ts->lines[i] == f->row)
			grid_set(&ts->g, i, f->col);
	return true;
}

static bool
grid_screen_leave(struct screen *sc, struct tui *t, enum screen_leave how)
{
	struct table_screen	*ts = sc->data;

	if (!ts->editing)
		return true;
	if (how == LEAVE_DROP) {
		ts->editing = false;
		return true;
	}
	return grid_commit(t, ts, how == LEAVE_KEEP);
}

/* The cell's label, and the failing identity of the cell, else a warning
 * on it (X3, W2: the text says another figure), else the failing identity
 * of the cell last changed, or the table's first: it stays while the
 * cursor moves. */
static void
grid_screen_status(struct screen *sc, struct tui *t, struct screen_status *st)
{
	struct table_screen	*ts = sc->data;
	const struct findings	*fs = tui_findings(t);
	const struct finding	*f;
	int			 i;

	st->field = cur_field(ts);
	f = findings_for_field(fs, st->field, SEV_ERROR);
	if (f == NULL && (f = findings_for_field(fs, st->field,
	    SEV_WARNING)) != NULL) {
		st->text = f->message;
		st->error = false;
		return;
	}
	if (f == NULL && t->last_field >= 0)
		f = findings_for_field(fs, t->last_field, SEV_ERROR);
	for (i = 0; f == NULL && i < fs->n; i++)
		if (fs->v[i].sev == SEV_ERROR && fs->v[i].table == ts->table)
			f = &fs->v[i];
	st->text = f != NULL ? f->message : NULL;
}

/* A click on a cell selects it (the figure being typed committed first). */
static int
grid_screen_click(struct screen *sc, struct tui *t, int y, int x)
{
	struct table_screen	*ts = sc->data;
	int			 line, col;

	if (!grid_hit(&ts->g, y - ts->y0, x, &line, &col))
		return 0;
	if (ts->editing && !grid_commit(t, ts, false))
		return SCR_HANDLED | SCR_BODY | SCR_MESSAGE;
	grid_set(&ts->g, line, col);
	return SCR_HANDLED | SCR_BODY | SCR_REPORT;
}

static int
grid_screen_where(struct screen *sc, struct tui *t, size_t *point)
{
	(void)t;
	*point = 0;
	return cur_field(sc->data);
}

const struct screen_mode screen_grid = {
	.name = "grid",
	.ctx = CTX_GRID,
	.init = grid_screen_init,
	.free = grid_screen_free,
	.draw = grid_screen_draw,
	.key = grid_screen_key,
	.action = grid_screen_action,
	.show = grid_screen_show,
	.leave = grid_screen_leave,
	.status = grid_screen_status,
	.click = grid_screen_click,
	.where = grid_screen_where,
};
