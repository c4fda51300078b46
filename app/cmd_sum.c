/*
 * cmd_sum.c: `gkreport sum`, the county office's command: check the
 * reports of many units and add them up into one.
 *
 * The inputs are streamed: each file is loaded, checked, its verdict
 * printed, its figures added, and then freed, so memory holds one report
 * at a time whatever the number of files. A FOLDER stands for every *.csv
 * directly inside it (not its subfolders: those hold old versions and
 * drafts as often as units), in natural order (unit-2 before unit-10),
 * read a batch of names at a time; hidden files and the output file are
 * skipped.
 */
#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "csvout.h"
#include "csvio.h"
#include "nls.h"
#include "rules.h"
#include "sum.h"
#include "xmalloc.h"

/* How many names of empty fields a unit's verdict shows before "等". */
#define EMPTY_SHOWN	3

enum fmt { FMT_TEXT, FMT_CSV };

enum status {
	ST_CLEAN,
	ST_INCOMPLETE,
	ST_ERROR,
	ST_UNREADABLE,
	ST_REFUSED,	/* read and checked, but not added */
};

/* Names a folder walk holds at a time. */
#define WALK_BATCH	1024

/*
 * A folder's *.csv files in natural order, a batch at a time: each pass
 * over the folder keeps the WALK_BATCH smallest names after the last one
 * handed out (in a max-heap), so memory stays the same whether the folder
 * holds fifty files or fifty thousand.
 */
struct walk {
	const char	*dir;
	char		*last;		/* the last name handed out */
	char		*batch[WALK_BATCH];
	int		 n, i;
	bool		 done;
	char		*path;		/* the current file's path */
};

struct run {
	enum fmt	 fmt;
	int		 flags;
	const char	*out;
	dev_t		 out_dev;	/* to skip the output among the inputs */
	ino_t		 out_ino;
	bool		 have_out;
	struct sum	*sum;
	int		 total;		/* files to read */
	int		 done;
	int		 nstatus[ST_REFUSED + 1];
	bool		 trouble;
	bool		 progress;	/* stderr is a terminal */
	bool		 stdout_tty;	/* the verdicts share that terminal */
	bool		 progress_shown;
	struct timespec	 start, last;
};

static const char *const status_names[] = {
	"clean", "incomplete", "error", "unreadable", "refused"
};

static void
now(struct timespec *ts)
{
	clock_gettime(CLOCK_MONOTONIC, ts);
}

static double
elapsed(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) +
	    (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

static bool
is_csv(const char *name)
{
	size_t	 n = strlen(name);

	return name[0] != '.' && n > 4 && strcasecmp(name + n - 4, ".csv") == 0;
}

/* Natural order (unit-2 before unit-10), and never equal for two names. */
static int
name_cmp(const char *a, const char *b)
{
	int	 c = strverscmp(a, b);

	return c != 0 ? c : strcmp(a, b);
}

static int
cmp_name(const void *a, const void *b)
{
	return name_cmp(*(char *const *)a, *(char *const *)b);
}

/* Restore the max-heap below slot i. */
static void
sift_down(char **h, int n, int i)
{
	int	 c;
	char	*t;

	while ((c = 2 * i + 1) < n) {
		if (c + 1 < n && name_cmp(h[c + 1], h[c]) > 0)
			c++;
		if (name_cmp(h[c], h[i]) <= 0)
			break;
		t = h[c];
		h[c] = h[i];
		h[i] = t;
		i = c;
	}
}

static void
sift_up(char **h, int i)
{
	char	*t;

	while (i > 0 && name_cmp(h[i], h[(i - 1) / 2]) > 0) {
		t = h[i];
		h[i] = h[(i - 1) / 2];
		h[(i - 1) / 2] = t;
		i = (i - 1) / 2;
	}
}

/* The number of *.csv files in a folder, or -1 when it cannot be read. */
static int
count_csv(const char *dir)
{
	DIR		*d;
	struct dirent	*de;
	int		 n = 0;

	if ((d = opendir(dir)) == NULL)
		return -1;
	while ((de = readdir(d)) != NULL)
		if (is_csv(de->d_name))
			n++;
	closedir(d);
	return n;
}

/* Read the next batch of names. -1 when the folder cannot be read. */
static int
walk_fill(struct walk *w)
{
	DIR		*d;
	struct dirent	*de;

	w->n = w->i = 0;
	if ((d = opendir(w->dir)) == NULL)
		return -1;
	while ((de = readdir(d)) != NULL) {
		if (!is_csv(de->d_name) ||
		    (w->last != NULL && name_cmp(de->d_name, w->last) <= 0))
			continue;
		if (w->n < WALK_BATCH) {
			w->batch[w->n] = xstrdup(de->d_name);
			sift_up(w->batch, w->n++);
		} else if (name_cmp(de->d_name, w->batch[0]) < 0) {
			free(w->batch[0]);
			w->batch[0] = xstrdup(de->d_name);
			sift_down(w->batch, w->n, 0);
		}
	}
	closedir(d);
	qsort(w->batch, (size_t)w->n, sizeof w->batch[0], cmp_name);
	if (w->n < WALK_BATCH)
		w->done = true;
	return 0;
}

/* The path of the next file, or NULL at the end. Borrowed; valid until
 * the next call. */
static const char *
walk_next(struct walk *w)
{
	size_t	 dl = strlen(w->dir);

	if (w->i == w->n) {
		if (w->n > 0) {
			free(w->last);
			w->last = w->batch[w->n - 1];
			w->batch[w->n - 1] = NULL;
			while (--w->n > 0)
				free(w->batch[w->n - 1]);
		}
		if (w->done || walk_fill(w) == -1 || w->n == 0)
			return NULL;
	}
	free(w->path);
	w->path = xasprintf("%s%s%s", w->dir,
	    dl > 0 && w->dir[dl - 1] == '/' ? "" : "/", w->batch[w->i++]);
	return w->path;
}

static void
walk_fini(struct walk *w)
{
	int	 i;

	for (i = 0; i < w->n; i++)
		free(w->batch[i]);
	free(w->last);
	free(w->path);
}

/* Erase the progress line before other output reaches the terminal. */
static void
progress_clear(struct run *run)
{
	if (run->progress_shown) {
		fputs("\r\033[K", cli_raw_err);
		run->progress_shown = false;
	}
}

/* "已处理 1234/10000", at most ten times a second, and only once the run
 * has lasted long enough for a clerk to wonder. */
static void
progress(struct run *run)
{
	struct timespec	 t;

	if (!run->progress)
		return;
	now(&t);
	if (elapsed(&run->start, &t) < 0.3 || elapsed(&run->last, &t) < 0.1)
		return;
	run->last = t;
	fflush(stdout);
	fputc('\r', cli_raw_err);
	fprintf(cli_raw_err, _("已处理 %d/%d …"), run->done, run->total);
	run->progress_shown = true;
}

static void
csv_row(int unit, const char *file, const char *agency, enum status st,
    const char *rule, const char *sev, int field, const char *message)
{
	char		 num[16];
	const char	*row[] = { num, file, agency, status_names[st], rule,
	    sev, field >= 0 ? schema_field(field)->key : "",
	    field >= 0 ? schema_display_label(field) : "", message };

	snprintf(num, sizeof num, "%d", unit);
	csv_row_out(stdout, row, 9, "\n");
}

static const char *
status_label(enum status st)
{
	switch (st) {
	case ST_CLEAN:
		return _("完整无误");
	case ST_INCOMPLETE:
		return _("未填完");
	case ST_ERROR:
		return _("有错误");
	case ST_UNREADABLE:
		return _("无法读取");
	case ST_REFUSED:
		break;
	}
	return _("未计入汇总");
}

/* The findings as indented text lines; empty fields (W1) as one line. */
static void
text_findings(const struct findings *fs, bool skip_w1)
{
	const struct finding	*f;
	int			 i, shown = 0;

	for (i = 0; i < fs->n; i++) {
		f = &fs->v[i];
		if (f->sev != SEV_INCOMPLETE)
			printf("    %s %s：%s\n", severity_label(f->sev), f->rule,
			    f->message);
	}
	if (fs->nincomplete == 0 || skip_w1)
		return;
	printf(_("    %s W1：%d 项尚未填写："), severity_label(SEV_INCOMPLETE),
	    fs->nincomplete);
	for (i = 0; i < fs->n && shown < EMPTY_SHOWN; i++) {
		f = &fs->v[i];
		if (f->sev != SEV_INCOMPLETE)
			continue;
		printf("%s%s", shown > 0 ? "；" : "",
		    schema_display_label(f->fields[0]));
		shown++;
	}
	printf("%s\n", fs->nincomplete > EMPTY_SHOWN ? _(" 等") : "");
}

/* The verdict of one unit, in the chosen format. why is the reason it
 * could not be read or added, or NULL. */
static void
report_unit(struct run *run, int unit, const char *file, const char *agency,
    enum status st, const struct findings *fs, const struct csvio_info *info,
    const char *why)
{
	int	 i;

	if (run->stdout_tty)
		progress_clear(run);
	run->nstatus[st]++;
	if (run->fmt == FMT_CSV) {
		if (why != NULL)
			csv_row(unit, file, agency, st, "", "error", -1, why);
		for (i = 0; fs != NULL && i < fs->n; i++)
			csv_row(unit, file, agency, st, fs->v[i].rule,
			    severity_name(fs->v[i].sev), fs->v[i].fields[0],
			    fs->v[i].message);
		for (i = 0; info != NULL && i < info->nwarnings; i++)
			csv_row(unit, file, agency, st, "", "warning", -1,
			    info->warnings[i]);
		if (why == NULL && (fs == NULL || fs->n == 0) &&
		    (info == NULL || info->nwarnings == 0))
			csv_row(unit, file, agency, st, "", "", -1, "");
		return;
	}
	printf("[%s] %s", status_label(st), file);
	if (agency != NULL)
		printf(_("（%s）"), agency);
	if (why != NULL)
		printf("：%s\n", why);
	else if (fs != NULL && (fs->nerror > 0 || fs->nincomplete > 0 ||
	    fs->nwarning > 0))
		printf(_("：错误 %d 项，未填 %d 项，提示 %d 项\n"), fs->nerror,
		    fs->nincomplete, fs->nwarning);
	else
		putchar('\n');
	for (i = 0; info != NULL && i < info->nwarnings; i++)
		printf(_("    文件 %s\n"), info->warnings[i]);
	if (fs != NULL)
		text_findings(fs, false);
}

/* Is this the file we are about to write? */
static bool
is_output(const struct run *run, const char *path)
{
	struct stat	 st;

	return run->have_out && stat(path, &st) == 0 &&
	    st.st_dev == run->out_dev && st.st_ino == run->out_ino;
}

/* Load, check, print and add one file; then forget it. */
static void
one_file(struct run *run, int unit, const char *path)
{
	struct csvio_info	 info;
	struct report		*r;
	struct findings		*fs;
	enum status		 st;
	char			*err = NULL;

	memset(&info, 0, sizeof info);
	if ((r = csvio_load(path, &info, &err)) == NULL) {
		size_t	 n = strlen(path);

		progress_clear(run);
		cli_error("%s", err);
		/* The message names the file already; the verdict does too. */
		report_unit(run, unit, path, NULL, ST_UNREADABLE, NULL, NULL,
		    strncmp(err, path, n) == 0 && err[n] == ':' ?
		    err + n + 1 + strspn(err + n + 1, " ") : err);
		free(err);
		csvio_info_free(&info);
		run->trouble = true;
		return;
	}
	fs = rules_check(r, 0);
	if (fs->nerror > 0)
		st = ST_ERROR;
	else if (fs->nincomplete > 0)
		st = ST_INCOMPLETE;
	else
		st = ST_CLEAN;
	if (sum_add(run->sum, r, &err) == -1) {
		report_unit(run, unit, path, report_get(r, F_AGENCY), ST_REFUSED,
		    fs, &info, err);
		free(err);
		run->trouble = true;
	} else
		report_unit(run, unit, path, report_get(r, F_AGENCY), st, fs,
		    &info, NULL);
	findings_free(fs);
	csvio_info_free(&info);
	report_free(r);
}

/* Check the sum: its identities and its figures. Texts and particulars
 * are left empty on purpose, so their W1/W3/W4 are not findings here. */
static int
report_sum(struct run *run, struct report *r)
{
	struct findings	*fs = rules_check(r, 0), *cells;
	const struct finding *f;
	int		 i, nempty = 0, ninvalid = 0, fld, rc;

	for (fld = F_FIRST_CELL; fld < F_FIRST_CELL + SCH_NCELLS; fld++) {
		if (sum_ninvalid(run->sum, fld) > 0)
			ninvalid++;
		else if (sum_nempty(run->sum, fld) > 0)
			nempty++;
	}
	/* Keep the findings about the tables' figures. */
	cells = xcalloc(1, sizeof *cells);
	cells->v = xreallocarray(NULL, (size_t)fs->n + 1, sizeof *cells->v);
	for (i = 0; i < fs->n; i++) {
		f = &fs->v[i];
		if (f->table < 0 || f->sev == SEV_INCOMPLETE)
			continue;
		cells->v[cells->n++] = *f;
		if (f->sev == SEV_ERROR)
			cells->nerror++;
		else
			cells->nwarning++;
	}
	rc = cells->nerror > 0 ? EXIT_FINDINGS : 0;
	if (run->fmt == FMT_CSV) {
		enum status st = cells->nerror > 0 ? ST_ERROR :
		    nempty + ninvalid > 0 && !(run->flags & SUM_BLANK_AS_ZERO) ?
		    ST_INCOMPLETE : ST_CLEAN;

		for (i = 0; i < cells->n; i++)
			csv_row(0, run->out, report_get(r, F_AGENCY), st,
			    cells->v[i].rule, severity_name(cells->v[i].sev),
			    cells->v[i].fields[0], cells->v[i].message);
		if (cells->n == 0)
			csv_row(0, run->out, report_get(r, F_AGENCY), st, "", "",
			    -1, "");
	} else {
		printf(_("\n汇总：%d 份报告，计入 %d 份。完整无误 %d 份，有错误 %d 份，"
		    "未填完 %d 份，无法读取 %d 份，未计入 %d 份。\n"), run->total,
		    sum_count(run->sum), run->nstatus[ST_CLEAN],
		    run->nstatus[ST_ERROR], run->nstatus[ST_INCOMPLETE],
		    run->nstatus[ST_UNREADABLE], run->nstatus[ST_REFUSED]);
		if (sum_count(run->sum) > 0) {
			printf(_("汇总结果（%s，%s 年度）："),
			    report_get(r, F_AGENCY) != NULL ?
			    report_get(r, F_AGENCY) : _("未指定报告单位"),
			    report_get(r, F_YEAR) != NULL ?
			    report_get(r, F_YEAR) : "?");
			if (cells->nerror > 0)
				printf(_("勾稽关系有 %d 处不符\n"), cells->nerror);
			else
				printf(_("勾稽关系无误\n"));
			if (sum_mixed_years(run->sum))
				printf(_("    注意：汇总了不同年度的报告，"
				    "报告年度取最近的 %d 年\n"),
				    sum_year(run->sum));
			if (ninvalid > 0)
				printf(_("    %d 个单元格因有单位填写的数值无效而留空\n"),
				    ninvalid);
			if (nempty > 0 && (run->flags & SUM_BLANK_AS_ZERO))
				printf(_("    %d 个单元格有单位未填，已按 0 计入\n"),
				    nempty);
			else if (nempty > 0)
				printf(_("    %d 个单元格因有单位未填而留空"
				    "（用 --blank-as-zero 按 0 计入）\n"), nempty);
			text_findings(cells, true);
		}
	}
	free(cells->v);
	free(cells);
	findings_free(fs);
	return rc;
}

static int
cmd_sum(const struct cli_args *args)
{
	struct run	 run;
	struct report	*r;
	struct stat	 st;
	const char	*agency = cli_get(args, "agency");
	const char	*format = cli_get(args, "format");
	char		*err = NULL, **argv = args->argv;
	int		 i, n, rc, argc = args->argc;

	memset(&run, 0, sizeof run);
	run.out = cli_get(args, "output");
	if (format == NULL || strcmp(format, "text") == 0)
		run.fmt = FMT_TEXT;
	else if (strcmp(format, "csv") == 0)
		run.fmt = FMT_CSV;
	else
		return cli_usage_error("sum",
		    _("--format 只能是 text 或 csv，不是 “%s”"), format);
	if (cli_has(args, "mixed-years"))
		run.flags |= SUM_MIXED_YEARS;
	if (cli_has(args, "blank-as-zero"))
		run.flags |= SUM_BLANK_AS_ZERO;
	if (argc == 0)
		return cli_usage_error("sum", "%s",
		    _("请给出要汇总的报告文件或文件夹"));
	if (run.out != NULL && stat(run.out, &st) == 0) {
		run.have_out = true;
		run.out_dev = st.st_dev;
		run.out_ino = st.st_ino;
	}

	/* Count first, for the progress line; folders are read again in
	 * batches, never held. */
	for (i = 0; i < argc; i++) {
		if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			if ((n = count_csv(argv[i])) == -1) {
				cli_error(_("%s: 无法读取文件夹：%s"), argv[i],
				    strerror(errno));
				run.trouble = true;
			} else if (n == 0)
				cli_warn_at(argv[i], "%s",
				    _("文件夹中没有 .csv 文件"));
			else
				run.total += n;
		} else
			run.total++;
	}

	run.sum = sum_new(run.flags);
	run.progress = isatty(STDERR_FILENO);
	run.stdout_tty = isatty(STDOUT_FILENO);
	now(&run.start);
	run.last = run.start;
	if (run.fmt == FMT_CSV)
		puts("unit,file,agency,status,rule,severity,key,label,message");
	for (i = 0; i < argc; i++) {
		struct walk	 w;
		const char	*path;
		bool		 dir;

		dir = stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode);
		memset(&w, 0, sizeof w);
		w.dir = argv[i];
		path = dir ? walk_next(&w) : argv[i];
		for (; path != NULL; path = dir ? walk_next(&w) : NULL) {
			if (is_output(&run, path)) {
				progress_clear(&run);
				cli_warn_at(path, "%s",
				    _("是汇总的输出文件，跳过"));
				run.total--;
				continue;
			}
			one_file(&run, run.done + 1, path);
			run.done++;
			progress(&run);
		}
		walk_fini(&w);
	}
	progress_clear(&run);

	r = sum_report(run.sum, agency);
	rc = report_sum(&run, r);
	if (run.nstatus[ST_ERROR] > 0 || run.nstatus[ST_INCOMPLETE] > 0)
		rc = EXIT_FINDINGS;
	fflush(stdout);
	if (run.out != NULL) {
		if (sum_count(run.sum) == 0) {
			cli_error(_("%s: 没有可汇总的报告，未写入"), run.out);
			run.trouble = true;
		} else if (csvio_save_from(r, run.out,
		    (const char *const *)argv, 0, &err) == -1) {
			cli_error("%s", err);
			free(err);
			run.trouble = true;
		} else if (run.fmt == FMT_TEXT) {
			printf(_("汇总结果已保存到 %s"), run.out);
			if (run.nstatus[ST_UNREADABLE] + run.nstatus[ST_REFUSED] > 0)
				printf(_("（不含未能计入的 %d 份）"),
				    run.nstatus[ST_UNREADABLE] +
				    run.nstatus[ST_REFUSED]);
			putchar('\n');
		}
	}
	if (run.done == 0) {
		cli_error("%s", _("没有找到要汇总的报告"));
		run.trouble = true;
	}
	if (run.nstatus[ST_UNREADABLE] + run.nstatus[ST_REFUSED] > 0)
		cli_error(_("%d 份报告无法读取或未计入汇总"),
		    run.nstatus[ST_UNREADABLE] + run.nstatus[ST_REFUSED]);
	report_free(r);
	sum_free(run.sum);
	if (fflush(stdout) == EOF || ferror(stdout)) {
		cli_error(_("写入标准输出失败：%s"), strerror(errno));
		run.trouble = true;
	}
	return run.trouble ? EXIT_TROUBLE : rc;
}

static const struct cli_option options[] = {
	{ "output", 'o', N_("文件"), N_("把汇总结果保存为报告文件") },
	{ "agency", 'a', N_("名称"), N_("汇总报告的报告单位") },
	{ "format", 0, "text|csv", N_("检查结果的格式（csv 便于表格处理）") },
	{ "mixed-years", 0, NULL, N_("允许汇总不同年度的报告（默认拒绝）") },
	{ "blank-as-zero", 0, NULL,
	    N_("单位未填的格按 0 计入（默认：只要有单位\n"
	    "未填，汇总的该格留空）") },
	{ NULL, 0, NULL, NULL }
};

const struct cli_command cmd_sum_entry = {
	.name = "sum",
	.summary = N_("汇总多个单位的报告"),
	.usage = N_("[选项] 文件|文件夹..."),
	.about = N_("检查多个单位的报告，并把它们的数字逐格相加，汇总成一份报告。\n\n"
	    "文件夹表示其中的全部 .csv 文件（不含子文件夹，按名称自然排序，\n"
	    "跳过隐藏文件和输出文件）。每份报告先检查，逐个单位列出是否填全、\n"
	    "有无错误及具体问题；汇总结果也会检查。不给 -o 时只检查和统计。\n"
	    "金额按小数精确相加；文字部分不汇总，留空。\n"),
	.options = options,
	.notes = N_("退出状态：0 全部完整无误；1 有单位有错误或未填完；\n"
	    "2 有文件无法读取、未能计入，或汇总无法保存。\n"),
	.run = cmd_sum,
};
