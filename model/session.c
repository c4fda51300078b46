/*
 * session.c: one report being worked on: its file, lock, journal, undo
 * history and findings. Every change passes through change(), which
 * records it for undo, journals it and only then makes it. See session.h.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "csvio.h"
#include "history.h"
#include "nls.h"
#include "number.h"
#include "safeio.h"
#include "session.h"
#include "textcheck.h"
#include "xmalloc.h"
#include "year.h"

struct session {
	char		*path;
	bool		 readonly;
	struct report	*r;
	struct lock	*lock;
	struct journal	*j;		/* edits since the last save, or NULL */
	bool		 j_failed;	/* it could not be written: said once */
	bool		 j_held;	/* records wait for session_end */
	char		*j_cause;	/* a failure inside a step, for its end */
	int		 depth;		/* session_begin nesting */
	struct stat	 st;		/* the file as loaded or last saved */
	bool		 st_valid;
	struct history	*h;
	struct findings	*fs;
	unsigned long	 fs_gen;
	/* Where each field's value came from (enum origin): F5 works out
	 * again what a fill put there, never what the clerk typed. */
	unsigned char	 origin[SCH_NFIELDS];
};

/* Where a field's value came from. The file keeps values only (spec §6),
 * so a value loaded or recovered from the journal is ORIGIN_FILE: who put
 * it there is not known. The history keeps the origin of each change, so
 * an undo or redo gives a value back its origin too. */
enum origin {
	ORIGIN_FILE,	/* loaded, recovered, or never set: not known */
	ORIGIN_TYPED,	/* typed by the clerk in this session */
	ORIGIN_FILL,	/* put there by F5 or F6, not typed since */
};

/* ---- opening and closing ---- */

/* A new report: the customary parts of 一 and the fee sentence of 六 as a
 * draft for the clerk. */
static struct report *
new_report(void)
{
	struct report	*r = report_new();

	report_set(r, F_FORMAT, SCH_FORMAT);
	/* The drafts W5 knows (textcheck.c): a 一 or 六 left as they are
	 * counts as empty. */
	report_set(r, F_S1, textcheck_draft(F_S1));
	report_set(r, F_S6, textcheck_draft(F_S6));
	report_set_modified(r, false);
	return r;
}

/* Whether a file is a published report's text rather than a report file. */
static bool
is_text(const char *path)
{
	size_t	 n = strlen(path);

	return n > 4 && strcasecmp(path + n - 4, ".txt") == 0;
}

/* The report file for an imported text: NAME.csv beside it, or, when that
 * exists, NAME-导入.csv, NAME-导入-2.csv, ... Caller frees. */
static char *
import_target(const char *txt)
{
	struct stat	 st;
	char		*p;
	int		 n = (int)strlen(txt) - 4, i;

	p = xasprintf("%.*s.csv", n, txt);
	for (i = 1; lstat(p, &st) == 0; i++) {
		free(p);
		if (i == 1)
			p = xasprintf(_("%.*s-导入.csv"), n, txt);
		else
			p = xasprintf(_("%.*s-导入-%d.csv"), n, txt, i);
	}
	return p;
}

/* Remember the file as it is on disk now, to notice later whether another
 * program replaced or changed it. */
static void
stamp(struct session *s)
{
	s->st_valid = stat(s->path, &s->st) == 0;
}

/* The report's modified flag follows the history. */
static void
follow(struct session *s)
{
	report_set_modified(s->r, !history_at_saved(s->h));
}

struct session *
session_open(const char *path, int flags, struct session_opened *opened,
    char **cause)
{
	struct session		*s;
	struct csvio_info	 info;
	struct stat		 st;
	struct report		*r;

	memset(opened, 0, sizeof *opened);
	if (is_text(path)) {
		if ((r = import_load(path, &opened->log, cause)) == NULL)
			return NULL;
		opened->origin = SESSION_TEXT;
	} else if (stat(path, &st) == -1 && errno == ENOENT) {
		r = new_report();
		opened->origin = SESSION_NEW;
	} else {
		if ((r = csvio_load(path, &info, cause)) == NULL)
			return NULL;
		if (info.nwarnings > 0)
			opened->warning = xstrdup(info.warnings[0]);
		csvio_info_free(&info);
		opened->origin = SESSION_FILE;
	}
	s = xcalloc(1, sizeof *s);
	s->r = r;
	s->readonly = (flags & SESSION_READONLY) != 0;
	s->path = opened->origin == SESSION_TEXT ? import_target(path) :
	    xstrdup(path);
	s->h = history_new();
	if (opened->origin == SESSION_TEXT)
		history_mark_unsaved(s->h);	/* not on disk until saved */
	follow(s);
	stamp(s);
	return s;
}

void
session_opened_free(struct session_opened *o)
{
	free(o->warning);
	o->warning = NULL;
	if (o->origin == SESSION_TEXT || o->log.n > 0)
		import_log_free(&o->log);
	memset(&o->log, 0, sizeof o->log);
}

static void
session_free(struct session *s)
{
	lock_release(s->lock);
	history_free(s->h);
	findings_free(s->fs);
	report_free(s->r);
	free(s->j_cause);
	free(s->path);
	free(s);
}

void
session_close(struct session *s)
{
	if (s == NULL)
		return;
	if (session_modified(s))
		journal_close(s->j);	/* kept: the clerk can recover it */
	else
		journal_discard(s->j);
	session_free(s);
}

void
session_discard(struct session *s)
{
	if (s == NULL)
		return;
	if (s->j != NULL)
		journal_discard(s->j);
	else if (s->j_failed && !s->readonly)
		journal_remove(s->path);	/* what it holds was dropped */
	session_free(s);
}

const struct report *
session_report(const struct session *s)
{
	return s->r;
}

const char *
session_path(const struct session *s)
{
	return s->path;
}

bool
session_unjournaled(const struct session *s)
{
	return s->j_failed && !s->readonly;
}

bool
session_readonly(const struct session *s)
{
	return s->readonly;
}

void
session_set_readonly(struct session *s, bool readonly)
{
	s->readonly = readonly;
}

bool
session_modified(const struct session *s)
{
	return !history_at_saved(s->h);
}

const struct findings *
session_findings(struct session *s)
{
	if (s->fs == NULL || s->fs_gen != report_generation(s->r)) {
		findings_free(s->fs);
		s->fs = rules_check(s->r, 0);
		s->fs_gen = report_generation(s->r);
	}
	return s->fs;
}

enum lock_status
session_lock(struct session *s, char **cause)
{
	char			*holder = NULL;
	enum lock_status	 st;

	st = lock_take(s->path, &s->lock, &holder);
	if (st == LOCK_TAKEN)
		free(holder);
	else
		*cause = holder;
	if (st == LOCK_REFUSED)
		s->readonly = true;	/* never written through */
	return st;
}

/* ---- changes ---- */

/* The label of a note: 说明/RULE/DETAIL from note.RULE.DETAIL, the detail
 * named as the schema names it (规章, 自然人, …). Caller frees. */
static char *
note_label(const char *key)
{
	const char	*rule = key + 5, *detail = strchr(rule, '.'), *name;
	int		 tb, i, c;

	if (detail == NULL)
		return xasprintf(_("说明/%s"), rule);
	name = ++detail;
	for (tb = 0; tb < SCH_NTABLES; tb++) {
		const struct sch_table	*t = &sch_tables[tb];

		for (i = 0; i < t->nrows; i++)
			if (strcmp(t->rows[i].key, detail) == 0)
				name = t->rows[i].label;
		for (i = 0; i < t->nbands; i++)
			for (c = 0; c < t->bands[i].ncols; c++)
				if (strcmp(t->bands[i].cols[c].key, detail) == 0)
					name = t->bands[i].cols[c].label;
	}
	return xasprintf(_("说明/%.*s/%s"), (int)(detail - rule - 1), rule, name);
}

/* The value a key holds now: a field's, or an extra's. Borrowed. */
static const char *
value_of(const struct session *s, const char *key)
{
	int	 field = schema_find(key);

	return field >= 0 ? report_get(s->r, field) :
	    report_extra_get(s->r, key);
}

/* Put a value into the report: a field, a note (labelled), or another
 * extra (a key a newer version wrote, met in a journal). */
static void
apply(struct session *s, const char *key, const char *value, int origin)
{
	int	 field = schema_find(key);
	char	*label;

	if (field >= 0) {
		report_set(s->r, field, value);
		s->origin[field] = (unsigned char)origin;
		return;
	}
	label = strncmp(key, "note.", 5) == 0 ? note_label(key) : NULL;
	report_extra_set(s->r, key, label, value, 0);
	free(label);
}

/* A journal failure: the journal is closed and the clerk told once. */
static int
journal_failed(struct session *s, char *err, char **cause)
{
	journal_close(s->j);
	s->j = NULL;
	s->j_held = false;
	s->j_failed = true;
	if (s->depth > 0) {
		free(s->j_cause);	/* said at the end of the step */
		s->j_cause = err;
		return 0;
	}
	*cause = xasprintf(_("%s；意外退出时这些修改可能丢失，请尽快保存"), err);
	free(err);
	return -1;
}

/* Record a change in the journal, synced before the clerk sees it (inside
 * a step: at its end). The journal starts with the first change after
 * loading or saving. */
static int
keep(struct session *s, const char *key, const char *value, char **cause)
{
	char	*err = NULL;

	if (s->j_failed)
		return 0;	/* said once; session_unjournaled shows it */
	if (s->j == NULL && (s->j = journal_open(s->path, &err)) == NULL)
		return journal_failed(s, err, cause);
	if (s->depth > 0 && !s->j_held) {
		journal_hold(s->j);
		s->j_held = true;
	}
	if (journal_append(s->j, key, value, &err) == -1)
		return journal_failed(s, err, cause);
	return 0;
}

/* Every change passes here: the history, the journal, the report. */
static int
change(struct session *s, const char *key, const char *value, int origin,
    char **cause)
{
	const char	*old = value_of(s, key);
	int		 field = schema_find(key), rc;

	if (s->readonly) {
		*cause = xstrdup(_("只读打开，不能修改"));
		return -1;
	}
	if (value != NULL && *value == '\0')
		value = NULL;
	if ((old == NULL && value == NULL) ||
	    (old != NULL && value != NULL && strcmp(old, value) == 0))
		return 0;
	history_add_tagged(s->h, key, old, value,
	    field >= 0 ? s->origin[field] : ORIGIN_FILE, origin);
	rc = keep(s, key, value, cause);
	apply(s, key, value, origin);
	follow(s);
	return rc == -1 ? -1 : 1;
}

int
session_set(struct session *s, int field, const char *value, char **cause)
{
	return change(s, schema_field(field)->key, value, ORIGIN_TYPED, cause);
}

int
session_note(struct session *s, const char *key, const char *value,
    char **cause)
{
	return change(s, key, value, ORIGIN_TYPED, cause);
}

void
session_begin(struct session *s)
{
	s->depth++;
	history_begin(s->h);
}

/* The end of a step: its records written and synced at once, or the
 * failure met inside it said. */
static int
flush(struct session *s, char **cause)
{
	char	*err = NULL;

	if (s->j_held) {
		s->j_held = false;
		if (journal_flush(s->j, &err) == -1)
			return journal_failed(s, err, cause);
	}
	if (s->j_cause != NULL) {
		err = s->j_cause;
		s->j_cause = NULL;
		return journal_failed(s, err, cause);
	}
	return 0;
}

int
session_end(struct session *s, char **cause)
{
	history_end(s->h);
	if (s->depth == 0 || --s->depth > 0)
		return 0;
	return flush(s, cause);
}

int
session_undo(struct session *s, bool redo, struct session_undone *out,
    char **cause)
{
	const struct step	*st;
	int			 i, rc;

	memset(out, 0, sizeof *out);
	out->field = -1;
	if (s->readonly)
		return 0;
	st = redo ? history_redo(s->h) : history_undo(s->h);
	if (st == NULL || st->n == 0)
		return 0;
	s->depth++;		/* one sync for the whole step */
	for (i = 0; i < st->n; i++) {
		const struct change *c = &st->v[redo ? i : st->n - 1 - i];
		const char	    *v = redo ? c->after : c->before;

		keep(s, c->key, v, NULL);	/* inside a step: cannot fail */
		apply(s, c->key, v, redo ? c->tag_after : c->tag_before);
	}
	s->depth--;
	rc = flush(s, cause);
	follow(s);
	out->n = st->n;
	out->key = st->v[0].key;
	out->field = schema_find(out->key);
	out->from = redo ? st->v[0].before : st->v[0].after;
	out->to = redo ? st->v[0].after : st->v[0].before;
	return rc == -1 ? -1 : 1;
}

/* The sum of parts, when all hold a valid value. */
static bool
parts_sum(const struct report *r, const struct rule_total *t, int64_t *sum)
{
	int64_t	 v;
	int	 i;

	*sum = 0;
	for (i = 0; i < t->nparts; i++) {
		if (!report_value(r, t->parts[i], &v))
			return false;
		*sum += v;	/* counts <= 10^15: no overflow */
	}
	return true;
}

/* Whether F5 may put its sum in a total: empty, or put there by a fill
 * (F5, F6) since the clerk last typed it. A total the clerk typed, 0 or
 * not, is theirs: a typo to find, never overwritten. A total loaded from
 * the file (or recovered) has no known origin, as the file keeps values
 * only: F5 takes a 0 there for the placeholder F6 leaves (what a clerk who
 * pressed F6, saved and came back next day expects), any other figure for
 * the clerk's. */
static bool
fillable(const struct session *s, int field)
{
	int64_t	 v;

	switch (report_state(s->r, field)) {
	case RS_EMPTY:
		return true;
	case RS_VALID:
		return s->origin[field] == ORIGIN_FILL ||
		    (s->origin[field] == ORIGIN_FILE &&
		    report_value(s->r, field, &v) && v == 0);
	default:
		return false;
	}
}

/* Whether identity t does not hold: its total not a figure, or not the
 * sum of its parts (all there). */
static bool
disagrees(const struct report *r, const struct rule_total *t)
{
	int64_t	 sum, v;

	return report_state(r, t->total) == RS_INVALID ||
	    (parts_sum(r, t, &sum) && report_value(r, t->total, &v) &&
	    v != sum);
}

/* What F5 left, counted once a cell: the empty totals whose parts are not
 * all there, and the totals the clerk typed that disagree with their parts.
 * A total that disagrees only because one of its parts is itself a total
 * left disagreeing (a grand total over a row total typed wrong) is not
 * counted again: the clerk has one typo to find, not two. */
static void
count_left(const struct session *s, const struct rule_total *t, int n,
    struct fill_result *res)
{
	bool	 seen[SCH_NFIELDS], wrong[SCH_NFIELDS];
	int	 i, j;

	memset(seen, 0, sizeof seen);
	memset(wrong, 0, sizeof wrong);
	for (i = 0; i < n; i++) {
		if (report_state(s->r, t[i].total) == RS_EMPTY) {
			if (!seen[t[i].total])
				res->waiting++;
			seen[t[i].total] = true;
		} else if (!fillable(s, t[i].total) && disagrees(s->r, &t[i]))
			wrong[t[i].total] = true;
	}
	for (i = 0; i < n; i++) {
		if (seen[t[i].total] || !wrong[t[i].total] ||
		    !disagrees(s->r, &t[i]))
			continue;
		for (j = 0; j < t[i].nparts; j++)
			if (wrong[t[i].parts[j]])
				break;
		if (j < t[i].nparts)
			continue;	/* follows from a part's */
		seen[t[i].total] = true;
		res->differ++;
	}
}

/* F5: each fillable total whose parts are all there gets their sum, until
 * nothing more changes (a total filled may be a part of another: the
 * identities form no cycle, and a bound keeps it so). Then count what was
 * left, and why. */
static void
fill_totals(struct session *s, int table, struct fill_result *res)
{
	const struct rule_total	*t;
	char			 buf[NUM_BUFSZ];
	bool			 more = true, seen[SCH_NFIELDS];
	int64_t			 sum, v;
	int			 n, i, pass;

	t = rules_totals(table, &n);
	res->totals = n;
	memset(seen, 0, sizeof seen);
	for (pass = 0; more && pass < 64; pass++) {
		more = false;
		for (i = 0; i < n; i++) {
			if (!fillable(s, t[i].total) ||
			    !parts_sum(s->r, &t[i], &sum) ||
			    (report_value(s->r, t[i].total, &v) && v == sum))
				continue;
			number_format(sum, schema_field(t[i].total)->kind, buf);
			change(s, schema_field(t[i].total)->key, buf,
			    ORIGIN_FILL, NULL);
			if (!seen[t[i].total])
				res->filled++;
			seen[t[i].total] = true;
			more = true;
		}
	}
	count_left(s, t, n, res);
}

int
session_fill(struct session *s, int table, enum session_fill how,
    struct fill_result *res, char **cause)
{
	const struct sch_table	*tb = &sch_tables[table];
	int			 i;

	memset(res, 0, sizeof *res);
	if (s->readonly) {
		*cause = xstrdup(_("只读打开，不能修改"));
		return -1;
	}
	/* Inside a step a change cannot fail: the journal is written, and
	 * its failure said, at the step's end. */
	session_begin(s);
	if (how == FILL_TOTALS)
		fill_totals(s, table, res);
	else {
		for (i = 0; i < tb->ncells; i++)
			if (report_state(s->r, tb->first_cell + i) == RS_EMPTY) {
				change(s, schema_field(tb->first_cell +
				    i)->key, "0", ORIGIN_FILL, NULL);
				res->filled++;
			}
	}
	return session_end(s, cause);
}

/* ---- saving ---- */

bool
session_changed_on_disk(const struct session *s)
{
	struct stat	 st;

	if (stat(s->path, &st) == -1)
		return s->st_valid;	/* deleted, or the folder is gone */
	return !s->st_valid || st.st_ino != s->st.st_ino ||
	    st.st_dev != s->st.st_dev || st.st_size != s->st.st_size ||
	    st.st_mtim.tv_sec != s->st.st_mtim.tv_sec ||
	    st.st_mtim.tv_nsec != s->st.st_mtim.tv_nsec;
}

/* The report is now the file at path, whose lock lk (or NULL) is taken:
 * lock and journal move there. */
static void
move_to(struct session *s, const char *path, struct lock *lk)
{
	lock_release(s->lock);
	s->lock = lk;
	free(s->path);
	s->path = xstrdup(path);
	s->readonly = false;
}

/* Whether a and b name the same file (through a symlink, "./", another
 * folder name). */
static bool
same_file(const char *a, const char *b)
{
	struct stat	 sa, sb;
	char		*ra, *rb;
	bool		 same;

	if (stat(a, &sa) == 0 && stat(b, &sb) == 0)
		return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
	ra = safeio_resolve(a);
	rb = safeio_resolve(b);
	same = strcmp(ra, rb) == 0;
	free(ra);
	free(rb);
	return same;
}

enum session_save
session_save(struct session *s, const char *path, int flags, char **cause)
{
	bool		 own = path == NULL || strcmp(path, s->path) == 0 ||
			    same_file(path, s->path);
	struct stat	 st;
	struct lock	*lk = NULL;
	char		*holder = NULL;

	if (own) {
		path = s->path;
		if (s->readonly)
			return SAVE_READONLY;
		if (!(flags & SAVE_FORCE) && session_changed_on_disk(s))
			return SAVE_CHANGED;
	} else if (stat(path, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			return SAVE_IS_DIR;
		if (!(flags & SAVE_FORCE))
			return SAVE_EXISTS;
	}
	if (!own) {
		/* One editor per report: the new name's lock first. */
		switch (lock_take(path, &lk, &holder)) {
		case LOCK_TAKEN:
			break;
		case LOCK_BUSY:
			*cause = xasprintf(_("%s 正被另一个 gkreport 使用（%s），"
			    "不能保存到那里；请换一个文件名"), path, holder);
			free(holder);
			return SAVE_BUSY;
		case LOCK_REFUSED:
			*cause = holder;
			return SAVE_FAILED;
		case LOCK_FAILED:
			free(holder);	/* a read-only folder: the save says */
			break;
		}
	}
	if (csvio_save(s->r, path, cause) == -1) {
		lock_release(lk);
		return SAVE_FAILED;
	}
	/* The edits are in the file: the journal has done its work. */
	journal_discard(s->j);
	s->j = NULL;
	s->j_held = false;
	s->j_failed = false;
	if (!own)
		move_to(s, path, lk);
	stamp(s);
	history_mark_saved(s->h);
	follow(s);
	return SAVE_OK;
}

int
session_export(struct session *s, enum export_format fmt, const char *path,
    char **cause)
{
	return export_save(s->r, fmt, EXPORT_UTF8, path, s->path, cause);
}

char *
session_next_year_path(const struct session *s, char **cause)
{
	char		*next;
	struct stat	 st;
	int64_t		 y;

	if (!report_value(s->r, F_YEAR, &y)) {
		*cause = xstrdup(_("先在封面填写报告年度"));
		return NULL;
	}
	next = year_path(s->path, y + 1);	/* as gkreport new names it */
	if (stat(next, &st) == 0) {
		*cause = xasprintf(_("%s 已经存在，没有覆盖"), next);
		free(next);
		return NULL;
	}
	return next;
}

int
session_save_next_year(struct session *s, const char *path, char **cause)
{
	struct report	*next = year_next(s->r);
	int		 rc;

	rc = csvio_save_from(next, path, (const char *[]){ s->path, NULL },
	    SAFEIO_NEW, cause);
	report_free(next);
	return rc;
}

/* ---- recovery ---- */

/* A free name for a recovered copy: NAME-恢复.csv, NAME-恢复-2.csv, ...
 * Caller frees. */
static char *
recovered_path(const char *path)
{
	const char	*dot = strrchr(path, '.'), *slash = strrchr(path, '/');
	struct stat	 st;
	char		*p;
	int		 i;

	if (dot == NULL || (slash != NULL && dot < slash) || dot == path ||
	    dot[-1] == '/')
		dot = path + strlen(path);
	for (i = 1;; i++) {
		if (i == 1)
			p = xasprintf(_("%.*s-恢复%s"), (int)(dot - path), path, dot);
		else
			p = xasprintf(_("%.*s-恢复-%d%s"), (int)(dot - path), path,
			    i, dot);
		if (lstat(p, &st) == -1)
			return p;
		free(p);
	}
}

/* The report with the journal's edits applied. Caller frees. */
static struct report *
replayed(const struct session *s, int *n, struct journal_info *ji,
    char **cause)
{
	struct report	*rec = report_dup(s->r);

	if ((*n = journal_replay(s->path, rec, ji, cause)) == -1) {
		report_free(rec);
		return NULL;
	}
	return rec;
}

int
session_recovery(struct session *s, struct session_recovery *rec,
    char **cause)
{
	struct journal_info	 ji;
	struct report		*after;
	int			 n;

	char			*aside;

	memset(rec, 0, sizeof *rec);
	if (journal_replay(s->path, NULL, &ji, cause) == -1) {
		if (ji.hostile)
			s->readonly = true;	/* never written through */
		return -1;
	}
	if (!ji.exists)
		return 0;
	if ((after = replayed(s, &n, &ji, cause)) == NULL)
		return -1;
	rec->desc = n > 0 ? journal_describe(s->r, after) : xstrdup("");
	report_free(after);
	if (n <= 0 || *rec->desc == '\0') {
		session_recovery_free(rec);
		if (ji.damaged > 0 &&
		    (aside = journal_keep_aside(s->path)) != NULL) {
			*cause = xasprintf(_("恢复日志中有 %d 条记录无法读取，"
			    "已改名为 %s 留存"), ji.damaged, aside);
			free(aside);
		} else
			journal_remove(s->path);
		return 0;
	}
	rec->n = n;
	rec->unreadable = ji.damaged;
	rec->base_changed = ji.base_changed;
	rec->journal = journal_path(s->path);
	rec->copy = recovered_path(s->path);
	return 1;
}

void
session_recovery_free(struct session_recovery *rec)
{
	free(rec->desc);
	free(rec->journal);
	free(rec->copy);
	memset(rec, 0, sizeof *rec);
}

/* Journal records coming back: each step of the journal a step. */
struct replay {
	struct session	*s;
	bool		 open;
};

/* One journal record back into the report, as part of an undoable step. */
static void
recover_record(const char *key, const char *value, bool first, void *arg)
{
	struct replay	*rp = arg;
	struct session	*s = rp->s;
	const char	*old = value_of(s, key);
	int		 field = schema_find(key);

	if (first && rp->open)
		history_end(s->h);
	if (first) {
		history_begin(s->h);
		rp->open = true;
	}
	if ((old == NULL && value == NULL) ||
	    (old != NULL && value != NULL && strcmp(old, value) == 0))
		return;
	history_add_tagged(s->h, key, old, value, field >= 0 ?
	    s->origin[field] : ORIGIN_FILE, ORIGIN_FILE);
	apply(s, key, value, ORIGIN_FILE);
}

int
session_recover(struct session *s, enum session_recover how,
    const struct session_recovery *rec, char **cause)
{
	struct report	*after;
	struct replay	 rp = { s, false };
	int		 n, rc;

	switch (how) {
	case RECOVER_APPLY:
		rc = journal_replay_steps(s->path, recover_record, &rp, NULL,
		    cause);
		if (rp.open)
			history_end(s->h);
		if (rc == -1)
			return -1;
		follow(s);
		if ((s->j = journal_continue(s->path, cause)) == NULL) {
			s->j_failed = true;
			return -1;
		}
		return 0;
	case RECOVER_DISCARD:
		journal_remove(s->path);
		return 0;
	case RECOVER_KEEP_BOTH:
		if ((after = replayed(s, &n, NULL, cause)) == NULL)
			return -1;
		if (csvio_save(after, rec->copy, cause) == -1) {
			report_free(after);
			return -1;
		}
		report_free(after);
		journal_remove(s->path);
		return 0;
	}
	return 0;
}
