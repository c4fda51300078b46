/*
 * cli.c: what the subcommands share: their options parsed in one place
 * from each command's entry (cli.h), the --help that is printed from the
 * same entry, --version, and the GNU-style messages on stderr.
 */
#include "config.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wchar.h>

#include "cli.h"
#include "nls.h"
#include "show.h"
#include "xmalloc.h"

/* --help and --version, which every command has, after its own options. */
static const struct cli_option common_options[] = {
	{ "help",	'h', NULL, N_("显示此帮助并退出") },
	{ "version",	'V', NULL, N_("显示版本信息并退出") },
	{ NULL, 0, NULL, NULL }
};

FILE	*cli_raw_err;
static FILE	*raw_out;	/* stdout before guard_streams, if guarded */

/* Everything a command prints goes through show_stream: what came from a
 * file (an agency, a text, a value, a file name) cannot drive the
 * terminal. export's standard output is the export itself, which drops
 * such characters as it is made. unguard_streams undoes it. */
static void
guard_streams(bool out)
{
	FILE	*fp;

	if ((fp = show_stream(STDERR_FILENO)) != NULL) {
		setvbuf(fp, NULL, _IONBF, 0);
		stderr = fp;
	}
	if (out && (fp = show_stream(STDOUT_FILENO)) != NULL) {
		fflush(stdout);
		setvbuf(fp, NULL, isatty(STDOUT_FILENO) ? _IOLBF : _IOFBF,
		    BUFSIZ);
		raw_out = stdout;
		stdout = fp;
	}
}

/* Close the guarded streams (flushing what they hold, freeing them) and
 * put the real ones back; the status, or EXIT_TROUBLE if the output could
 * not be written. */
static int
unguard_streams(int status)
{
	if (raw_out != NULL) {
		if (fclose(stdout) == EOF)
			status = EXIT_TROUBLE;
		stdout = raw_out;
		raw_out = NULL;
	}
	if (stderr != cli_raw_err) {
		fclose(stderr);
		stderr = cli_raw_err;
	}
	return status;
}

static void	vsay(const char *, const char *, const char *, va_list)
		    __attribute__((format(printf, 3, 0)));

/* One line on stderr: "gkreport: ", the place (when not NULL), the
 * label, the message. */
static void
vsay(const char *where, const char *label, const char *fmt, va_list ap)
{
	fputs("gkreport: ", stderr);
	if (where != NULL)
		fprintf(stderr, "%s: ", where);
	fputs(label, stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void
cli_error(const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vsay(NULL, "", fmt, ap);
	va_end(ap);
}

void
cli_warn(const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vsay(NULL, _("警告："), fmt, ap);
	va_end(ap);
}

void
cli_warn_at(const char *where, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vsay(where, _("警告："), fmt, ap);
	va_end(ap);
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

	va_start(ap, fmt);
	vsay(NULL, "", fmt, ap);
	va_end(ap);
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

/* Display columns of a UTF-8 string (its bytes if it does not decode). */
static int
columns(const char *s)
{
	wchar_t	 w[256];
	size_t	 n = mbstowcs(w, s, sizeof w / sizeof w[0]);
	int	 c;

	if (n == (size_t)-1 || n == sizeof w / sizeof w[0] ||
	    (c = wcswidth(w, n)) < 0)
		return (int)strlen(s);
	return c;
}

/* The left column of an option's line in --help: "  -o, --output=文件". */
static void
option_left(const struct cli_option *o, char *buf, size_t len)
{
	if (o->letter != 0)
		snprintf(buf, len, "  -%c, --%s%s%s", o->letter, o->name,
		    o->arg != NULL ? "=" : "", o->arg != NULL ? _(o->arg) : "");
	else
		snprintf(buf, len, "      --%s%s%s", o->name,
		    o->arg != NULL ? "=" : "", o->arg != NULL ? _(o->arg) : "");
}

/* One table of options, the help aligned at column col. */
static void
print_options(const struct cli_option *o, int col)
{
	const char	*h, *nl;
	char		 left[128];

	for (; o != NULL && o->name != NULL; o++) {
		option_left(o, left, sizeof left);
		printf("%s%*s", left, col - columns(left), "");
		for (h = _(o->help); (nl = strchr(h, '\n')) != NULL; h = nl + 1)
			printf("%.*s\n%*s", (int)(nl - h), h, col, "");
		printf("%s\n", h);
	}
}

static int
widest(const struct cli_option *o, int w)
{
	char	 left[128];
	int	 c;

	for (; o != NULL && o->name != NULL; o++) {
		option_left(o, left, sizeof left);
		if ((c = columns(left)) > w)
			w = c;
	}
	return w;
}

/* --help, all from the entry (and, for the program itself, the list of
 * commands). */
static void
help(const struct cli_command *cmd, const struct cli_command *const *list)
{
	int	 col;

	if (cmd->name != NULL)
		printf(_("用法：gkreport %s %s\n"), cmd->name, _(cmd->usage));
	else
		printf(_("用法：gkreport %s\n"), _(cmd->usage));
	fputs(_(cmd->about), stdout);
	if (list != NULL) {
		printf("\n%s\n", _("命令："));
		for (; *list != NULL; list++)
			printf("  %-8s %s\n", (*list)->name,
			    _((*list)->summary));
	}
	col = widest(common_options, widest(cmd->options, 0)) + 2;
	printf("\n%s\n", _("选项："));
	print_options(cmd->options, col);
	print_options(common_options, col);
	if (cmd->more_help != NULL)
		cmd->more_help();
	if (cmd->notes != NULL)
		printf("\n%s", _(cmd->notes));
}

/* The getopt_long tables for cmd: an option's val is its index in
 * cmd->options, plus 256, or its letter. */
static void
getopt_tables(const struct cli_command *cmd, struct option *longopts,
    char *shortopts)
{
	const struct cli_option	*o;
	int			 i = 0, k = 0, j;

	for (o = cmd->options; o != NULL && o->name != NULL; o++, i++) {
		longopts[i].name = o->name;
		longopts[i].has_arg = o->arg != NULL ? required_argument :
		    no_argument;
		longopts[i].flag = NULL;
		longopts[i].val = o->letter != 0 ? o->letter : 256 + i;
		if (o->letter != 0) {
			shortopts[k++] = o->letter;
			if (o->arg != NULL)
				shortopts[k++] = ':';
		}
	}
	for (j = 0; common_options[j].name != NULL; j++, i++) {
		longopts[i].name = common_options[j].name;
		longopts[i].has_arg = no_argument;
		longopts[i].flag = NULL;
		longopts[i].val = common_options[j].letter;
		shortopts[k++] = common_options[j].letter;
	}
	memset(&longopts[i], 0, sizeof longopts[i]);
	shortopts[k] = '\0';
}

/* The index in cmd->options of what getopt_long returned, or -1. */
static int
option_index(const struct cli_command *cmd, int c)
{
	int	 i;

	for (i = 0; cmd->options != NULL && cmd->options[i].name != NULL; i++)
		if (c == 256 + i ||
		    (cmd->options[i].letter != 0 && c == cmd->options[i].letter))
			return i;
	return -1;
}

/* Parse argv (argv[0] the command's name) by cmd's table and run it. */
static int
run(const struct cli_command *cmd, const struct cli_command *const *list,
    int argc, char **argv)
{
	struct option	 longopts[CLI_MAXOPTS + 3];
	char		 shortopts[2 * CLI_MAXOPTS + 3];
	struct cli_args	 args;
	int		 c, i;

	memset(&args, 0, sizeof args);
	args.cmd = cmd;
	for (i = 0; cmd->options != NULL && cmd->options[i].name != NULL; i++)
		;
	if (i > CLI_MAXOPTS)
		abort();	/* raise CLI_MAXOPTS */
	getopt_tables(cmd, longopts, shortopts);
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		if (c == 'h') {
			help(cmd, list);
			return 0;
		}
		if (c == 'V') {
			cli_version();
			return 0;
		}
		if ((i = option_index(cmd, c)) == -1)
			return cli_usage_error(cmd->name,
			    _("无法识别的选项或缺少参数：%s"), argv[optind - 1]);
		args.value[i] = cmd->options[i].arg != NULL ? optarg : "";
	}
	args.argc = argc - optind;
	args.argv = argv + optind;
	return cmd->run(&args);
}

int
cli_main(const struct cli_command *top, const struct cli_command *const *list,
    int argc, char **argv)
{
	const struct cli_command *const *c;

	cli_raw_err = stderr;
	if (argc > 1)
		for (c = list; *c != NULL; c++)
			if (strcmp(argv[1], (*c)->name) == 0) {
				guard_streams(*c != &cmd_export_entry);
				return unguard_streams(run(*c, NULL,
				    argc - 1, argv + 1));
			}
	return run(top, list, argc, argv);
}

/* The index of the option called name; a name not in the table is a bug. */
static int
named(const struct cli_args *args, const char *name)
{
	int	 i;

	for (i = 0; args->cmd->options != NULL &&
	    args->cmd->options[i].name != NULL; i++)
		if (strcmp(args->cmd->options[i].name, name) == 0)
			return i;
	fprintf(stderr, "gkreport: no option --%s in the table of %s\n", name,
	    args->cmd->name != NULL ? args->cmd->name : "gkreport");
	abort();
}

const char *
cli_get(const struct cli_args *args, const char *name)
{
	return args->value[named(args, name)];
}

bool
cli_has(const struct cli_args *args, const char *name)
{
	return args->value[named(args, name)] != NULL;
}
