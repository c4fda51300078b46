/*
 * screen.h: what a screen of the application is.
 *
 * A screen is one tab of the bar: the cover, a section of the report, the
 * checks, the help. Its kind (a struct screen_mode, one per file
 * screen_*.c, as tmux's window modes) draws its body, answers the keys the
 * key table leaves to it, shows a field asked for, and gives up what is
 * being typed when the clerk leaves it. Handlers change state and return
 * what changed (SCR_* flags); only the main loop draws (frame.c).
 *
 * The list of screens is made in tui.c from the schema's sections: adding
 * a kind of screen is one new file and one line there.
 */
#ifndef GK_SCREEN_H
#define GK_SCREEN_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

struct tui;
struct screen;

/* What a handler changed, for the main loop. */
#define SCR_HANDLED	0x01	/* the key was taken */
#define SCR_BODY	0x02	/* the screen's body must be drawn again */
#define SCR_REPORT	0x04	/* the report changed: title, tabs, status */
#define SCR_MESSAGE	0x08	/* the message line changed */
#define SCR_SCREEN	0x10	/* another screen is shown */
#define SCR_SHOW	0x20	/* show the field in tui.show (go there) */
#define SCR_ALL		0x3f

/* How a screen gives up what is being typed. */
enum screen_leave {
	LEAVE_COMMIT,	/* into the report; false (and said) if refused */
	LEAVE_KEEP,	/* a hangup: kept as typed, refused or not */
	LEAVE_DROP,	/* undo: a figure half-typed is dropped */
};

/* The section a screen stands for in the tab bar. */
#define SCREEN_PARTICULARS	(-1)	/* the cover: findings of no section */
#define SCREEN_NOSECTION	(-2)	/* checks, help: no state of their own */

/* What the status lines say of the place of the cursor: a field (its label
 * on the upper line) and a message for the lower (a failing identity, the
 * finding chosen), which the message of the moment replaces. */
struct screen_status {
	int		 field;		/* or -1 */
	const char	*text;		/* or NULL */
	bool		 error;		/* text marked as an error */
};

struct screen_mode {
	const char	*name;
	int		 ctx;		/* CTX_*: which keys of the table apply */
	bool		 cursor;	/* shows the terminal's cursor */
	bool		 count;		/* its tab shows the number of findings */
	/* Set up for a section (or -1); tab and heading are set by then. */
	void		 (*init)(struct screen *, struct tui *, int section);
	void		 (*free)(struct screen *);
	/* Draw the body: lines y0 .. y0 + height - 1 (cleared already). */
	void		 (*draw)(struct screen *, struct tui *, int y0,
			     int height);
	/* A key the key table did not take: SCR_* flags. */
	int		 (*key)(struct screen *, struct tui *, wint_t ch,
			     bool fn);
	/* An action of the key table for this screen only (F5, F6): SCR_*
	 * flags, 0 when not its own. May be NULL. */
	int		 (*action)(struct screen *, struct tui *, int action);
	/* Put the cursor on field if it is here: true then. May be NULL. */
	bool		 (*show)(struct screen *, struct tui *, int field);
	/* Give up what is being typed; false when refused. May be NULL. */
	bool		 (*leave)(struct screen *, struct tui *,
			     enum screen_leave);
	/* The place of the cursor, for the status lines. May be NULL. */
	void		 (*status)(struct screen *, struct tui *,
			     struct screen_status *);
	/* A mouse click at (y, x) of the terminal: SCR_* flags. May be NULL. */
	int		 (*click)(struct screen *, struct tui *, int y, int x);
	/* The field under the cursor (a cell, a text, a cover item) and the
	 * cursor's place in its text, kept to come back to; -1 for none.
	 * May be NULL. */
	int		 (*where)(struct screen *, struct tui *, size_t *point);
};

struct screen {
	const struct screen_mode *mode;
	const char	*tab;		/* its name in the tab bar, translated */
	const char	*heading;	/* the line under the bar, translated */
	int		 section;	/* enum sch_section_id, or SCREEN_* */
	void		*data;		/* the mode's own state */
};

/* The kinds of screen. */
extern const struct screen_mode	screen_cover;
extern const struct screen_mode	screen_text;
extern const struct screen_mode	screen_grid;
extern const struct screen_mode	screen_checks;
extern const struct screen_mode	screen_help;

#endif
