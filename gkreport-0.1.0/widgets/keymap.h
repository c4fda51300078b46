/*
 * keymap.h: a table of key bindings, the one source of the keys an
 * application answers to, its help screen and its key hints. A binding
 * belongs to contexts (a bit mask; KM_ALL for everywhere). Knows nothing
 * of what the actions do.
 */
#ifndef GK_KEYMAP_H
#define GK_KEYMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#define KM_ALL	0x1		/* a binding for every context */

struct keybinding {
	wint_t		 key;
	bool		 fn;		/* a function key (KEY_*), not a character */
	int		 action;
	int		 ctx;
	bool		 hint;		/* shown on the bottom line */
	const char	*name;		/* as the help shows it: "^S", "F2" */
	const char	*help;		/* what it does (a message id) */
};

/* The binding of a key in a context, or NULL. */
const struct keybinding *keymap_find(const struct keybinding *, size_t n,
	    wint_t key, bool fn, int ctx);
/* The names of every key bound to an action, space-separated, into buf. */
void	keymap_names(const struct keybinding *, size_t n, int action,
	    char *buf, size_t len);
/* The bottom line for a context: "NAME help  NAME help", the help texts
 * through tr (gettext, or NULL). */
void	keymap_hints(const struct keybinding *, size_t n, int ctx,
	    const char *(*tr)(const char *), char *buf, size_t len);
/* Two bindings of the same key that can meet in one context: false, or
 * true with their indexes. */
bool	keymap_conflict(const struct keybinding *, size_t n, size_t *a,
	    size_t *b);

#endif
