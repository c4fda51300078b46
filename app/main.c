/* main.c: arguments, subcommand dispatch and the GNU-style --help/--version. */
#include "config.h"

#include <getopt.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "nls.h"

static const struct command {
	const char	*name;
	int		(*run)(int, char **);
	const char	*summary;
} commands[] = {
	{ "check",  cmd_check,  N_("检查报告的勾稽关系与完整性") },
	{ "export", cmd_export, N_("导出为 Excel 表格、可发布的文本或网页") },
	{ "import", cmd_import, N_("读取已发布报告的文本，生成报告文件") },
	{ "new",    cmd_new,    N_("以上年报告为底，开始新一年度的报告") },
	{ "sum",    cmd_sum,    N_("汇总多个单位的报告") },
	{ "diff",   cmd_diff,   N_("比较两份报告（双人录入核对、与上年对比）") },
};

void
cli_error(const char *fmt, ...)
{
	va_list	 ap;

	fputs("gkreport: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void
cli_warn(const char *fmt, ...)
{
	va_list	 ap;

	fprintf(stderr, "gkreport: %s", _("警告："));
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void
cli_warn_at(const char *where, const char *fmt, ...)
{
	va_list	 ap;

	fprintf(stderr, "gkreport: %s: %s", where, _("警告："));
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void
cli_read_warning(const char *path, const char *w)
{
	size_t		 n = strlen(path);
	const char	*msg = w;

	if (strncmp(w, path, n) == 0 && w[n] == ':') {
		msg = w + n + 1;
		msg += strspn(msg, "0123456789");
		if (*msg == ':')
			msg++;
		if (*msg == ' ')
			msg++;
	}
	fprintf(stderr, "gkreport: %.*s%s%s\n", (int)(msg - w), w,
	    _("警告："), msg);
}

int
cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list	 ap;

	fputs("gkreport: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (cmd != NULL)
		fprintf(stderr, _("用 “gkreport %s --help” 查看用法。\n"), cmd);
	else
		fputs(_("用 “gkreport --help” 查看用法。\n"), stderr);
	return EXIT_TROUBLE;
}

bool
cli_same_file(const char *a, const char *b)
{
	struct stat	 sa, sb;

	return stat(a, &sa) == 0 && stat(b, &sb) == 0 &&
	    sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

void
cli_version(void)
{
	printf("gkreport %s\n", PACKAGE_VERSION);
	puts("Copyright (C) 2026 the gkreport authors.");
	puts(_("许可证 GPLv3+：GNU GPL 第 3 版或更新版本 <https://gnu.org/licenses/gpl.html>。"));
	puts(_("本软件是自由软件：您可以自由修改和再发布。在法律允许的范围内，不提供任何担保。"));
}

static void
usage(void)
{
	size_t	 i;

	printf(_("用法：gkreport [选项] [报告.csv]\n"
	    "　或：gkreport 命令 [选项] 文件...\n\n"
	    "填写、检查和导出政府信息公开工作年度报告（2021 年格式）。\n"
	    "不带命令时打开报告进行编辑；文件不存在时新建报告。\n\n"
	    "命令：\n"));
	for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
		printf("  %-8s %s\n", commands[i].name, _(commands[i].summary));
	printf(_("\n选项：\n"
	    "  -r, --read-only  只读打开报告\n"
	    "  -h, --help       显示此帮助并退出\n"
	    "  -V, --version    显示版本信息并退出\n\n"
	    "用 “gkreport 命令 --help” 查看各命令的用法。\n"
	    "退出状态：0 正常；1 报告有错误或空格；2 文件无法读取或用法错误。\n"));
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help",	no_argument, NULL, 'h' },
		{ "version",	no_argument, NULL, 'V' },
		{ "read-only",	no_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	size_t	 i;
	int	 c;
	bool	 readonly = false;

	setlocale(LC_ALL, "");
#ifdef ENABLE_NLS
	/* GKREPORT_LOCALEDIR: catalogs from elsewhere (the build tree's
	 * locale/ in make check). */
	bindtextdomain(PACKAGE, getenv("GKREPORT_LOCALEDIR") != NULL &&
	    *getenv("GKREPORT_LOCALEDIR") != '\0' ?
	    getenv("GKREPORT_LOCALEDIR") : LOCALEDIR);
	textdomain(PACKAGE);
#endif
	if (argc > 1) {
		for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
			if (strcmp(argv[1], commands[i].name) == 0)
				return commands[i].run(argc - 1, argv + 1);
	}
	opterr = 0;
	while ((c = getopt_long(argc, argv, "hVr", longopts, NULL)) != -1) {
		switch (c) {
		case 'h':
			usage();
			return 0;
		case 'V':
			cli_version();
			return 0;
		case 'r':
			readonly = true;
			break;
		default:
			return cli_usage_error(NULL,
			    _("无法识别的选项或缺少参数：%s"), argv[optind - 1]);
		}
	}
	if (argc - optind > 1)
		return cli_usage_error(NULL, "%s", _("一次只能打开一份报告"));
	return tui_main(optind < argc ? argv[optind] : NULL, readonly);
}
