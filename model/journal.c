/*
 * journal.c: the append-only journal of committed edits, its replay, and
 * the report lock. Format in journal.h.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "journal.h"
#include "nls.h"
#include "safeio.h"
#include "show.h"
#include "schema.h"
#include "xmalloc.h"

#define JOURNAL_MAGIC	"GKJ1"
/* A journal never grows past this: an edit that would is refused (the
 * clerk is told to save), and a larger file is not a journal of ours. A
 * report file is at most 256 MB, and its biggest value escaped at most
 * twice that. */
#define JOURNAL_MAX	(512LL << 20)

ssize_t	(*journal_write_fn)(int, const void *, size_t);
int	(*journal_sync_fn)(int);

struct journal {
	int		 fd;
	char		*path;
	off_t		 size;
	bool		 torn;	/* a failed write may have left half a line */
	bool		 held;	/* records wait in pending for journal_flush */
	int		 npending;
	struct buf	 pending;
};

struct lock {
	int	 fd;
	char	*path;
};

static uint32_t
crc32(const void *p, size_t n)
{
	const unsigned char	*s = p;
	uint32_t		 c = 0xffffffffu;
	int			 k;

	while (n-- > 0) {
		c ^= *s++;
		for (k = 0; k < 8; k++)
			c = (c >> 1) ^ (0xedb88320u & -(c & 1));
	}
	return c ^ 0xffffffffu;
}

/* Append value with backslash, tab, CR and LF escaped. */
static void
escape(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '\\': buf_add(b, "\\\\"); break;
		case '\t': buf_add(b, "\\t"); break;
		case '\n': buf_add(b, "\\n"); break;
		case '\r': buf_add(b, "\\r"); break;
		default: buf_addn(b, s, 1); break;
		}
	}
}

/* Undo escape() in place; false on a bad escape. */
static bool
unescape(char *s)
{
	char	*d = s;

	for (; *s != '\0'; s++) {
		if (*s != '\\') {
			*d++ = *s;
			continue;
		}
		switch (*++s) {
		case '\\': *d++ = '\\'; break;
		case 't': *d++ = '\t'; break;
		case 'n': *d++ = '\n'; break;
		case 'r': *d++ = '\r'; break;
		default: return false;
		}
	}
	*d = '\0';
	return true;
}

/* Finish a line: its CRC and a newline. */
static void
seal(struct buf *b, size_t start)
{
	char	 crc[16];

	snprintf(crc, sizeof crc, "\t%08x\n",
	    (unsigned)crc32(b->s + start, b->len - start));
	buf_add(b, crc);
}

/* Through the test seam when one is set. */
static int
write_all(int fd, const char *s, size_t n)
{
	return safeio_write_all(fd, s, n, journal_write_fn != NULL ?
	    journal_write_fn : write);
}

char *
journal_path(const char *report_path)
{
	char	*real = safeio_resolve(report_path), *p;

	/* Beside the file itself, so that the report opened through a
	 * symlink and by its real name share one journal. */
	p = xasprintf("%s.journal", real);
	free(real);
	return p;
}

/* Size, mtime and CRC of a file; size -1 when it does not exist. */
static void
file_stamp(const char *path, long long *size, long long *mtime,
    uint32_t *crc)
{
	struct stat	 st;
	char		*data;
	int		 fd;
	ssize_t		 r;
	size_t		 got = 0;

	*size = -1;
	*mtime = 0;
	*crc = 0;
	if (stat(path, &st) == -1 || !S_ISREG(st.st_mode))
		return;
	*size = st.st_size;
	*mtime = st.st_mtime;
	if (st.st_size > 64 * 1024 * 1024 ||
	    (fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) == -1)
		return;
	data = xmalloc((size_t)st.st_size + 1);
	while (got < (size_t)st.st_size &&
	    (r = read(fd, data + got, (size_t)st.st_size - got)) > 0)
		got += (size_t)r;
	close(fd);
	*crc = crc32(data, got);
	free(data);
}

struct journal *
journal_open(const char *report_path, char **err)
{
	struct journal	*j;
	struct buf	 b = { 0 };
	long long	 size, mtime;
	uint32_t	 crc;
	char		 num[96];

	struct stat	 st;
	char		*aside;

	j = xcalloc(1, sizeof *j);
	j->path = journal_path(report_path);
	/* An old journal is never truncated: one of ours is kept aside (what
	 * it held could not be used), anything else refused. */
	if (lstat(j->path, &st) == 0) {
		if (!S_ISREG(st.st_mode) || st.st_uid != geteuid()) {
			j->fd = safeio_open_own(j->path, O_RDONLY, 0, err);
			if (j->fd != -1) {
				close(j->fd);
				*err = xasprintf(_("%s: 不是本程序的恢复日志，"
				    "不读也不写"), j->path);
			}
			free(j->path);
			free(j);
			return NULL;
		}
		if (st.st_size > 0 && (aside = safeio_keep_aside(j->path)) !=
		    NULL)
			free(aside);
	}
	j->fd = safeio_open_own(j->path, O_WRONLY | O_CREAT | O_TRUNC |
	    O_APPEND, 0600, err);
	if (j->fd == -1) {
		free(j->path);
		free(j);
		return NULL;
	}
	fchmod(j->fd, 0600);	/* an old journal may have had other modes */
	file_stamp(report_path, &size, &mtime, &crc);
	buf_add(&b, JOURNAL_MAGIC "\t");
	escape(&b, report_path);
	snprintf(num, sizeof num, "\t%lld\t%lld\t%08x", size, mtime,
	    (unsigned)crc);
	buf_add(&b, num);
	seal(&b, 0);
	if (write_all(j->fd, b.s, b.len) == -1 || fsync(j->fd) == -1) {
		*err = xasprintf(_("%s: 无法写入恢复日志：%s"), j->path,
		    safeio_why(errno));
		free(b.s);
		journal_discard(j);
		return NULL;
	}
	j->size = (off_t)b.len;
	free(b.s);
	return j;
}

/* Go on appending to the journal of a report whose records were just
 * recovered: the file header still names the base they apply to. A torn
 * last line is ended first, so that the next record stays whole. */
struct journal *
journal_continue(const char *report_path, char **err)
{
	struct journal	*j;
	char		 last;
	off_t		 end;

	j = xcalloc(1, sizeof *j);
	j->path = journal_path(report_path);
	j->fd = safeio_open_own(j->path, O_RDWR | O_APPEND, 0, err);
	if (j->fd == -1) {
		char	*why = *err;

		*err = xasprintf(_("无法写入恢复日志：%s"), why);
		free(why);
		free(j->path);
		free(j);
		return NULL;
	}
	fchmod(j->fd, 0600);
	end = lseek(j->fd, 0, SEEK_END);
	j->size = end > 0 ? end : 0;
	if (end > 0 && pread(j->fd, &last, 1, end - 1) == 1 && last != '\n' &&
	    (write_all(j->fd, "\n", 1) == -1 || fsync(j->fd) == -1)) {
		*err = xasprintf(_("%s: 无法写入恢复日志：%s"), j->path,
		    safeio_why(errno));
		journal_close(j);
		return NULL;
	}
	return j;
}

/* Write records (b, whole lines) and sync them; b->s may start with the
 * newline that ends what a failed write left. */
static int
put_records(struct journal *j, const struct buf *b, char **err)
{
	if (j->size + (off_t)b->len > JOURNAL_MAX) {
		*err = xasprintf(_("%s: 恢复日志已满（最多 %lld MB），"
		    "这次修改没有记入；请先保存"), j->path, JOURNAL_MAX >> 20);
		return -1;
	}
	if (write_all(j->fd, b->s, b->len) == -1 || (journal_sync_fn != NULL ?
	    journal_sync_fn(j->fd) : fdatasync(j->fd)) == -1) {
		*err = xasprintf(_("%s: 无法写入恢复日志：%s"), j->path,
		    safeio_why(errno));
		j->torn = true;
		j->size = lseek(j->fd, 0, SEEK_END);
		return -1;
	}
	j->size += (off_t)b->len;
	j->torn = false;
	return 0;
}

/* Add one record, sealed, to b. */
static void
record(struct buf *b, const char *key, const char *value)
{
	size_t	 start = b->len;

	buf_add(b, value != NULL ? "=\t" : "-\t");
	escape(b, key);
	buf_add(b, "\t");
	if (value != NULL)
		escape(b, value);
	seal(b, start);
}

int
journal_append(struct journal *j, const char *key, const char *value,
    char **err)
{
	struct buf	 b = { 0 };
	int		 rc;

	if (value != NULL && *value == '\0')
		value = NULL;
	if (j->held) {
		/* Only the bytes: journal_flush writes and syncs them. */
		record(&j->pending, key, value);
		j->npending++;
		return 0;
	}
	if (j->torn)	/* end what a failed write left, keep this whole */
		buf_add(&b, "\n");
	record(&b, key, value);
	rc = put_records(j, &b, err);
	free(b.s);
	return rc;
}

void
journal_hold(struct journal *j)
{
	j->held = true;
}

int
journal_flush(struct journal *j, char **err)
{
	struct buf	 b = { 0 };
	size_t		 start;
	int		 rc = 0;

	j->held = false;
	if (j->npending > 0) {
		if (j->torn)
			buf_add(&b, "\n");
		if (j->npending > 1) {
			/* The step's head, then its records, in one write. */
			start = b.len;
			buf_addf(&b, "{\t%d", j->npending);
			seal(&b, start);
		}
		buf_addn(&b, j->pending.s, j->pending.len);
		rc = put_records(j, &b, err);
	}
	free(b.s);
	free(j->pending.s);
	memset(&j->pending, 0, sizeof j->pending);
	j->npending = 0;
	return rc;
}

void
journal_close(struct journal *j)
{
	if (j == NULL)
		return;
	close(j->fd);
	free(j->pending.s);
	free(j->path);
	free(j);
}

void
journal_discard(struct journal *j)
{
	if (j == NULL)
		return;
	unlink(j->path);
	journal_close(j);
}

char *
journal_keep_aside(const char *report_path)
{
	char	*p = journal_path(report_path), *aside;

	aside = safeio_keep_aside(p);
	free(p);
	return aside;
}

void
journal_remove(const char *report_path)
{
	char	*p = journal_path(report_path);

	unlink(p);
	free(p);
}

/* Check a line's CRC and cut it off; false when torn or damaged. */
static bool
line_ok(char *line)
{
	char		*tab = strrchr(line, '\t'), *end;
	unsigned long	 want;

	if (tab == NULL || strlen(tab + 1) != 8)
		return false;
	errno = 0;
	want = strtoul(tab + 1, &end, 16);
	if (errno != 0 || *end != '\0')
		return false;
	if (crc32(line, (size_t)(tab - line)) != (uint32_t)want)
		return false;
	*tab = '\0';
	return true;
}

/* Split line at tabs into at most n fields; the number found. */
static int
split(char *line, char **f, int n)
{
	int	 i = 0;

	f[i++] = line;
	while (i < n && (line = strchr(line, '\t')) != NULL) {
		*line++ = '\0';
		f[i++] = line;
	}
	return strchr(f[i - 1], '\t') == NULL ? i : n + 1;
}

static void
apply(const char *key, const char *value, bool first, void *arg)
{
	struct report	*r = arg;
	int		 field = schema_find(key);

	(void)first;
	if (r == NULL)
		return;
	if (field >= 0)
		report_set(r, field, value);
	else
		report_extra_set(r, key, NULL, value, 0);
}

/* The records of a step of several, until all are read. */
struct group {
	int	  want, n;
	char	**keys, **values;
};

static void
group_drop(struct group *g, struct journal_info *info)
{
	int	 i;

	if (info != NULL && g->want > 0) {
		/* A step cut short: none of it counts. */
		info->ignored += g->n + 1;
		info->torn = true;
	}
	for (i = 0; i < g->n; i++) {
		free(g->keys[i]);
		free(g->values[i]);
	}
	free(g->keys);
	free(g->values);
	memset(g, 0, sizeof *g);
}

/* A "{ N" line: the N records that follow are one step. */
static bool
group_head(char *line, struct group *g, struct journal_info *info)
{
	char	*f[3], *end;
	long	 want;

	if (line[0] != '{' || split(line, f, 2) != 2 || strcmp(f[0], "{") != 0)
		return false;
	group_drop(g, info);
	errno = 0;
	want = strtol(f[1], &end, 10);
	if (errno != 0 || *end != '\0' || want < 1 || want > 10000000) {
		info->ignored++;
		info->damaged++;
		return true;
	}
	g->want = (int)want;
	g->keys = xcalloc((size_t)want, sizeof *g->keys);
	g->values = xcalloc((size_t)want, sizeof *g->values);
	return true;
}

/* A record read: into its step, handed on when the step is whole. */
static int
group_add(struct group *g, const char *key, const char *value,
    void (*fn)(const char *, const char *, bool, void *), void *arg)
{
	int	 i, n;

	if (g->want == 0) {
		fn(key, value, true, arg);
		return 1;
	}
	g->keys[g->n] = xstrdup(key);
	g->values[g->n] = value != NULL ? xstrdup(value) : NULL;
	if (++g->n < g->want)
		return 0;
	for (i = 0; i < g->n; i++)
		fn(g->keys[i], g->values[i], i == 0, arg);
	n = g->n;
	group_drop(g, NULL);
	return n;
}

static int
unreadable(const char *path, struct journal_info *info, char **err)
{
	char	*aside = safeio_keep_aside(path);

	if (aside != NULL) {
		*err = xasprintf(_("%s: 不是 gkreport 的恢复日志，或已损坏到无法"
		    "读取；已改名为 %s 留存"), path, aside);
		free(aside);
		info->exists = false;
	} else
		*err = xasprintf(_("%s: 不是 gkreport 的恢复日志，或已损坏到无法"
		    "读取"), path);
	return -1;
}

int
journal_replay(const char *report_path, struct report *r,
    struct journal_info *info, char **err)
{
	return journal_replay_steps(report_path, apply, r, info, err);
}

/* One reading of a journal: what replay_line keeps from line to line. */
struct replay {
	const char		*report_path;
	void			(*fn)(const char *, const char *, bool, void *);
	void			*arg;
	struct journal_info	*info;
	struct group		 g;
	int			 lineno;
	int			 applied;	/* records handed to fn */
	bool			 header;	/* a sound header was read */
};

/* Open the journal at path to replay it. A symlink, FIFO, device, folder
 * or someone else's file in its place is refused without being opened
 * through or waited on, and so is a file too big to be ours. NULL with
 * *err set. */
static FILE *
replay_open(const char *path, struct journal_info *info, char **err)
{
	struct stat	 st;
	FILE		*fp;
	int		 fd;

	if ((fd = safeio_open_own(path, O_RDONLY, 0, err)) == -1) {
		info->hostile = errno == ELOOP;
		return NULL;
	}
	if (fstat(fd, &st) == 0 && st.st_size > JOURNAL_MAX) {
		*err = xasprintf(_("%s: 恢复日志大于 %lld MB，不是本程序写的，"
		    "不读"), path, JOURNAL_MAX >> 20);
		info->hostile = true;
		close(fd);
		return NULL;
	}
	if ((fp = fdopen(fd, "r")) == NULL)
		abort();
	return fp;
}

/* Whether line is a sound header; if so, whether the report is still the
 * file the journal was started on. Line may be cut up even when it is no
 * header (its records are then found damaged). */
static bool
replay_head(const char *report_path, char *line, struct journal_info *info)
{
	char		*f[5], stamp[96];
	long long	 size, mtime;
	uint32_t	 crc;

	if (strncmp(line, JOURNAL_MAGIC "\t", 5) != 0 || !line_ok(line) ||
	    split(line, f, 5) != 5)
		return false;
	file_stamp(report_path, &size, &mtime, &crc);
	snprintf(stamp, sizeof stamp, "%lld\t%lld\t%08x", size, mtime,
	    (unsigned)crc);
	info->base_new = strcmp(f[2], "-1") == 0;
	f[2][strlen(f[2])] = '\t';
	f[3][strlen(f[3])] = '\t';
	info->base_changed = strcmp(f[2], stamp) != 0;
	return true;
}

/* One line as getline read it (n bytes, its newline included): the
 * header, the head of a step, a record (handed on when its step is
 * whole), or a torn or damaged line, counted and ignored. */
static void
replay_line(struct replay *rp, char *line, ssize_t n)
{
	struct journal_info	*info = rp->info;
	char			*f[3];
	bool			 ok;

	rp->lineno++;
	if (n == 0 || line[n - 1] != '\n' ||
	    memchr(line, '\0', (size_t)n) != NULL) {
		info->ignored++;	/* torn: no newline, or NUL */
		if (line[n - 1] != '\n')
			info->torn = true;
		else
			info->damaged++;
		return;
	}
	line[n - 1] = '\0';
	if (rp->lineno == 1 && replay_head(rp->report_path, line, info)) {
		rp->header = true;
		return;
	}
	if (line[0] == '\0' && rp->lineno > 1) {
		/* The end of a torn line, closed: a step being read
		 * was cut there. */
		group_drop(&rp->g, info);
		return;
	}
	ok = line_ok(line);
	if (ok && group_head(line, &rp->g, info))
		return;
	if (!ok || split(line, f, 3) != 3 ||
	    strlen(f[0]) != 1 || (f[0][0] != '=' && f[0][0] != '-') ||
	    !unescape(f[1]) || !unescape(f[2]) || f[1][0] == '\0') {
		/* A damaged header still leaves its records; a step
		 * with a damaged record is dropped whole. */
		group_drop(&rp->g, info);
		info->ignored++;
		info->damaged++;
		return;
	}
	n = group_add(&rp->g, f[1], f[0][0] == '=' ? f[2] : NULL, rp->fn,
	    rp->arg);
	info->nrecords += (int)n;
	rp->applied += (int)n;
}

int
journal_replay_steps(const char *report_path,
    void (*fn)(const char *, const char *, bool, void *), void *arg,
    struct journal_info *info, char **err)
{
	struct journal_info	 dummy;
	struct replay		 rp = { .report_path = report_path,
				     .fn = fn, .arg = arg };
	struct stat		 st;
	char			*path, *line = NULL;
	size_t			 cap = 0;
	ssize_t			 n;
	FILE			*fp;
	long long		 total = 0;

	if (info == NULL)
		info = &dummy;
	memset(info, 0, sizeof *info);
	rp.info = info;
	path = journal_path(report_path);
	if (lstat(path, &st) == -1 && errno == ENOENT) {
		free(path);
		return 0;
	}
	info->exists = true;
	if ((fp = replay_open(path, info, err)) == NULL) {
		free(path);
		return -1;
	}
	while (total < JOURNAL_MAX && (n = getline(&line, &cap, fp)) != -1) {
		total += n;
		replay_line(&rp, line, n);
	}
	group_drop(&rp.g, info);	/* a step torn by a crash */
	free(line);
	fclose(fp);
	if (!rp.header && rp.lineno > 0) {
		/* Without its header nobody can say what the records apply
		 * to: say the report may have changed. */
		info->header_damaged = true;
		info->base_changed = true;
		if (info->nrecords == 0) {
			unreadable(path, info, err);
			free(path);
			return -1;
		}
	}
	free(path);
	return rp.applied;
}

/* At most n characters of s on one line. Caller frees. */
static char *
shorten(const char *s, size_t n)
{
	if (s == NULL || *s == '\0')
		return xstrdup(_("（空）"));
	return show_dup(s, n);
}

char *
journal_describe(const struct report *before, const struct report *after)
{
	struct buf	 b = { 0 };
	const char	*x, *y;
	char		*sx, *sy, *line;
	int		 i;

	buf_add(&b, "");
	for (i = 0; i < SCH_NFIELDS; i++) {
		x = report_get(before, i);
		y = report_get(after, i);
		if (x == NULL)
			x = "";
		if (y == NULL)
			y = "";
		if (strcmp(x, y) == 0)
			continue;
		sx = shorten(x, 20);
		sy = shorten(y, 20);
		line = xasprintf("%s: %s → %s\n", schema_display_label(i),
		    sx, sy);
		buf_add(&b, line);
		free(line);
		free(sx);
		free(sy);
	}
	return b.s;
}

/* ---- the lock ---- */

/* The lock of the file report_path names, symlinks followed. */
static char *
lock_path(const char *report_path)
{
	char		*real = safeio_resolve(report_path), *p;
	const char	*slash = strrchr(real, '/');

	if (slash == NULL)
		p = xasprintf(".%s.lock", real);
	else
		p = xasprintf("%.*s/.%s.lock", (int)(slash - real), real,
		    slash + 1);
	free(real);
	return p;
}

enum lock_status
lock_take(const char *report_path, struct lock **out, char **holder)
{
	struct lock	*l;
	struct passwd	*pw;
	char		 host[256] = "?", who[600], *p;
	ssize_t		 n;
	int		 fd;

	*out = NULL;
	p = lock_path(report_path);
	fd = safeio_open_own(p, O_RDWR | O_CREAT, 0600, holder);
	if (fd == -1) {
		if (errno == ELOOP) {
			free(p);
			return LOCK_REFUSED;
		}
		free(*holder);
		*holder = xasprintf(_("%s: 无法建立锁文件：%s"), p,
		    safeio_why(errno));
		free(p);
		return LOCK_FAILED;
	}
	if (safeio_trylock(fd) == -1) {
		if (errno == EACCES || errno == EAGAIN) {
			n = read(fd, who, sizeof who - 1);
			who[n > 0 ? n : 0] = '\0';
			who[strcspn(who, "\n")] = '\0';
			for (n = 0; who[n] != '\0'; n++)	/* for a screen */
				if ((unsigned char)who[n] < 0x20 ||
				    (unsigned char)who[n] >= 0x7f)
					who[n] = '?';
			*holder = xstrdup(who[0] != '\0' ? who : "?");
			close(fd);
			free(p);
			return LOCK_BUSY;
		}
		*holder = xasprintf(_("%s: 无法加锁：%s"), p, safeio_why(errno));
		close(fd);
		free(p);
		return LOCK_FAILED;
	}
	/* Ours now; whatever it held was stale. */
	gethostname(host, sizeof host - 1);
	host[sizeof host - 1] = '\0';
	pw = getpwuid(getuid());
	snprintf(who, sizeof who, "%ld %s %s\n", (long)getpid(), host,
	    pw != NULL ? pw->pw_name : "?");
	/* Not synced: the text only names the holder for a second gkreport;
	 * the fcntl lock is what counts, and it dies with the machine. */
	if (ftruncate(fd, 0) == 0)
		(void)pwrite(fd, who, strlen(who), 0);
	l = xcalloc(1, sizeof *l);
	l->fd = fd;
	l->path = p;
	*out = l;
	return LOCK_TAKEN;
}

void
lock_release(struct lock *l)
{
	if (l == NULL)
		return;
	unlink(l->path);	/* while still holding it: no one else took it */
	close(l->fd);
	free(l->path);
	free(l);
}
