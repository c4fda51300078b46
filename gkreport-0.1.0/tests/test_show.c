/*
 * test_show.c: text from files is shown with its controls visible, even
 * when a character or a CRLF is split between two writes; exports drop
 * the controls (HTML: bidi as references).
 */
#include "config.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "show.h"

Test(show, controls_are_shown_visibly)
{
	cr_expect_str_eq(show_q("a\033[2J\a\x7f", 0), "a^[[2J^G^?");
	cr_expect_str_eq(show_q("\xc2\x9b" "31m", 0), "\\u009b31m");
	cr_expect_str_eq(show_q("x\xe2\x80\xaey\xe2\x81\xa6\xd8\x9c", 0),
	    "x\\u202ey\\u2066\\u061c");
	cr_expect_str_eq(show_q("r\x9bx", 0), "r\\x9bx");
	cr_expect_str_eq(show_q("一\n二\t三", 0), "一 二 三");
	cr_expect_str_eq(show_q(NULL, 0), "");
}

Test(show, a_quote_is_cut_after_whole_characters)
{
	cr_expect_str_eq(show_q("中文字符", 2), "中文……");
	cr_expect_str_eq(show_q("中文", 2), "中文");
	cr_expect_str_eq(show_q("ab\033c", 3), "ab^[……");
}

Test(show, several_quotes_live_together)
{
	const char	*a = show_q("a", 0), *b = show_q("b", 0);

	cr_expect_str_eq(a, "a");
	cr_expect_str_eq(b, "b");
}

/* Write the pieces to a show_stream on a pipe and read what came out. */
static char *
through(const char *const *pieces)
{
	int	 fd[2];
	FILE	*fp;
	char	*out = calloc(1, 4096);
	ssize_t	 n;
	size_t	 got = 0;

	cr_assert_eq(pipe(fd), 0);
	fp = show_stream(fd[1]);
	cr_assert_not_null(fp);
	setvbuf(fp, NULL, _IONBF, 0);
	for (; *pieces != NULL; pieces++)
		fputs(*pieces, fp);
	fclose(fp);
	close(fd[1]);
	while ((n = read(fd[0], out + got, 4095 - got)) > 0)
		got += (size_t)n;
	close(fd[0]);
	return out;
}

Test(show, the_stream_keeps_lines_and_joins_split_characters)
{
	const char *const	 a[] = { "甲\xe2\x80", "\xae乙\r", "\nx\r", "y\n",
				     "\xc2", "\x9b", "z\xe5", NULL };
	char			*out = through(a);

	cr_expect_str_eq(out, "甲\\u202e乙\r\nx^My\n\\u009bz\\xe5");
	free(out);
}

Test(show, exports_drop_controls)
{
	char	 s[] = "a\033[2J\tb\r\n\xc2\x9b" "c\xe2\x80\xae" "d\a";
	size_t	 n = show_strip(s, strlen(s));
	char	*h;

	cr_expect_eq(n, strlen("a[2J\tb\r\ncd"));
	cr_expect_str_eq(s, "a[2J\tb\r\ncd");
	h = show_html("x\xe2\x80\xae\033y", 6, &n);
	cr_expect_str_eq(h, "x&#x202E;y");
	free(h);
}
