/*
 * keys.h: the application's keys: its actions, the contexts of its
 * screens, and the one table of bindings from which the keys are answered,
 * the help screen drawn and the bottom line's hints made.
 */
#ifndef GK_KEYS_H
#define GK_KEYS_H

#include <stddef.h>

#include "keymap.h"

enum action {
	A_NONE,
	A_NEXT,
	A_PREV,
	A_HELP,
	A_SAVE,
	A_QUIT,
	A_UNDO,
	A_REDO,
	A_CHECKS,
	A_REPAINT,
	A_FILL_TOTALS,
	A_FILL_ZERO,
	A_EXPORT,
	A_NEW_YEAR,
	A_SAVE_AS,
	A_LAST_YEAR,
};

#define CTX_ALL		KM_ALL
#define CTX_GRID	0x2	/* the number grids */
#define CTX_CHECKS	0x4	/* the checks screen */
#define CTX_TEXT	0x8	/* the text editors and the cover */

#define CTRL(c)		((c) & 0x1f)

extern const struct keybinding	 tui_keys[];
extern const size_t		 tui_nkeys;

/* Keys the screens handle themselves, for the help screen. */
struct widget_key {
	int		 ctx;
	const char	*name;
	const char	*help;
};
extern const struct widget_key	 tui_widget_keys[];
extern const size_t		 tui_nwidget_keys;

#endif
