/*
 * grid.h: the viewport of a grid of cells under a frozen label column.
 * The grid is a list of lines, each a heading (no cells) or a row of
 * cells; the viewport says which lines and columns are on screen, where
 * the cursor is, and which cell a mouse click hits. The heading of the
 * rows on screen stays on the first screen line when they scroll under
 * it, as the label column stays when the cells scroll sideways. No drawing and no
 * curses, and nothing of reports: the screens draw what it says.
 */
#ifndef GK_GRID_H
#define GK_GRID_H

#include <stdbool.h>

struct grid {
	/* The shape, set by the caller. */
	int		 nlines;
	const int	*ncells;	/* per line: its cells; 0 for a heading */
	int		 height;	/* lines on screen */
	int		 width;		/* columns on screen, labels included */
	int		 label_width;	/* the frozen label column */
	int		 cell_width;	/* one cell, its gap included */
	bool		 freeze;	/* keep the rows' heading on screen */

	/* The state. */
	int		 line, col;	/* the cursor: a row (never a heading) */
	int		 top, left;	/* the first line and cell on screen */
	int		 head;		/* the heading frozen on the first
					   screen line above top, or -1 */
};

/* Start with the cursor on the first cell of the first row. */
void	grid_init(struct grid *, int nlines, const int *ncells);
/* How many cells of a row fit beside the labels (at least 1). */
int	grid_visible_cells(const struct grid *);
/* Move the cursor by rows (headings skipped) and cells, stopping at the
 * edges; the column is kept within the row it lands on. */
void	grid_move(struct grid *, int drows, int dcells);
/* A page up (dir < 0) or down: by the rows on screen. */
void	grid_page(struct grid *, int dir);
/* The first or last cell of the cursor's row. */
void	grid_home(struct grid *);
void	grid_end(struct grid *);
/* The first cell of the first row, the last cell of the last row. */
void	grid_first(struct grid *);
void	grid_last(struct grid *);
/* Put the cursor on a line (a row) and cell; false if there is none. */
bool	grid_set(struct grid *, int line, int col);
/* Down from the cursor, as Enter goes: the next row, or from the last
 * row the first row of the next column (under the same heading). False
 * at the last cell, where the cursor stays. */
bool	grid_next_down(struct grid *);
/* Scroll so that the cursor is on screen, with the heading just above its
 * row when scrolling up to it, or frozen on the first screen line when
 * its rows scrolled under it. Call after a size or cursor change. */
void	grid_scroll(struct grid *);
/* The line shown on screen line y (0 to height - 1), or -1 below the
 * last line. */
int	grid_line_at(const struct grid *, int y);
/* The row line and cell at (y, x), relative to the grid's first screen
 * line and column; a click on a row's label gives the cursor's column.
 * False on a heading, past the last line, or beside the cells. */
bool	grid_hit(const struct grid *, int y, int x, int *line, int *col);

#endif
