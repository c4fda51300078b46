/*
 * grid.c: the viewport of a grid of cells: cursor movement over rows and
 * cells (headings are never a stop), scrolling that keeps the cursor and
 * its heading in view, and hit testing for the mouse.
 */
#include "config.h"

#include "grid.h"

static bool
is_row(const struct grid *g, int line)
{
	return line >= 0 && line < g->nlines && g->ncells[line] > 0;
}

static int
clamp_col(const struct grid *g, int line, int col)
{
	if (col >= g->ncells[line])
		col = g->ncells[line] - 1;
	return col < 0 ? 0 : col;
}

void
grid_init(struct grid *g, int nlines, const int *ncells)
{
	g->nlines = nlines;
	g->ncells = ncells;
	g->line = g->col = g->top = g->left = 0;
	g->head = -1;
	g->freeze = true;
	while (g->line < nlines && !is_row(g, g->line))
		g->line++;
	if (g->line == nlines)
		g->line = 0;
}

int
grid_visible_cells(const struct grid *g)
{
	int	 n;

	if (g->cell_width <= 0)
		return 1;
	n = (g->width - g->label_width - 1) / g->cell_width;
	return n < 1 ? 1 : n;
}

void
grid_move(struct grid *g, int drows, int dcells)
{
	int	 step = drows < 0 ? -1 : 1, l = g->line, next;

	for (; drows != 0; drows -= step) {
		for (next = l + step; next >= 0 && next < g->nlines &&
		    !is_row(g, next); next += step)
			;
		if (!is_row(g, next))
			break;
		l = next;
	}
	if (!is_row(g, l))
		return;
	g->line = l;
	g->col = clamp_col(g, l, g->col + dcells);
}

void
grid_page(struct grid *g, int dir)
{
	int	 rows = g->height > 2 ? g->height - 1 : 1;

	grid_move(g, dir < 0 ? -rows : rows, 0);
}

void
grid_home(struct grid *g)
{
	g->col = 0;
}

void
grid_end(struct grid *g)
{
	if (is_row(g, g->line))
		g->col = g->ncells[g->line] - 1;
}

void
grid_first(struct grid *g)
{
	grid_move(g, -g->nlines, 0);
	g->col = 0;
}

void
grid_last(struct grid *g)
{
	grid_move(g, g->nlines, 0);
	grid_end(g);
}

bool
grid_set(struct grid *g, int line, int col)
{
	if (!is_row(g, line) || col < 0 || col >= g->ncells[line])
		return false;
	g->line = line;
	g->col = col;
	return true;
}

bool
grid_next_down(struct grid *g)
{
	int	 l = g->line, first;

	grid_move(g, 1, 0);
	if (g->line != l)
		return true;
	/* The bottom of a column: the top of the next one, under the same
	 * heading. */
	for (first = l; first > 0 && is_row(g, first - 1); first--)
		;
	if (g->col + 1 >= g->ncells[first])
		return false;
	g->line = first;
	g->col++;
	return true;
}

/* The heading whose rows start at or above line l; -1 if none. */
static int
heading_of(const struct grid *g, int l)
{
	while (l >= 0 && is_row(g, l))
		l--;
	return l;
}

void
grid_scroll(struct grid *g)
{
	int	 vis = grid_visible_cells(g), maxc = 0, i, h;

	h = g->height < 1 ? 1 : g->height;
	for (i = 0; i < g->nlines; i++)
		if (g->ncells[i] > maxc)
			maxc = g->ncells[i];
	if (g->col < g->left)
		g->left = g->col;
	if (g->col >= g->left + vis)
		g->left = g->col - vis + 1;
	if (vis >= maxc || g->left < 0)
		g->left = 0;

	if (g->line < g->top + 1)
		g->top = g->line > 0 && !is_row(g, g->line - 1) ?
		    g->line - 1 : g->line;
	if (g->line >= g->top + h)
		g->top = g->line - h + 1;
	if (g->top > g->nlines - h)
		g->top = g->nlines - h;
	if (g->top > g->line)
		g->top = g->line;
	if (g->top < 0)
		g->top = 0;
	/* The heading of the top row, when it is above the screen, takes
	 * the first screen line: one line less for the rows. */
	for (;;) {
		g->head = g->freeze && is_row(g, g->top) ?
		    heading_of(g, g->top) : -1;
		if (h < 2 || g->head < 0 ||
		    g->line < g->top + h - 1)
			break;
		g->top++;
	}
	if (h < 2)
		g->head = -1;
}

int
grid_line_at(const struct grid *g, int y)
{
	int	 l;

	if (y < 0 || y >= g->height)
		return -1;
	if (g->head >= 0) {
		if (y == 0)
			return g->head;
		y--;
	}
	l = g->top + y;
	return l < g->nlines ? l : -1;
}

bool
grid_hit(const struct grid *g, int y, int x, int *line, int *col)
{
	int	 l = grid_line_at(g, y), c;

	if (x < 0 || x >= g->width || l < 0 || !is_row(g, l) ||
	    (g->head >= 0 && y == 0))
		return false;
	if (x <= g->label_width) {
		*line = l;
		*col = clamp_col(g, l, g->col);
		return true;
	}
	c = g->left + (x - g->label_width - 1) / g->cell_width;
	if (c >= g->ncells[l] || c >= g->left + grid_visible_cells(g))
		return false;
	*line = l;
	*col = c;
	return true;
}
