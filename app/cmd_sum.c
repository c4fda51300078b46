/*
 * cmd_sum.c: `gkreport sum`, the county office's command: check the
 * reports of many units and add them up into one.
 *
 * Here: the options, the steps of a run (parse, open the roster and the
 * review sheet, gather the inputs, walk them, write the outputs), the
 * sum's own findings and every output file. The units themselves (the
 * inputs streamed one report at a time, duplicates, each unit's verdict)
 * are in sum_units.c; what both share is in sum_int.h.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "csvio.h"
#include "nls.h"
#include "safeio.h"
#include "show.h"
#include "sum_int.h"
#include "sumhtml.h"
#include "xmalloc.h"

/* The run's summary in text: the units by status, then the sum's own
 * verdict (its identities, the cells left empty or counted as 0). */
static void
text_summary(const struct run *run, const struct report *r,
    const struct findings *cells, int nempty, int ninvalid)
{
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
		sumrun_findings(cells, true);
	}
}

/* Check the sum: its identities and its figures. Texts and particulars
 * are left empty on purpose, so their W1/W3/W4 are not findings here. */
static int
report_sum(struct run *run, const struct report *r)
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
			sumrun_csv_row(0, run->out, report_get(r, F_AGENCY), st,
			    cells->v[i].rule, severity_name(cells->v[i].sev),
			    cells->v[i].fields[0], cells->v[i].message);
		if (cells->n == 0)
			sumrun_csv_row(0, run->out, report_get(r, F_AGENCY), st, "", "",
			    -1, "");
	} else if (run->fmt == FMT_TEXT)
		text_summary(run, r, cells, nempty, ninvalid);
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

/* The workbook (units_xlsx_write), written into the atomic writer's
 * temporary file. */
static int
fill_xlsx(int fd, const char *tmppath, void *arg, char **why)
{
	const struct xlsx_job	*j = arg;

	(void)fd;
	return units_xlsx_write(j->units, j->total, j->review, tmppath, why);
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

/* The options of one run: the format, the flags and the files it writes.
 * 0, or the exit status of a usage error. */
static int
parse_options(struct run *run, const struct cli_args *args)
{
	const char	*format = cli_get(args, "format");

	run->agency = cli_get(args, "agency");
	run->units_out = cli_get(args, "units");
	run->html = cli_get(args, "html");
	run->roster_path = cli_get(args, "roster");
	run->review_path = cli_get(args, "review");
	run->prev = cli_get(args, "prev");
	run->xlsx = cli_get(args, "xlsx");
	run->out = cli_get(args, "output");
	run->export_dir = cli_get(args, "export-units");
	run->skip_dups = cli_has(args, "skip-duplicates");
	run->inputs = (const char *const *)args->argv;
	if (format == NULL || strcmp(format, "text") == 0)
		run->fmt = FMT_TEXT;
	else if (strcmp(format, "csv") == 0)
		run->fmt = FMT_CSV;
	else if (strcmp(format, "units") == 0)
		run->fmt = FMT_UNITS;
	else
		return cli_usage_error("sum",
		    _("--format 只能是 text、csv 或 units，不是 “%s”"), format);
	if (cli_has(args, "mixed-years"))
		run->flags |= SUM_MIXED_YEARS;
	if (cli_has(args, "blank-as-zero"))
		run->flags |= SUM_BLANK_AS_ZERO;
	if (args->argc == 0)
		return cli_usage_error("sum", "%s",
		    _("请给出要汇总的报告文件或文件夹"));
	note_output(run, OUT_SUM, run->out);
	note_output(run, OUT_UNITS, run->units_out);
	note_output(run, OUT_HTML, run->html);
	note_output(run, OUT_REVIEW, run->review_path);
	note_output(run, OUT_XLSX, run->xlsx);
	return 0;
}

/* What the run needs before the first unit: the roster, the review sheet
 * and the export folder. 0, or EXIT_TROUBLE with the cause said and
 * nothing left open. */
static int
open_aids(struct run *run)
{
	struct stat	 st;
	char		*err = NULL;

	if (run->roster_path != NULL &&
	    (run->ro = roster_load(run->roster_path, &err)) == NULL) {
		cli_error("%s", err);
		free(err);
		return EXIT_TROUBLE;
	}
	if (run->review_path != NULL &&
	    (run->review = review_load(run->review_path, &err)) == NULL) {
		cli_error("%s", err);
		free(err);
		roster_free(run->ro);
		return EXIT_TROUBLE;
	}
	if (run->export_dir != NULL && mkdir(run->export_dir, 0777) == -1 &&
	    (errno != EEXIST || stat(run->export_dir, &st) == -1 ||
	    !S_ISDIR(st.st_mode))) {
		cli_error(_("%s: 无法建立文件夹：%s"), run->export_dir,
		    safeio_why(errno == EEXIST ? ENOTDIR : errno));
		roster_free(run->ro);
		review_free(run->review);
		return EXIT_TROUBLE;
	}
	return 0;
}

/* The review sheet, updated with this run's findings. */
static void
write_review(struct run *run)
{
	struct buf	 b;

	review_finish(run->review, run->units);
	memset(&b, 0, sizeof b);
	review_csv(run->review, &b);
	b.len = show_strip(b.s, b.len);
	save_buf(run, run->review_path, &b);
	free(b.s);
}

/* The units against the roster, into run->rres; rc raised to
 * EXIT_FINDINGS when a unit on it did not report. */
static void
check_roster(struct run *run, int *rc)
{
	const char	**ag = xcalloc((size_t)units_count(run->units) + 1,
			    sizeof *ag);
	int		  i, n = 0;

	for (i = 0; i < units_count(run->units); i++)
		if (units_get(run->units, i)->status != UNIT_UNREADABLE)
			ag[n++] = units_get(run->units, i)->agency;
	roster_match(run->ro, ag, n, &run->rres);
	free(ag);
	if (run->fmt == FMT_TEXT)
		roster_print(run->ro, &run->rres, n);
	else if (run->rres.nmissing > 0 || run->rres.nunknown > 0)
		cli_warn(_("名单上未报 %d 个单位，名单外的单位名称 %d 个"),
		    run->rres.nmissing, run->rres.nunknown);
	if (run->rres.nmissing > 0 && *rc == 0)
		*rc = EXIT_FINDINGS;
}

/* The units table, on stdout (--format=units) and/or in its file. */
static void
write_units(struct run *run)
{
	struct buf	 b;

	memset(&b, 0, sizeof b);
	units_csv(run->units, run->review != NULL, &b);
	b.len = show_strip(b.s, b.len);
	if (run->fmt == FMT_UNITS)
		fwrite(b.s, 1, b.len, stdout);
	if (run->units_out != NULL)
		save_buf(run, run->units_out, &b);
	free(b.s);
}

/* The page of --html, with last year's totals when --prev is given. */
static void
write_html(struct run *run, const struct report *total)
{
	struct sumhtml	 page;
	struct buf	 b, safe = { 0 };
	int		 ndup = 0;

	memset(&page, 0, sizeof page);
	page.title = run->agency;
	page.units = run->units;
	page.total = total;
	page.roster = run->ro;
	page.rres = run->ro != NULL ? &run->rres : NULL;
	page.review = run->review != NULL;
	if (run->prev != NULL) {
		page.prev_count = sumrun_prev_totals(run->prev, run->flags,
		    page.prev_fig, &page.prev_have, &ndup);
		if (page.prev_count == -1) {
			cli_error(_("%s: 无法读取文件夹：%s"), run->prev,
			    safeio_why(errno));
			run->trouble = true;
		} else
			page.have_prev = true;
		if (ndup > 0)
			cli_warn_at(run->prev, _("上年的文件夹中有 %d 份重复的报告"
			    "（同一单位、同一年度），只计第一份"), ndup);
	}
	memset(&b, 0, sizeof b);
	sumhtml_render(&page, &b);
	/* controls from the units' files dropped, bidi controls as
	 * character references */
	safe.s = show_html(b.s, b.len, &safe.len);
	free(b.s);
	save_buf(run, run->html, &safe);
	free(safe.s);
}

/* The workbook of --xlsx, by the atomic writer. */
static void
write_xlsx(struct run *run, const struct report *total)
{
	struct xlsx_job		 job = { run->units, total, run->review != NULL };
	struct safeio_out	 o = { 0644, 0, run->inputs };
	char			*err = NULL;

	if (safeio_save_with(run->xlsx, fill_xlsx, &job, &o, &err) == -1) {
		cli_error("%s", err);
		free(err);
		run->trouble = true;
	}
}

/* The sum as a report file (-o), unless a duplicate or nothing to add
 * stops it. */
static void
write_sum(struct run *run, const struct report *total)
{
	char	*err = NULL;
	int	 left_out = run->nstatus[UNIT_UNREADABLE] +
		    run->nstatus[UNIT_REFUSED] + run->nstatus[UNIT_DUPLICATE];

	if (run->nstatus[UNIT_DUPLICATE] > 0 && !run->skip_dups)
		cli_error(_("%s: 有重复的报告，未写入汇总（用 "
		    "--skip-duplicates 只计第一份）"), run->out);
	else if (sum_count(run->sum) == 0) {
		cli_error(_("%s: 没有可汇总的报告，未写入"), run->out);
		run->trouble = true;
	} else if (csvio_save_from(total, run->out, run->inputs, 0,
	    &err) == -1) {
		cli_error("%s", err);
		free(err);
		run->trouble = true;
	} else if (run->fmt == FMT_TEXT) {
		printf(_("汇总结果已保存到 %s"), run->out);
		if (left_out > 0)
			printf(_("（不含未能计入的 %d 份）"), left_out);
		putchar('\n');
	}
}

/* The last words on stderr: nothing read, units left out, duplicates. */
static void
say_trouble(struct run *run)
{
	if (run->done == 0) {
		cli_error("%s", _("没有找到要汇总的报告"));
		run->trouble = true;
	}
	if (run->nstatus[UNIT_UNREADABLE] + run->nstatus[UNIT_REFUSED] > 0)
		cli_error(_("%d 份报告无法读取或未计入汇总"),
		    run->nstatus[UNIT_UNREADABLE] + run->nstatus[UNIT_REFUSED]);
	if (run->nstatus[UNIT_DUPLICATE] > 0 && !run->skip_dups)
		cli_error(_("%d 份报告与先前的文件重复"),
		    run->nstatus[UNIT_DUPLICATE]);
}

/* The sum and its findings, then every output asked for, in the order the
 * clerk reads them. The exit status before trouble is counted. */
static int
write_outputs(struct run *run, const struct report *total)
{
	int	 rc;

	rc = report_sum(run, total);
	if (run->nstatus[UNIT_ERROR] > 0 || run->nstatus[UNIT_INCOMPLETE] > 0)
		rc = EXIT_FINDINGS;
	if (run->units != NULL)
		units_rank(run->units);
	if (run->review != NULL)
		write_review(run);
	if (run->ro != NULL)
		check_roster(run, &rc);
	fflush(stdout);
	if (run->fmt == FMT_UNITS || run->units_out != NULL)
		write_units(run);
	if (run->html != NULL)
		write_html(run, total);
	if (run->xlsx != NULL)
		write_xlsx(run, total);
	if (run->out != NULL)
		write_sum(run, total);
	say_trouble(run);
	return rc;
}

static int
cmd_sum(const struct cli_args *args)
{
	struct run	 run;
	struct report	*r;
	struct input	*in;
	int		 i, rc, nin = args->argc;

	memset(&run, 0, sizeof run);
	if ((rc = parse_options(&run, args)) != 0 ||
	    (rc = open_aids(&run)) != 0)
		return rc;
	in = sumrun_gather(&run, args->argv, nin);
	sumrun_walk(&run, in, nin);
	r = sum_report(run.sum, run.agency);
	rc = write_outputs(&run, r);
	report_free(r);
	sum_free(run.sum);
	units_free(run.units);
	dupset_free(run.dups);
	review_free(run.review);
	roster_result_fini(&run.rres);
	roster_free(run.ro);
	for (i = 0; i < nin; i++)
		sumrun_input_fini(&in[i]);
	free(in);
	if (fflush(stdout) == EOF || ferror(stdout)) {
		cli_error(_("写入标准输出失败：%s"), safeio_why(errno));
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
