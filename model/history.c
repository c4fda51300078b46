/*
 * history.c: undo and redo over steps, and where the saved step is. See
 * history.h.
 */
#include "config.h"

#include <stdlib.h>

#include "history.h"
#include "xmalloc.h"

struct history {
	struct step	*steps;
	int		 n;		/* steps held */
	int		 pos;		/* steps done: undo takes steps[pos - 1] */
	int		 cap;
	int		 depth;		/* history_begin nesting */
	bool		 open;		/* steps[n - 1] is the open step */
	int		 saved;		/* pos of the file on disk, -1: none */
};

struct history *
history_new(void)
{
	struct history	*h = xcalloc(1, sizeof *h);

	return h;	/* saved = 0: a new history starts from the file */
}

static void
step_free(struct step *s)
{
	int	 i;

	for (i = 0; i < s->n; i++) {
		free(s->v[i].key);
		free(s->v[i].before);
		free(s->v[i].after);
	}
	free(s->v);
	s->v = NULL;
	s->n = 0;
}

void
history_free(struct history *h)
{
	int	 i;

	if (h == NULL)
		return;
	for (i = 0; i < h->n; i++)
		step_free(&h->steps[i]);
	free(h->steps);
	free(h);
}

void
history_begin(struct history *h)
{
	h->depth++;
}

void
history_end(struct history *h)
{
	if (h->depth > 0 && --h->depth == 0)
		h->open = false;
}

/* A new empty step at pos, the redo steps dropped. */
static struct step *
new_step(struct history *h)
{
	int	 i;

	for (i = h->pos; i < h->n; i++)
		step_free(&h->steps[i]);
	if (h->saved > h->pos)
		h->saved = -1;		/* the saved state cannot come back */
	h->n = h->pos;
	if (h->n == h->cap) {
		h->cap = h->cap ? h->cap * 2 : 64;
		h->steps = xreallocarray(h->steps, (size_t)h->cap,
		    sizeof *h->steps);
	}
	h->steps[h->n].n = 0;
	h->steps[h->n].v = NULL;
	h->n++;
	h->pos = h->n;
	return &h->steps[h->n - 1];
}

static char *
dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

void
history_add(struct history *h, const char *key, const char *before,
    const char *after)
{
	history_add_tagged(h, key, before, after, 0, 0);
}

void
history_add_tagged(struct history *h, const char *key, const char *before,
    const char *after, int tag_before, int tag_after)
{
	struct step	*s;
	struct change	*c;

	if (h->open && h->pos == h->n)
		s = &h->steps[h->n - 1];
	else {
		s = new_step(h);
		h->open = h->depth > 0;
	}
	/* Grow by powers of two. */
	if ((s->n & (s->n - 1)) == 0)
		s->v = xreallocarray(s->v, s->n ? (size_t)s->n * 2 : 1,
		    sizeof *s->v);
	c = &s->v[s->n++];
	c->key = xstrdup(key);
	c->before = dup_or_null(before);
	c->after = dup_or_null(after);
	c->tag_before = tag_before;
	c->tag_after = tag_after;
}

const struct step *
history_undo(struct history *h)
{
	h->open = false;
	if (h->pos == 0)
		return NULL;
	return &h->steps[--h->pos];
}

const struct step *
history_redo(struct history *h)
{
	h->open = false;
	if (h->pos == h->n)
		return NULL;
	return &h->steps[h->pos++];
}

void
history_mark_saved(struct history *h)
{
	h->saved = h->pos;
}

void
history_mark_unsaved(struct history *h)
{
	h->saved = -1;
}

bool
history_at_saved(const struct history *h)
{
	return h->saved == h->pos;
}

int
history_nundo(const struct history *h)
{
	return h->pos;
}

int
history_nredo(const struct history *h)
{
	return h->n - h->pos;
}
