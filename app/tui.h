/*
 * tui.h: what the application's screens share: the session they show, the
 * list of screens, the message line, the texts being typed; the drawing
 * helpers of the frame (frame.c), the one modal prompt (prompt.c) and the
 * text editors shared by the cover and the text screens (screen_text.c).
 * The session (model/session.h) owns the report and its files: nothing
 * here opens, locks, journals or saves a file.
 */
#ifndef GK_TUI_H
#define GK_TUI_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>
#include <wchar.h>

#include "schema.h"
#include "screen.h"
#include "session.h"

struct textedit;

#define TUI_MAXSCREENS	16

enum { PAIR_EMPTY = 1, PAIR_FAIL, PAIR_BAR, PAIR_OK, PAIR_WARN, PAIR_ERRMSG };

struct tui {
	struct session		*s;		/* the report, its file, undo */
	const struct report	*r;		/* session_report(s) */
	struct screen		 screens[TUI_MAXSCREENS];
	int			 nscreens;
	int			 screen;		/* the one shown */
	int			 back;		/* where F1/F8/Esc go back to */
	int			 show;			/* SCR_SHOW: this field */
	int			 last_field;	/* the cell last changed, or -1 */
	int			 tab_x[TUI_MAXSCREENS + 1];	/* as drawn */
	struct textedit		*te[SCH_NFIELDS];	/* texts, cover items */
	int			 te_dirty;	/* field whose editor differs */
	time_t			 te_since;	/* since when it differs */
	struct textedit		*line;		/* a prompt's line, or NULL */
	const char		*line_label;
	char			 msg[1024];
	bool			 msg_error;
	bool			 colors;
	bool			 quit;
	bool			 last_year;	/* grids: last year's figures
						   beside this year's (F4) */
	bool			 discard;	/* quit dropping unsaved edits */
	char			*next;		/* a report to open after quitting
						   (F9's new year), or NULL */
};

/* ---- tui.c ---- */
/* Put a message on the message line (error: in red). */
void	say(struct tui *, bool error, const char *, ...)
	    __attribute__((format(printf, 3, 4)));
/* Say a cause from the session, if any, as an error; frees it. */
void	trouble(struct tui *, char *cause);
/* Set a field through the session, saying what went wrong. */
void	commit(struct tui *, int field, const char *value);
/* The findings of the report now. Borrowed; until the next change. */
const struct findings *tui_findings(struct tui *);
/* The screen shown. */
struct screen *tui_screen(struct tui *);
/* Show the screen and cell (or place in a text) where the clerk left this
 * report last time (model/place.h), if it was kept. */
void	come_back(struct tui *);

/* ---- open.c ---- */
/* Open the report at path in a session (a message on stderr and -1 when it
 * cannot be read), start the terminal with start, and ask what comes before
 * the first screen: an import, a lock held by another, edits to recover
 * (t->quit when the clerk chose to leave). */
int	open_report(struct tui *, const char *path, bool readonly,
	    void (*start)(struct tui *));

/* ---- frame.c: drawing ---- */
/* Bytes of UTF-8 text that fit in width columns (to a newline); *used
 * gets their width (may be NULL). */
size_t	fit(const char *, int width, int *used);
/* Text at (y, x) in exactly width columns, cut or padded. */
void	put(int y, int x, int width, const char *, bool right);
/* Text on line y from column 0, the rest of the line cleared. */
void	put_line(int y, const char *);
/* Draw what flags say changed (SCR_*): title, tabs, heading, the screen's
 * body, status and key lines, and a prompt's line. */
void	frame_draw(struct tui *, int flags);
/* Whether the terminal is smaller than 80x24 (nothing but a request to
 * enlarge it is shown, and keys do nothing). */
bool	frame_too_small(void);
/* The screen whose tab is at column x of the tab bar, or -1. */
int	frame_tab_at(const struct tui *, int x);

/* ---- prompt.c: the one modal loop, and the keyboard ---- */
enum prompt_kind {
	PROMPT_KEY,	/* one key, the question on the message line */
	PROMPT_LINE,	/* a line of text typed on the message line */
	PROMPT_LIST,	/* a whole screen to read, then one of some keys */
};
struct prompt {
	enum prompt_kind	 kind;
	const char		*text;	/* KEY: the question; LINE: the label;
					   LIST: the lines to read */
	const char		*initial;	/* LINE: the text to start with */
	/* LIST: a title, a heading, a warning (or NULL), two lines of
	 * choices, the answers (lower case) and the one Esc gives. */
	const char		*title, *heading, *warning;
	const char		*choices1, *choices2;
	const char		*keys;
	wint_t			 cancel;
};
/* Ask and wait for the answer: the key (KEY, LIST; lower case for LIST),
 * Esc for KEY and cancel for LIST when the terminal goes away. LINE puts
 * the text in *line (caller frees), NULL on Esc, and returns Enter or Esc. */
wint_t	prompt(struct tui *, const struct prompt *, char **line);
wint_t	ask(struct tui *, const char *question);
/* Caller frees; NULL on Esc. */
char	*ask_line(struct tui *, const char *label, const char *initial);
/* Read a key: OK, KEY_CODE_YES or ERR after a second without one. */
int	read_key(wint_t *);
/* Whether the terminal went away (SIGHUP, SIGTERM, a dead tty). */
bool	hung_up(void);
/* Catch SIGHUP and SIGTERM for hung_up. */
void	prompt_signals(void);

/* ---- screen_text.c: the text editors of texts and cover items ---- */
/* The editor of a field, made on first use from the report. */
struct textedit	*editor(struct tui *, int field);
/* Put the text of the editor that was changed into the report. */
void	commit_text(struct tui *);
/* Give every editor the report's text again (after an undo). */
void	sync_editors(struct tui *);
/* A screen of texts left: the text being typed goes into the report. */
bool	text_leave(struct screen *, struct tui *, enum screen_leave);
/* A key for the editor of field; SCR_* flags. */
int	text_edit_key(struct tui *, int field, wint_t ch, bool fn);

#endif
