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

Test(textedit, no_line_starts_with_closing_punctuation)
{
	/* 10 columns hold five Chinese characters: "一二三四五" fills the
	 * first line and "，" would start the second; the break moves back
	 * one character so "五，" start it. */
	struct textedit	*te = make("一二三四五，六七。", 5, 10);
	int		 r, c;

	textedit_set_point(te, 4);	/* 五 */
	textedit_cursor(te, &r, &c);
	cr_expect_eq(r, 1, "五 goes down with its comma");
	cr_expect_eq(c, 0);
	textedit_free(te);

	/* Two closing marks in a row: "）。" go down with the character
	 * before them. */
	te = make("一二三四五）。", 5, 10);
	textedit_set_point(te, 4);
	textedit_cursor(te, &r, &c);
	cr_expect_eq(r, 1);
	cr_expect_eq(c, 0);
	textedit_free(te);

	/* An opening bracket never ends a line. */
	te = make("一二三四（五）", 5, 10);
	textedit_set_point(te, 4);	/* （ */
	textedit_cursor(te, &r, &c);
	cr_expect_eq(r, 1, "（ goes down with what it opens");
	textedit_free(te);
}

Test(textedit, a_figure_is_not_split)
{
	/* "合计12345件" at 8 columns: 合计 (4) + 1234 would fit, but the
	 * figure goes down whole. */
	struct textedit	*te = make("合计12345件", 5, 8);
	int		 r, c;

	textedit_set_point(te, 2);	/* the 1 */
	textedit_cursor(te, &r, &c);
	cr_expect_eq(r, 1);
	cr_expect_eq(c, 0);
	textedit_free(te);
}

Test(textedit, ctrl_k_deletes_to_the_end_of_the_line)
{
	struct textedit	*te = make("去年的句子。\n第二段", 5, 40);

	textedit_set_point(te, 2);
	textedit_key(te, 0x0b, false);
	expect_text(te, "去年\n第二段");
	textedit_key(te, 0x0b, false);	/* at the end: joins the next */
	expect_text(te, "去年第二段");
	textedit_free(te);
}

Test(textedit, ctrl_w_deletes_the_word_or_clause_before)
{
	struct textedit	*te = make("转职能、增效能，有力服务 abc def", 5, 60);

	textedit_set_point(te, textedit_length(te));
	textedit_key(te, 0x17, false);
	expect_text(te, "转职能、增效能，有力服务 abc ");
	textedit_key(te, 0x17, false);
	expect_text(te, "转职能、增效能，有力服务 ");
	textedit_key(te, 0x17, false);
	expect_text(te, "转职能、增效能，");
	textedit_key(te, 0x17, false);	/* the clause with its comma */
	expect_text(te, "转职能、");
	textedit_free(te);
}

Test(textedit, shift_arrows_select_and_typing_replaces)
{
	struct textedit	*te = make("收取信息处理费0元。", 5, 40);
	size_t		 a, b;

	textedit_set_point(te, 7);	/* before 0 */
	cr_expect_not(textedit_selection(te, &a, &b));
	textedit_key(te, KEY_SRIGHT, true);
	textedit_key(te, KEY_SRIGHT, true);
	cr_expect(textedit_selection(te, &a, &b));
	cr_expect_eq(a, 7);
	cr_expect_eq(b, 9);
	textedit_key(te, L'5', false);
	expect_text(te, "收取信息处理费5。");
	cr_expect_not(textedit_selection(te, &a, &b), "typing ends it");

	/* Shift-Home selects to the line's start; Delete removes it. */
	textedit_set_point(te, 7);
	textedit_key(te, KEY_SHOME, true);
	textedit_key(te, KEY_DC, true);
	expect_text(te, "5。");
	/* Shift-End then Backspace. */
	textedit_set_point(te, 0);
	textedit_key(te, KEY_SEND, true);
	textedit_key(te, KEY_BACKSPACE, true);
	expect_text(te, "");
	textedit_free(te);
}

Test(textedit, shift_down_selects_to_the_next_line_and_a_move_drops_it)
{
	struct textedit	*te = make("第一行\n第二行", 5, 40);
	size_t		 a, b;

	textedit_set_point(te, 1);
	textedit_key(te, KEY_SF, true);
	cr_expect(textedit_selection(te, &a, &b));
	cr_expect_eq(a, 1);
	cr_expect_eq(b, 5);
	textedit_key(te, KEY_LEFT, true);
	cr_expect_not(textedit_selection(te, &a, &b));
	textedit_free(te);
}

/* Types UTF-8 text key by key, as the owner does, and counts the undo
 * steps the editor marks. */
static int
type_steps(struct textedit *te, const char *utf8)
{
	wchar_t	 w[256];
	size_t	 n = mbstowcs(w, utf8, 256), i;
	int	 steps = 0;

	for (i = 0; i < n; i++) {
		if (textedit_starts_step(te, (wint_t)w[i], false))
			steps++;
		textedit_key(te, (wint_t)w[i], false);
	}
	return steps;
}

Test(textedit, undo_steps_are_words_and_clauses_not_paragraphs)
{
	struct textedit	*te = make("", 5, 40);

	/* Three clauses, then a paragraph break and a second paragraph:
	 * five steps, never one for all. */
	cr_expect_eq(type_steps(te, "今年，我们完善制度。\n加强 review 工作。"), 5);
	cr_expect_eq(type_steps(te, "再"), 1, "after 。 a new step");
	cr_expect_not(textedit_starts_step(te, L'写', false), "same word");
	/* A run of Backspace is one step; typing after it another. */
	cr_expect(textedit_starts_step(te, KEY_BACKSPACE, true));
	textedit_key(te, KEY_BACKSPACE, true);
	cr_expect_not(textedit_starts_step(te, KEY_BACKSPACE, true));
	cr_expect(textedit_starts_step(te, L'a', false));
	/* Ctrl-K and Ctrl-W are a step each; a move ends a step. */
	cr_expect(textedit_starts_step(te, 0x0b, false));
	textedit_key(te, L'x', false);
	textedit_key(te, KEY_LEFT, true);
	cr_expect(textedit_starts_step(te, L'y', false));
	cr_expect_not(textedit_starts_step(te, KEY_LEFT, true), "moves change nothing");
	textedit_free(te);
}

Test(textedit, page_down_moves_the_view_by_a_screen)
{
	struct textedit	*te = make("1\n2\n3\n4\n5\n6\n7\n8\n9\n10", 3, 20);
	int		 r, c, line, lines;

	textedit_set_point(te, 0);
	textedit_cursor(te, &r, &c);
	textedit_key(te, KEY_NPAGE, true);
	textedit_cursor(te, &r, &c);
	cr_expect_eq(r, 0, "the cursor keeps its screen row: the view moved "
	    "a screen, not a line");
	textedit_position(te, &line, &lines);
	cr_expect_eq(line, 4);
	cr_expect_eq(lines, 10);
	textedit_key(te, KEY_PPAGE, true);
	textedit_position(te, &line, &lines);
	cr_expect_eq(line, 1);
	textedit_free(te);
}

TestSuite(wtext, .init = utf8_locale);

Test(wtext, wrapping_follows_chinese_line_breaking)
{
	struct wt_line	 l[8];
	const char	*s = "表二 规章：现行有效件数(12)=10，差 2";
	int		 n, i;

	/* Never a line that starts with ，or splits a figure. */
	for (i = 8; i <= 40; i++) {
		int	 k;

		n = wt_wrap(s, i, l, 8);
		cr_assert(n <= 8);
		for (k = 0; k < n; k++) {
			char	 line[128];

			snprintf(line, sizeof line, "%.*s", (int)l[k].len,
			    s + l[k].off);
			cr_expect(wt_strwidth(line) <= i, "width %d: '%s'", i,
			    line);
			cr_expect(strncmp(line, "，", 3) != 0, "width %d: '%s'",
			    i, line);
			cr_expect(k == 0 || !(line[0] >= '0' && line[0] <= '9') ||
			    !(s[l[k].off - 1] >= '0' && s[l[k].off - 1] <= '9'),
			    "width %d: a figure split before '%s'", i, line);
		}
	}
	/* A file name is not broken when it fits on a line of its own. */
	n = wt_wrap("已写入下一年度的报告 /tmp/a/hz-2025.csv", 30, l, 8);
	cr_expect_eq(n, 2);
	cr_expect_eq(l[1].off, strlen("已写入下一年度的报告 "));
	/* Newlines break; the space at a break is left out. */
	n = wt_wrap("ab cd\nef", 3, l, 8);
	cr_expect_eq(n, 3);
	cr_expect_eq(l[0].len, 2);
	cr_expect_eq(l[1].off, 3);
	cr_expect_eq(l[2].off, 6);
}

Test(wtext, break_rules)
{
	cr_expect_not(wt_can_break(L'字', L'，'));
	cr_expect_not(wt_can_break(L'字', L'）'));
	cr_expect_not(wt_can_break(L'（', L'字'));
	cr_expect_not(wt_can_break(L'1', L'2'));
	cr_expect(wt_can_break(L'字', L'字'));
	cr_expect(wt_can_break(L'，', L'字'));
	cr_expect(wt_can_break(L' ', L'a'));
}


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
	cr_expect_eq(g.head, -1, "the heading is on screen by itself");
	grid_move(&g, 1, 0);		/* line 6 */
	grid_scroll(&g);
	/* Its heading (3) scrolled off: frozen on the first screen line,
	 * rows 5 and 6 under it. */
	cr_expect_eq(g.head, 3);
	cr_expect_eq(g.top, 5);
	cr_expect_eq(grid_line_at(&g, 0), 3);
	cr_expect_eq(grid_line_at(&g, 1), 5);
	cr_expect_eq(grid_line_at(&g, 2), 6);
	grid_move(&g, -2, 0);		/* line 4, just under its heading */
	grid_scroll(&g);
	cr_expect_eq(g.top, 3, "the heading above is shown: top %d", g.top);
	cr_expect_eq(g.head, -1);
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
	/* Scrolled: the frozen heading, then the rows from the top. */
	g.height = 3;
	grid_set(&g, 6, 0);
	grid_scroll(&g);
	cr_expect_eq(g.head, 3);
	cr_expect_not(grid_hit(&g, 0, 21, &line, &col), "the frozen heading");
	cr_assert(grid_hit(&g, 2, 21, &line, &col));
	cr_expect_eq(line, 6);
	cr_expect_eq(line, g.top + 1);
	cr_expect_eq(col, g.left);
}

Test(grid, the_heading_stays_at_every_height)
{
	static const int	 t3[] = { 0, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7,
	    7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7 };	/* like table 三 */
	struct grid		 g;
	int			 h, i;

	for (h = 2; h <= 26; h++) {
		grid_init(&g, 26, t3);
		g.height = h;
		g.width = 80;
		g.label_width = 14;
		g.cell_width = 9;
		for (i = 0; i < 30; i++) {
			grid_move(&g, 1, 0);
			grid_scroll(&g);
			cr_assert_eq(grid_line_at(&g, 0), 0,
			    "height %d, row %d: the column heading left", h,
			    g.line);
			cr_assert(g.line >= g.top && (g.line == 0 ||
			    grid_line_at(&g, g.line - g.top +
			    (g.head >= 0)) == g.line),
			    "height %d: the cursor's row is on screen", h);
		}
	}
}

Test(grid, enter_at_the_bottom_of_a_column_goes_to_the_top_of_the_next)
{
	struct grid	 g = make_grid(10, 80);

	grid_set(&g, 5, 2);
	cr_expect(grid_next_down(&g));
	cr_expect_eq(g.line, 6);
	cr_expect(grid_next_down(&g));	/* over the heading */
	cr_expect_eq(g.line, 8);
	cr_expect(grid_next_down(&g));	/* the last row: the next column */
	cr_expect_eq(g.line, 8, "first row under its heading, not %d",
	    g.line);
	cr_expect_eq(g.col, 3);
	{
		static const int	 t4[] = { 0, 5, 5, 5 };

		grid_init(&g, 4, t4);
		grid_set(&g, 3, 0);
		cr_expect(grid_next_down(&g));
		cr_expect_eq(g.line, 1);
		cr_expect_eq(g.col, 1);
	}
	g = make_grid(10, 80);
	grid_set(&g, 8, 6);
	cr_expect_not(grid_next_down(&g), "the last cell stays");
	cr_expect_eq(g.line, 8);
	cr_expect_eq(g.col, 6);
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
