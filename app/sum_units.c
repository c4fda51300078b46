/*
 * sum_units.c: the units of `gkreport sum` (cmd_sum.c): the inputs walked,
 * each one loaded, checked, its verdict printed and its figures added.
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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "csvout.h"
#include "csvio.h"
#include "export.h"
#include "nls.h"
#include "safeio.h"
#include "sum_int.h"
#include "xmalloc.h"

/* How many names of empty fields a unit's verdict shows before "等". */
#define EMPTY_SHOWN	3

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

void
sumrun_input_fini(struct input *in)
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

void
sumrun_csv_row(int unit, const char *file, const char *agency, enum unit_status st,
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
void
sumrun_findings(const struct findings *fs, bool skip_w1)
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
			sumrun_csv_row(unit, file, agency, st, "", "error", -1, why);
		for (i = 0; fs != NULL && i < fs->n; i++)
			sumrun_csv_row(unit, file, agency, st, fs->v[i].rule,
			    severity_name(fs->v[i].sev), fs->v[i].fields[0],
			    fs->v[i].message);
		for (i = 0; info != NULL && i < info->nwarnings; i++)
			sumrun_csv_row(unit, file, agency, st, "", "warning", -1,
			    info->warnings[i]);
		if (why == NULL && (fs == NULL || fs->n == 0) &&
		    (info == NULL || info->nwarnings == 0))
			sumrun_csv_row(unit, file, agency, st, "", "", -1, "");
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
		sumrun_findings(fs, false);
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

/* A file that could not be loaded: said, and kept as unreadable. err is
 * the loader's message, freed here. */
static void
unreadable(struct run *run, int unit, const char *path, char *err)
{
	size_t		 n = strlen(path);
	const char	*reason = strncmp(err, path, n) == 0 &&
	    err[n] == ':' ? err + n + 1 + strspn(err + n + 1, " ") : err;

	progress_clear(run);
	cli_error("%s", err);
	/* The message names the file already; the verdict does too. */
	report_unit(run, unit, path, NULL, UNIT_UNREADABLE, NULL, NULL,
	    reason);
	keep_unit(run, path, NULL, NULL, UNIT_UNREADABLE, reason);
	free(err);
	run->trouble = true;
}

/* The same agency and year as an earlier file: refused, or left out with
 * --skip-duplicates. */
static void
duplicate(struct run *run, int unit, const char *path, const char *agency,
    int year, const char *first, const struct report *r,
    const struct findings *fs, const struct csvio_info *info)
{
	char	*why;

	why = xasprintf(_("与 %s 是同一单位（%s）同一年度（%d）的报告，"
	    "未计入汇总"), first, agency, year);
	progress_clear(run);
	if (run->skip_dups)
		cli_warn_at(path, "%s", why);
	else {
		cli_error("%s: %s", path, why);
		run->trouble = true;
	}
	report_unit(run, unit, path, agency, UNIT_DUPLICATE, fs, info, why);
	keep_unit(run, path, r, fs, UNIT_DUPLICATE, why);
	free(why);
}

/* A unit added: its verdict, its row and, with --export-units, its page. */
static void
added(struct run *run, int unit, const char *path, const char *agency,
    enum unit_status st, const struct report *r, const struct findings *fs,
    const struct csvio_info *info)
{
	struct unit	*un;
	char		*to, *err = NULL;

	report_unit(run, unit, path, agency, st, fs, info, NULL);
	un = keep_unit(run, path, r, fs, st, NULL);
	if (run->export_dir == NULL)
		return;
	to = export_path(run, path);
	if (export_save(r, EXPORT_HTML, EXPORT_UTF8, to, path, &err) == -1) {
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

/* Load, check, print and add one file; then forget it. */
static void
one_file(struct run *run, int unit, const char *dir, const char *name)
{
	struct csvio_info	 info;
	struct report		*r;
	struct findings		*fs;
	enum unit_status	 st;
	const char		*agency, *fdir, *fname;
	char			*err = NULL, *path = join(dir, name);
	char			*first = NULL;
	int64_t			 year = 0;

	memset(&info, 0, sizeof info);
	if ((r = csvio_load(path, &info, &err)) == NULL) {
		unreadable(run, unit, path, err);
		free(path);
		csvio_info_free(&info);
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
		duplicate(run, unit, path, agency, (int)year, first, r, fs,
		    &info);
	} else if (sum_add(run->sum, r, &err) == -1) {
		report_unit(run, unit, path, agency, UNIT_REFUSED, fs, &info,
		    err);
		keep_unit(run, path, r, fs, UNIT_REFUSED, err);
		free(err);
		run->trouble = true;
	} else
		added(run, unit, path, agency, st, r, fs, &info);
	free(first);
	findings_free(fs);
	csvio_info_free(&info);
	report_free(r);
	free(path);
}

/* Last year's totals: a quiet sum of the folder's reports, a second
 * report of the same agency and year left out (as --skip-duplicates does
 * for this year's: a unit sent twice must not count twice in the change
 * against last year). The number of units added, or -1 when the folder
 * cannot be read. */
int
sumrun_prev_totals(const char *dir, int flags, int64_t fig[UNITS_NFIGS],
    uint64_t *have, int *ndup)
{
	struct input	 in;
	struct sum	*s = sum_new(flags);
	struct dupset	*dups = dupset_new();
	struct report	*r;
	const char	*agency, *fdir, *fname;
	char		*path, *err = NULL;
	int64_t		 year;
	size_t		 i;
	int		 n;

	*ndup = 0;
	memset(&in, 0, sizeof in);
	in.arg = dir;
	if (read_folder(&in) == -1) {
		dupset_free(dups);
		sum_free(s);
		return -1;
	}
	for (i = 0; i < in.n; i++) {
		path = join(dir, in.names[i]);
		if ((r = csvio_load(path, NULL, &err)) == NULL) {
			free(err);
			err = NULL;
			free(path);
			continue;
		}
		agency = report_get(r, F_AGENCY);
		if (agency != NULL && report_value(r, F_YEAR, &year) &&
		    dupset_check(dups, agency, (int)year, dir, in.names[i],
		    &fdir, &fname))
			(*ndup)++;
		else if (sum_add(s, r, &err) == -1) {
			free(err);
			err = NULL;
		}
		report_free(r);
		free(path);
	}
	r = sum_report(s, NULL);
	units_figures(r, fig, have);
	n = sum_count(s);
	report_free(r);
	sum_free(s);
	dupset_free(dups);
	sumrun_input_fini(&in);
	return n;
}

/* The operands, each folder's names read once (for the count and the
 * walk); run->total counts the files. */
struct input *
sumrun_gather(struct run *run, char **argv, int nin)
{
	struct input	*in = xcalloc((size_t)nin, sizeof *in);
	struct stat	 st;
	int		 i;

	for (i = 0; i < nin; i++) {
		in[i].arg = argv[i];
		if (stat(in[i].arg, &st) == 0 && S_ISDIR(st.st_mode)) {
			in[i].dir = true;
			if (read_folder(&in[i]) == -1) {
				cli_error(_("%s: 无法读取文件夹：%s"), in[i].arg,
				    safeio_why(errno));
				run->trouble = true;
			} else if (in[i].n == 0)
				cli_warn_at(in[i].arg, "%s",
				    _("文件夹中没有 .csv 文件"));
			else
				run->total += (int)in[i].n;
		} else
			run->total++;
	}
	return in;
}

/* Read every input in turn, skipping the run's own outputs. */
void
sumrun_walk(struct run *run, const struct input *in, int nin)
{
	size_t	 k, n;
	int	 i;

	run->sum = sum_new(run->flags);
	run->dups = dupset_new();
	if (run->fmt == FMT_UNITS || run->units_out != NULL ||
	    run->html != NULL || run->ro != NULL || run->review != NULL ||
	    run->xlsx != NULL)
		run->units = units_new(run->html != NULL ||
		    run->review != NULL || run->xlsx != NULL ?
		    UNITS_KEEP_FINDINGS : 0);
	run->progress = isatty(STDERR_FILENO);
	run->stdout_tty = isatty(STDOUT_FILENO);
	now(&run->start);
	run->last = run->start;
	if (run->fmt == FMT_CSV)
		puts("unit,file,agency,status,rule,severity,key,label,message");
	for (i = 0; i < nin; i++) {
		n = in[i].dir ? in[i].n : 1;
		for (k = 0; k < n; k++) {
			const char *dir = in[i].dir ? in[i].arg : NULL;
			const char *name = in[i].dir ? in[i].names[k] :
			    in[i].arg;
			char *path = join(dir, name);
			bool out = is_output(run, path);

			if (out) {
				progress_clear(run);
				cli_warn_at(path, "%s",
				    _("是汇总的输出文件，跳过"));
				run->total--;
			}
			free(path);
			if (out)
				continue;
			one_file(run, run->done + 1, dir, name);
			run->done++;
			progress(run);
		}
	}
	progress_clear(run);
}
