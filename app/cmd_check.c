/*
 * cmd_check.c: `gkreport check`: the identities and the completeness of
 * one or many report files, for a clerk (text, grouped by section) or for
 * a county office's script (CSV, one record per finding).
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "csvio.h"
#include "csvout.h"
#include "nls.h"
#include "rules.h"
#include "year.h"

enum check_format {
	CF_TEXT,
	CF_CSV,
};

/* A section with more empty cells than this shows the first few only. */
#define EMPTY_SHOWN	5

static void
print_csv(const char *path, const struct findings *fs)
{
	struct buf	 keys = { NULL, 0, 0 };
	int		 i, j;

	for (i = 0; i < fs->n; i++) {
		const struct finding	*f = &fs->v[i];
		const char		*row[5];

		keys.len = 0;
		buf_add(&keys, "");
		for (j = 0; j < f->nfields; j++)
			buf_addf(&keys, "%s%s", j > 0 ? " " : "",
			    schema_field(f->fields[j])->key);
		row[0] = path;
		row[1] = f->rule;
		row[2] = severity_name(f->sev);
		row[3] = keys.s;
		row[4] = f->message;
		csv_row_out(stdout, row, 5, "\r\n");
	}
	free(keys.s);
}

static void
print_text(const char *path, const struct report *r,
    const struct findings *fs)
{
	const char	*group = NULL, *g, *note;
	int		 i, j, nempty = 0, shown = 0;

	for (i = 0; i < fs->n; i++) {
		const struct finding	*f = &fs->v[i];

		g = finding_group(f);
		if (group == NULL || strcmp(g, group) != 0) {
			if (group == NULL)
				printf("%s\n", path);
			printf("  %s\n", g);
			group = g;
			shown = nempty = 0;
			/* Count this group's empty cells once. */
			for (j = i; j < fs->n &&
			    strcmp(finding_group(&fs->v[j]), g) == 0; j++)
				if (fs->v[j].sev == SEV_INCOMPLETE)
					nempty++;
		}
		if (f->sev == SEV_INCOMPLETE && nempty > EMPTY_SHOWN) {
			if (shown++ < EMPTY_SHOWN - 1)
				printf("    %s  %s\n", severity_label(f->sev),
				    f->message);
			else if (shown == EMPTY_SHOWN)
				printf(_("    %s  ……另有 %d 项尚未填写"
				    "（共 %d 项）\n"), severity_label(f->sev),
				    nempty - (EMPTY_SHOWN - 1), nempty);
			continue;
		}
		printf("    %s  %s\n", severity_label(f->sev), f->message);
		if (f->note_key != NULL &&
		    (note = report_extra_get(r, f->note_key)) != NULL &&
		    *note != '\0')
			printf(_("          说明：%s\n"), note);
	}
	if (fs->nincomplete == 0 && fs->nerror == 0)
		printf(_("%s：已填全，无错误"), path);
	else
		printf(_("%s：%s，%s"), path,
		    fs->nincomplete == 0 ? _("已填全") : _("未填全"),
		    fs->nerror == 0 ? _("无错误") : _("有错误"));
	printf(_("（错误 %d 项，未填 %d 项，提示 %d 项）\n"), fs->nerror,
	    fs->nincomplete, fs->nwarning);
}

/* Check one file; returns its exit status. */
static int
check_one(const char *path, const struct report *last, int flags,
    enum check_format fmt)
{
	struct csvio_info	 info;
	struct report		*r;
	struct findings		*fs;
	char			*err;
	int			 i, status;

	if ((r = csvio_load(path, &info, &err)) == NULL) {
		cli_error("%s", err);
		free(err);
		return EXIT_TROUBLE;
	}
	for (i = 0; i < info.nwarnings; i++)
		cli_read_warning(path, info.warnings[i]);
	csvio_info_free(&info);
	if (last != NULL) {
		int64_t	 y, ly;

		if (report_value(r, F_YEAR, &y) &&
		    report_value(last, F_YEAR, &ly) && ly + 1 != y)
			fprintf(stderr, _("gkreport: %s: 警告：--prev 给出的是 "
			    "%lld 年的报告，而这份是 %lld 年的\n"), path,
			    (long long)ly, (long long)y);
		year_fill_prev(r, last);
	}
	fs = rules_check(r, flags);
	if (fmt == CF_CSV)
		print_csv(path, fs);
	else
		print_text(path, r, fs);
	status = fs->nerror > 0 || fs->nincomplete > 0 ? EXIT_FINDINGS : 0;
	findings_free(fs);
	report_free(r);
	return status;
}

static int
cmd_check(const struct cli_args *args)
{
	static char		 obuf[1 << 16];
	enum check_format	 fmt = CF_TEXT;
	struct csvio_info	 info;
	struct report		*last = NULL;
	const char		*prev = cli_get(args, "prev");
	const char		*format = cli_get(args, "format");
	char			*err;
	int			 i, flags = 0, status = 0, st;

	if (cli_has(args, "blank-as-zero"))
		flags |= RULES_BLANK_AS_ZERO;
	if (format == NULL || strcmp(format, "text") == 0)
		fmt = CF_TEXT;
	else if (strcmp(format, "csv") == 0)
		fmt = CF_CSV;
	else
		return cli_usage_error("check",
		    _("不认识的输出格式 “%s”（可用 text 或 csv）"), format);
	if (args->argc == 0)
		return cli_usage_error("check", "%s", _("没有给出要检查的报告文件"));
	if (prev != NULL) {
		if ((last = csvio_load(prev, &info, &err)) == NULL) {
			cli_error(_("%s（--prev 给出的上年报告）"), err);
			free(err);
			return EXIT_TROUBLE;
		}
		for (i = 0; i < info.nwarnings; i++)
			cli_read_warning(prev, info.warnings[i]);
		csvio_info_free(&info);
	}
	setvbuf(stdout, obuf, _IOFBF, sizeof obuf);
	if (fmt == CF_CSV)
		fputs("file,rule,severity,keys,message\r\n", stdout);
	for (i = 0; i < args->argc; i++) {
		st = check_one(args->argv[i], last, flags, fmt);
		if (st == EXIT_TROUBLE)
			fflush(stdout);
		if (st > status)
			status = st;
	}
	report_free(last);
	if (fflush(stdout) == EOF || ferror(stdout)) {
		cli_error("%s", _("无法写出检查结果"));
		return EXIT_TROUBLE;
	}
	return status;
}

static const struct cli_option options[] = {
	{ "prev", 0, N_("上年.csv"),
	    N_("用上年的报告文件填入“上年报告”（数字和文字），\n"
	    "检查上年结转（X1）、现行有效件数（X2）、\n"
	    "与上年相差悬殊（X3）和沿用上年文字（X4）") },
	{ "blank-as-zero", 0, NULL, N_("把空格子当作 0（不报“未填”）") },
	{ "format", 0, N_("格式"),
	    N_("text（默认，按表分组的说明）或\n"
	    "csv（file,rule,severity,keys,message，\n"
	    "每个问题一行，供汇总脚本使用）") },
	{ NULL, 0, NULL, NULL }
};

const struct cli_command cmd_check_entry = {
	.name = "check",
	.summary = N_("检查报告的勾稽关系与完整性"),
	.usage = N_("[选项] 报告.csv..."),
	.about = N_("检查报告的勾稽关系（表三每列、每行，表四每类）、数值格式和是否填全。\n"),
	.options = options,
	.notes = N_("问题分三级：错误（勾稽关系不成立、数值无效）、未填（必填的格子或\n"
	    "文字为空）、提示（与上年不衔接、文字可能漏写，可在报告中写说明）。\n"
	    "报告读取时的提醒（如按 GB18030 转换、不认识的键）写到标准错误。\n\n"
	    "退出状态：0 所有报告都已填全且没有错误（可以有提示）；\n"
	    "1 有报告存在错误或未填的格子；2 有文件无法读取或用法错误\n"
	    "（其余文件照常检查）。\n"),
	.run = cmd_check,
};
