/*
 * test_journal.c: the journal keeps every committed edit, ignores a torn
 * last line, says when the file changed; the lock keeps a second holder
 * out and is taken over when its holder died.
 */
#include "config.h"

#include <criterion/criterion.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "csvio.h"
#include "journal.h"
#include "report.h"
#include "schema.h"
#include "testlib.h"

static char	 dir[64];
static char	 rpath[128];

static void
setup(void)
{
	strcpy(dir, "/tmp/gk-journal.XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
	snprintf(rpath, sizeof rpath, "%s/报告.csv", dir);
}

static void
teardown(void)
{
	tl_rmdir(dir);
}

TestSuite(journal, .init = setup, .fini = teardown);

static void
append_ok(struct journal *j, const char *key, const char *value)
{
	char	*err = NULL;

	cr_assert_eq(journal_append(j, key, value, &err), 0, "%s", err);
}

Test(journal, replay_gives_back_every_committed_edit)
{
	struct journal	*j;
	struct report	*r;
	char		*err = NULL;
	int		 f = schema_find("t3.new.natural");

	cr_assert_geq(f, 0);
	j = journal_open(rpath, &err);
	cr_assert_not_null(j, "%s", err);
	append_ok(j, "meta.agency", "某某县\t交通局\\");
	append_ok(j, "t3.new.natural", "5");
	append_ok(j, "t3.new.natural", "7");
	append_ok(j, "text.s5", "第一行\n第二行\r\n");
	append_ok(j, "note.x", "备注");
	journal_close(j);

	r = report_new();
	cr_assert_eq(journal_replay(rpath, r, NULL, &err), 5);
	cr_expect_str_eq(report_get(r, f), "7");
	cr_expect_str_eq(report_get(r, schema_find("meta.agency")),
	    "某某县\t交通局\\");
	cr_expect_str_eq(report_get(r, schema_find("text.s5")),
	    "第一行\n第二行\r\n");
	cr_expect_str_eq(report_extra_get(r, "note.x"), "备注");
	report_free(r);
}

Test(journal, emptying_a_cell_is_an_edit_too)
{
	struct journal	*j;
	struct report	*r;
	char		*err = NULL;
	int		 f = schema_find("t3.new.natural");

	j = journal_open(rpath, &err);
	append_ok(j, "t3.new.natural", "5");
	append_ok(j, "t3.new.natural", NULL);
	journal_close(j);
	r = report_new();
	report_set(r, f, "9");
	cr_assert_eq(journal_replay(rpath, r, NULL, &err), 2);
	cr_expect_null(report_get(r, f));
	report_free(r);
}

Test(journal, is_readable_by_the_owner_alone)
{
	struct journal	*j;
	struct stat	 st;
	char		*err = NULL, *p = journal_path(rpath);
	mode_t		 old = umask(0);

	j = journal_open(rpath, &err);
	umask(old);
	cr_assert_not_null(j);
	cr_assert_eq(stat(p, &st), 0);
	cr_expect_eq(st.st_mode & 0777, 0600);
	journal_close(j);
	free(p);
}

Test(journal, torn_last_line_is_ignored)
{
	struct journal		*j;
	struct journal_info	 info;
	struct report		*r;
	char			*err = NULL, *p = journal_path(rpath);
	FILE			*fp;

	j = journal_open(rpath, &err);
	append_ok(j, "t3.new.natural", "5");
	append_ok(j, "t3.new.legal", "6");
	journal_close(j);
	/* a write cut short by a power cut: half a record, no newline */
	fp = fopen(p, "a");
	fputs("=\tt3.new.natural\t99", fp);
	fclose(fp);
	r = report_new();
	cr_assert_eq(journal_replay(rpath, r, &info, &err), 2);
	cr_expect_eq(info.ignored, 1);
	cr_expect_str_eq(report_get(r, schema_find("t3.new.natural")), "5");
	report_free(r);
	free(p);
}

Test(journal, damaged_line_fails_its_checksum)
{
	struct journal		*j;
	struct journal_info	 info;
	struct report		*r;
	char			*err = NULL, *p = journal_path(rpath);
	FILE			*fp;
	long			 at;

	j = journal_open(rpath, &err);
	append_ok(j, "t3.new.natural", "5");
	journal_close(j);
	fp = fopen(p, "r+");
	fseek(fp, 0, SEEK_END);
	at = ftell(fp);
	fseek(fp, at - 12, SEEK_SET);	/* the value "5" */
	fputc('8', fp);
	fclose(fp);
	r = report_new();
	cr_assert_eq(journal_replay(rpath, r, &info, &err), 0);
	cr_expect_eq(info.ignored, 1);
	cr_expect_null(report_get(r, schema_find("t3.new.natural")));
	report_free(r);
	free(p);
}

Test(journal, no_journal_means_nothing_to_recover)
{
	struct journal_info	 info;
	char			*err = NULL;

	cr_expect_eq(journal_replay(rpath, NULL, &info, &err), 0);
	cr_expect(!info.exists);
}

Test(journal, says_when_the_report_changed_since)
{
	struct journal		*j;
	struct journal_info	 info;
	char			*err = NULL;
	FILE			*fp;

	fp = fopen(rpath, "w");
	fputs("key,label,value\r\n", fp);
	fclose(fp);
	j = journal_open(rpath, &err);
	journal_close(j);
	cr_assert_eq(journal_replay(rpath, NULL, &info, &err), 0);
	cr_expect(!info.base_changed);
	cr_expect(!info.base_new);
	fp = fopen(rpath, "a");
	fputs("meta.agency,报告单位,别人改的\r\n", fp);
	fclose(fp);
	cr_assert_eq(journal_replay(rpath, NULL, &info, &err), 0);
	cr_expect(info.base_changed);
}

Test(journal, protects_a_report_never_saved)
{
	struct journal		*j;
	struct journal_info	 info;
	char			*err = NULL;

	j = journal_open(rpath, &err);
	append_ok(j, "meta.agency", "新单位");
	journal_close(j);
	cr_assert_eq(journal_replay(rpath, NULL, &info, &err), 1);
	cr_expect(info.base_new);
}

Test(journal, discard_removes_it)
{
	struct journal	*j;
	char		*err = NULL, *p = journal_path(rpath);

	j = journal_open(rpath, &err);
	append_ok(j, "meta.agency", "x");
	journal_discard(j);
	cr_expect_eq(access(p, F_OK), -1);
	free(p);
}

Test(journal, full_disk_is_reported_not_ignored)
{
	struct journal	*j;
	char		*err = NULL;

	j = journal_open(rpath, &err);
	cr_assert_not_null(j);
	journal_write_fn = tl_full_disk;
	cr_expect_eq(journal_append(j, "meta.agency", "x", &err), -1);
	journal_write_fn = NULL;
	cr_assert_not_null(err);
	cr_expect_not_null(strstr(err, "磁盘已满"), "%s", err);
	free(err);
	journal_close(j);
}

Test(journal, foreign_file_is_refused)
{
	char		*err = NULL, *p = journal_path(rpath);
	FILE		*fp = fopen(p, "w");

	fputs("hello\tworld\t00000000\n", fp);
	fclose(fp);
	cr_expect_eq(journal_replay(rpath, NULL, NULL, &err), -1);
	cr_assert_not_null(err);
	free(err);
	free(p);
}

Test(journal, describe_names_each_changed_field)
{
	struct report	*a = report_new(), *b = report_new();
	char		*s;

	report_set(b, schema_find("t3.new.natural"), "12");
	s = journal_describe(a, b);
	cr_expect_not_null(strstr(s, "12"), "%s", s);
	cr_expect_not_null(strstr(s, "（空）"), "%s", s);
	free(s);
	report_free(a);
	report_free(b);
}

/* ---- the lock ---- */

Test(journal, second_holder_is_told_who_has_it)
{
	struct lock	*l = NULL, *l2 = NULL;
	char		*holder = NULL;
	int		 st, pfd[2];
	pid_t		 pid;
	char		 c;

	cr_assert_eq(lock_take(rpath, &l, &holder), LOCK_TAKEN);
	cr_assert_eq(pipe(pfd), 0);
	/* fcntl locks are per process: ask from a child */
	pid = fork();
	if (pid == 0) {
		enum lock_status s = lock_take(rpath, &l2, &holder);
		char want[32];

		snprintf(want, sizeof want, "%ld ", (long)getppid());
		_exit(s == LOCK_BUSY && strncmp(holder, want,
		    strlen(want)) == 0 ? 0 : 1);
	}
	waitpid(pid, &st, 0);
	cr_expect(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	lock_release(l);
	(void)c;
	close(pfd[0]);
	close(pfd[1]);
}

Test(journal, stale_lock_of_a_dead_holder_is_taken_over)
{
	struct lock	*l = NULL;
	char		*holder = NULL;
	int		 st;
	pid_t		 pid;

	pid = fork();
	if (pid == 0) {
		/* take the lock and die without releasing it */
		if (lock_take(rpath, &l, &holder) != LOCK_TAKEN)
			_exit(1);
		raise(SIGKILL);
	}
	waitpid(pid, &st, 0);
	cr_assert(WIFSIGNALED(st));
	cr_expect_eq(lock_take(rpath, &l, &holder), LOCK_TAKEN);
	lock_release(l);
}

Test(journal, read_only_folder_is_a_failure_not_a_crash)
{
	struct lock	*l = NULL;
	char		*holder = NULL, *err = NULL;
	char		 p[] = "/proc/version-gk/报告.csv";

	cr_expect_eq(lock_take(p, &l, &holder), LOCK_FAILED);
	cr_expect_not_null(holder);
	free(holder);
	cr_expect_null(journal_open(p, &err));
	cr_expect_not_null(err);
	free(err);
}

Test(journal, continue_appends_after_a_recovery_even_past_a_torn_line)
{
	struct journal	*j;
	struct report	*r;
	char		*err = NULL, *p = journal_path(rpath);
	FILE		*fp;

	j = journal_open(rpath, &err);
	append_ok(j, "t3.new.natural", "5");
	journal_close(j);
	fp = fopen(p, "a");
	fputs("=\tt3.new.natural\t99", fp);	/* torn by a power cut */
	fclose(fp);
	/* Recovered; the clerk goes on editing. */
	j = journal_continue(rpath, &err);
	cr_assert_not_null(j, "%s", err);
	append_ok(j, "t3.new.legal", "6");
	journal_close(j);
	r = report_new();
	cr_assert_eq(journal_replay(rpath, r, NULL, &err), 2);
	cr_expect_str_eq(report_get(r, schema_find("t3.new.natural")), "5");
	cr_expect_str_eq(report_get(r, schema_find("t3.new.legal")), "6");
	report_free(r);
	free(p);
}

Test(journal, continue_without_a_journal_is_an_error)
{
	char	*err = NULL;

	cr_assert_null(journal_continue(rpath, &err));
	cr_expect_not_null(strstr(err, "恢复日志"), "%s", err);
	free(err);
}

/* A journal of three records ("1", "2", "3" into t3.new.natural,
 * meta.agency and text.s1), then `mangle` applied to its bytes. */
static void
three_records(void)
{
	struct journal	*j;
	char		*err = NULL;

	j = journal_open(rpath, &err);
	cr_assert_not_null(j, "%s", err);
	append_ok(j, "t3.new.natural", "1");
	append_ok(j, "meta.agency", "某局");
	append_ok(j, "text.s1", "三");
	journal_close(j);
}

/* Change the byte at offset at (negative: from the end) of the journal. */
static void
poke(long at, char c)
{
	char	*p = journal_path(rpath);
	FILE	*fp = fopen(p, "r+");

	cr_assert_not_null(fp);
	fseek(fp, at, at < 0 ? SEEK_END : SEEK_SET);
	fputc(c, fp);
	fclose(fp);
	free(p);
}

Test(journal, a_changed_header_byte_keeps_every_record)
{
	struct journal_info	 info;
	struct report		*r = report_new();
	char			*err = NULL;

	three_records();
	poke(1, 'X');		/* GKJ1 -> GXJ1 */
	cr_assert_eq(journal_replay(rpath, r, &info, &err), 3, "%s", err);
	cr_expect(info.header_damaged);
	cr_expect(info.base_changed, "a lost header: the base is unknown");
	cr_expect_eq(info.damaged, 1);
	cr_expect_str_eq(report_get(r, schema_find("meta.agency")), "某局");
	report_free(r);
}

Test(journal, a_bad_record_in_the_middle_is_counted)
{
	struct journal_info	 info;
	struct report		*r = report_new();
	char			*err = NULL, *p = journal_path(rpath), *s;
	FILE			*fp;
	long			 len;

	three_records();
	fp = fopen(p, "r");
	fseek(fp, 0, SEEK_END);
	len = ftell(fp);
	rewind(fp);
	s = calloc(1, (size_t)len + 1);
	cr_assert_eq(fread(s, 1, (size_t)len, fp), (size_t)len);
	fclose(fp);
	poke(strstr(s, "某局") - s, 'Z');	/* the second record's value */
	free(s);
	free(p);
	cr_assert_eq(journal_replay(rpath, r, &info, &err), 2);
	cr_expect_eq(info.damaged, 1);
	cr_expect_eq(info.ignored, 1);
	cr_expect(!info.torn);
	cr_expect_str_eq(report_get(r, schema_find("t3.new.natural")), "1");
	cr_expect_str_eq(report_get(r, schema_find("text.s1")), "三");
	report_free(r);
}

Test(journal, appended_garbage_is_counted_and_the_records_kept)
{
	struct journal_info	 info;
	char			*err = NULL, *p = journal_path(rpath);
	FILE			*fp;

	three_records();
	fp = fopen(p, "a");
	fputs("garbage line\n\x1b]0;title\a\nmore", fp);
	fclose(fp);
	cr_assert_eq(journal_replay(rpath, NULL, &info, &err), 3);
	cr_expect_eq(info.damaged, 2);
	cr_expect(info.torn);
	free(p);
}

Test(journal, unreadable_is_kept_aside_never_removed)
{
	struct journal_info	 info;
	struct stat		 st;
	char			*err = NULL, *p = journal_path(rpath), *aside;
	FILE			*fp = fopen(p, "w");
	const char		*mine = "my own notes, nothing of gkreport\n";

	fputs(mine, fp);
	fclose(fp);
	cr_expect_eq(journal_replay(rpath, NULL, &info, &err), -1);
	cr_expect_not_null(strstr(err, "已改名为"), "%s", err);
	free(err);
	cr_assert(asprintf(&aside, "%s.unreadable", p) > 0);
	cr_expect_eq(stat(aside, &st), 0, "kept aside as %s", aside);
	cr_expect_eq(st.st_size, (off_t)strlen(mine));
	free(aside);
	free(p);
}

Test(journal, a_new_journal_keeps_an_old_one_aside)
{
	struct journal	*j;
	struct stat	 st;
	char		*err = NULL, *p = journal_path(rpath), *aside;

	three_records();
	j = journal_open(rpath, &err);
	cr_assert_not_null(j, "%s", err);
	journal_close(j);
	cr_assert(asprintf(&aside, "%s.unreadable", p) > 0);
	cr_expect_eq(stat(aside, &st), 0, "not truncated: kept as %s", aside);
	free(aside);
	free(p);
}

/* A journal that is a symlink, a FIFO or a folder: refused unopened. */
Test(journal, a_symlink_journal_is_refused_and_its_target_untouched)
{
	struct journal_info	 info;
	struct journal		*j;
	char			*err = NULL, *p = journal_path(rpath), *target;
	struct stat		 st;
	FILE			*fp;

	cr_assert(asprintf(&target, "%s/precious", dir) > 0);
	fp = fopen(target, "w");
	fputs("precious\n", fp);
	fclose(fp);
	chmod(target, 0644);
	cr_assert_eq(symlink(target, p), 0);
	cr_expect_eq(journal_replay(rpath, NULL, &info, &err), -1);
	cr_expect(info.hostile);
	cr_expect_not_null(strstr(err, "符号链接"), "%s", err);
	free(err);
	err = NULL;
	cr_expect_null(j = journal_open(rpath, &err));
	journal_close(j);
	free(err);
	err = NULL;
	cr_expect_null(j = journal_continue(rpath, &err));
	journal_close(j);
	free(err);
	cr_assert_eq(stat(target, &st), 0);
	cr_expect_eq(st.st_size, 9);
	cr_expect_eq(st.st_mode & 0777, 0644);
	free(target);
	free(p);
}

Test(journal, a_fifo_or_device_journal_never_hangs)
{
	struct journal_info	 info;
	char			*err = NULL, *p = journal_path(rpath);

	cr_assert_eq(mkfifo(p, 0600), 0);
	cr_expect_eq(journal_replay(rpath, NULL, &info, &err), -1);
	cr_expect(info.hostile);
	cr_expect_not_null(strstr(err, "命名管道"), "%s", err);
	free(err);
	unlink(p);
	cr_assert_eq(symlink("/dev/zero", p), 0);
	cr_expect_eq(journal_replay(rpath, NULL, &info, &err), -1);
	cr_expect(info.hostile);
	free(err);
	free(p);
}

Test(journal, the_lock_is_taken_on_the_real_file)
{
	struct lock	*a, *b;
	char		*holder = NULL, *link;

	cr_assert(asprintf(&link, "%s/link.csv", dir) > 0);
	cr_assert_eq(symlink("报告.csv", link), 0);
	cr_assert_eq(lock_take(rpath, &a, &holder), LOCK_TAKEN, "%s", holder);
	/* fcntl locks are per process: ask from a child. */
	if (fork() == 0)
		_exit(lock_take(link, &b, &holder) == LOCK_BUSY ? 0 : 1);
	{
		int	 st;

		wait(&st);
		cr_expect(WIFEXITED(st) && WEXITSTATUS(st) == 0,
		    "the same file through a symlink was not busy");
	}
	lock_release(a);
	free(link);
}

Test(journal, a_hostile_lock_file_is_refused)
{
	struct lock	*l;
	char		*holder = NULL, *lp, *target;
	struct stat	 st;
	FILE		*fp;

	cr_assert(asprintf(&lp, "%s/.报告.csv.lock", dir) > 0);
	cr_assert(asprintf(&target, "%s/precious", dir) > 0);
	fp = fopen(target, "w");
	fputs("precious\n", fp);
	fclose(fp);
	cr_assert_eq(symlink(target, lp), 0);
	cr_expect_eq(lock_take(rpath, &l, &holder), LOCK_REFUSED);
	cr_expect_not_null(strstr(holder, "符号链接"), "%s", holder);
	free(holder);
	cr_assert_eq(stat(target, &st), 0);
	cr_expect_eq(st.st_size, 9);
	unlink(lp);
	cr_assert_eq(mkfifo(lp, 0600), 0);
	cr_expect_eq(lock_take(rpath, &l, &holder), LOCK_REFUSED);
	free(holder);
	unlink(lp);
	cr_assert_eq(mkdir(lp, 0700), 0);
	cr_expect_eq(lock_take(rpath, &l, &holder), LOCK_REFUSED);
	free(holder);
	rmdir(lp);
	free(lp);
	free(target);
}

Test(journal, a_failed_write_does_not_swallow_the_next_record)
{
	struct journal	*j;
	char		*err = NULL;

	j = journal_open(rpath, &err);
	cr_assert_not_null(j);
	journal_write_fn = tl_full_disk;
	cr_expect_eq(journal_append(j, "meta.agency", "x", &err), -1);
	free(err);
	err = NULL;
	cr_expect_eq(journal_append(j, "meta.agency", "y", &err), -1,
	    "said again, not once");
	free(err);
	journal_write_fn = NULL;
	append_ok(j, "t3.new.natural", "4");
	journal_close(j);
	cr_expect_eq(journal_replay(rpath, NULL, NULL, &err), 1);
}

/* What journal_replay_steps hands back, as "key=value" and "|" before
 * the first record of each step. */
static void
collect(const char *key, const char *value, bool first, void *arg)
{
	char	*s = arg;
	size_t	 n = strlen(s);

	snprintf(s + n, 512 - n, "%s%s=%s ", first ? "| " : "", key,
	    value != NULL ? value : "");
}

Test(journal, a_step_is_written_once_and_replayed_whole)
{
	struct journal	*j;
	char		*err = NULL, got[512] = "";

	j = journal_open(rpath, &err);
	cr_assert_not_null(j, "%s", err);
	append_ok(j, "t3.new.natural", "1");
	journal_hold(j);
	append_ok(j, "t3.new.biz", "0");
	append_ok(j, "t3.new.npo", NULL);
	cr_assert_eq(journal_flush(j, &err), 0, "%s", err);
	append_ok(j, "t3.new.legal", "2");
	journal_close(j);
	cr_expect_eq(journal_replay_steps(rpath, collect, got, NULL, &err), 4);
	cr_expect_str_eq(got, "| t3.new.natural=1 | t3.new.biz=0 t3.new.npo= "
	    "| t3.new.legal=2 ");
}

Test(journal, a_step_with_a_damaged_record_is_dropped_whole)
{
	struct journal		*j;
	struct journal_info	 ji;
	char			*err = NULL, got[512] = "", *p = journal_path(rpath);
	char			*s, *at;
	FILE			*fp;
	long			 n;

	j = journal_open(rpath, &err);
	cr_assert_not_null(j, "%s", err);
	journal_hold(j);
	append_ok(j, "t3.new.biz", "5");
	append_ok(j, "t3.new.npo", "6");
	cr_assert_eq(journal_flush(j, &err), 0);
	append_ok(j, "t3.new.legal", "2");
	journal_close(j);
	/* Flip a figure of the step: its line fails its CRC. */
	fp = fopen(p, "r+");
	cr_assert_not_null(fp);
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	s = calloc(1, (size_t)n + 1);
	fseek(fp, 0, SEEK_SET);
	cr_assert_eq(fread(s, 1, (size_t)n, fp), (size_t)n);
	at = strstr(s, "t3.new.npo\t6");
	cr_assert_not_null(at);
	fseek(fp, at - s + (long)strlen("t3.new.npo\t"), SEEK_SET);
	fputc('7', fp);
	fclose(fp);
	free(s);
	cr_expect_eq(journal_replay_steps(rpath, collect, got, &ji, &err), 1);
	cr_expect_str_eq(got, "| t3.new.legal=2 ", "none of the step, the rest");
	cr_expect_gt(ji.ignored, 0);
	free(p);
}
