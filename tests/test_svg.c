/* test_svg.c: the 图解 (export_svg.c): well-formed XML (xmllint), every
 * figure it prints equal to the report's (each figure names the keys it
 * shows in data-field; several keys are their sum), every change against
 * last year equal to the difference, long figures kept inside their box,
 * report text escaped, nothing loaded from outside. */
#include "config.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csvio.h"
#include "export.h"
#include "export_svg.h"
#include "number.h"
#include "report.h"
#include "schema.h"
#include "testlib.h"

static char *
svg_of(const struct report *r)
{
	char	*s, *err = NULL;
	size_t	 len;

	s = export_render(r, EXPORT_SVG, EXPORT_UTF8, &len, &err);
	cr_assert_not_null(s, "%s", err);
	cr_assert_eq(strlen(s), len, "a NUL inside the SVG");
	return s;
}

/* xmllint --noout on the picture: 0 when well-formed. */
static void
expect_well_formed(const char *svg)
{
	char	 path[] = "/tmp/gk-svg-XXXXXX", cmd[128];
	int	 rc;

	tl_write_temp(path, 0, svg, strlen(svg));
	snprintf(cmd, sizeof cmd, "xmllint --noout %s 2>&1", path);
	rc = system(cmd);
	unlink(path);
	cr_assert_eq(rc, 0, "xmllint finds the SVG not well-formed");
}

static char *
attr(const char *tag, const char *end, const char *name)
{
	char		 key[64];
	const char	*p, *q;

	snprintf(key, sizeof key, " %s=\"", name);
	if ((p = strstr(tag, key)) == NULL || p > end)
		return NULL;
	p += strlen(key);
	q = strchr(p, '"');
	return strndup(p, (size_t)(q - p));
}

/* The value of a sum of keys in r; false when one is empty or invalid. */
static bool
sum_of(const struct report *r, const char *keys, bool *amount, int64_t *out)
{
	char	*k = strdup(keys), *tok, *save = NULL;
	int64_t	 v, sum = 0;
	bool	 ok = true;
	int	 f;

	*amount = false;
	for (tok = strtok_r(k, " ", &save); tok != NULL;
	    tok = strtok_r(NULL, " ", &save)) {
		cr_assert_neq(f = schema_find(tok), -1, "unknown key %s", tok);
		*amount = schema_field(f)->kind == SK_AMOUNT;
		if (!report_value(r, f, &v))
			ok = false;
		else
			sum += v;
	}
	free(k);
	*out = sum;
	return ok;
}

/* "9,487" → 9487 (of its kind); false when it is not a grouped number. */
static bool
parse_shown(const char *s, bool amount, int64_t *v)
{
	char	 plain[64];
	size_t	 k = 0;

	for (; *s != '\0' && k + 1 < sizeof plain; s++)
		if (*s != ',')
			plain[k++] = *s;
	plain[k] = '\0';
	if (amount)
		return number_parse(plain, SK_AMOUNT, v) == NUM_OK;
	/* A sum of counts may pass the largest count a cell takes. */
	if (k == 0 || k > 18 || strspn(plain, "0123456789") != k)
		return false;
	*v = strtoll(plain, NULL, 10);
	return true;
}

/* Every figure and change in the picture, checked against the report.
 * Returns how many figures; *nfigs counts the headline ones (class "fig";
 * the outcomes under table 四's totals are "fig sub"). */
static int
check_figures(const char *svg, const struct report *r, int *nchanges,
    int *nfigs)
{
	const char	*p = svg, *end, *close;
	int		 n = 0;
	int64_t		 last = 0;
	bool		 last_ok = false;

	*nchanges = *nfigs = 0;
	while ((p = strstr(p, "<text ")) != NULL) {
		char	*cls, *keys, *size, *max, *tl, *shown;
		int64_t	 want, got;
		bool	 amount, ok;

		end = strchr(p, '>');
		close = strstr(end, "</text>");
		cls = attr(p, end, "class");
		keys = attr(p, end, "data-field");
		shown = strndup(end + 1, (size_t)(close - end - 1));
		if (cls != NULL && strncmp(cls, "fig", 3) == 0) {
			cr_assert_not_null(keys, "a figure without data-field");
			ok = sum_of(r, keys, &amount, &want);
			if (!ok)
				cr_assert_str_eq(shown, "\xe2\x80\x94",
				    "%s: '%s' for an empty or invalid figure",
				    keys, shown);
			else {
				cr_assert(parse_shown(shown, amount, &got),
				    "%s: '%s' is no figure", keys, shown);
				cr_assert_eq(got, want, "%s: shows %s", keys,
				    shown);
			}
			last = want;
			last_ok = ok;
			if (strcmp(cls, "fig") == 0)
				(*nfigs)++;	/* a headline figure */
			/* It fits its box: by its size, or squeezed. */
			size = attr(p, end, "font-size");
			max = attr(p, end, "data-max");
			tl = attr(p, end, "textLength");
			cr_assert_not_null(max);
			if (tl != NULL)
				cr_assert_leq(atof(tl), atof(max) + 0.05);
			else
				cr_assert_leq(svg_text_em(shown) * atof(size),
				    atof(max) + 0.5, "%s: '%s' overflows", keys,
				    shown);
			free(size);
			free(max);
			free(tl);
			n++;
		} else if (cls != NULL && strcmp(cls, "change") == 0) {
			int64_t	 prev, d;
			char	 want_s[96], num[32];

			cr_assert(last_ok, "a change for a figure not shown");
			cr_assert(sum_of(r, keys, &amount, &prev), "%s", keys);
			cr_assert_eq(strncmp(keys, "prev.", 5), 0);
			d = last - prev;
			if (d == 0)
				snprintf(want_s, sizeof want_s, "与上年持平");
			else {
				number_format(d > 0 ? d : -d, amount ? SK_AMOUNT :
				    SK_COUNT, num);
				snprintf(want_s, sizeof want_s, "较上年 %s",
				    d > 0 ? "+" : "\xe2\x88\x92");
				cr_assert_eq(strncmp(shown, want_s,
				    strlen(want_s)), 0, "%s: '%s'", keys, shown);
				cr_assert(parse_shown(shown + strlen(want_s),
				    amount, &got));
				cr_assert_eq(got, d > 0 ? d : -d, "%s: '%s'",
				    keys, shown);
				strcpy(want_s, shown);
			}
			cr_assert_str_eq(shown, want_s);
			(*nchanges)++;
		}
		free(cls);
		free(keys);
		free(shown);
		p = close;
	}
	return n;
}

/* How many figures of each table the picture shows by their own key. */
static int
shown_cells(const char *svg, int table)
{
	int	 f, n = 0;
	char	 key[96];

	for (f = F_FIRST_CELL; f < F_FIRST_CELL + SCH_NCELLS; f++) {
		if (schema_field(f)->table != table)
			continue;
		snprintf(key, sizeof key, "data-field=\"%s\"",
		    schema_field(f)->key);
		if (strstr(svg, key) != NULL)
			n++;
	}
	return n;
}

Test(svg, examples_are_well_formed_and_every_figure_is_the_reports)
{
	static const char *const files[] = {
		EXAMPLES_DIR "/hongze-2024.csv",
		EXAMPLES_DIR "/lushi-xzsp-2024.csv",
	};
	size_t	 i;
	int	 nch, nhead;

	for (i = 0; i < sizeof files / sizeof files[0]; i++) {
		struct report	*r = tl_load(files[i]);
		char		*s = svg_of(r);

		expect_well_formed(s);
		cr_assert_geq(check_figures(s, r, &nch, &nhead), 30, "%s", files[i]);
		/* Every figure of 二 and 四 is shown by itself. */
		cr_assert_eq(shown_cells(s, SCH_T2), 10);
		cr_assert_eq(shown_cells(s, SCH_T4), 15);
		cr_assert_not_null(strstr(s, "width=\"750\""));
		free(s);
		report_free(r);
	}
}

Test(svg, hongze_shows_its_headline_figures)
{
	struct report	*r = tl_load(EXAMPLES_DIR "/hongze-2024.csv");
	char		*s = svg_of(r);

	cr_assert_not_null(strstr(s, "class=\"fig\" "
	    "data-field=\"t2.permit.decisions\" data-max=\"207.3\">9,487</text>"));
	/* What came in: 本年新收 + 上年结转, summed. */
	cr_assert_not_null(strstr(s,
	    "data-field=\"t3.new.total t3.carry_in.total\""));
	cr_assert_not_null(strstr(s, "淮安市洪泽区人民政府2024年政府信息公开工作年度报告"));
	free(s);
	report_free(r);
}

/* 15-digit figures everywhere and an 11-digit fee with 4 decimals: all
 * exact, all inside their boxes. */
Test(svg, large_figures_are_exact_and_fit)
{
	struct report	*r = report_new();
	char		*s;
	int		 f, nch, nhead;

	report_set(r, F_AGENCY, "某市某局");
	report_set(r, F_YEAR, "2025");
	for (f = F_FIRST_CELL; f < F_FIRST_CELL + SCH_NCELLS; f++)
		report_set_value(r, f, INT64_C(987654321000000) + f);
	report_set(r, schema_find("t2.fees.amount"), "12345678901.2345");
	s = svg_of(r);
	expect_well_formed(s);
	cr_assert_geq(check_figures(s, r, &nch, &nhead), 30);
	cr_assert_not_null(strstr(s, ">12,345,678,901.2345</text>"));
	free(s);
	report_free(r);
}

/* With last year's figures, a change under every figure that has them. */
Test(svg, every_figure_with_last_years_shows_the_change)
{
	struct report	*r = tl_load(EXAMPLES_DIR "/hongze-2024.csv");
	char		*s;
	int		 f, pf, nfig, nch;
	int64_t		 v;

	for (f = F_FIRST_CELL; f < F_FIRST_CELL + SCH_NCELLS; f++)
		if ((pf = schema_prev(f)) != -1 && report_value(r, f, &v))
			report_set_value(r, pf, v % 3 == 0 ? v : v + 7);
	report_set(r, schema_prev(schema_find("t2.fees.amount")), "7000.5");
	s = svg_of(r);
	check_figures(s, r, &nch, &nfig);
	cr_assert_eq(nch, nfig, "%d headline figures, %d changes", nfig, nch);
	cr_assert_not_null(strstr(s, "与上年持平"));
	cr_assert_not_null(strstr(s, "较上年 \xe2\x88\x92"));
	cr_assert_not_null(strstr(s, "较上年 +544.5<"));	/* 7545 - 7000.5 */
	free(s);
	report_free(r);
}

Test(svg, empty_and_invalid_figures_show_a_dash)
{
	struct report	*r = report_new();
	char		*s;
	int		 nch, nhead;

	report_set(r, schema_find("t2.permit.decisions"), "5x0");
	s = svg_of(r);
	expect_well_formed(s);
	check_figures(s, r, &nch, &nhead);
	cr_assert_eq(nch, 0);
	cr_assert_null(strstr(s, "5x0"));
	free(s);
	report_free(r);
}

/* What a file carried reaches the picture as text: escaped, without
 * controls or bidi overrides; and nothing comes from outside. */
Test(svg, report_text_is_escaped_and_nothing_is_external)
{
	struct report	*r = tl_load(EXAMPLES_DIR "/hongze-2024.csv");
	char		*s;

	report_set(r, F_AGENCY, "<甲&乙>\"丙'\x1b[2J\x07\xe2\x80\xae\xc2\x9b局"
	    "</text><script>alert(1)</script>");
	s = svg_of(r);
	expect_well_formed(s);
	cr_assert_null(strstr(s, "<script"));
	cr_assert_not_null(strstr(s, "&lt;甲&amp;乙&gt;&quot;丙&#39;[2J局"));
	cr_assert_null(strchr(s, '\x1b'));
	cr_assert_null(strchr(s, '\x07'));
	cr_assert_null(strstr(s, "\xe2\x80\xae"));
	cr_assert_null(strstr(s, "\xc2\x9b"));
	cr_assert_null(strstr(s, "href"));
	cr_assert_null(strstr(s, "url("));
	cr_assert_null(strstr(s, "<image"));
	cr_assert_null(strstr(s, "@font-face"));
	cr_assert_not_null(strstr(s, "font-family=\"&quot;Noto Sans CJK SC&quot;"));
	cr_assert_not_null(strstr(s, ",sans-serif\""));
	free(s);
	report_free(r);
}
