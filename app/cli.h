/*
 * cli.h: the subcommands and what they share (messages in the GNU style).
 *
 * Exit statuses: 0 fine, 1 the report has errors or empty cells (or the
 * command found what it looks for, as diff does), 2 trouble (bad usage, a
 * file that cannot be read or written).
 */
#ifndef GK_CLI_H
#define GK_CLI_H

#include <stdbool.h>

#define EXIT_FINDINGS	1
#define EXIT_TROUBLE	2

/* Each command gets argv with argv[0] the command's name. */
int	cmd_check(int, char **);
int	cmd_export(int, char **);
int	cmd_import(int, char **);
int	cmd_new(int, char **);
int	cmd_sum(int, char **);
int	cmd_diff(int, char **);
/* The application; path may be NULL (it then asks). */
int	tui_main(const char *path, bool readonly);

/* "gkreport: message" on stderr, printf-style, newline added. */
void	cli_error(const char *, ...) __attribute__((format(printf, 1, 2)));
/* "gkreport: warning: message" on stderr. */
void	cli_warn(const char *, ...) __attribute__((format(printf, 1, 2)));
/* "gkreport: WHERE: warning: message" on stderr (WHERE a file name). */
void	cli_warn_at(const char *where, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
/* A warning met while reading PATH, "PATH:LINE: message" (csvio_info), as
 * "gkreport: PATH:LINE: warning: message". */
void	cli_read_warning(const char *path, const char *w);
/* For a usage error: the message, then "Try 'gkreport CMD --help'". */
int	cli_usage_error(const char *cmd, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
/* Print --version (with the licence line) to stdout. */
void	cli_version(void);
/* Whether two paths name the same existing file (writing one would
 * destroy the other). */
bool	cli_same_file(const char *, const char *);

#endif
