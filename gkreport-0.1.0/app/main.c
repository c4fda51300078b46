/* main.c: the program's entry: the list of commands, gkreport's own options
 * (the application), and the locale. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "cli.h"
#include "nls.h"

/* The commands, in the order gkreport --help lists them. */
static const struct cli_command *const commands[] = {
	&cmd_check_entry,
	&cmd_export_entry,
	&cmd_import_entry,
	&cmd_new_entry,
	&cmd_sum_entry,
	&cmd_diff_entry,
	NULL
};

static int
run_app(const struct cli_args *args)
{
	if (args->argc > 1)
		return cli_usage_error(NULL, "%s", _("一次只能打开一份报告"));
	return tui_main(args->argc == 1 ? args->argv[0] : NULL,
	    cli_has(args, "read-only"));
}

static const struct cli_option app_options[] = {
	{ "read-only", 'r', NULL, N_("只读打开报告") },
	{ NULL, 0, NULL, NULL }
};

static const struct cli_command app_entry = {
	.name = NULL,
	.usage = N_("[选项] [报告.csv]\n"
	    "　或：gkreport 命令 [选项] 文件..."),
	.about = N_("\n填写、检查和导出政府信息公开工作年度报告（2021 年格式）。\n"
	    "不带命令时打开报告进行编辑；文件不存在时新建报告。\n"),
	.options = app_options,
	.notes = N_("用 “gkreport 命令 --help” 查看各命令的用法。\n"
	    "退出状态：0 正常；1 报告有错误或空格；2 文件无法读取或用法错误。\n"),
	.run = run_app,
};

int
main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
#ifdef ENABLE_NLS
	/* GKREPORT_LOCALEDIR: catalogs from elsewhere (the build tree's
	 * locale/ in make check). */
	bindtextdomain(PACKAGE, getenv("GKREPORT_LOCALEDIR") != NULL &&
	    *getenv("GKREPORT_LOCALEDIR") != '\0' ?
	    getenv("GKREPORT_LOCALEDIR") : LOCALEDIR);
	textdomain(PACKAGE);
#endif
	return cli_main(&app_entry, commands, argc, argv);
}
