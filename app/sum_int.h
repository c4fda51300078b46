/*
 * sum_int.h: what the two halves of `gkreport sum` share: cmd_sum.c (the
 * options, the sum's own findings and the outputs) and sum_units.c (the
 * inputs walked, each unit loaded, checked, its verdict printed and its
 * figures added). Internal to app/.
 */
#ifndef GK_SUM_INT_H
#define GK_SUM_INT_H

#include <sys/types.h>

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "report.h"
#include "review.h"
#include "roster.h"
#include "rules.h"
#include "sum.h"
#include "units.h"

enum fmt { FMT_TEXT, FMT_CSV, FMT_UNITS };

/* Files the run writes, skipped among its inputs. */
enum { OUT_SUM, OUT_UNITS, OUT_HTML, OUT_REVIEW, OUT_XLSX, NOUT };

/* One argument: a file, or a folder with its *.csv names (read once,
 * sorted; the names live in one pool). */
struct input {
	const char	*arg;
	bool		 dir;
	char		*pool;
	char		**names;
	size_t		 n;
};

struct run {
	enum fmt	 fmt;
	int		 flags;
	const char	*out;
	const char	*outs[NOUT];
	dev_t		 out_dev[NOUT];	/* to skip the outputs among the inputs */
	ino_t		 out_ino[NOUT];
	bool		 have_out[NOUT];
	struct sum	*sum;
	struct units	*units;		/* rows kept, or NULL */
	struct dupset	*dups;
	struct review	*review;	/* or NULL */
	const char	*export_dir;	/* each unit's page, or NULL */
	const char	*agency;	/* the options (NULL when not given) */
	const char	*units_out;
	const char	*html;
	const char	*roster_path;
	const char	*review_path;
	const char	*prev;
	const char	*xlsx;
	struct roster	*ro;		/* or NULL */
	struct roster_result rres;
	const char *const *inputs;	/* the operands, never written over */
	bool		 skip_dups;
	int		 total;		/* files to read */
	int		 done;
	int		 nstatus[UNIT_NSTATUS];
	bool		 trouble;
	bool		 progress;	/* stderr is a terminal */
	bool		 stdout_tty;	/* the verdicts share that terminal */
	bool		 progress_shown;
	struct timespec	 start, last;
};

/* sum_units.c */

/* One line of --format=csv: a unit's (0 for the sum) finding, or its
 * status alone when field < 0 and rule is "". */
void		 sumrun_csv_row(int unit, const char *file,
		     const char *agency, enum unit_status, const char *rule,
		     const char *sev, int field, const char *message);
/* The findings as indented text lines; empty fields (W1) as one line
 * unless skip_w1. */
void		 sumrun_findings(const struct findings *, bool skip_w1);
/* The operands, each folder's names read once; run->total counts the
 * files. Free each with sumrun_input_fini, then the array. */
struct input	*sumrun_gather(struct run *, char **argv, int nin);
void		 sumrun_input_fini(struct input *);
/* Read every input in turn (the run's own outputs skipped): each unit's
 * verdict printed, its figures added, its row kept when asked for. */
void		 sumrun_walk(struct run *, const struct input *, int nin);
/* Last year's totals: a quiet sum of the folder's reports, a second
 * report of the same agency and year left out (*ndup counts them). The
 * number of units added, or -1 when the folder cannot be read. */
int		 sumrun_prev_totals(const char *dir, int flags,
		     int64_t fig[UNITS_NFIGS], uint64_t *have, int *ndup);

#endif
