/*
 * cmd_sum.c: `gkreport sum`, the county office's command: check the
 * reports of many units and add them up into one.
 *
 * The inputs are streamed: each file is loaded, checked, its verdict
 * printed, its figures added, and then freed, so memory holds one report
 * at a time whatever the number of files. A FOLDER stands for every *.csv
 * directly inside it (not its subfolders: those hold old versions and
 * drafts as often as units), in natural order (unit-2 before unit-10);
 * its names are read once (a million names are a few tens of MB) and
 * hidden files and the outputs are skipped.
 *
 * The same agency and year twice is refused (or, --skip-duplicates, the
 * later left out): a set of key hashes, 32 bytes a unit. The units table,
 * the page, the roster and the review sheet need every unit's row; they
 * are kept only when one of them is asked for.
 */
#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "csvout.h"
#include "csvio.h"
#include "export.h"
#include "export_xlsx.h"
#include "nls.h"
#include "review.h"
#include "safeio.h"
#include "show.h"
#include "roster.h"
#include "rules.h"
#include "sum.h"
#include "sumhtml.h"
#include "units.h"
#include "xmalloc.h"

/* How many names of empty fields a unit's verdict shows before "等". */
#define EMPTY_SHOWN	3

enum fmt { FMT_TEXT, FMT_CSV, FMT_UNITS };

/* Files the run writes, skipped among its inputs. */
enum { OUT_SUM, OUT_UNITS, OUT_HTML, OUT_REVIEW, OUT_XLSX, NOUT };

/* One argument: a file, or a folder with its *.csv names (read once,
 * sorted; the names live in one pool). */
struct input {
	const char	*arg;
	bool		 dir;
	char		*pool;
	char		**names;
	size_t		 n;
};

struct run {
	enum fmt	 fmt;
	int		 flags;
	const char	*out;
	const char	*outs[NOUT];
	dev_t		 out_dev[NOUT];	/* to skip the outputs among the inputs */
	ino_t		 out_ino[NOUT];
	bool		 have_out[NOUT];
	struct sum	*sum;
	struct units	*units;		/* rows kept, or NULL */
	struct dupset	*dups;
	struct review	*review;	/* or NULL */
	const char	*export_dir;	/* each unit's page, or NULL */
	const char *const *inputs;	/* the operands, never written over */
	bool		 skip_dups;
	int		 total;		/* files to read */
	int		 done;
	int		 nstatus[UNIT_NSTATUS];
	bool		 trouble;
	bool		 progress;	/* stderr is a terminal */
	bool		 stdout_tty;	/* the verdicts share that terminal */
	bool		 progress_shown;
	struct timespec	 start, last;
};

static const char *const status_names[UNIT_NSTATUS] = {
	"clean", "incomplete", "error", "unreadable", "duplicate", "refused"
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

/* Read a folder's *.csv names once, in natural order. -1 with errno when
 * it cannot be read. */
static int
read_folder(struct input *in)
{
	DIR		*d;
	struct dirent	*de;
	size_t		*off = NULL, noff = 0, capoff = 0, plen = 0, pcap = 0, n, i;

	if ((d = opendir(in->arg)) == NULL)
		return -1;
	while ((de = readdir(d)) != NULL) {
		if (!is_csv(de->d_name))
			continue;
		n = strlen(de->d_name) + 1;
		if (plen + n > pcap) {
			pcap = pcap ? pcap * 2 : 65536;
			while (plen + n > pcap)
				pcap *= 2;
			in->pool = xrealloc(in->pool, pcap);
		}
		if (noff == capoff) {
			capoff = capoff ? capoff * 2 : 1024;
			off = xreallocarray(off, capoff, sizeof *off);
		}
		memcpy(in->pool + plen, de->d_name, n);
		off[noff++] = plen;
		plen += n;
	}
	closedir(d);
	in->names = xreallocarray(NULL, noff + 1, sizeof *in->names);
	for (i = 0; i < noff; i++)
		in->names[i] = in->pool + off[i];
	in->n = noff;
	free(off);
	qsort(in->names, in->n, sizeof *in->names, cmp_name);
	return 0;
}

static void
input_fini(struct input *in)
{
	free(in->pool);
	free(in->names);
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
csv_row(int unit, const char *file, const char *agency, enum unit_status st,
    const char *rule, const char *sev, int field, const char *message)
{
	char		 num[16];
	const char	*row[] = { num, file, agency, status_names[st], rule,
	    sev, field >= 0 ? schema_field(field)->key : "",
	    field >= 0 ? schema_display_label(field) : "", message };

	snprintf(num, sizeof num, "%d", unit);
	csv_row_out(stdout, row, 9, "\n");
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
    enum unit_status st, const struct findings *fs,
    const struct csvio_info *info, const char *why)
{
	int	 i;

	if (run->stdout_tty)
		progress_clear(run);
	run->nstatus[st]++;
	if (run->fmt == FMT_UNITS)
		return;
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
	printf("[%s] %s", units_status_label(st), file);
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
	if (fs != NULL && st != UNIT_DUPLICATE)
		text_findings(fs, false);
}

/* Is this one of the files we are about to write? */
static bool
is_output(const struct run *run, const char *path)
{
	struct stat	 st;
	int		 i;

	if (stat(path, &st) != 0)
		return false;
	for (i = 0; i < NOUT; i++)
		if (run->have_out[i] && st.st_dev == run->out_dev[i] &&
		    st.st_ino == run->out_ino[i])
			return true;
	return false;
}

/* dir/name, or name alone. Caller frees. */
static char *
join(const char *dir, const char *name)
{
	size_t	 dl;

	if (dir == NULL)
		return xstrdup(name);
	dl = strlen(dir);
	return xasprintf("%s%s%s", dir, dl > 0 && dir[dl - 1] == '/' ? "" : "/",
	    name);
}

/* Each unit's own page in the export folder: NAME.html for NAME.csv.
 * Caller frees. */
static char *
export_path(const struct run *run, const char *name)
{
	const char	*base = strrchr(name, '/');
	size_t		 n;
	char		*stem, *p;

	base = base != NULL ? base + 1 : name;
	n = strlen(base);
	stem = xstrdup(base);
	if (n > 4 && strcasecmp(stem + n - 4, ".csv") == 0)
		stem[n - 4] = '\0';
	p = xasprintf("%s/%s.html", run->export_dir, stem);
	free(stem);
	return p;
}

/* Keep the unit's row, with the reviewer's decisions on its findings. */
static struct unit *
keep_unit(struct run *run, const char *path, const struct report *r,
    const struct findings *fs, enum unit_status st, const char *why)
{
	struct unit	*un;
	int		 i;

	if (run->units == NULL)
		return NULL;
	un = units_add(run->units, path, r, fs, st, why);
	if (run->review != NULL && un->agency != NULL && un->year > 0 &&
	    st != UNIT_DUPLICATE)
		for (i = 0; i < un->nfindings; i++)
			un->findings[i].decision = review_mark(run->review,
			    un->agency, un->year, un->findings[i].rule,
			    un->findings[i].key, un->findings[i].message, path);
	return un;
}

/* Load, check, print and add one file; then forget it. */
static void
one_file(struct run *run, int unit, const char *dir, const char *name)
{
	struct csvio_info	 info;
	struct report		*r;
	struct findings		*fs;
	struct unit		*un;
	enum unit_status	 st;
	const char		*agency, *fdir, *fname;
	char			*err = NULL, *path = join(dir, name), *why;
	char			*first = NULL;
	int64_t			 year = 0;

	memset(&info, 0, sizeof info);
	if ((r = csvio_load(path, &info, &err)) == NULL) {
		size_t	 n = strlen(path);
		const char *reason = strncmp(err, path, n) == 0 &&
		    err[n] == ':' ? err + n + 1 + strspn(err + n + 1, " ") : err;

		progress_clear(run);
		cli_error("%s", err);
		/* The message names the file already; the verdict does too. */
		report_unit(run, unit, path, NULL, UNIT_UNREADABLE, NULL, NULL,
		    reason);
		keep_unit(run, path, NULL, NULL, UNIT_UNREADABLE, reason);
		free(err);
		free(path);
		csvio_info_free(&info);
		run->trouble = true;
		return;
	}
	fs = rules_check(r, 0);
	if (fs->nerror > 0)
		st = UNIT_ERROR;
	else if (fs->nincomplete > 0)
		st = UNIT_INCOMPLETE;
	else
		st = UNIT_CLEAN;
	agency = report_get(r, F_AGENCY);
	if (agency != NULL && report_value(r, F_YEAR, &year) &&
	    dupset_check(run->dups, agency, (int)year, dir, name, &fdir,
	    &fname)) {
		first = join(fdir, fname);
		why = xasprintf(_("与 %s 是同一单位（%s）同一年度（%d）的报告，"
		    "未计入汇总"), first, agency, (int)year);
		progress_clear(run);
		if (run->skip_dups)
			cli_warn_at(path, "%s", why);
		else {
			cli_error("%s: %s", path, why);
			run->trouble = true;
		}
		report_unit(run, unit, path, agency, UNIT_DUPLICATE, fs, &info,
		    why);
		keep_unit(run, path, r, fs, UNIT_DUPLICATE, why);
		free(why);
	} else if (sum_add(run->sum, r, &err) == -1) {
		report_unit(run, unit, path, agency, UNIT_REFUSED, fs, &info,
		    err);
		keep_unit(run, path, r, fs, UNIT_REFUSED, err);
		free(err);
		run->trouble = true;
	} else {
		report_unit(run, unit, path, agency, st, fs, &info, NULL);
		un = keep_unit(run, path, r, fs, st, NULL);
		if (run->export_dir != NULL) {
			char *to = export_path(run, path);

			if (export_save(r, EXPORT_HTML, EXPORT_UTF8, to, path,
			    &err) == -1) {
				progress_clear(run);
				cli_error("%s", err);
				free(err);
				run->trouble = true;
				free(to);
			} else if (un != NULL)
				un->export_path = to;
			else
				free(to);
		}
	}
	free(first);
	findings_free(fs);
	csvio_info_free(&info);
	report_free(r);
	free(path);
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
		enum unit_status st = cells->nerror > 0 ? UNIT_ERROR :
		    nempty + ninvalid > 0 && !(run->flags & SUM_BLANK_AS_ZERO) ?
		    UNIT_INCOMPLETE : UNIT_CLEAN;

		for (i = 0; i < cells->n; i++)
			csv_row(0, run->out, report_get(r, F_AGENCY), st,
			    cells->v[i].rule, severity_name(cells->v[i].sev),
			    cells->v[i].fields[0], cells->v[i].message);
		if (cells->n == 0)
			csv_row(0, run->out, report_get(r, F_AGENCY), st, "", "",
			    -1, "");
	} else if (run->fmt == FMT_TEXT) {
		printf(_("\n汇总：%d 份报告，计入 %d 份。完整无误 %d 份，有错误 %d 份，"
		    "未填完 %d 份，无法读取 %d 份，未计入 %d 份。\n"), run->total,
		    sum_count(run->sum), run->nstatus[UNIT_CLEAN],
		    run->nstatus[UNIT_ERROR], run->nstatus[UNIT_INCOMPLETE],
		    run->nstatus[UNIT_UNREADABLE],
		    run->nstatus[UNIT_REFUSED] + run->nstatus[UNIT_DUPLICATE]);
		if (run->nstatus[UNIT_DUPLICATE] > 0)
			printf(_("    其中 %d 份与先前的文件是同一单位同一年度的报告"
			    "（重复）\n"), run->nstatus[UNIT_DUPLICATE]);
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

/* Save a buffer with the one atomic writer (never over an input, never
 * over a folder or a report), saying why not. */
static void
save_buf(struct run *run, const char *path, struct buf *b)
{
	struct safeio_out	 o = { 0644, 0, run->inputs };
	char			*err = NULL;

	if (b->s == NULL)
		buf_add(b, "");
	if (safeio_save(path, b->s, b->len, &o, &err) == -1) {
		cli_error("%s", err);
		free(err);
		run->trouble = true;
	}
}

/* Last year's totals: a quiet sum of the folder's reports. The number of
 * units added, or -1 when the folder cannot be read. */
static int
prev_totals(const char *dir, int flags, int64_t fig[UNITS_NFIGS],
    uint64_t *have)
{
	struct input	 in;
	struct sum	*s = sum_new(flags);
	struct report	*r;
	char		*path, *err = NULL;
	size_t		 i;
	int		 n;

	memset(&in, 0, sizeof in);
	in.arg = dir;
	if (read_folder(&in) == -1) {
		sum_free(s);
		return -1;
	}
	for (i = 0; i < in.n; i++) {
		path = join(dir, in.names[i]);
		if ((r = csvio_load(path, NULL, &err)) == NULL) {
			free(err);
			err = NULL;
		} else {
			if (sum_add(s, r, &err) == -1) {
				free(err);
				err = NULL;
			}
			report_free(r);
		}
		free(path);
	}
	r = sum_report(s, NULL);
	units_figures(r, fig, have);
	n = sum_count(s);
	report_free(r);
	sum_free(s);
	input_fini(&in);
	return n;
}

/* The roster's differences on stdout (text) and in the result. */
static void
roster_print(const struct roster *ro, const struct roster_result *res,
    int nreported)
{
	int	 i, k;

	printf(_("\n名单：应报 %d 个单位，名单上已报 %d 个，未报 %d 个。\n"),
	    roster_count(ro), roster_count(ro) - res->nmissing, res->nmissing);
	for (i = 0; i < res->nmissing; i++)
		printf(_("    未报：%s\n"), roster_name(ro, res->missing[i]));
	if (res->nunknown > 0)
		printf(_("名单外的单位名称 %d 个（共收到 %d 份）：\n"),
		    res->nunknown, nreported);
	for (i = 0; i < res->nunknown; i++) {
		printf(_("    不在名单上：%s"), res->unknown[i].agency);
		for (k = 0; k < res->unknown[i].nsuggest; k++)
			printf("%s%s", k == 0 ? _("（可能是：") : "、",
			    roster_name(ro, res->unknown[i].suggest[k]));
		printf("%s\n", res->unknown[i].nsuggest > 0 ? _("）") : "");
	}
}

/* What the workbook of --xlsx is made of. */
struct xlsx_job {
	const struct units	*units;
	const struct report	*total;
	bool			 review;
};

/* The workbook: 汇总 (the key figures added up), 单位 (the units table)
 * and 问题清单 (one row per finding), written into the atomic writer's
 * temporary file. Figures and counts are numbers; rates and the amount
 * are written as the table writes them (text), so they match it. */
static int
fill_xlsx(int fd, const char *tmppath, void *arg, char **why)
{
	const struct xlsx_job	*j = arg;
	const struct unit	*un;
	struct xbook		*b;
	struct xsheet		*s;
	int64_t			 fig[UNITS_NFIGS];
	uint64_t		 have;
	char			 t[32], *h;
	int			 i, k, c, row;

	(void)fd;
	if ((b = xbook_new(tmppath, _("汇总"), why)) == NULL)
		return -1;
	units_figures(j->total, fig, &have);
	if ((s = xbook_sheet(b, _("汇总"))) != NULL) {
		xsheet_heading(s, 0, 0, _("项目"));
		xsheet_heading(s, 0, 1, _("合计"));
		xsheet_width(s, 0, 28);
		for (k = 0; k < UNITS_NFIGS; k++) {
			xsheet_text(s, k + 1, 0, _(units_figs[k].label));
			if (!((have >> k) & 1))
				continue;
			if (strcmp(units_figs[k].rows, "fees") == 0)
				xsheet_text(s, k + 1, 1,
				    units_fig_text(fig, have, k, t));
			else
				xsheet_count(s, k + 1, 1, fig[k]);
		}
	}
	if ((s = xbook_sheet(b, _("单位"))) != NULL) {
		c = 0;
		xsheet_heading(s, 0, c++, _("序号"));
		xsheet_heading(s, 0, c++, _("文件"));
		xsheet_heading(s, 0, c++, _("报告单位"));
		xsheet_heading(s, 0, c++, _("年度"));
		xsheet_heading(s, 0, c++, _("状态"));
		xsheet_heading(s, 0, c++, _("错误"));
		xsheet_heading(s, 0, c++, _("未填"));
		xsheet_heading(s, 0, c++, _("提示"));
		for (k = 0; k < rules_ninfo; k++)
			xsheet_heading(s, 0, c++, rules_info[k].id);
		for (k = 0; k < UNITS_NFIGS; k++)
			xsheet_heading(s, 0, c++, _(units_figs[k].label));
		for (k = 0; k < UNITS_NRATES; k++) {
			h = xasprintf("%s(%%)=%s", _(units_rates[k].label),
			    _(units_rates[k].formula));
			xsheet_heading(s, 0, c++, h);
			free(h);
			if (units_rates[k].ranked) {
				h = xasprintf(_("%s排名"),
				    _(units_rates[k].label));
				xsheet_heading(s, 0, c++, h);
				free(h);
			}
		}
		if (j->review)
			for (k = 0; k <= REV_NDECISIONS; k++)
				xsheet_heading(s, 0, c++, units_decision_label(
				    k < REV_NDECISIONS ? k : -1));
		xsheet_heading(s, 0, c++, _("原因"));
		xsheet_freeze(s, 1, 3);
		xsheet_width(s, 1, 24);
		xsheet_width(s, 2, 28);
		for (i = 0; i < units_count(j->units); i++) {
			un = units_get(j->units, i);
			row = i + 1;
			c = 0;
			xsheet_count(s, row, c++, i + 1);
			xsheet_text(s, row, c++, un->file);
			xsheet_text(s, row, c++, un->agency);
			if (un->year > 0)
				xsheet_count(s, row, c, un->year);
			c++;
			xsheet_text(s, row, c++, units_status_label(un->status));
			xsheet_count(s, row, c++, un->nerror);
			xsheet_count(s, row, c++, un->nempty);
			xsheet_count(s, row, c++, un->nwarning);
			for (k = 0; k < rules_ninfo; k++)
				xsheet_count(s, row, c++, un->by_rule[k]);
			for (k = 0; k < UNITS_NFIGS; k++, c++) {
				if (!((un->have >> k) & 1))
					continue;
				if (strcmp(units_figs[k].rows, "fees") == 0)
					xsheet_text(s, row, c, units_fig_text(
					    un->fig, un->have, k, t));
				else
					xsheet_count(s, row, c, un->fig[k]);
			}
			for (k = 0; k < UNITS_NRATES; k++) {
				xsheet_text(s, row, c++, units_rate_text(un->fig,
				    un->have, k, t));
				if (!units_rates[k].ranked)
					continue;
				if (un->rank[k] > 0)
					xsheet_count(s, row, c, un->rank[k]);
				c++;
			}
			if (j->review) {
				for (k = 0; k < REV_NDECISIONS; k++)
					xsheet_count(s, row, c++,
					    un->ndecision[k]);
				xsheet_count(s, row, c++, un->nresolved);
			}
			xsheet_text(s, row, c++, un->why);
		}
	}
	if ((s = xbook_sheet(b, _("问题清单"))) != NULL) {
		c = 0;
		xsheet_heading(s, 0, c++, _("序号"));
		xsheet_heading(s, 0, c++, _("报告单位"));
		xsheet_heading(s, 0, c++, _("文件"));
		xsheet_heading(s, 0, c++, _("规则"));
		xsheet_heading(s, 0, c++, _("状态"));
		xsheet_heading(s, 0, c++, _("位置"));
		xsheet_heading(s, 0, c++, _("问题"));
		if (j->review)
			xsheet_heading(s, 0, c++, _("决定"));
		xsheet_freeze(s, 1, 2);
		xsheet_width(s, 1, 28);
		xsheet_width(s, 6, 80);
		row = 1;
		for (i = 0; i < units_count(j->units); i++) {
			un = units_get(j->units, i);
			for (k = 0; k < un->nfindings; k++, row++) {
				const struct unit_finding *f = &un->findings[k];

				c = 0;
				xsheet_count(s, row, c++, i + 1);
				xsheet_text(s, row, c++, un->agency);
				xsheet_text(s, row, c++, un->file);
				xsheet_text(s, row, c++, f->rule);
				xsheet_text(s, row, c++, severity_label(f->sev));
				xsheet_text(s, row, c++, f->key);
				xsheet_text(s, row, c++, f->message);
				if (j->review && f->decision >= 0)
					xsheet_text(s, row, c, units_decision_label(
					    f->decision));
			}
		}
	}
	return xbook_close(b, why);
}

/* Remember an output file, to skip it among the inputs. */
static void
note_output(struct run *run, int k, const char *path)
{
	struct stat	 st;

	run->outs[k] = path;
	if (path != NULL && stat(path, &st) == 0) {
		run->have_out[k] = true;
		run->out_dev[k] = st.st_dev;
		run->out_ino[k] = st.st_ino;
	}
}

static int
cmd_sum(const struct cli_args *args)
{
	struct run		 run;
	struct report		*r;
	struct stat		 st;
	struct input		*in;
	struct roster		*ro = NULL;
	struct roster_result	 rres;
	struct buf		 b;
	const char		*agency = cli_get(args, "agency");
	const char		*format = cli_get(args, "format");
	const char		*units_out = cli_get(args, "units");
	const char		*html = cli_get(args, "html");
	const char		*roster_path = cli_get(args, "roster");
	const char		*review_path = cli_get(args, "review");
	const char		*prev = cli_get(args, "prev");
	const char		*xlsx = cli_get(args, "xlsx");
	char			*err = NULL, **argv = args->argv;
	int			 i, rc, nin;
	size_t			 k;

	memset(&run, 0, sizeof run);
	memset(&rres, 0, sizeof rres);
	run.out = cli_get(args, "output");
	run.export_dir = cli_get(args, "export-units");
	run.skip_dups = cli_has(args, "skip-duplicates");
	run.inputs = (const char *const *)argv;
	if (format == NULL || strcmp(format, "text") == 0)
		run.fmt = FMT_TEXT;
	else if (strcmp(format, "csv") == 0)
		run.fmt = FMT_CSV;
	else if (strcmp(format, "units") == 0)
		run.fmt = FMT_UNITS;
	else
		return cli_usage_error("sum",
		    _("--format 只能是 text、csv 或 units，不是 “%s”"), format);
	if (cli_has(args, "mixed-years"))
		run.flags |= SUM_MIXED_YEARS;
	if (cli_has(args, "blank-as-zero"))
		run.flags |= SUM_BLANK_AS_ZERO;
	if (args->argc == 0)
		return cli_usage_error("sum", "%s",
		    _("请给出要汇总的报告文件或文件夹"));
	note_output(&run, OUT_SUM, run.out);
	note_output(&run, OUT_UNITS, units_out);
	note_output(&run, OUT_HTML, html);
	note_output(&run, OUT_REVIEW, review_path);
	note_output(&run, OUT_XLSX, xlsx);

	if (roster_path != NULL &&
	    (ro = roster_load(roster_path, &err)) == NULL) {
		cli_error("%s", err);
		free(err);
		return EXIT_TROUBLE;
	}
	if (review_path != NULL &&
	    (run.review = review_load(review_path, &err)) == NULL) {
		cli_error("%s", err);
		free(err);
		roster_free(ro);
		return EXIT_TROUBLE;
	}
	if (run.export_dir != NULL && mkdir(run.export_dir, 0777) == -1 &&
	    (errno != EEXIST || stat(run.export_dir, &st) == -1 ||
	    !S_ISDIR(st.st_mode))) {
		cli_error(_("%s: 无法建立文件夹：%s"), run.export_dir,
		    strerror(errno == EEXIST ? ENOTDIR : errno));
		roster_free(ro);
		review_free(run.review);
		return EXIT_TROUBLE;
	}

	/* Read each folder's names once, for the count and the walk. */
	nin = args->argc;
	in = xcalloc((size_t)nin, sizeof *in);
	for (i = 0; i < nin; i++) {
		in[i].arg = argv[i];
		if (stat(in[i].arg, &st) == 0 && S_ISDIR(st.st_mode)) {
			in[i].dir = true;
			if (read_folder(&in[i]) == -1) {
				cli_error(_("%s: 无法读取文件夹：%s"), in[i].arg,
				    strerror(errno));
				run.trouble = true;
			} else if (in[i].n == 0)
				cli_warn_at(in[i].arg, "%s",
				    _("文件夹中没有 .csv 文件"));
			else
				run.total += (int)in[i].n;
		} else
			run.total++;
	}

	run.sum = sum_new(run.flags);
	run.dups = dupset_new();
	if (run.fmt == FMT_UNITS || units_out != NULL || html != NULL ||
	    ro != NULL || run.review != NULL || xlsx != NULL)
		run.units = units_new(html != NULL || run.review != NULL ||
		    xlsx != NULL ? UNITS_KEEP_FINDINGS : 0);
	run.progress = isatty(STDERR_FILENO);
	run.stdout_tty = isatty(STDOUT_FILENO);
	now(&run.start);
	run.last = run.start;
	if (run.fmt == FMT_CSV)
		puts("unit,file,agency,status,rule,severity,key,label,message");
	for (i = 0; i < nin; i++) {
		size_t	 n = in[i].dir ? in[i].n : 1;

		for (k = 0; k < n; k++) {
			const char *dir = in[i].dir ? in[i].arg : NULL;
			const char *name = in[i].dir ? in[i].names[k] :
			    in[i].arg;
			char *path = join(dir, name);
			bool out = is_output(&run, path);

			if (out) {
				progress_clear(&run);
				cli_warn_at(path, "%s",
				    _("是汇总的输出文件，跳过"));
				run.total--;
			}
			free(path);
			if (out)
				continue;
			one_file(&run, run.done + 1, dir, name);
			run.done++;
			progress(&run);
		}
	}
	progress_clear(&run);

	r = sum_report(run.sum, agency);
	rc = report_sum(&run, r);
	if (run.nstatus[UNIT_ERROR] > 0 || run.nstatus[UNIT_INCOMPLETE] > 0)
		rc = EXIT_FINDINGS;
	if (run.units != NULL)
		units_rank(run.units);
	if (run.review != NULL) {
		review_finish(run.review, run.units);
		memset(&b, 0, sizeof b);
		review_csv(run.review, &b);
		b.len = show_strip(b.s, b.len);
		save_buf(&run, review_path, &b);
		free(b.s);
	}
	if (ro != NULL) {
		const char **ag = xcalloc((size_t)units_count(run.units) + 1,
		    sizeof *ag);
		int n = 0;

		for (i = 0; i < units_count(run.units); i++)
			if (units_get(run.units, i)->status != UNIT_UNREADABLE)
				ag[n++] = units_get(run.units, i)->agency;
		roster_match(ro, ag, n, &rres);
		free(ag);
		if (run.fmt == FMT_TEXT)
			roster_print(ro, &rres, n);
		else if (rres.nmissing > 0 || rres.nunknown > 0)
			cli_warn(_("名单上未报 %d 个单位，名单外的单位名称 %d 个"),
			    rres.nmissing, rres.nunknown);
		if (rres.nmissing > 0 && rc == 0)
			rc = EXIT_FINDINGS;
	}
	fflush(stdout);
	if (run.fmt == FMT_UNITS || units_out != NULL) {
		memset(&b, 0, sizeof b);
		units_csv(run.units, run.review != NULL, &b);
		b.len = show_strip(b.s, b.len);
		if (run.fmt == FMT_UNITS)
			fwrite(b.s, 1, b.len, stdout);
		if (units_out != NULL)
			save_buf(&run, units_out, &b);
		free(b.s);
	}
	if (html != NULL) {
		struct sumhtml	 page;
		struct buf	 safe = { 0 };

		memset(&page, 0, sizeof page);
		page.title = agency;
		page.units = run.units;
		page.total = r;
		page.roster = ro;
		page.rres = ro != NULL ? &rres : NULL;
		page.review = run.review != NULL;
		if (prev != NULL) {
			page.prev_count = prev_totals(prev, run.flags,
			    page.prev_fig, &page.prev_have);
			if (page.prev_count == -1) {
				cli_error(_("%s: 无法读取文件夹：%s"), prev,
				    strerror(errno));
				run.trouble = true;
			} else
				page.have_prev = true;
		}
		memset(&b, 0, sizeof b);
		sumhtml_render(&page, &b);
		/* controls from the units' files dropped, bidi controls as
		 * character references */
		safe.s = show_html(b.s, b.len, &safe.len);
		free(b.s);
		save_buf(&run, html, &safe);
		free(safe.s);
	}
	if (xlsx != NULL) {
		struct xlsx_job		 job = { run.units, r, run.review != NULL };
		struct safeio_out	 o = { 0644, 0, run.inputs };

		if (safeio_save_with(xlsx, fill_xlsx, &job, &o, &err) == -1) {
			cli_error("%s", err);
			free(err);
			err = NULL;
			run.trouble = true;
		}
	}
	if (run.out != NULL) {
		if (run.nstatus[UNIT_DUPLICATE] > 0 && !run.skip_dups)
			cli_error(_("%s: 有重复的报告，未写入汇总（用 "
			    "--skip-duplicates 只计第一份）"), run.out);
		else if (sum_count(run.sum) == 0) {
			cli_error(_("%s: 没有可汇总的报告，未写入"), run.out);
			run.trouble = true;
		} else if (csvio_save_from(r, run.out,
		    (const char *const *)argv, 0, &err) == -1) {
			cli_error("%s", err);
			free(err);
			run.trouble = true;
		} else if (run.fmt == FMT_TEXT) {
			printf(_("汇总结果已保存到 %s"), run.out);
			if (run.nstatus[UNIT_UNREADABLE] +
			    run.nstatus[UNIT_REFUSED] +
			    run.nstatus[UNIT_DUPLICATE] > 0)
				printf(_("（不含未能计入的 %d 份）"),
				    run.nstatus[UNIT_UNREADABLE] +
				    run.nstatus[UNIT_REFUSED] +
				    run.nstatus[UNIT_DUPLICATE]);
			putchar('\n');
		}
	}
	if (run.done == 0) {
		cli_error("%s", _("没有找到要汇总的报告"));
		run.trouble = true;
	}
	if (run.nstatus[UNIT_UNREADABLE] + run.nstatus[UNIT_REFUSED] > 0)
		cli_error(_("%d 份报告无法读取或未计入汇总"),
		    run.nstatus[UNIT_UNREADABLE] + run.nstatus[UNIT_REFUSED]);
	if (run.nstatus[UNIT_DUPLICATE] > 0 && !run.skip_dups)
		cli_error(_("%d 份报告与先前的文件重复"),
		    run.nstatus[UNIT_DUPLICATE]);
	report_free(r);
	sum_free(run.sum);
	units_free(run.units);
	dupset_free(run.dups);
	review_free(run.review);
	roster_result_fini(&rres);
	roster_free(ro);
	for (i = 0; i < nin; i++)
		input_fini(&in[i]);
	free(in);
	if (fflush(stdout) == EOF || ferror(stdout)) {
		cli_error(_("写入标准输出失败：%s"), strerror(errno));
		run.trouble = true;
	}
	return run.trouble ? EXIT_TROUBLE : rc;
}

static const struct cli_option options[] = {
	{ "output", 'o', N_("文件"), N_("把汇总结果保存为报告文件") },
	{ "agency", 'a', N_("名称"), N_("汇总报告的报告单位") },
	{ "format", 'f', "text|csv|units",
	    N_("检查结果的格式（csv 逐条列出问题；units 每个\n"
	    "单位一行，即单位汇总表）") },
	{ "units", 0, N_("文件"),
	    N_("另存单位汇总表（每个单位一行：状态、各规则的\n"
	    "问题数、主要数字、公开率等比率及排名）") },
	{ "html", 0, N_("文件"), N_("保存汇总页面（单个 HTML 文件，可离线打开）") },
	{ "xlsx", 0, N_("文件"),
	    N_("保存 Excel 工作簿：汇总、单位、问题清单三张表") },
	{ "roster", 0, N_("文件"),
	    N_("应报单位名单（每行一个单位），列出未报和\n"
	    "名单外的单位") },
	{ "review", 0, N_("文件"),
	    N_("核对表：保留核对人对每个问题的决定（待核、\n"
	    "已确认、已说明、忽略），每次运行后更新") },
	{ "prev", 0, N_("文件夹"), N_("上年度各单位的报告，页面显示同比变化") },
	{ "export-units", 0, N_("文件夹"),
	    N_("把每个单位的报告导出为 HTML，页面链接到它们") },
	{ "skip-duplicates", 0, NULL, N_("重复的报告只计第一份，跳过后来的") },
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
	    "金额按小数精确相加；文字部分不汇总，留空。同一单位同一年度的报告\n"
	    "出现两次时拒绝汇总，并指出两个文件。\n"),
	.options = options,
	.notes = N_("退出状态：0 全部完整无误；1 有单位有错误或未填完，或名单上有单位\n"
	    "未报；2 有文件无法读取、未能计入、重复，或结果无法保存。\n"),
	.run = cmd_sum,
};
