/*
 * keymap.c: lookups in a table of key bindings.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "keymap.h"

static bool
applies(const struct keybinding *b, int ctx)
{
	return (b->ctx & (KM_ALL | ctx)) != 0;
}

const struct keybinding *
keymap_find(const struct keybinding *km, size_t n, wint_t key, bool fn,
    int ctx)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (km[i].key == key && km[i].fn == fn && applies(&km[i], ctx))
			return &km[i];
	return NULL;
}

void
keymap_names(const struct keybinding *km, size_t n, int action, char *buf,
    size_t len)
{
	size_t	 i, used = 0;
	int	 w;

	if (len == 0)
		return;
	buf[0] = '\0';
	for (i = 0; i < n; i++) {
		if (km[i].action != action)
			continue;
		w = snprintf(buf + used, len - used, "%s%s", used ? " " : "",
		    km[i].name);
		if (w < 0 || (size_t)w >= len - used)
			break;
		used += (size_t)w;
	}
}

void
keymap_hints(const struct keybinding *km, size_t n, int ctx,
    const char *(*tr)(const char *), char *buf, size_t len)
{
	size_t	 i, used = 0;
	int	 w;

	if (len == 0)
		return;
	buf[0] = '\0';
	for (i = 0; i < n; i++) {
		if (!km[i].hint || !applies(&km[i], ctx))
			continue;
		w = snprintf(buf + used, len - used, "%s %s  ", km[i].name,
		    tr != NULL ? tr(km[i].help) : km[i].help);
		if (w < 0 || (size_t)w >= len - used) {
			buf[used] = '\0';
			break;
		}
		used += (size_t)w;
	}
}

bool
keymap_conflict(const struct keybinding *km, size_t n, size_t *a, size_t *b)
{
	size_t	 i, j;

	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++)
			if (km[i].key == km[j].key && km[i].fn == km[j].fn &&
			    ((km[i].ctx & km[j].ctx) != 0 ||
			    ((km[i].ctx | km[j].ctx) & KM_ALL) != 0)) {
				*a = i;
				*b = j;
				return true;
			}
	return false;
}
