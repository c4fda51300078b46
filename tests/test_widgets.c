/*
 * test_widgets.c: the widgets with no terminal: the text editor's wrapping
 * and cursor, the grid's viewport, navigation and mouse hits, the key
 * table's lookups (and the application's own table).
 */
#include <criterion/criterion.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "grid.h"
#include "keymap.h"
#include "keys.h"
#include "textedit.h"
#include "wtext.h"

static void
utf8_locale(void)
{
	setlocale(LC_ALL, "C.UTF-8");
}

static struct textedit *
make(const char *text, int rows, int cols)
{
	struct textedit	*te = textedit_new();

	textedit_set_size(te, rows, cols);
	textedit_set_text(te, text);
	return te;
}

static void
expect_text(struct textedit *te, const char *want)
{
	char	*s = textedit_text(te);

	cr_expect_str_eq(s, want);
	free(s);
}

TestSuite(textedit, .init = utf8_locale);

Test(textedit, wide_characters_wrap_whole)
{
	/* 10 columns: 中文abc = 7, then 中 fits (9), 文 (needs 2) wraps. */
	struct textedit	*te = make("中文abc中文字", 5, 10);
	int		 r, c;

	cr_expect_eq(textedit_lines(te), 2);
	textedit_set_point(te, 6);	/* before 文 of the second pair */
	textedit_cursor(te, &r, &c);
	cr_expect_eq(r, 1);
	cr_expect_eq(c, 0);
	textedit_free(te);
}

Test(textedit, odd_width_wraps_early_before_a_wide_character)
{
	/* 5 columns: two wide characters use 4, the third must not split. */
	struct textedit	*te = make("一二三四", 5, 5);
	int		 r, c;

	cr_expect_eq(textedit_lines(te), 2);
	textedit_set_point(te, 2);
	textedit_cursor(te, &r, &c);
	cr_expect_eq(r, 1);
	cr_expect_eq(c, 0);
	textedit_free(te);
}

Test(textedit, cursor_moves_by_character_never_half)
{
	struct textedit	*te = make("a中b", 5, 20);
	int		 r, c;

	textedit_set_point(te, 0);
	textedit_key(te, KEY_RIGHT, true);
	textedit_key(te, KEY_RIGHT, true);
	textedit_cursor(te, &r, &c);
	cr_expect_eq(textedit_point(te), 2);
	cr_expect_eq(c, 3);	/* a (1) + 中 (2) */
	textedit_free(te);
}

Test(textedit, up_down_keep_the_column_on_a_character_boundary)
{
	struct textedit	*te = make("abcdef\n中文中文", 5, 20);
	int		 r, c;

	textedit_set_point(te, 3);	/* column 3, between c and d */
	textedit_key(te, KEY_DOWN, true);
	textedit_cursor(te, &r, &c);
	cr_expect_eq(r, 1);
	cr_expect_eq(c, 2);		/* 3 is inside 文: land before it */
	textedit_key(te, KEY_UP, true);
	cr_expect_eq(textedit_point(te), 3, "goal column kept going back up");
	textedit_free(te);
}

Test(textedit, insert_and_delete_anywhere)
{
	struct textedit	*te = make("你好世界", 5, 20);

	textedit_set_point(te, 2);
	textedit_insert(te, "，");
	expect_text(te, "你好，世界");
	textedit_key(te, KEY_BACKSPACE, true);
	expect_text(te, "你好世界");
	textedit_key(te, KEY_DC, true);
	expect_text(te, "你好界");
	textedit_set_point(te, 0);
	textedit_key(te, L'A', false);
	expect_text(te, "A你好界");
	textedit_set_point(te, textedit_length(te));
	textedit_key(te, L'\r', false);
	textedit_key(te, 0x4e2d, false);
	expect_text(te, "A你好界\n中");
	textedit_free(te);
}

Test(textedit, backspace_at_line_start_joins_lines)
{
	struct textedit	*te = make("第一行\n第二行", 5, 20);

	textedit_set_point(te, 4);
	textedit_key(te, KEY_BACKSPACE, true);
	expect_text(te, "第一行第二行");
	textedit_free(te);
}

Test(textedit, home_end_of_display_line)
{
	struct textedit	*te = make("abc\ndefgh", 5, 20);

	textedit_set_point(te, 6);
	textedit_key(te, KEY_HOME, true);
	cr_expect_eq(textedit_point(te), 4);
	textedit_key(te, KEY_END, true);
	cr_expect_eq(textedit_point(te), 9);
	textedit_free(te);
}

Test(textedit, page_down_moves_a_screenful)
{
	struct textedit	*te = make("1\n2\n3\n4\n5\n6\n7\n8", 3, 20);
	int		 r, c;

	textedit_set_point(te, 0);
	textedit_key(te, KEY_NPAGE, true);
	cr_expect_eq(textedit_point(te), 6);	/* line 4 */
	textedit_cursor(te, &r, &c);
	cr_expect(r >= 0 && r < 3, "cursor stays visible");
	textedit_free(te);
}

Test(textedit, invalid_utf8_becomes_replacement_character)
{
	struct textedit	*te = make("a\xff" "b", 5, 20);

	cr_expect_eq(textedit_length(te), 3);
	expect_text(te, "a\xef\xbf\xbd" "b");
	textedit_free(te);
}

Test(textedit, long_paste_round_trips)
{
	struct textedit	*te = make("", 20, 78);
	char		*big = malloc(20000 * 3 + 1), *got;
	int		 i;

	for (i = 0; i < 20000; i++)
		memcpy(big + i * 3, "字", 3);
	big[20000 * 3] = '\0';
	textedit_insert(te, big);
	cr_expect_eq(textedit_length(te), 20000);
	cr_expect_eq(textedit_lines(te), (20000 + 38) / 39);	/* 39 per line */
	got = textedit_text(te);
	cr_expect_str_eq(got, big);
	free(got);
	free(big);
	textedit_free(te);
}

TestSuite(wtext, .init = utf8_locale);

Test(wtext, widths_of_mixed_text)
{
	cr_expect_eq(wt_strwidth("abc"), 3);
	cr_expect_eq(wt_strwidth("中文"), 4);
	cr_expect_eq(wt_strwidth("（一）a"), 7);
	cr_expect_eq(wt_strwidth("　"), 2);
}

/* ---- grid ---- */

/* Like table 三: a heading, 2 rows of 7 cells, a heading, 3 rows of 7,
 * a heading, a row of 7. */
static const int	 shape[] = { 0, 7, 7, 0, 7, 7, 7, 0, 7 };
#define NSHAPE	((int)(sizeof shape / sizeof shape[0]))

static struct grid
make_grid(int height, int width)
{
	struct grid	 g;

	grid_init(&g, NSHAPE, shape);
	g.height = height;
	g.width = width;
	g.label_width = 20;
	g.cell_width = 9;
	return g;
}

Test(grid, starts_on_the_first_row_not_a_heading)
{
	struct grid	 g = make_grid(5, 80);

	cr_expect_eq(g.line, 1);
	cr_expect_eq(g.col, 0);
}

Test(grid, moving_skips_headings_and_stops_at_the_edges)
{
	struct grid	 g = make_grid(5, 80);

	grid_move(&g, 1, 0);
	cr_expect_eq(g.line, 2);
	grid_move(&g, 1, 0);		/* over the heading at 3 */
	cr_expect_eq(g.line, 4);
	grid_move(&g, -1, 0);
	cr_expect_eq(g.line, 2);
	grid_move(&g, -10, 0);		/* stops at the first row */
	cr_expect_eq(g.line, 1);
	grid_move(&g, 100, 0);
	cr_expect_eq(g.line, 8);
	grid_move(&g, 0, 100);
	cr_expect_eq(g.col, 6);
	grid_move(&g, 0, -100);
	cr_expect_eq(g.col, 0);
}

Test(grid, column_is_kept_within_a_shorter_row)
{
	static const int	 rows[] = { 0, 5, 0, 3 };	/* like table 四 */
	struct grid		 g;

	grid_init(&g, 4, rows);
	g.height = 10;
	g.width = 80;
	g.label_width = 10;
	g.cell_width = 9;
	grid_end(&g);
	cr_expect_eq(g.col, 4);
	grid_move(&g, 1, 0);
	cr_expect_eq(g.line, 3);
	cr_expect_eq(g.col, 2);
	grid_home(&g);
	cr_expect_eq(g.col, 0);
}

Test(grid, first_and_last)
{
	struct grid	 g = make_grid(5, 80);

	grid_last(&g);
	cr_expect_eq(g.line, 8);
	cr_expect_eq(g.col, 6);
	grid_first(&g);
	cr_expect_eq(g.line, 1);
	cr_expect_eq(g.col, 0);
}

Test(grid, page_moves_by_the_rows_on_screen)
{
	struct grid	 g = make_grid(4, 80);

	grid_page(&g, 1);		/* 3 rows: 1 -> 2 -> 4 -> 5 */
	cr_expect_eq(g.line, 5);
	grid_page(&g, -1);
	cr_expect_eq(g.line, 1);
}

Test(grid, scrolling_keeps_the_cursor_and_its_heading_in_view)
{
	struct grid	 g = make_grid(3, 80);

	grid_scroll(&g);
	cr_expect_eq(g.top, 0);
	grid_move(&g, 3, 0);		/* line 5 */
	grid_scroll(&g);
	cr_expect_eq(g.top, 3, "cursor at the bottom: top %d", g.top);
	grid_move(&g, 1, 0);		/* line 6 */
	grid_scroll(&g);
	cr_expect_eq(g.top, 4);
	grid_move(&g, -2, 0);		/* line 4, just under its heading */
	grid_scroll(&g);
	cr_expect_eq(g.top, 3, "the heading above is shown: top %d", g.top);
	/* A taller window: no empty lines at the bottom. */
	g.height = 20;
	grid_scroll(&g);
	cr_expect_eq(g.top, 0);
}

Test(grid, narrow_screen_scrolls_columns_wide_one_shows_all)
{
	struct grid	 g = make_grid(10, 80);	/* (80-20-1)/9 = 6 of 7 */

	cr_expect_eq(grid_visible_cells(&g), 6);
	grid_end(&g);
	grid_scroll(&g);
	cr_expect_eq(g.left, 1);
	grid_home(&g);
	grid_scroll(&g);
	cr_expect_eq(g.left, 0);
	g.width = 120;
	grid_end(&g);
	grid_scroll(&g);
	cr_expect_eq(grid_visible_cells(&g), 11);
	cr_expect_eq(g.left, 0);
	g.width = 10;			/* never less than one cell */
	cr_expect_eq(grid_visible_cells(&g), 1);
}

Test(grid, mouse_hits_cells_not_headings)
{
	struct grid	 g = make_grid(10, 80);
	int		 line, col;

	grid_scroll(&g);
	cr_assert(grid_hit(&g, 1, 21, &line, &col));	/* first cell */
	cr_expect_eq(line, 1);
	cr_expect_eq(col, 0);
	cr_assert(grid_hit(&g, 4, 21 + 9 * 3 + 4, &line, &col));
	cr_expect_eq(line, 4);
	cr_expect_eq(col, 3);
	cr_expect_not(grid_hit(&g, 0, 30, &line, &col), "a heading");
	cr_expect_not(grid_hit(&g, 9, 30, &line, &col), "past the last line");
	cr_expect_not(grid_hit(&g, -1, 30, &line, &col));
	cr_expect_not(grid_hit(&g, 1, 21 + 9 * 6, &line, &col),
	    "beside the visible cells");
	/* On a label: that row, the cursor's column. */
	g.col = 2;
	cr_assert(grid_hit(&g, 2, 5, &line, &col));
	cr_expect_eq(line, 2);
	cr_expect_eq(col, 2);
	/* Scrolled: the screen line is relative to the top. */
	g.height = 3;
	grid_last(&g);
	grid_scroll(&g);
	cr_assert(grid_hit(&g, 2, 21, &line, &col));
	cr_expect_eq(line, g.top + 2);
	cr_expect_eq(col, g.left);
}

Test(grid, set_refuses_headings_and_missing_cells)
{
	struct grid	 g = make_grid(10, 80);

	cr_expect(grid_set(&g, 5, 6));
	cr_expect_not(grid_set(&g, 3, 0));
	cr_expect_not(grid_set(&g, 5, 7));
	cr_expect_not(grid_set(&g, 99, 0));
	cr_expect_eq(g.line, 5);
	cr_expect_eq(g.col, 6);
}

/* ---- keymap ---- */

enum { K_SAVE = 1, K_QUIT, K_FILL };
static const struct keybinding km[] = {
	{ 0x13, false, K_SAVE, KM_ALL, true, "^S", "save" },
	{ 0x112, true, K_SAVE, KM_ALL, false, "F2", "save" },
	{ 0x11, false, K_QUIT, KM_ALL, true, "^Q", "quit" },
	{ 0x115, true, K_FILL, 0x2, true, "F5", "fill" },
};
#define NKM	(sizeof km / sizeof km[0])

Test(keymap, finds_a_key_in_its_contexts_only)
{
	const struct keybinding	*b;

	b = keymap_find(km, NKM, 0x13, false, 0x4);
	cr_assert_not_null(b);
	cr_expect_eq(b->action, K_SAVE);
	cr_expect_null(keymap_find(km, NKM, 0x13, true, 0x4),
	    "a function key is not the character with the same code");
	cr_expect_not_null(keymap_find(km, NKM, 0x115, true, 0x2));
	cr_expect_null(keymap_find(km, NKM, 0x115, true, 0x4),
	    "F5 only in the grid");
	cr_expect_null(keymap_find(km, NKM, 'x', false, 0x2));
}

Test(keymap, names_and_hints)
{
	char	 buf[64];

	keymap_names(km, NKM, K_SAVE, buf, sizeof buf);
	cr_expect_str_eq(buf, "^S F2");
	keymap_hints(km, NKM, 0x2, NULL, buf, sizeof buf);
	cr_expect_str_eq(buf, "^S save  ^Q quit  F5 fill  ");
	keymap_hints(km, NKM, 0x4, NULL, buf, sizeof buf);
	cr_expect_str_eq(buf, "^S save  ^Q quit  ");
	/* Too small: whole hints only. */
	keymap_hints(km, NKM, 0x2, NULL, buf, 15);
	cr_expect_str_eq(buf, "^S save  ");
}

Test(keymap, conflicts_are_found)
{
	static const struct keybinding	 bad[] = {
		{ 0x13, false, 1, 0x2, false, "^S", "a" },
		{ 0x13, false, 2, 0x4, false, "^S", "b" },
		{ 0x13, false, 3, KM_ALL, false, "^S", "c" },
	};
	size_t				 a, b;

	cr_expect_not(keymap_conflict(bad, 2, &a, &b),
	    "same key, contexts that never meet");
	cr_assert(keymap_conflict(bad, 3, &a, &b));
	cr_expect_eq(a, 0);
	cr_expect_eq(b, 2);
}

/* The application's own table. */
Test(keymap, application_keys_have_no_conflicts_and_the_promised_keys)
{
	static const int	 ctxs[] = { CTX_GRID, CTX_CHECKS, CTX_TEXT, 0 };
	size_t			 a, b, i;
	const struct keybinding	*k;

	cr_expect_not(keymap_conflict(tui_keys, tui_nkeys, &a, &b),
	    "%s and %s", tui_keys[a].name, tui_keys[b].name);
	for (i = 0; i < sizeof ctxs / sizeof ctxs[0]; i++) {
		int	 c = ctxs[i];

		k = keymap_find(tui_keys, tui_nkeys, '\t', false, c);
		cr_expect(k != NULL && k->action == A_NEXT, "Tab, ctx %d", c);
		k = keymap_find(tui_keys, tui_nkeys, KEY_BTAB, true, c);
		cr_expect(k != NULL && k->action == A_PREV);
		k = keymap_find(tui_keys, tui_nkeys, KEY_F(1), true, c);
		cr_expect(k != NULL && k->action == A_HELP);
		k = keymap_find(tui_keys, tui_nkeys, CTRL('s'), false, c);
		cr_expect(k != NULL && k->action == A_SAVE);
		k = keymap_find(tui_keys, tui_nkeys, KEY_F(2), true, c);
		cr_expect(k != NULL && k->action == A_SAVE);
		k = keymap_find(tui_keys, tui_nkeys, CTRL('q'), false, c);
		cr_expect(k != NULL && k->action == A_QUIT);
		k = keymap_find(tui_keys, tui_nkeys, KEY_F(10), true, c);
		cr_expect(k != NULL && k->action == A_QUIT);
		k = keymap_find(tui_keys, tui_nkeys, CTRL('z'), false, c);
		cr_expect(k != NULL && k->action == A_UNDO);
		k = keymap_find(tui_keys, tui_nkeys, CTRL('y'), false, c);
		cr_expect(k != NULL && k->action == A_REDO);
		k = keymap_find(tui_keys, tui_nkeys, KEY_F(8), true, c);
		cr_expect(k != NULL && k->action == A_CHECKS);
		/* Keys a widget needs are never taken by the table. */
		cr_expect_null(keymap_find(tui_keys, tui_nkeys, KEY_LEFT, true,
		    c));
		cr_expect_null(keymap_find(tui_keys, tui_nkeys, '\r', false, c));
		cr_expect_null(keymap_find(tui_keys, tui_nkeys, '5', false, c));
	}
	k = keymap_find(tui_keys, tui_nkeys, KEY_F(5), true, CTX_GRID);
	cr_expect(k != NULL && k->action == A_FILL_TOTALS);
	cr_expect_null(keymap_find(tui_keys, tui_nkeys, KEY_F(5), true,
	    CTX_TEXT), "F5 fills totals in the grids only");
	for (i = 0; i < tui_nkeys; i++)
		cr_expect(tui_keys[i].help != NULL && tui_keys[i].help[0] &&
		    tui_keys[i].name != NULL, "binding %zu has no help", i);
}
