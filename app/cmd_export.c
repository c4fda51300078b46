/*
 * cmd_export.c: `gkreport export`: a report as the spreadsheet for the
 * office head, the text to publish, the page for the website, and the other
 * formats of export.c's table (which --help and the messages list).
 */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "csvio.h"
#include "export.h"
#include "nls.h"
#include "rules.h"

/* An unknown --format: the names this build knows. */
static int
bad_format(const char *arg)
{
	char	*names = export_format_names(_("、"));
	int	 rc;

	rc = cli_usage_error("export", _("不认识的导出格式 “%s”（应为 %s）"),
	    arg, names);
	free(names);
	return rc;
}

/* What export is asked to do, from its options and arguments. */
struct export_job {
	const char	*in;
	const char	*out;	/* NULL: standard output */
	int		 fmt;
	int		 enc;
};

/* Read the options and the one argument into *job, refusing what cannot
 * be done before the report is read. -1 when the job can go on, or the
 * exit status. */
static int
export_job_of(const struct cli_args *args, struct export_job *job)
{
	const struct export_format_info	*fi;
	const char	*v;
	char		*names;
	int		 rc;

	job->in = NULL;
	job->out = cli_get(args, "output");
	job->fmt = -1;
	job->enc = EXPORT_UTF8;
	if ((v = cli_get(args, "format")) != NULL &&
	    (job->fmt = export_parse_format(v)) == -1)
		return bad_format(v);
	if ((v = cli_get(args, "encoding")) != NULL &&
	    (job->enc = export_parse_encoding(v)) == -1)
		return cli_usage_error("export",
		    _("不认识的编码 “%s”（应为 utf-8 或 gb18030）"), v);
	if (job->out != NULL && strcmp(job->out, "-") == 0)
		job->out = NULL;
	if (args->argc != 1)
		return cli_usage_error("export", "%s", args->argc == 0 ?
		    _("缺少要导出的报告文件") : _("一次只能导出一份报告"));
	job->in = args->argv[0];
	if (job->fmt == -1 && job->out != NULL)
		job->fmt = export_format_of_path(job->out);
	if (job->fmt == -1) {
		names = export_format_names(_("、"));
		rc = cli_usage_error("export",
		    _("请用 --format 指定导出格式：%s"), names);
		free(names);
		return rc;
	}
	fi = export_format_info(job->fmt);
	if (!fi->built) {
		cli_error(_("这个版本的 gkreport 没有 %s 导出"
		    "（构建时没有所需的库）"), fi->name);
		return EXIT_TROUBLE;
	}
	if (!export_takes_encoding(job->fmt, job->enc))
		return cli_usage_error("export",
		    _("%s总是 UTF-8 编码，不能用 --encoding=gb18030"),
		    _(fi->menu));
	if (job->out == NULL && fi->binary && isatty(STDOUT_FILENO))
		return cli_usage_error("export",
		    _("%s是二进制文件，不能写到终端：请用 -o 指定文件"),
		    _(fi->menu));
	if (job->out != NULL && cli_same_file(job->in, job->out))
		return cli_usage_error("export",
		    _("%s: 导出文件不能就是报告文件本身"), job->out);
	return -1;
}

static int
cmd_export(const struct cli_args *args)
{
	struct export_job	 job;
	struct csvio_info	 info;
	struct report		*r;
	struct findings		*fs;
	char			*err = NULL, *names;
	int			 i, rc;
	int			 nerror, nincomplete;

	if (cli_has(args, "list-formats")) {
		names = export_format_names("\n");
		printf("%s\n", names);
		free(names);
		return 0;
	}
	if ((rc = export_job_of(args, &job)) != -1)
		return rc;

	if ((r = csvio_load(job.in, &info, &err)) == NULL) {
		cli_error("%s", err);
		free(err);
		return EXIT_TROUBLE;
	}
	for (i = 0; i < info.nwarnings; i++)
		cli_read_warning(job.in, info.warnings[i]);
	csvio_info_free(&info);

	fs = rules_check(r, 0);
	if (fs->nerror > 0 || fs->nincomplete > 0) {
		if (cli_has(args, "strict")) {
			cli_error(_("%s: 报告有 %d 处错误、%d 处未填，"
			    "按 --strict 不导出；用 “gkreport check %s” 查看"),
			    job.in, fs->nerror, fs->nincomplete, job.in);
			findings_free(fs);
			report_free(r);
			return EXIT_FINDINGS;
		}
	}
	nerror = fs->nerror;
	nincomplete = fs->nincomplete;
	findings_free(fs);

	if (job.out != NULL)
		rc = export_save(r, job.fmt, job.enc, job.out, job.in, &err);
	else
		rc = export_write(r, job.fmt, job.enc, stdout, &err);
	report_free(r);
	if (rc == -1) {
		cli_error("%s", err);
		free(err);
		return EXIT_TROUBLE;
	}
	if (nerror > 0 || nincomplete > 0)
		cli_warn_at(job.in, _("报告有 %d 处错误、%d 处未填，仍已导出；"
		    "用 “gkreport check %s” 查看"), nerror, nincomplete,
		    job.in);
	return 0;
}

/* --help's list of formats, from the table. */
static void
formats_help(void)
{
	const struct export_format_info	*fi;
	int				 i;

	printf("\n%s\n", _("格式（扩展名）："));
	for (i = 0; i < EXPORT_NFORMATS; i++) {
		fi = export_format_info(i);
		printf("  %-6s %-6s %s%s\n", fi->name, fi->suffix, _(fi->help),
		    fi->built ? "" : _("（这个版本没有）"));
	}
}

static const struct cli_option options[] = {
	{ "format", 'f', N_("格式"),
	    N_("导出格式（见下）；不给时按 -o 文件的扩展名") },
	{ "encoding", 'e', N_("编码"),
	    N_("csv 和 text 的编码：utf-8（默认，csv 带 BOM）\n"
	    "或 gb18030（旧版 Excel、WPS）；其余总是 UTF-8") },
	{ "output", 'o', N_("文件"), N_("写入文件（先写临时文件，完成后替换）") },
	{ "strict", 0, NULL, N_("报告有错误或未填的格子时不导出") },
	{ "list-formats", 0, NULL,
	    N_("列出这个版本能导出的格式名，每行一个") },
	{ NULL, 0, NULL, NULL }
};

const struct cli_command cmd_export_entry = {
	.name = "export",
	.summary = N_("导出为 Excel 表格、可发布的文本或网页"),
	.usage = N_("[选项] 报告.csv"),
	.about = N_("把报告导出为表格、可发布的文本、网页等（格式见下）。\n"
	    "不带 -o 时写到标准输出。\n"),
	.options = options,
	.more_help = formats_help,
	.notes = N_("表格中以 = + - @（含全角）、制表符或回车开头的文字前加 '，\n"
	    "以免 Excel 把它当作公式。\n"
	    "报告有错误或未填的格子时照常导出，并在标准错误上说明。\n\n"
	    "退出状态：0 已导出；1 用了 --strict 而报告有错误或未填的格子；\n"
	    "2 文件无法读取或写入、用法错误。\n"),
	.run = cmd_export,
};
