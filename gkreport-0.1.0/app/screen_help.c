/*
 * screen_help.c: the keys, drawn from the key table (one line per action
 * with every key bound to it) and the keys the screens answer themselves.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>

#include "keys.h"
#include "nls.h"
#include "tui.h"

static void
help_init(struct screen *sc, struct tui *t, int section)
{
	(void)t;
	(void)section;
	sc->data = NULL;
}

static void
help_draw(struct screen *sc, struct tui *t, int y0, int height)
{
	char	 buf[256], names[64];
	size_t	 i, j;
	int	 y = 0;
	bool	 seen;

	(void)sc;
	(void)t;
	for (i = 0; i < tui_nkeys && y < height; i++) {
		seen = false;
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
		put(y0 + y++, 0, COLS, buf, false);
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

static int
help_key(struct screen *sc, struct tui *t, wint_t ch, bool fn)
{
	(void)sc;
	(void)t;
	(void)ch;
	(void)fn;
	return 0;
}

const struct screen_mode screen_help = {
	.name = "help",
	.ctx = 0,
	.init = help_init,
	.draw = help_draw,
	.key = help_key,
};
