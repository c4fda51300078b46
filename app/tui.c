/*
 * tui.c: the application: the list of screens, the one main loop, and the
 * actions of the key table (undo, save, quit, export, next year). A key
 * goes to the key table first (keys.c), else to the screen shown; every
 * handler returns what it changed (SCR_* flags) and the loop draws that
 * (frame.c). The report and its files are the session's (model/session.c):
 * the actions only word its questions and answers. Opening (the lock,
 * recovery, an imported text) is in open.c.
 */
#include "config.h"

#include <curses.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "export.h"
#include "keys.h"
#include "keymap.h"
#include "nls.h"
#include "number.h"
#include "place.h"
#include "textedit.h"
#include "tui.h"
#include "xmalloc.h"

void
say(struct tui *t, bool error, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(t->msg, sizeof t->msg, fmt, ap);
	va_end(ap);
	t->msg_error = error;
}

void
trouble(struct tui *t, char *cause)
{
	if (cause != NULL)
		say(t, true, "%s", cause);
	free(cause);
}

void
commit(struct tui *t, int field, const char *value)
{
	char	*cause = NULL;

	session_set(t->s, field, value, &cause);
	trouble(t, cause);
	if (schema_field(field)->cls == SC_CELL)
		t->last_field = field;
}

const struct findings *
tui_findings(struct tui *t)
{
	return session_findings(t->s);
}

struct screen *
tui_screen(struct tui *t)
{
	return &t->screens[t->screen];
}

/* ---- the screens ---------------------------------------------------------- */

static void
add_screen(struct tui *t, const struct screen_mode *mode, int section,
    const char *tab, const char *heading)
{
	struct screen	*sc = &t->screens[t->nscreens++];

	sc->mode = mode;
	sc->section = section;
	sc->tab = tab;
	sc->heading = heading;
	mode->init(sc, t, section);
}

/* The screens in tab order: the cover, one per section of the schema (a
 * table's grid or a text), the checks, the help. A new kind of screen is a
 * line here. */
static void
make_screens(struct tui *t)
{
	int	 i;

	add_screen(t, &screen_cover, SCREEN_PARTICULARS, _("封面"),
	    _("封面：报告单位、年度、统计期间和前言"));
	for (i = 0; i < SCH_NSECTIONS; i++)
		add_screen(t, sch_sections[i].table >= 0 ? &screen_grid :
		    &screen_text, i, sch_sections[i].numeral,
		    sch_sections[i].heading);
	add_screen(t, &screen_checks, SCREEN_NOSECTION, _("检查"),
	    _("检查：全部问题（Enter 跳到出错的格子，n 为提示写说明）"));
	add_screen(t, &screen_help, SCREEN_NOSECTION, _("帮助"),
	    _("帮助：按键"));
}

static void
free_screens(struct tui *t)
{
	int	 i;

	for (i = 0; i < t->nscreens; i++)
		if (t->screens[i].mode->free != NULL)
			t->screens[i].mode->free(&t->screens[i]);
}

/* The first screen of a kind. */
static int
find_screen(struct tui *t, const struct screen_mode *mode)
{
	int	 i;

	for (i = 0; i < t->nscreens; i++)
		if (t->screens[i].mode == mode)
			return i;
	return 0;
}

/* Give up what the screen shown has being typed; false when refused. */
static bool
leave(struct tui *t, enum screen_leave how)
{
	struct screen	*sc = tui_screen(t);

	return sc->mode->leave == NULL || sc->mode->leave(sc, t, how);
}

/* Show a screen: what is typed on the one left goes into the report
 * first. SCR_* flags. */
static int
go_to(struct tui *t, int screen)
{
	if (!leave(t, LEAVE_COMMIT))
		return SCR_MESSAGE;
	t->screen = screen;
	return SCR_SCREEN;
}

/* F1 and F8: help or the checks; pressed again, back where the clerk was
 * (Esc too, from there). */
static int
toggle(struct tui *t, int screen)
{
	const struct screen_mode *m = tui_screen(t)->mode;

	if (t->screen == screen)
		return go_to(t, t->back);
	if (m != &screen_help && m != &screen_checks)
		t->back = t->screen;
	return go_to(t, screen);
}

/* Show the place of a field: its screen and cell or item. */
static void
show_field(struct tui *t, int field)
{
	int	 i;

	for (i = 0; i < t->nscreens; i++) {
		struct screen	*sc = &t->screens[i];

		if (sc->mode->show != NULL && sc->mode->show(sc, t, field)) {
			t->screen = i;
			return;
		}
	}
}

/* Keep where the clerk is (the screen's field and the place in its text)
 * for next time, as "KEY POINT". A place that cannot be kept is forgotten
 * quietly: it is a convenience, not work. */
static void
remember(struct tui *t)
{
	struct screen	*sc = &t->screens[t->screen];
	size_t		 point = 0;
	char		*place, *err = NULL;
	struct stat	 st;
	int		 f;

	if (sc->mode == &screen_help || sc->mode == &screen_checks)
		sc = &t->screens[t->back];
	if (sc->mode->where == NULL ||
	    (f = sc->mode->where(sc, t, &point)) < 0)
		return;
	if (stat(session_path(t->s), &st) != 0)
		return;			/* never saved: nothing to come back to */
	place = xasprintf("%s %zu", schema_field(f)->key, point);
	if (place_put(session_path(t->s), place, &err) == -1)
		free(err);
	free(place);
}

void
come_back(struct tui *t)
{
	char		*place = place_get(session_path(t->s)), *sp;
	int		 f;

	if (place == NULL)
		return;
	if ((sp = strchr(place, ' ')) != NULL) {
		*sp++ = '\0';
		if ((f = schema_find(place)) >= 0) {
			show_field(t, f);
			if (schema_field(f)->cls != SC_CELL)
				textedit_set_point(editor(t, f),
				    (size_t)strtoul(sp, NULL, 10));
		}
	}
	free(place);
}

/* ---- actions -------------------------------------------------------------- */

/* Undo or redo a step: a figure, a text, a note or a whole fill. */
static void
undo(struct tui *t, bool redo)
{
	struct session_undone	 u;
	char			*cause = NULL;
	const char		*label;

	if (session_undo(t->s, redo, &u, &cause) == 0) {
		say(t, false, "%s", redo ? _("没有可重做的修改") :
		    _("没有可撤销的修改"));
		return;
	}
	sync_editors(t);
	if (u.field >= 0) {
		show_field(t, u.field);
		label = schema_display_label(u.field);
	} else {
		t->screen = find_screen(t, &screen_checks);
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

static bool	 save_as(struct tui *);

/* Say how a save went; true when saved. Frees cause. */
static bool
saved(struct tui *t, enum session_save st, char *cause)
{
	switch (st) {
	case SAVE_OK:
		say(t, false, _("已保存到 %s"), session_path(t->s));
		free(cause);
		return true;
	case SAVE_READONLY:
		say(t, true, "%s", _("只读打开，不能保存；可按 F12 另存为新文件"));
		break;
	case SAVE_IS_DIR:
		break;		/* said by save_as, which knows the name */
	case SAVE_BUSY:
		say(t, true, "%s", cause);
		break;
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

/* A name beside path for an export: NAME-2.EXT, NAME-3.EXT, … the first
 * that no file has or that an earlier export of ours has. Caller frees. */
static char *
free_name(const char *path)
{
	const char	*base = strrchr(path, '/'), *dot;
	char		*name = NULL;
	int		 i;

	base = base != NULL ? base + 1 : path;
	if ((dot = strrchr(base, '.')) == NULL || dot == base)
		dot = path + strlen(path);
	for (i = 2; ; i++) {
		free(name);
		name = xasprintf("%.*s-%d%s", (int)(dot - path), path, i, dot);
		if (access(name, F_OK) != 0 || place_is_export(name))
			return name;
	}
}

/* The export menu, drawn from the table of formats: the format's key,
 * then a file beside the report. */
static void
export_menu(struct tui *t)
{
	const struct export_format_info	*fi;
	const struct findings		*fs;
	struct buf			 q = { NULL, 0, 0 };
	wint_t				 ch;
	int				 fmt, i;
	char				*out, *err = NULL, *other = NULL;

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
	if (access(out, F_OK) == 0 && !place_is_export(out)) {
		/* Not an export of ours (the published text the report came
		 * from, a file someone edited): never replaced. */
		other = out;
		out = free_name(other);
	}
	if (session_export(t->s, fmt, out, &err) == -1) {
		say(t, true, "%s", err);
		free(err);
	} else if (other != NULL) {
		place_exported(out);
		say(t, false, _("%s 不是 gkreport 导出的文件，没有覆盖；已导出到 %s"),
		    other, out);
	} else {
		place_exported(out);
		fs = tui_findings(t);
		if (fs->nerror + fs->nincomplete > 0)
			say(t, true, _("已导出到 %s（注意：报告还有 %d 项错误、%d 项未填）"),
			    out, fs->nerror, fs->nincomplete);
		else
			say(t, false, _("已导出到 %s"), out);
	}
	free(out);
	free(other);
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
	if (ch != L'y' && ch != L'Y')
		say(t, false, "%s", _("已取消"));
	else if (session_save_next_year(t->s, path, &cause) == -1)
		trouble(t, cause);
	else {
		/* Go on in the new year's report (this one saved first, if
		 * the clerk wants). */
		quit(t);
		if (t->quit) {
			t->next = path;
			return;
		}
		say(t, false, _("已建立下一年度的报告 %s，本报告还有未保存的修改，"
		    "所以留在这里"), path);
	}
	free(path);
}

/* An action of the key table; SCR_* flags. */
static int
act(struct tui *t, enum action a)
{
	struct screen	*sc = tui_screen(t);
	int		 r;

	if (sc->mode->action != NULL && (r = sc->mode->action(sc, t, a)) != 0)
		return r;
	switch (a) {
	case A_NEXT:
	case A_PREV:
		return go_to(t, (t->screen + (a == A_NEXT ? 1 :
		    t->nscreens - 1)) % t->nscreens);
	case A_HELP:
	case A_CHECKS:
		return toggle(t, find_screen(t, a == A_HELP ? &screen_help :
		    &screen_checks));
	case A_UNDO:
	case A_REDO:
		undo(t, a == A_REDO);
		break;
	case A_REPAINT:
		clearok(curscr, TRUE);
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
	case A_EXPORT:
		export_menu(t);
		break;
	case A_NEW_YEAR:
		new_year(t);
		break;
	default:
		return 0;
	}
	return SCR_ALL;
}

/* A click on a screen's tab shows it; anything else is the screen's. */
static int
mouse(struct tui *t)
{
	struct screen	*sc = tui_screen(t);
	MEVENT		 m;
	int		 s;

	if (getmouse(&m) != OK || !(m.bstate & (BUTTON1_CLICKED |
	    BUTTON1_PRESSED)))
		return 0;
	if (m.y == 1)
		return (s = frame_tab_at(t, m.x)) >= 0 ? go_to(t, s) : 0;
	return sc->mode->click != NULL ? sc->mode->click(sc, t, m.y, m.x) : 0;
}

/* A key: the key table's action, or the screen's own. SCR_* flags. */
static int
key(struct tui *t, wint_t ch, bool fn)
{
	const struct keybinding	*b;
	struct screen		*sc = tui_screen(t);
	int			 r;

	if (fn && ch == KEY_RESIZE)
		return SCR_ALL;
	/* The screen asks for a larger window: nothing acts unseen. */
	if (frame_too_small())
		return 0;
	if (fn && ch == KEY_MOUSE)
		return mouse(t);
	if ((b = keymap_find(tui_keys, tui_nkeys, ch, fn, sc->mode->ctx)) !=
	    NULL) {
		/* What is being typed goes in first, as when moving away;
		 * undo drops a figure half-typed. */
		if (!leave(t, b->action == A_UNDO || b->action == A_REDO ?
		    LEAVE_DROP : LEAVE_COMMIT))
			return SCR_ALL;
		if (b->action != A_SAVE && b->action != A_SAVE_AS &&
		    b->action != A_QUIT && b->action != A_EXPORT &&
		    b->action != A_NEW_YEAR)
			t->msg[0] = '\0';
		return act(t, b->action);
	}
	t->msg[0] = '\0';
	/* Esc leaves help and the checks. */
	if (!fn && ch == 27 && (sc->mode == &screen_help ||
	    sc->mode == &screen_checks))
		return go_to(t, t->back) | SCR_MESSAGE;
	r = sc->mode->key(sc, t, ch, fn);
	if (r & SCR_SHOW) {
		show_field(t, t->show);
		r |= SCR_SCREEN;
	}
	return r | SCR_MESSAGE;
}

/* ---- the main loop --------------------------------------------------------- */

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

/* Curses, the colours, the signals. */
static void
start_terminal(struct tui *t)
{
	prompt_signals();
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
		t->colors = true;
	}
}

/* Keys until the clerk quits or the terminal goes away. A pause puts the
 * text being typed into the journal; a hangup keeps what is being typed,
 * a figure too, as typed. */
static void
run(struct tui *t)
{
	wint_t	 ch;
	int	 r, dirty = SCR_ALL;

	while (!t->quit) {
		if (dirty != 0) {
			frame_draw(t, dirty);
			refresh();
		}
		r = read_key(&ch);
		if (hung_up()) {
			leave(t, LEAVE_KEEP);
			commit_text(t);
			break;
		}
		dirty = 0;
		if (r == ERR) {
			if (t->te_dirty >= 0) {
				commit_text(t);
				dirty = SCR_REPORT;
			}
			continue;
		}
		dirty = key(t, ch, r == KEY_CODE_YES);
		if (t->te_dirty >= 0 && time(NULL) - t->te_since >= 5)
			commit_text(t);
	}
}

/* F9 after the first report: the terminal stays; only the screen is
 * drawn again. */
static void
resume_terminal(struct tui *t)
{
	(void)t;
	clearok(curscr, TRUE);
	refresh();
}

/* Close the report shown (its place remembered, its journal kept when the
 * clerk left edits unsaved), its screens and editors. */
static void
close_report(struct tui *t)
{
	int	 i;

	if (t->s != NULL) {
		remember(t);
		if (t->discard)
			session_discard(t->s);
		else
			session_close(t->s);	/* unsaved: the journal stays */
	}
	free_screens(t);
	for (i = 0; i < SCH_NFIELDS; i++)
		textedit_free(t->te[i]);
}

/* The application's state for a report to be opened; the terminal's
 * colours and the clerk's choice of last year's figures (F4: after F9
 * they are the report just left) are kept. */
static void
fresh_tui(struct tui *t)
{
	bool	 colors = t->colors, last_year = t->last_year;

	memset(t, 0, sizeof *t);
	t->colors = colors;
	t->last_year = last_year;
	t->te_dirty = -1;
	t->last_field = -1;
	make_screens(t);
}

int
tui_main(const char *path, bool readonly)
{
	struct tui	 t;
	char		*next = NULL;
	bool		 opened;
	int		 rc;

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
	fresh_tui(&t);
	opened = open_report(&t, path, readonly, start_terminal) == 0;
	for (;;) {
		if (opened)
			run(&t);
		if (t.s != NULL && !isendwin())
			endwin();
		next = t.next;
		rc = t.s != NULL ? 0 : EXIT_TROUBLE;
		close_report(&t);
		if (next == NULL)
			break;
		/* F9: next year's report, in this process and terminal, the
		 * same way as the first (the clerk was asked about this
		 * one's unsaved edits before it closed). */
		fresh_tui(&t);
		if (!(opened = open_report(&t, next, false,
		    resume_terminal) == 0)) {
			cli_error(_("请用 gkreport %s 打开下一年度的报告"), next);
			free(next);
			close_report(&t);
			return EXIT_TROUBLE;
		}
		if (t.msg[0] == '\0')
			say(&t, false, _("已打开下一年度的报告 %s"), next);
		free(next);
	}
	return rc;
}
