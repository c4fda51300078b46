/*
 * prompt.c: the keyboard, and the one modal loop that asks the clerk
 * something and waits: a key on the message line ("O 覆盖  Esc 取消"), a
 * line of text there (save as, a note), or a whole screen to read before
 * choosing (what a journal would recover, what an import read). A
 * terminal that goes away answers as Esc would: nothing is done.
 */
#include "config.h"

#include <curses.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wctype.h>

#include "keys.h"
#include "nls.h"
#include "textedit.h"
#include "tui.h"
#include "xmalloc.h"

static volatile sig_atomic_t	 got_hup;

static void
on_hup(int sig)
{
	(void)sig;
	got_hup = 1;
}

void
prompt_signals(void)
{
	struct sigaction	 sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_hup;
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
}

bool
hung_up(void)
{
	return got_hup != 0;
}

/* A terminal that went away (a dropped SSH connection, with or without
 * SIGHUP) counts as a hangup, so that no loop waits or spins on it. */
int
read_key(wint_t *ch)
{
	struct pollfd	 p = { .fd = STDIN_FILENO, .events = POLLIN };
	int		 r = get_wch(ch);

	if (r == ERR && !got_hup && poll(&p, 1, 0) == 1 &&
	    (p.revents & (POLLHUP | POLLERR | POLLNVAL)))
		got_hup = 1;
	return r;
}

/* Each line of text wrapped at the screen's width, continued indented,
 * from wrapped line first on, from screen line y; the wrapped lines in
 * all. */
static int
draw_text(const char *text, int first, int y)
{
	const char	*p, *q, *nl;
	char		*buf;
	size_t		 k;
	int		 n = 0, x;

	for (p = text; *p != '\0'; p = *nl ? nl + 1 : nl) {
		nl = strchr(p, '\n');
		if (nl == NULL)
			nl = p + strlen(p);
		q = p;
		do {
			x = q == p ? 2 : 4;
			buf = xasprintf("%.*s", (int)(nl - q), q);
			k = fit(buf, COLS - x, NULL);
			if (k == 0)
				k = strlen(buf);	/* never stuck */
			if (n >= first && y < LINES - 5)
				put(y++, x, COLS - x, buf, false);
			free(buf);
			q += k;
			n++;
		} while (q < nl);
	}
	return n;
}

/* A whole-screen question: title, heading, warning, the text from its
 * wrapped line first, the choices. The number of wrapped lines in *n and
 * the lines on screen in *room. */
static void
draw_list(struct tui *t, const struct prompt *pr, int first, int *n,
    int *room)
{
	char	*buf;
	int	 y = 3;

	erase();
	attron(t->colors ? COLOR_PAIR(PAIR_BAR) : A_REVERSE);
	buf = xasprintf(" gkreport  %s", pr->title);
	put(0, 0, COLS, buf, false);
	free(buf);
	attroff(t->colors ? COLOR_PAIR(PAIR_BAR) : A_REVERSE);
	attron(A_BOLD);
	put(2, 0, COLS, pr->heading, false);
	attroff(A_BOLD);
	if (pr->warning != NULL) {
		attron(t->colors ? COLOR_PAIR(PAIR_ERRMSG) : A_BOLD);
		put(y++, 0, COLS, pr->warning, false);
		attroff(t->colors ? COLOR_PAIR(PAIR_ERRMSG) : A_BOLD);
	}
	y++;
	*room = LINES - 5 - y;
	*n = draw_text(pr->text, first, y);
	if (first + *room < *n) {
		buf = xasprintf(_("  ……还有 %d 行（↓ PgDn 往下看）"),
		    *n - first - *room);
		put(y + *room, 0, COLS, buf, false);
		free(buf);
	}
	attron(A_BOLD);
	put(LINES - 3, 0, COLS, pr->choices1, false);
	put(LINES - 2, 0, COLS, pr->choices2 != NULL ? pr->choices2 : "",
	    false);
	attroff(A_BOLD);
}

/* Scroll a whole-screen question by a key; false if not a scrolling key. */
static bool
scroll_list(wint_t ch, int *first, int n, int room)
{
	if (ch == KEY_DOWN && *first + room < n)
		(*first)++;
	else if (ch == KEY_UP && *first > 0)
		(*first)--;
	else if (ch == KEY_NPAGE && *first + room < n)
		*first += room;
	else if (ch == KEY_PPAGE)
		*first = *first > room ? *first - room : 0;
	else
		return false;
	return true;
}

/* A key for a LINE prompt: true when the line is answered (Enter, Esc). */
static bool
line_key(struct tui *t, int r, wint_t ch, char **line)
{
	if (r == OK && ch == 27)
		return true;
	if ((r == OK && (ch == L'\r' || ch == L'\n')) ||
	    (r == KEY_CODE_YES && ch == KEY_ENTER)) {
		*line = textedit_text(t->line);
		return true;
	}
	if (r == OK && ch == CTRL('u'))
		textedit_set_text(t->line, "");	/* start afresh */
	else
		textedit_key(t->line, ch, r == KEY_CODE_YES);
	return false;
}

wint_t
prompt(struct tui *t, const struct prompt *pr, char **line)
{
	wint_t	 ch = 27;
	int	 r, first = 0, n = 0, room = 0;

	if (pr->kind == PROMPT_LINE) {
		*line = NULL;
		t->line = textedit_new();
		t->line_label = pr->text;
		textedit_set_text(t->line, pr->initial);
		textedit_set_point(t->line, textedit_length(t->line));
		t->msg[0] = '\0';
	} else if (pr->kind == PROMPT_KEY)
		say(t, false, "%s", pr->text);
	for (;;) {
		if (pr->kind == PROMPT_LIST)
			draw_list(t, pr, first, &n, &room);
		else
			frame_draw(t, SCR_ALL);
		refresh();
		r = read_key(&ch);
		if (got_hup) {
			ch = pr->kind == PROMPT_LIST ? pr->cancel : 27;
			break;
		}
		if (r == ERR || (r == KEY_CODE_YES && ch == KEY_RESIZE))
			continue;
		if (pr->kind == PROMPT_LINE) {
			if (line_key(t, r, ch, line))
				break;
			continue;
		}
		if (pr->kind == PROMPT_KEY && r == OK)
			break;
		if (pr->kind != PROMPT_LIST || (r == KEY_CODE_YES &&
		    scroll_list(ch, &first, n, room)) || r != OK)
			continue;
		ch = towlower(ch);
		if (ch == 27)
			ch = pr->cancel;
		if (ch < 0x80 && strchr(pr->keys, (int)ch) != NULL)
			break;
	}
	if (pr->kind == PROMPT_LINE) {
		textedit_free(t->line);
		t->line = NULL;
		ch = *line != NULL ? L'\n' : 27;
	} else if (pr->kind == PROMPT_KEY)
		t->msg[0] = '\0';
	return ch;
}

wint_t
ask(struct tui *t, const char *question)
{
	struct prompt	 pr = { .kind = PROMPT_KEY, .text = question };

	return prompt(t, &pr, NULL);
}

char *
ask_line(struct tui *t, const char *label, const char *initial)
{
	struct prompt	 pr = { .kind = PROMPT_LINE, .text = label,
	    .initial = initial };
	char		*line;

	prompt(t, &pr, &line);
	return line;
}
