/* test_csvout.c: the one CSV field writer (csvout.c): quoting, read back
 * by libcsv as a spreadsheet would, and the one formula guard (spec §7). */
#include "config.h"

#include <criterion/criterion.h>
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvout.h"

/* s as one field, guarded or not. Caller frees. */
static char *
field(const char *s, bool guard)
{
	struct buf	 b = { NULL, 0, 0 };

	csv_field(&b, s, guard);
	buf_add(&b, "");
	return b.s;
}

static void
field_is(const char *s, bool guard, const char *want)
{
	char	*got = field(s, guard);

	cr_expect_str_eq(got, want, "field of \"%s\"", s);
	free(got);
}

Test(csv_formula, every_dangerous_start_is_a_formula)
{
	static const char *const v[] = {
		"=1+1", "+x", "-x", "@SUM(A1)", "\tx", "\rx", "＝1+1", "＋x",
		"－x", "＠x", "-", "+", "-1+cmd|' /C calc'!A0", "+1.5.5",
		"-6e3", "-.5", "-6%x", "-1,000",
	};
	size_t	 i;

	for (i = 0; i < sizeof v / sizeof v[0]; i++)
		cr_expect(csv_formula_like(v[i]), "\"%s\" not taken for a formula",
		    v[i]);
}

Test(csv_formula, a_negative_number_is_a_number)
{
	static const char *const v[] = {
		"-6", "+3", "-1.5", "+0.25", "-12.5%", "+100%", "6", "0",
	};
	size_t	 i;

	for (i = 0; i < sizeof v / sizeof v[0]; i++)
		cr_expect(!csv_formula_like(v[i]), "\"%s\" taken for a formula",
		    v[i]);
}

Test(csv_formula, harmless_text_is_left_alone)
{
	static const char *const v[] = {
		"", "一、=不是公式", "a-b", "县交通局", " =x", "'=x", "＝",
	};
	size_t	 i;

	/* "＝" alone is a full-width sign: a formula start. */
	for (i = 0; i + 1 < sizeof v / sizeof v[0]; i++)
		cr_expect(!csv_formula_like(v[i]), "\"%s\" taken for a formula",
		    v[i]);
	cr_expect(csv_formula_like("＝"));
}

Test(csv_field, quotes_only_when_it_must)
{
	field_is("县交通局", false, "县交通局");
	field_is("a,b", false, "\"a,b\"");
	field_is("say \"hi\"", false, "\"say \"\"hi\"\"\"");
	field_is("two\nlines", false, "\"two\nlines\"");
	field_is("cr\rhere", false, "\"cr\rhere\"");
	field_is(" lead", false, "\" lead\"");
	field_is("trail ", false, "\"trail \"");
	field_is("\ttab", false, "\"\ttab\"");
	field_is("", false, "");
	field_is(NULL, false, "");
}

Test(csv_field, guard_puts_the_quote_mark_inside_the_quotes)
{
	field_is("=1+1", true, "'=1+1");
	field_is("-a,b", true, "\"'-a,b\"");
	field_is("\tx", true, "\"'\tx\"");
	field_is("＠x", true, "'＠x");
	field_is("-6", true, "-6");
	field_is("+8.9%", true, "+8.9%");
	/* Without the guard (our keys and labels, the report file): as is. */
	field_is("=1+1", false, "=1+1");
	field_is("-x", false, "-x");
}

/* Read CSV text back with libcsv: the fields of its first record. */
struct back {
	char	*f[16];
	int	 n;
};

static void
on_field(void *s, size_t n, void *data)
{
	struct back	*bk = data;

	if (bk->n < 16) {
		bk->f[bk->n] = strndup(s, n);
		bk->n++;
	}
}

static void
read_back(const char *text, struct back *bk)
{
	struct csv_parser	 p;

	memset(bk, 0, sizeof *bk);
	cr_assert_eq(csv_init(&p, CSV_STRICT), 0);
	cr_assert_eq(csv_parse(&p, text, strlen(text), on_field, NULL, bk),
	    strlen(text));
	csv_fini(&p, on_field, NULL, bk);
	csv_free(&p);
}

Test(csv_field, reads_back_as_written)
{
	static const char *const v[] = {
		"plain", "a,b", "\"", "\"\"", "x\"y", "line\nbreak", "crlf\r\n",
		" both ", "\t", "中文，逗号", ",", "=1+1",
	};
	struct buf	 b = { NULL, 0, 0 };
	struct back	 bk;
	size_t		 i;
	int		 j;

	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		if (i > 0)
			buf_add(&b, ",");
		csv_field(&b, v[i], false);
	}
	buf_add(&b, "\r\n");
	read_back(b.s, &bk);
	cr_assert_eq(bk.n, (int)(sizeof v / sizeof v[0]), "%s", b.s);
	for (j = 0; j < bk.n; j++) {
		cr_expect_str_eq(bk.f[j], v[j]);
		free(bk.f[j]);
	}
	free(b.s);
}

Test(csv_row_out, writes_one_record_with_empty_fields_and_the_line_end)
{
	const char	*row[] = { "a.csv", NULL, "-6", "=cmd", "x,y" };
	char		*text = NULL;
	size_t		 len = 0;
	FILE		*f = open_memstream(&text, &len);

	cr_assert_not_null(f);
	csv_row_out(f, row, 5, "\r\n");
	fclose(f);
	cr_expect_str_eq(text, "a.csv,,-6,'=cmd,\"x,y\"\r\n");
	free(text);
}
