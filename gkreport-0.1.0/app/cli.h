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
#include <stdio.h>

#define EXIT_FINDINGS	1
#define EXIT_TROUBLE	2

/*
 * A command is one entry: its name, the line in `gkreport --help`, its
 * synopsis, its text for `gkreport NAME --help`, its options and the
 * function that runs it. cli_main() parses the options from the table,
 * once, for every command (--help and --version are added), prints the
 * help from it and says "unknown option" the same way everywhere; the
 * man page's synopsis is checked against --help (tests/e2e/cli.sh).
 * Adding a command: doc/HACKING.
 */
#define CLI_MAXOPTS	16	/* options of one command, besides -h, -V */

struct cli_option {
	const char	*name;		/* --name */
	char		 letter;	/* -x, or 0 for a long option only */
	const char	*arg;		/* N_(): its argument as --help names
					   it (--name=ARG), NULL for none */
	const char	*help;		/* N_(): its lines in --help, '\n'
					   between them */
};

/* What one run was given. */
struct cli_args {
	const struct cli_command *cmd;
	int		  argc;		/* the operands, options taken out */
	char		**argv;
	const char	 *value[CLI_MAXOPTS];	/* by option; see cli_get */
};

struct cli_command {
	const char		*name;	  /* NULL for gkreport itself */
	const char		*summary; /* N_(): its line in gkreport --help */
	const char		*usage;	  /* N_(): the synopsis after "gkreport
					     NAME ", e.g. "[选项] 报告.csv..." */
	const char		*about;	  /* N_(): what it does ('\n' ended) */
	const struct cli_option	*options; /* ended by { NULL } */
	void			(*more_help)(void); /* prints what --help
					     shows after the options that a
					     table elsewhere holds, or NULL */
	const char		*notes;	  /* N_(): after the options (exit
					     statuses), or NULL */
	int			(*run)(const struct cli_args *);
};

/* The commands, each in its own cmd_NAME.c; main.c lists them. */
extern const struct cli_command cmd_check_entry;
extern const struct cli_command cmd_export_entry;
extern const struct cli_command cmd_import_entry;
extern const struct cli_command cmd_new_entry;
extern const struct cli_command cmd_sum_entry;
extern const struct cli_command cmd_diff_entry;

/* Run the command argv[1] names from list (NULL-terminated), or else top
 * (gkreport itself, whose --help lists the commands); its exit status. */
int	cli_main(const struct cli_command *top,
	    const struct cli_command *const *list, int argc, char **argv);
/* The value of option --name: its argument (the last one given), "" for
 * an option without one, NULL when not given. A name that is not in the
 * command's table aborts. */
const char *cli_get(const struct cli_args *, const char *name);
/* Whether option --name was given. */
bool	cli_has(const struct cli_args *, const char *name);

/* stderr as the program started: for its own terminal control (sum's
 * progress line). stdout and stderr of the commands show controls that
 * came from files visibly (show_stream). */
extern FILE	*cli_raw_err;

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
