/*
 * test_session.c: the session without a terminal. A change is a step, a
 * fill is one step and one sync, undoing back to the saved state is
 * "nothing unsaved", save-as moves the lock, a journal that cannot be
 * written is said once, recovery gives the edits back as steps or keeps
 * both versions, and a file changed by another program is noticed.
 */
#include "config.h"

#include <criterion/criterion.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "csvio.h"
#include "history.h"
#include "journal.h"
#include "report.h"
#include "rules.h"
#include "safeio.h"
#include "schema.h"
#include "session.h"
#include "testlib.h"

static char	 dir[64];
static char	 rpath[128];

static void
copy_file(const char *from, const char *to)
{
	FILE	*in = fopen(from, "rb"), *out = fopen(to, "wb");
	char	 buf[8192];
	size_t	 n;

	cr_assert_not_null(in, "%s", from);
	cr_assert_not_null(out, "%s", to);
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		fwrite(buf, 1, n, out);
	fclose(in);
	fclose(out);
}

static void
setup(void)
{
	strcpy(dir, "/tmp/gk-session.XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
	snprintf(rpath, sizeof rpath, "%s/洪泽.csv", dir);
	copy_file(EXAMPLES_DIR "/hongze-2024.csv", rpath);
}

static void
teardown(void)
{
	journal_write_fn = NULL;
	journal_sync_fn = NULL;
	tl_rmdir(dir);
}

TestSuite(session, .init = setup, .fini = teardown);

static struct session *
open_ok(const char *path)
{
	struct session_opened	 o;
	struct session		*s;
	char			*cause = NULL;

	s = session_open(path, 0, &o, &cause);
	cr_assert_not_null(s, "%s", cause);
	session_opened_free(&o);
	return s;
}

static int
field(const char *key)
{
	int	 f = schema_find(key);

	cr_assert_geq(f, 0, "%s", key);
	return f;
}

static const char *
get(struct session *s, const char *key)
{
	return report_get(session_report(s), field(key));
}

static void
set_ok(struct session *s, const char *key, const char *value)
{
	char	*cause = NULL;

	cr_assert_neq(session_set(s, field(key), value, &cause), -1, "%s",
	    cause);
}

/* The value of key in the report file at path, as the file says. */
static char *
on_disk(const char *path, const char *key)
{
	struct report	*r = csvio_load(path, NULL, NULL);
	char		*v;

	cr_assert_not_null(r, "%s", path);
	v = report_get(r, field(key)) != NULL ?
	    strdup(report_get(r, field(key))) : NULL;
	report_free(r);
	return v;
}

static bool
exists(const char *path)
{
	struct stat	 st;

	return lstat(path, &st) == 0;
}

/* ---- the history on its own ---------------------------------------- */

Test(session, history_steps_group_their_changes)
{
	struct history		*h = history_new();
	const struct step	*st;

	history_add(h, "a", NULL, "1");
	history_begin(h);
	history_add(h, "b", NULL, "2");
	history_begin(h);		/* nested: still the same step */
	history_add(h, "c", "x", NULL);
	history_end(h);
	history_add(h, "d", NULL, "4");
	history_end(h);
	history_add(h, "e", NULL, "5");
	cr_expect_eq(history_nundo(h), 3);
	st = history_undo(h);
	cr_expect_eq(st->n, 1);
	cr_expect_str_eq(st->v[0].key, "e");
	st = history_undo(h);
	cr_assert_eq(st->n, 3);
	cr_expect_str_eq(st->v[0].key, "b");
	cr_expect_str_eq(st->v[1].before, "x");
	cr_expect_null(st->v[1].after);
	cr_expect_str_eq(st->v[2].key, "d");
	st = history_redo(h);
	cr_expect_eq(st->n, 3);
	cr_expect_eq(history_nredo(h), 1);
	history_free(h);
}

Test(session, history_knows_the_saved_step)
{
	struct history	*h = history_new();

	cr_expect(history_at_saved(h));
	history_add(h, "a", NULL, "1");
	cr_expect_not(history_at_saved(h));
	history_undo(h);
	cr_expect(history_at_saved(h), "undone back to the file");
	history_redo(h);
	history_mark_saved(h);
	history_add(h, "b", NULL, "2");
	history_undo(h);
	cr_expect(history_at_saved(h));
	history_undo(h);
	cr_expect_not(history_at_saved(h), "before the save is not saved");
	/* A new edit where the saved step could have been redone: the saved
	 * state can never come back by undo or redo. */
	history_add(h, "c", NULL, "3");
	history_undo(h);
	cr_expect_not(history_at_saved(h));
	history_free(h);
}

/* ---- changes and undo ----------------------------------------------- */

Test(session, each_change_is_a_step)
{
	struct session		*s = open_ok(rpath);
	struct session_undone	 u;
	char			*cause = NULL;

	set_ok(s, "t3.new.natural", "96");
	set_ok(s, "t3.new.biz", "3");
	cr_expect_eq(session_set(s, field("t3.new.biz"), "3", &cause), 0,
	    "setting what a field holds is no change");
	cr_expect_eq(session_undo(s, false, &u, &cause), 1);
	cr_expect_eq(u.n, 1);
	cr_expect_str_eq(u.key, "t3.new.biz");
	cr_expect_eq(u.field, field("t3.new.biz"));
	cr_expect_str_eq(get(s, "t3.new.biz"), "0");
	cr_expect_str_eq(get(s, "t3.new.natural"), "96");
	cr_expect_eq(session_undo(s, true, &u, &cause), 1);
	cr_expect_str_eq(get(s, "t3.new.biz"), "3");
	cr_expect_eq(session_undo(s, true, &u, &cause), 0, "nothing to redo");
	session_discard(s);
}

Test(session, undo_back_to_the_saved_state_is_nothing_unsaved)
{
	struct session		*s = open_ok(rpath);
	struct session_undone	 u;
	char			*cause = NULL, *jp = journal_path(rpath);

	cr_expect_not(session_modified(s));
	set_ok(s, "t3.new.natural", "96");
	set_ok(s, "t3.new.natural", "97");
	cr_expect(session_modified(s));
	cr_expect(report_modified(session_report(s)));
	session_undo(s, false, &u, &cause);
	cr_expect(session_modified(s));
	session_undo(s, false, &u, &cause);
	cr_expect_not(session_modified(s), "undone back to the file");
	cr_expect_not(report_modified(session_report(s)));
	session_undo(s, true, &u, &cause);
	cr_expect(session_modified(s));
	cr_assert_eq(session_save(s, NULL, 0, &cause), SAVE_OK, "%s", cause);
	cr_expect_not(session_modified(s));
	cr_expect_not(exists(jp), "a save removes the journal");
	session_undo(s, false, &u, &cause);
	cr_expect(session_modified(s), "before the save differs from the file");
	session_undo(s, true, &u, &cause);
	cr_expect_not(session_modified(s), "redone up to the save");
	/* Closed with nothing unsaved, the journal goes. */
	session_close(s);
	cr_expect_not(exists(jp));
	free(jp);
}

Test(session, notes_are_changes_with_their_label)
{
	struct session		*s = open_ok(rpath);
	struct session_undone	 u;
	char			*cause = NULL;
	const struct report	*r = session_report(s);
	int			 i;

	cr_assert_eq(session_note(s, "note.X2.rules", "上位法修改", &cause), 1);
	cr_expect_str_eq(report_extra_get(r, "note.X2.rules"), "上位法修改");
	for (i = 0; i < report_nextras(r); i++)
		if (strcmp(report_extra(r, i)->key, "note.X2.rules") == 0)
			cr_expect_str_eq(report_extra(r, i)->label, "说明/X2/规章");
	cr_expect_eq(session_undo(s, false, &u, &cause), 1);
	cr_expect_eq(u.field, -1);
	cr_expect_null(report_extra_get(r, "note.X2.rules"));
	session_discard(s);
}

Test(session, read_only_changes_nothing)
{
	struct session_opened	 o;
	struct session		*s;
	char			*cause = NULL, *jp = journal_path(rpath);
	struct fill_result	 fr;

	s = session_open(rpath, SESSION_READONLY, &o, &cause);
	cr_assert_not_null(s);
	session_opened_free(&o);
	cr_expect_eq(session_set(s, field("t3.new.natural"), "1", &cause), -1);
	cr_assert_not_null(cause);
	free(cause);
	cause = NULL;
	cr_expect_eq(session_fill(s, SCH_T3, FILL_ZERO, &fr, &cause), -1);
	free(cause);
	cause = NULL;
	cr_expect_str_eq(get(s, "t3.new.natural"), "95");
	cr_expect_eq(session_save(s, NULL, 0, &cause), SAVE_READONLY);
	cr_expect_not(exists(jp));
	session_close(s);
	free(jp);
}

/* ---- fills ------------------------------------------------------------ */

/* A report whose table 三 is all empty but three cells. */
static struct session *
mostly_empty(void)
{
	struct session	*s;

	s = open_ok(rpath);
	session_begin(s);
	for (int f = sch_tables[SCH_T3].first_cell;
	    f < sch_tables[SCH_T3].first_cell + sch_tables[SCH_T3].ncells; f++)
		cr_assert_neq(session_set(s, f, NULL, NULL), -1);
	set_ok(s, "t3.new.natural", "5");
	set_ok(s, "t3.open.biz", "2");
	set_ok(s, "t3.carry_out.total", "1");
	cr_assert_eq(session_end(s, NULL), 0);
	return s;
}

/* Table t emptied cell by cell, then F6: each cell a 0 of F6's. */
static void
emptied_then_f6(struct session *s, int t)
{
	struct fill_result	 fr;
	char			*cause = NULL;

	for (int f = sch_tables[t].first_cell;
	    f < sch_tables[t].first_cell + sch_tables[t].ncells; f++)
		set_ok(s, schema_field(f)->key, NULL);
	cr_assert_eq(session_fill(s, t, FILL_ZERO, &fr, &cause), 0, "%s",
	    cause);
}

static int	 writes, syncs;

static ssize_t
counting_write(int fd, const void *p, size_t n)
{
	writes++;
	return write(fd, p, n);
}

static int
counting_sync(int fd)
{
	syncs++;
	return fdatasync(fd);
}

Test(session, fill_with_zeros_is_one_step_and_one_sync)
{
	struct session		*s = mostly_empty();
	struct session_undone	 u;
	struct fill_result	 fr;
	char			*cause = NULL;
	int			 f, first = sch_tables[SCH_T3].first_cell;

	writes = syncs = 0;
	journal_write_fn = counting_write;
	journal_sync_fn = counting_sync;
	cr_assert_eq(session_fill(s, SCH_T3, FILL_ZERO, &fr, &cause), 0,
	    "%s", cause);
	journal_write_fn = NULL;
	journal_sync_fn = NULL;
	cr_expect_eq(fr.filled, 172);
	cr_expect_eq(writes, 1, "172 cells written in %d writes", writes);
	cr_expect_eq(syncs, 1, "172 cells synced %d times", syncs);
	cr_expect_str_eq(get(s, "t3.result_total.legal"), "0");
	cr_expect_str_eq(get(s, "t3.new.natural"), "5", "a figure is kept");
	/* One undo gives every cell back. */
	cr_expect_eq(session_undo(s, false, &u, &cause), 1);
	cr_expect_eq(u.n, 172);
	for (f = first; f < first + sch_tables[SCH_T3].ncells; f++)
		if (f != field("t3.new.natural") && f != field("t3.open.biz") &&
		    f != field("t3.carry_out.total"))
			cr_expect_null(report_get(session_report(s), f), "%s",
			    schema_field(f)->key);
	session_discard(s);
}

Test(session, fill_totals_fills_only_what_is_empty)
{
	struct session		*s = open_ok(rpath);
	struct session_undone	 u;
	struct fill_result	 fr;
	const struct findings	*fs;
	char			*cause = NULL;

	/* Two empty totals, one typed wrong. */
	set_ok(s, "t3.new.total", NULL);
	set_ok(s, "t3.result_total.natural", NULL);
	set_ok(s, "t3.open.total", "99");
	cr_assert_eq(session_fill(s, SCH_T3, FILL_TOTALS, &fr, &cause), 0);
	cr_expect_eq(fr.filled, 2);
	/* Left: the total typed wrong; the grand total that now disagrees
	 * with it is not counted again (one typo to find). */
	cr_expect_eq(fr.differ, 1, "the total typed wrong is left, once");
	cr_expect_eq(fr.waiting, 0);
	cr_expect_str_eq(get(s, "t3.new.total"), "95");
	cr_expect_str_eq(get(s, "t3.result_total.natural"), "95");
	cr_expect_str_eq(get(s, "t3.open.total"), "99", "never overwritten");
	fs = session_findings(s);
	cr_expect_not_null(findings_for_field(fs, field("t3.open.total"),
	    SEV_ERROR), "its identity stays red");
	/* One step. */
	cr_expect_eq(session_undo(s, false, &u, &cause), 1);
	cr_expect_eq(u.n, 2);
	cr_expect_null(get(s, "t3.new.total"));
	session_discard(s);
}

Test(session, fill_totals_follows_the_identities_through_totals_of_totals)
{
	struct session		*s = mostly_empty();
	struct fill_result	 fr;
	char			*cause = NULL;

	/* Fill every part with zeros but leave the totals empty. */
	cr_assert_eq(session_fill(s, SCH_T3, FILL_ZERO, &fr, &cause), 0);
	set_ok(s, "t3.new.total", NULL);
	set_ok(s, "t3.open.total", NULL);
	set_ok(s, "t3.result_total.biz", NULL);
	set_ok(s, "t3.result_total.total", NULL);
	cr_assert_eq(session_fill(s, SCH_T3, FILL_TOTALS, &fr, &cause), 0);
	cr_expect_eq(fr.filled, 4);
	cr_expect_str_eq(get(s, "t3.new.total"), "5");
	cr_expect_str_eq(get(s, "t3.open.total"), "2");
	cr_expect_str_eq(get(s, "t3.result_total.biz"), "2");
	cr_expect_str_eq(get(s, "t3.result_total.total"), "2",
	    "a total of totals, once its parts are filled");
	cr_expect_eq(fr.differ, 1, "carry_out's total 1 over zeros");
	cr_expect_str_eq(get(s, "t3.carry_out.total"), "1");
	session_discard(s);
}

Test(session, fill_totals_works_out_zeros_and_its_own_sums_again)
{
	struct session		*s = open_ok(rpath);
	struct fill_result	 fr;
	char			*cause = NULL;

	/* Table 四 emptied, F6, the parts typed: F5 replaces the zeros F6
	 * put in the totals. */
	emptied_then_f6(s, SCH_T4);
	set_ok(s, "t4.review.maintain", "2");
	set_ok(s, "t4.review.correct", "1");
	cr_assert_eq(session_fill(s, SCH_T4, FILL_TOTALS, &fr, &cause), 0);
	cr_expect_eq(fr.filled, 1);
	cr_expect_eq(fr.differ, 0);
	cr_expect_str_eq(get(s, "t4.review.total"), "3");
	/* A part typed after F5: F5 works its own sum out again. */
	set_ok(s, "t4.review.other", "4");
	cr_assert_eq(session_fill(s, SCH_T4, FILL_TOTALS, &fr, &cause), 0);
	cr_expect_str_eq(get(s, "t4.review.total"), "7");
	/* Typed by the clerk, a total is theirs. */
	set_ok(s, "t4.review.total", "8");
	cr_assert_eq(session_fill(s, SCH_T4, FILL_TOTALS, &fr, &cause), 0);
	cr_expect_eq(fr.filled, 0);
	cr_expect_eq(fr.differ, 1);
	cr_expect_str_eq(get(s, "t4.review.total"), "8");
	session_discard(s);
}

Test(session, fill_totals_leaves_a_zero_the_clerk_typed)
{
	struct session		*s = open_ok(rpath);
	struct session_undone	 u;
	struct fill_result	 fr;
	char			*cause = NULL;

	/* A 0 typed in a total beside parts that are not 0: a typo. */
	set_ok(s, "t4.review.total", "0");
	cr_assert_eq(session_fill(s, SCH_T4, FILL_TOTALS, &fr, &cause), 0);
	cr_expect_str_eq(get(s, "t4.review.total"), "0", "never overwritten");
	cr_expect_eq(fr.differ, 1, "counted as left");
	cr_expect_not_null(findings_for_field(session_findings(s),
	    field("t4.review.total"), SEV_ERROR), "its identity stays red");

	/* F6's zeros keep their origin through an undo and a redo: F5
	 * still works them out. */
	emptied_then_f6(s, SCH_T4);
	cr_assert_eq(session_undo(s, false, &u, &cause), 1);
	cr_assert_eq(session_undo(s, true, &u, &cause), 1);
	set_ok(s, "t4.review.maintain", "2");
	cr_assert_eq(session_fill(s, SCH_T4, FILL_TOTALS, &fr, &cause), 0);
	cr_expect_str_eq(get(s, "t4.review.total"), "2");
	cr_expect_eq(fr.differ, 0);
	/* Undoing the clerk's 0 gives the cell back F5's origin. */
	set_ok(s, "t4.review.total", "0");
	cr_assert_eq(session_undo(s, false, &u, &cause), 1);
	set_ok(s, "t4.review.maintain", "3");
	cr_assert_eq(session_fill(s, SCH_T4, FILL_TOTALS, &fr, &cause), 0);
	cr_expect_str_eq(get(s, "t4.review.total"), "3");
	session_discard(s);
}

Test(session, fill_totals_takes_a_loaded_zero_for_f6s)
{
	struct session		*s = open_ok(rpath);
	struct fill_result	 fr;
	char			*cause = NULL;

	/* F6, saved, reopened: who put the zeros is not in the file; a 0
	 * total is taken for F6's and worked out, as before the save. */
	emptied_then_f6(s, SCH_T4);
	cr_assert_eq(session_save(s, NULL, 0, &cause), SAVE_OK, "%s", cause);
	session_discard(s);
	s = open_ok(rpath);
	set_ok(s, "t4.review.maintain", "2");
	cr_assert_eq(session_fill(s, SCH_T4, FILL_TOTALS, &fr, &cause), 0);
	cr_expect_str_eq(get(s, "t4.review.total"), "2");
	cr_expect_eq(fr.differ, 0);
	/* A figure other than 0 loaded in a total is the clerk's. */
	set_ok(s, "t4.review.correct", "1");
	cr_assert_eq(session_save(s, NULL, 0, &cause), SAVE_OK, "%s", cause);
	session_discard(s);
	s = open_ok(rpath);
	cr_assert_eq(session_fill(s, SCH_T4, FILL_TOTALS, &fr, &cause), 0);
	cr_expect_str_eq(get(s, "t4.review.total"), "2");
	cr_expect_eq(fr.differ, 1);
	session_discard(s);
}

Test(session, fill_totals_counts_totals_whose_parts_are_missing)
{
	struct session		*s = mostly_empty();
	struct fill_result	 fr;
	char			*cause = NULL;

	cr_assert_eq(session_fill(s, SCH_T3, FILL_TOTALS, &fr, &cause), 0);
	cr_expect_eq(fr.filled, 0);
	cr_expect_gt(fr.waiting, 0);
	cr_expect_eq(session_fill(s, SCH_T2, FILL_TOTALS, &fr, &cause), 0);
	cr_expect_eq(fr.totals, 0, "table 二 has no totals");
	cr_expect_eq(session_fill(s, SCH_T4, FILL_TOTALS, &fr, &cause), 0);
	cr_expect_eq(fr.totals, 3, "table 四: one total per group");
	session_discard(s);
}

Test(session, totals_come_from_the_identities)
{
	int				 n, i;
	const struct rule_total	*t = rules_totals(SCH_T3, &n);

	/* R2: 7 columns, R3: 25 rows; R1 has two terms a side: no total. */
	cr_expect_eq(n, 7 + 25);
	for (i = 0; i < n; i++)
		cr_expect(strcmp(t[i].rule, "R2") == 0 ||
		    strcmp(t[i].rule, "R3") == 0, "%s", t[i].rule);
	cr_expect_eq(t[0].total, field("t3.result_total.natural"));
	cr_expect_eq(t[0].nparts, 21);
	rules_totals(SCH_T2, &n);
	cr_expect_eq(n, 0, "X2 needs last year's figure: not a total");
}

/* ---- the journal ------------------------------------------------------- */

Test(session, journal_failure_is_said_once)
{
	struct session		*s = open_ok(rpath);
	struct fill_result	 fr;
	char			*cause = NULL;

	journal_write_fn = tl_full_disk;
	cr_expect_eq(session_set(s, field("t3.new.natural"), "1", &cause), -1);
	cr_assert_not_null(cause);
	cr_expect_not_null(strstr(cause, safeio_why(ENOSPC)), "%s", cause);
	cr_expect_not_null(strstr(cause, "请尽快保存"), "%s", cause);
	free(cause);
	cause = NULL;
	cr_expect_str_eq(get(s, "t3.new.natural"), "1", "the edit is made");
	cr_expect_eq(session_set(s, field("t3.new.natural"), "2", &cause), 1);
	cr_expect_null(cause, "said once, not at every key");
	cr_expect_eq(session_fill(s, SCH_T4, FILL_ZERO, &fr, &cause), 0);
	cr_expect_null(cause);
	/* A save starts afresh: the next failure is said again. */
	journal_write_fn = NULL;
	cr_assert_eq(session_save(s, NULL, 0, &cause), SAVE_OK);
	journal_write_fn = tl_full_disk;
	cr_expect_eq(session_set(s, field("t3.new.natural"), "3", &cause), -1);
	cr_expect_not_null(cause);
	free(cause);
	journal_write_fn = NULL;
	session_discard(s);
}

Test(session, journal_failure_inside_a_fill_is_said_at_its_end)
{
	struct session		*s = mostly_empty();
	struct fill_result	 fr;
	char			*cause = NULL;

	journal_write_fn = tl_full_disk;
	cr_expect_eq(session_fill(s, SCH_T3, FILL_ZERO, &fr, &cause), -1);
	journal_write_fn = NULL;
	cr_assert_not_null(cause);
	cr_expect_not_null(strstr(cause, safeio_why(ENOSPC)), "%s", cause);
	free(cause);
	cr_expect_str_eq(get(s, "t3.new.biz"), "0", "the fill is made");
	session_discard(s);
}

/* ---- saving ------------------------------------------------------------ */

Test(session, save_as_moves_the_lock_and_the_file)
{
	struct session	*s = open_ok(rpath);
	char		*cause = NULL, other[160], lock[160], *v;

	snprintf(other, sizeof other, "%s/另存.csv", dir);
	cr_assert_eq(session_lock(s, &cause), LOCK_TAKEN);
	set_ok(s, "t3.new.natural", "96");
	cr_assert_eq(session_save(s, other, 0, &cause), SAVE_OK, "%s", cause);
	cr_expect_str_eq(session_path(s), other);
	cr_expect_not(session_modified(s));
	v = on_disk(other, "t3.new.natural");
	cr_expect_str_eq(v, "96");
	free(v);
	v = on_disk(rpath, "t3.new.natural");
	cr_expect_str_eq(v, "95", "the old file is as it was");
	free(v);
	/* The old file is free, the new one held (fcntl locks are the
	 * process's own: their files show who holds what). */
	snprintf(lock, sizeof lock, "%s/.洪泽.csv.lock", dir);
	cr_expect_not(exists(lock), "the old file's lock is gone");
	snprintf(lock, sizeof lock, "%s/.另存.csv.lock", dir);
	cr_expect(exists(lock), "the new file is locked");
	/* A later save goes to the new file. */
	set_ok(s, "t3.new.natural", "97");
	cr_expect_eq(session_save(s, NULL, 0, &cause), SAVE_OK);
	v = on_disk(other, "t3.new.natural");
	cr_expect_str_eq(v, "97");
	free(v);
	session_close(s);
}

Test(session, save_as_asks_before_overwriting)
{
	struct session	*s = open_ok(rpath);
	char		*cause = NULL, other[160];

	snprintf(other, sizeof other, "%s/有了.csv", dir);
	copy_file(rpath, other);
	cr_expect_eq(session_save(s, other, 0, &cause), SAVE_EXISTS);
	cr_expect_eq(session_save(s, dir, 0, &cause), SAVE_IS_DIR);
	cr_expect_eq(session_save(s, other, SAVE_FORCE, &cause), SAVE_OK);
	session_close(s);
}

Test(session, read_only_ends_with_a_save_elsewhere)
{
	struct session_opened	 o;
	struct session		*s;
	char			*cause = NULL, other[160];

	s = session_open(rpath, SESSION_READONLY, &o, &cause);
	cr_assert_not_null(s);
	session_opened_free(&o);
	snprintf(other, sizeof other, "%s/副本.csv", dir);
	cr_expect_eq(session_save(s, other, 0, &cause), SAVE_OK);
	cr_expect_not(session_readonly(s));
	set_ok(s, "t3.new.natural", "1");
	session_discard(s);
}

Test(session, change_on_disk_is_noticed)
{
	struct session	*s = open_ok(rpath);
	char		*cause = NULL, *v;
	FILE		*fp;

	cr_expect_not(session_changed_on_disk(s));
	set_ok(s, "t3.new.natural", "96");
	/* Another program appends to the file (the size changes). */
	fp = fopen(rpath, "a");
	fputs("note.x,说明,另一个程序\r\n", fp);
	fclose(fp);
	cr_expect(session_changed_on_disk(s));
	cr_expect_eq(session_save(s, NULL, 0, &cause), SAVE_CHANGED);
	v = on_disk(rpath, "t3.new.natural");
	cr_expect_str_eq(v, "95", "not written without the clerk's word");
	free(v);
	cr_expect_eq(session_save(s, NULL, SAVE_FORCE, &cause), SAVE_OK);
	cr_expect_not(session_changed_on_disk(s));
	/* Removed. */
	unlink(rpath);
	cr_expect(session_changed_on_disk(s));
	session_close(s);
}

Test(session, a_failed_save_keeps_the_file_and_the_mark)
{
	struct session	*s = open_ok(rpath);
	char		*cause = NULL, other[160];

	snprintf(other, sizeof other, "%s/没有/x.csv", dir);
	set_ok(s, "t3.new.natural", "96");
	cr_expect_eq(session_save(s, other, 0, &cause), SAVE_FAILED);
	cr_assert_not_null(cause);
	free(cause);
	cr_expect(session_modified(s));
	cr_expect_str_eq(session_path(s), rpath);
	session_discard(s);
}

/* ---- opening ------------------------------------------------------------ */

Test(session, a_missing_file_is_a_new_report_with_the_draft)
{
	struct session_opened	 o;
	struct session		*s;
	char			*cause = NULL, p[160];

	snprintf(p, sizeof p, "%s/新.csv", dir);
	s = session_open(p, 0, &o, &cause);
	cr_assert_not_null(s);
	cr_expect_eq(o.origin, SESSION_NEW);
	cr_expect_not(session_modified(s), "nothing to save yet");
	cr_expect_not_null(strstr(get(s, "text.s1"), "（一）主动公开"));
	session_opened_free(&o);
	session_close(s);
	cr_expect_not(exists(p), "a new report makes no file until saved");
}

Test(session, a_published_text_opens_as_its_report_file)
{
	struct session_opened	 o;
	struct session		*s;
	char			*cause = NULL, txt[160], csv[160];

	snprintf(txt, sizeof txt, "%s/卢氏.txt", dir);
	snprintf(csv, sizeof csv, "%s/卢氏.csv", dir);
	copy_file(TEST_DATADIR "/import/lushi-xzsp-2024.txt", txt);
	s = session_open(txt, 0, &o, &cause);
	cr_assert_not_null(s, "%s", cause);
	cr_expect_eq(o.origin, SESSION_TEXT);
	cr_expect_gt(o.log.n, 0);
	cr_expect_str_eq(session_path(s), csv);
	cr_expect(session_modified(s), "not on disk yet");
	cr_expect_eq(session_save(s, NULL, 0, &cause), SAVE_OK);
	cr_expect(exists(csv));
	session_opened_free(&o);
	session_close(s);
}

Test(session, a_broken_file_is_refused_with_its_cause)
{
	struct session_opened	 o;
	char			*cause = NULL, p[160];
	FILE			*fp;

	snprintf(p, sizeof p, "%s/坏.csv", dir);
	fp = fopen(p, "w");
	fputs("not,a,report\n", fp);
	fclose(fp);
	cr_expect_null(session_open(p, 0, &o, &cause));
	cr_assert_not_null(cause);
	cr_expect_not_null(strstr(cause, p), "%s", cause);
	free(cause);
	session_opened_free(&o);
}

/* ---- recovery ------------------------------------------------------------ */

/* Edit, then leave as a crash would: the journal stays. */
static void
crash_after_edits(void)
{
	struct session		*s = open_ok(rpath);
	struct fill_result	 fr;
	char			*cause = NULL;

	set_ok(s, "t3.new.natural", "96");
	set_ok(s, "t4.review.maintain", NULL);
	set_ok(s, "t4.review.correct", NULL);
	cr_assert_eq(session_fill(s, SCH_T4, FILL_ZERO, &fr, &cause), 0);
	cr_assert_eq(fr.filled, 2);
	session_close(s);	/* unsaved: the journal is kept */
}

Test(session, recovered_edits_are_steps_that_undo)
{
	struct session		*s;
	struct session_recovery	 rec;
	struct session_undone	 u;
	char			*cause = NULL, *jp = journal_path(rpath);

	crash_after_edits();
	cr_assert(exists(jp));
	s = open_ok(rpath);
	cr_assert_eq(session_recovery(s, &rec, &cause), 1, "%s", cause);
	cr_expect_eq(rec.n, 5);
	cr_expect_not(rec.base_changed);
	cr_expect_not_null(strstr(rec.desc, "95 → 96"), "%s", rec.desc);
	cr_assert_eq(session_recover(s, RECOVER_APPLY, &rec, &cause), 0);
	session_recovery_free(&rec);
	cr_expect_str_eq(get(s, "t3.new.natural"), "96");
	cr_expect(session_modified(s));
	/* The fill is one step, the two emptied cells and the figure three. */
	cr_expect_eq(session_undo(s, false, &u, &cause), 1);
	cr_expect_eq(u.n, 2);
	cr_expect_null(get(s, "t4.review.maintain"));
	session_undo(s, false, &u, &cause);
	session_undo(s, false, &u, &cause);
	cr_expect(session_modified(s));
	session_undo(s, false, &u, &cause);
	cr_expect_str_eq(get(s, "t3.new.natural"), "95");
	cr_expect_not(session_modified(s), "every recovered edit undone");
	session_close(s);
	cr_expect_not(exists(jp), "nothing unsaved: the journal goes");
	free(jp);
}

Test(session, recovery_can_keep_both_versions)
{
	struct session		*s;
	struct session_recovery	 rec;
	char			*cause = NULL, *v, *jp = journal_path(rpath);

	crash_after_edits();
	s = open_ok(rpath);
	cr_assert_eq(session_recovery(s, &rec, &cause), 1);
	cr_expect_null(strstr(rec.copy, "/洪泽.csv"));
	cr_expect_not_null(strstr(rec.copy, "洪泽-恢复.csv"), "%s", rec.copy);
	cr_assert_eq(session_recover(s, RECOVER_KEEP_BOTH, &rec, &cause), 0,
	    "%s", cause);
	v = on_disk(rec.copy, "t3.new.natural");
	cr_expect_str_eq(v, "96", "the recovered copy has the edits");
	free(v);
	v = on_disk(rpath, "t3.new.natural");
	cr_expect_str_eq(v, "95", "the file as it was");
	free(v);
	cr_expect_str_eq(get(s, "t3.new.natural"), "95");
	cr_expect_not(exists(jp));
	session_recovery_free(&rec);
	session_close(s);
	free(jp);
}

Test(session, recovery_can_be_discarded)
{
	struct session		*s;
	struct session_recovery	 rec;
	char			*cause = NULL, *jp = journal_path(rpath);

	crash_after_edits();
	s = open_ok(rpath);
	cr_assert_eq(session_recovery(s, &rec, &cause), 1);
	cr_assert_eq(session_recover(s, RECOVER_DISCARD, &rec, &cause), 0);
	session_recovery_free(&rec);
	cr_expect_not(exists(jp));
	cr_expect_eq(session_recovery(s, &rec, &cause), 0);
	session_close(s);
	free(jp);
}

Test(session, a_fill_torn_by_a_crash_is_not_half_recovered)
{
	struct session		*s = mostly_empty();
	struct session_recovery	 rec;
	struct fill_result	 fr;
	char			*cause = NULL, *jp = journal_path(rpath);
	struct stat		 st;

	cr_assert_eq(session_fill(s, SCH_T3, FILL_ZERO, &fr, &cause), 0);
	session_close(s);
	/* Cut the journal in the middle of the fill's records. */
	cr_assert_eq(stat(jp, &st), 0);
	cr_assert_eq(truncate(jp, st.st_size - 200), 0);
	s = open_ok(rpath);
	cr_assert_eq(session_recovery(s, &rec, &cause), 1);
	cr_assert_eq(session_recover(s, RECOVER_APPLY, &rec, &cause), 0);
	session_recovery_free(&rec);
	cr_expect_str_eq(get(s, "t3.new.natural"), "5", "the edits before it");
	cr_expect_null(get(s, "t3.new.biz"), "none of the torn fill");
	session_discard(s);
	free(jp);
}

Test(session, a_journal_that_changes_nothing_is_removed)
{
	struct session		*s = open_ok(rpath);
	struct session_recovery	 rec;
	char			*cause = NULL, *jp = journal_path(rpath);

	set_ok(s, "t3.new.natural", "96");
	set_ok(s, "t3.new.natural", "95");
	/* As after a crash: the journal holds two records that cancel. */
	session_close(s);
	cr_assert(exists(jp));
	s = open_ok(rpath);
	cr_expect_eq(session_recovery(s, &rec, &cause), 0);
	cr_expect_not(exists(jp));
	session_close(s);
	free(jp);
}

/* ---- next year ------------------------------------------------------------ */

Test(session, next_year_goes_beside_with_the_year_in_its_name)
{
	struct session	*s;
	char		*cause = NULL, *p, y[160], *v;

	snprintf(y, sizeof y, "%s/局2024.csv", dir);
	copy_file(rpath, y);
	s = open_ok(y);
	p = session_next_year_path(s, &cause);
	cr_assert_not_null(p, "%s", cause);
	cr_expect(strstr(p, "局2025.csv") != NULL, "%s", p);
	cr_assert_eq(session_save_next_year(s, p, &cause), 0);
	v = on_disk(p, "meta.year");
	cr_expect_str_eq(v, "2025");
	free(v);
	cr_expect_null(session_next_year_path(s, &cause), "already there");
	cr_expect_not_null(strstr(cause, "已经存在"));
	free(cause);
	unlink(p);
	free(p);
	session_close(s);
	unlink(y);
}

/* Another gkreport (a child process: fcntl locks are per process) holds
 * the report at path until it is told to go (a byte on the pipe). */
static pid_t
hold_elsewhere(const char *path, int *go)
{
	int	 ready[2], wait_go[2];
	pid_t	 pid;
	char	 c;

	cr_assert_eq(pipe(ready), 0);
	cr_assert_eq(pipe(wait_go), 0);
	if ((pid = fork()) == 0) {
		struct lock	*l;
		char		*holder = NULL;

		close(ready[0]);
		close(wait_go[1]);
		if (lock_take(path, &l, &holder) != LOCK_TAKEN)
			_exit(1);
		(void)!write(ready[1], "r", 1);
		(void)!read(wait_go[0], &c, 1);
		lock_release(l);
		_exit(0);
	}
	close(ready[1]);
	close(wait_go[0]);
	cr_assert_eq(read(ready[0], &c, 1), 1, "the other instance holds it");
	close(ready[0]);
	*go = wait_go[1];
	return pid;
}

Test(session, read_only_never_saves_over_a_report_another_holds)
{
	struct session_opened	 o;
	struct session		*s;
	char			*cause = NULL, other[160], link[160], dot[200];
	int			 go;
	pid_t			 pid;

	snprintf(other, sizeof other, "%s/别人的.csv", dir);
	copy_file(rpath, other);
	pid = hold_elsewhere(other, &go);
	s = session_open(rpath, SESSION_READONLY, &o, &cause);
	cr_assert_not_null(s);
	session_opened_free(&o);
	/* Its own file, however named: read-only. */
	cr_expect_eq(session_save(s, NULL, 0, &cause), SAVE_READONLY);
	snprintf(dot, sizeof dot, "%s/./洪泽.csv", dir);
	cr_expect_eq(session_save(s, dot, SAVE_FORCE, &cause), SAVE_READONLY);
	snprintf(link, sizeof link, "%s/link.csv", dir);
	cr_assert_eq(symlink(rpath, link), 0);
	cr_expect_eq(session_save(s, link, SAVE_FORCE, &cause), SAVE_READONLY);
	/* A report another instance holds: busy, even when forced. */
	cr_expect_eq(session_save(s, other, SAVE_FORCE, &cause), SAVE_BUSY);
	cr_assert_not_null(cause);
	cr_expect_not_null(strstr(cause, "正被另一个 gkreport 使用"), "%s", cause);
	free(cause);
	cause = NULL;
	cr_expect(session_readonly(s), "still read-only");
	(void)!write(go, "g", 1);
	close(go);
	waitpid(pid, NULL, 0);
	/* Once it is gone, the name is free. */
	cr_expect_eq(session_save(s, other, SAVE_FORCE, &cause), SAVE_OK);
	cr_expect_not(session_readonly(s));
	session_discard(s);
}

Test(session, an_unjournaled_session_stays_marked_until_saved)
{
	struct session	*s = open_ok(rpath);
	char		*cause = NULL;

	cr_expect_not(session_unjournaled(s));
	journal_write_fn = tl_full_disk;
	cr_expect_eq(session_set(s, field("t3.new.natural"), "1", &cause), -1);
	free(cause);
	cause = NULL;
	cr_expect(session_unjournaled(s));
	cr_expect_eq(session_set(s, field("t3.new.natural"), "2", &cause), 1);
	cr_expect(session_unjournaled(s), "still shown after the first word");
	journal_write_fn = NULL;
	cr_assert_eq(session_save(s, NULL, 0, &cause), SAVE_OK);
	cr_expect_not(session_unjournaled(s));
	session_discard(s);
}

Test(session, recovery_counts_unreadable_records)
{
	struct session		*s = open_ok(rpath);
	struct session_recovery	 rec;
	char			*cause = NULL, *jp;
	FILE			*fp;

	set_ok(s, "t3.new.natural", "7");
	set_ok(s, "meta.agency", "某局");
	session_close(s);
	jp = journal_path(rpath);
	fp = fopen(jp, "a");
	fputs("=\tt3.new.legal\t9\t00000000\n", fp);	/* a bad CRC */
	fclose(fp);
	free(jp);
	s = open_ok(rpath);
	cr_assert_eq(session_recovery(s, &rec, &cause), 1, "%s", cause);
	cr_expect_eq(rec.n, 2);
	cr_expect_eq(rec.unreadable, 1);
	session_recovery_free(&rec);
	session_discard(s);
}
