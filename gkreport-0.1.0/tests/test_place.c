/*
 * test_place.c: where each report was left: kept per report, the latest
 * first, found again by another spelling of the same file, never through
 * a symlink, and forgotten quietly when the state file is damaged.
 */
#include "config.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "place.h"

static char	 dir[] = "/tmp/gk-place.XXXXXX";
static char	 state[512], places[600];

static void
setup(void)
{
	cr_assert_not_null(mkdtemp(dir));
	snprintf(state, sizeof state, "%s/state", dir);
	snprintf(places, sizeof places, "%s/gkreport/places", state);
	setenv("XDG_STATE_HOME", state, 1);
	cr_assert_eq(chdir(dir), 0);
}

static void
teardown(void)
{
	char	 cmd[600];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	cr_expect_eq(system(cmd), 0);
}

TestSuite(place, .init = setup, .fini = teardown);

static void
put(const char *path, const char *where)
{
	char	*err = NULL;

	cr_assert_eq(place_put(path, where, &err), 0, "%s", err);
}

Test(place, each_report_keeps_its_own_place)
{
	char	*p;

	cr_expect_null(place_get("a.csv"), "nothing kept yet");
	put("a.csv", "三 t3.deny_law.biz");
	put("b.csv", "一 120");
	put("a.csv", "四 t4.review.total");
	p = place_get("a.csv");
	cr_expect_str_eq(p, "四 t4.review.total");
	free(p);
	p = place_get("./b.csv");	/* the same file, spelt another way */
	cr_expect_str_eq(p, "一 120");
	free(p);
	p = place_get("c.csv");
	cr_expect_null(p);
}

Test(place, the_state_file_is_never_read_through_a_symlink)
{
	FILE	*f;
	char	 target[600];

	put("a.csv", "二 t2.rules.issued");
	snprintf(target, sizeof target, "%s/elsewhere", dir);
	f = fopen(target, "w");
	cr_assert_not_null(f);
	fprintf(f, "五 9\t%s/a.csv\n", dir);
	fclose(f);
	cr_assert_eq(unlink(places), 0);
	cr_assert_eq(symlink(target, places), 0);
	cr_expect_null(place_get("a.csv"), "read through a symlink");
	cr_assert_eq(unlink(places), 0);
	cr_assert_eq(mkfifo(places, 0600), 0);
	cr_expect_null(place_get("a.csv"), "a FIFO (and no wait on it)");
}

Test(place, a_damaged_state_file_is_forgotten_not_fatal)
{
	FILE	*f;
	char	*p;

	put("a.csv", "三 t3.new.natural");
	f = fopen(places, "w");
	cr_assert_not_null(f);
	fputs("garbage without a tab\n\xff\xfe\tnot a path\ncut line", f);
	fclose(f);
	cr_expect_null(place_get("a.csv"));
	put("a.csv", "一 0");
	p = place_get("a.csv");
	cr_expect_str_eq(p, "一 0");
	free(p);
	cr_expect_neq(place_put("a.csv", "bad\tplace", &p), 0);
	free(p);
}
