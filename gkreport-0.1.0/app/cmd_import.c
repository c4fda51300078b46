/*
 * cmd_import.c: `gkreport import`: a published report's text (copied out
 * of last year's PDF or web page) made into a report file, saying line by
 * line what was guessed and what could not be read.
 */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "csvio.h"
#include "safeio.h"
#include "import.h"
#include "nls.h"
#include "rules.h"
#include "xmalloc.h"

/* NAME.txt -> NAME.csv beside it. Caller frees. */
static char *
default_output(const char *in)
{
	const char	*slash = strrchr(in, '/');
	const char	*dot = strrchr(in, '.');

	if (dot != NULL && (slash == NULL || dot > slash + 1))
		return xasprintf("%.*s.csv", (int)(dot - in), in);
	return xasprintf("%s.csv", in);
}

/* The log on stderr, GNU style: gkreport: FILE:LINE: message. */
static void
print_log(const char *in, const struct import_log *log)
{
	int	 i;

	for (i = 0; i < log->n; i++) {
		const struct import_msg	*m = &log->v[i];

		if (m->line > 0)
			cli_error("%s:%d: %s：%s", in, m->line,
			    import_level_label(m->level), m->text);
		else
			cli_error("%s: %s：%s", in,
			    import_level_label(m->level), m->text);
	}
	if (log->nhidden > 0)
		cli_error(_("%s: 另有 %d 条说明未列出（只列出前 %d 条）"), in,
		    log->nhidden, IMPORT_KEEP);
}

static int
cmd_import(const struct cli_args *args)
{
	struct import_log	 log;
	struct report		*r;
	struct findings		*fs;
	struct stat		 st;
	const char		*in;
	char			*out = NULL, *err = NULL;
	bool			 force = cli_has(args, "force");
	int			 rc = 0;

	if (args->argc != 1)
		return cli_usage_error("import", "%s", args->argc == 0 ?
		    _("缺少要读取的已发布报告文字（.txt）") :
		    _("一次只能读取一份已发布报告"));
	in = args->argv[0];
	out = cli_has(args, "output") ? xstrdup(cli_get(args, "output")) :
	    default_output(in);
	if (cli_same_file(in, out)) {
		rc = cli_usage_error("import",
		    _("%s: 报告文件不能就是要读取的文字文件本身"), out);
		free(out);
		return rc;
	}
	if (!force && stat(out, &st) == 0) {
		cli_error(_("%s: 文件已存在，没有覆盖；要覆盖请加 --force，"
		    "或用 -o 指定另一个文件"), out);
		free(out);
		return EXIT_TROUBLE;
	}

	r = import_load(in, &log, &err);
	print_log(in, &log);
	if (r == NULL) {
		cli_error("%s", err);
		free(err);
		import_log_free(&log);
		free(out);
		return EXIT_TROUBLE;
	}
	if (csvio_save_from(r, out, (const char *[]){ in, NULL },
	    force ? SAFEIO_FORCE : SAFEIO_NEW, &err) == -1) {
		cli_error("%s", err);
		free(err);
		report_free(r);
		import_log_free(&log);
		free(out);
		return EXIT_TROUBLE;
	}
	fs = rules_check(r, 0);
	printf(_("已从 %s 生成 %s：猜测 %d 处，警告 %d 处（见上面逐行说明）；"
	    "检查：错误 %d 项，未填 %d 项，提示 %d 项%s\n"), in, out,
	    log.nguess, log.nwarn, fs->nerror, fs->nincomplete, fs->nwarning,
	    fs->nerror > 0 || fs->nincomplete > 0 ?
	    _("，请打开报告核对或用 gkreport check 查看") : "");
	findings_free(fs);
	report_free(r);
	import_log_free(&log);
	free(out);
	return 0;
}

static const struct cli_option options[] = {
	{ "output", 'o', N_("文件"),
	    N_("写入的报告文件（默认：与文字文件同名、\n"
	    "扩展名为 .csv，放在同一文件夹）") },
	{ "force", 0, NULL, N_("报告文件已存在时覆盖（旧文件留作 文件~）") },
	{ NULL, 0, NULL, NULL }
};

const struct cli_command cmd_import_entry = {
	.name = "import",
	.summary = N_("读取已发布报告的文本，生成报告文件"),
	.usage = N_("[选项] 已发布报告.txt"),
	.about = N_("读取已发布的政府信息公开工作年度报告的文字（从 PDF 或网页复制），\n"
	    "生成报告文件。文字可以是 UTF-8 或 GB18030（GBK）编码。\n"),
	.options = options,
	.notes = N_("标题行给出报告单位和年度，说明统计期限的句子给出起止日期。\n"
	    "行名按标准写法核对（全角半角、空格、引号不计），旧的或截短的\n"
	    "写法照样读取；凡是猜测、补 0、留空的地方，都在标准错误上逐行\n"
	    "说明（文件:行号: 说明）。读完后按检查规则核对一遍。\n\n"
	    "退出状态：0 已生成报告（可能有猜测或检查发现的问题，均已说明）；\n"
	    "2 文字无法作为报告读取（没有表格、有读不了的行）、文件无法写入\n"
	    "或用法错误。\n"),
	.run = cmd_import,
};
