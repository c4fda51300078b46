/*
 * import.h: reading a published report (spec §8).
 *
 * The text a clerk copies out of last year's PDF or web page: a title
 * line, the six sections, the three tables as label cells then value
 * cells separated by tabs. Labels are matched after normalising width,
 * spaces and quotes; known older and clipped labels are read and said;
 * what cannot be read with certainty is refused with its line. The result
 * is a report in canonical form plus a log of what was guessed, filled
 * or could not be read, each with the line of the text it concerns.
 */
#ifndef GK_IMPORT_H
#define GK_IMPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "report.h"

/* How much a message matters. */
enum import_level {
	IMPORT_INFO,		/* what was taken from where (title, period) */
	IMPORT_GUESS,		/* a label or value read by a rule of thumb */
	IMPORT_WARN,		/* something left empty or filled in */
	IMPORT_REFUSED,		/* a line that could not be read: no report */
};

struct import_msg {
	int			 line;	/* line of the text, 1-based; 0: the file */
	enum import_level	 level;
	char			*text;	/* Chinese */
	int			 seq;	/* order said, within a line */
};

/* Messages about lines kept in the log; more are only counted (nhidden). */
#define IMPORT_KEEP	300

struct import_log {
	int			 n;
	struct import_msg	*v;
	int			 nguess;	/* IMPORT_GUESS */
	int			 nwarn;		/* IMPORT_WARN */
	int			 nrefused;	/* IMPORT_REFUSED */
	int			 nhidden;	/* said but not kept (IMPORT_KEEP) */
	bool			 converted;	/* the text was GB18030/UTF-16 */
};

/* Read a published report from memory; name is used in messages. Returns
 * a new report (modified), or NULL with *err set (caller frees) when the
 * text cannot be read as a report: empty, not text, no table found, or a
 * line refused (each refused line is in the log). log may be NULL;
 * otherwise it is filled in either case and freed with import_log_free.
 * Caller frees the report. */
struct report	*import_text(const char *buf, size_t len, const char *name,
		     struct import_log *log, char **err);
/* The same from a file. Caller frees. */
struct report	*import_load(const char *path, struct import_log *log,
		     char **err);
void		 import_log_free(struct import_log *);
/* The level's word for people: 说明, 猜测, 警告, 无法读取. Static. */
const char	*import_level_label(enum import_level);

#endif
