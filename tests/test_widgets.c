/* test_widgets.c: the text editor's wrapping and cursor, with no terminal. */
#include <criterion/criterion.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

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
