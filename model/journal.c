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
#include "schema.h"
#include "xmalloc.h"

#define JOURNAL_MAGIC	"GKJ1"

ssize_t	(*journal_write_fn)(int, const void *, size_t);

struct journal {
	int	 fd;
	char	*path;
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

static int
write_all(int fd, const char *s, size_t n)
{
	ssize_t	 w;

	while (n > 0) {
		w = journal_write_fn != NULL ? journal_write_fn(fd, s, n) :
		    write(fd, s, n);
		if (w == -1 && errno == EINTR)
			continue;
		if (w <= 0) {
			if (w == 0)
				errno = ENOSPC;
			return -1;
		}
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

char *
journal_path(const char *report_path)
{
	return xasprintf("%s.journal", report_path);
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
	    (fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
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

	j = xcalloc(1, sizeof *j);
	j->path = journal_path(report_path);
	j->fd = open(j->path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND |
	    O_CLOEXEC, 0600);
	if (j->fd == -1) {
		*err = xasprintf(_("%s: 无法建立恢复日志：%s"), j->path,
		    strerror(errno));
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
		    strerror(errno));
		free(b.s);
		journal_discard(j);
		return NULL;
	}
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
	j->fd = open(j->path, O_RDWR | O_APPEND | O_CLOEXEC);
	if (j->fd == -1) {
		*err = xasprintf(_("%s: 无法写入恢复日志：%s"), j->path,
		    strerror(errno));
		free(j->path);
		free(j);
		return NULL;
	}
	fchmod(j->fd, 0600);
	end = lseek(j->fd, 0, SEEK_END);
	if (end > 0 && pread(j->fd, &last, 1, end - 1) == 1 && last != '\n' &&
	    (write_all(j->fd, "\n", 1) == -1 || fsync(j->fd) == -1)) {
		*err = xasprintf(_("%s: 无法写入恢复日志：%s"), j->path,
		    strerror(errno));
		journal_close(j);
		return NULL;
	}
	return j;
}

int
journal_append(struct journal *j, const char *key, const char *value,
    char **err)
{
	struct buf	 b = { 0 };
	int		 rc = 0;

	if (value != NULL && *value == '\0')
		value = NULL;
	buf_add(&b, value != NULL ? "=\t" : "-\t");
	escape(&b, key);
	buf_add(&b, "\t");
	if (value != NULL)
		escape(&b, value);
	seal(&b, 0);
	if (write_all(j->fd, b.s, b.len) == -1 || fdatasync(j->fd) == -1) {
		*err = xasprintf(_("%s: 无法写入恢复日志：%s"), j->path,
		    strerror(errno));
		rc = -1;
	}
	free(b.s);
	return rc;
}

void
journal_close(struct journal *j)
{
	if (j == NULL)
		return;
	close(j->fd);
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
apply(struct report *r, const char *key, const char *value)
{
	int	 field = schema_find(key);

	if (field >= 0)
		report_set(r, field, value);
	else
		report_extra_set(r, key, NULL, value, 0);
}

int
journal_replay(const char *report_path, struct report *r,
    struct journal_info *info, char **err)
{
	struct journal_info	 dummy;
	char			*path, *line = NULL, *f[6];
	size_t			 cap = 0;
	ssize_t			 n;
	FILE			*fp;
	long long		 size, mtime;
	uint32_t		 crc;
	int			 lineno = 0, applied = 0;
	char			 stamp[96];

	if (info == NULL)
		info = &dummy;
	memset(info, 0, sizeof *info);
	path = journal_path(report_path);
	if ((fp = fopen(path, "re")) == NULL) {
		if (errno == ENOENT) {
			free(path);
			return 0;
		}
		*err = xasprintf(_("%s: 无法读取恢复日志：%s"), path,
		    strerror(errno));
		free(path);
		return -1;
	}
	info->exists = true;
	while ((n = getline(&line, &cap, fp)) != -1) {
		lineno++;
		if (n == 0 || line[n - 1] != '\n' ||
		    memchr(line, '\0', (size_t)n) != NULL) {
			info->ignored++;	/* torn: no newline, or NUL */
			continue;
		}
		line[n - 1] = '\0';
		if (!line_ok(line) && lineno > 1) {
			info->ignored++;
			continue;
		}
		if (lineno == 1) {
			if (strncmp(line, JOURNAL_MAGIC "\t", 5) != 0 ||
			    split(line, f, 5) != 5 ||
			    strcmp(f[0], JOURNAL_MAGIC) != 0) {
				*err = xasprintf(_("%s:1: 不是 gkreport 的恢复日志"),
				    path);
				free(line);
				free(path);
				fclose(fp);
				return -1;
			}
			file_stamp(report_path, &size, &mtime, &crc);
			snprintf(stamp, sizeof stamp, "%lld\t%lld\t%08x",
			    size, mtime, (unsigned)crc);
			info->base_new = strcmp(f[2], "-1") == 0;
			f[2][strlen(f[2])] = '\t';
			f[3][strlen(f[3])] = '\t';
			info->base_changed = strcmp(f[2], stamp) != 0;
			continue;
		}
		if (split(line, f, 3) != 3 || strlen(f[0]) != 1 ||
		    (f[0][0] != '=' && f[0][0] != '-') ||
		    !unescape(f[1]) || !unescape(f[2]) || f[1][0] == '\0') {
			info->ignored++;
			continue;
		}
		if (r != NULL)
			apply(r, f[1], f[0][0] == '=' ? f[2] : NULL);
		info->nrecords++;
		applied++;
	}
	if (lineno == 0)
		info->ignored = 0;
	free(line);
	free(path);
	fclose(fp);
	return applied;
}

/* At most n characters of s on one line. Caller frees. */
static char *
shorten(const char *s, size_t n)
{
	struct buf	 b = { 0 };
	size_t		 chars = 0;

	if (s == NULL || *s == '\0')
		return xstrdup(_("（空）"));
	for (; *s != '\0' && chars < n; s++) {
		if ((*s & 0xc0) != 0x80)
			chars++;
		if (*s == '\n' || *s == '\r' || *s == '\t')
			buf_add(&b, " ");
		else
			buf_addn(&b, s, 1);
	}
	while ((*s & 0xc0) == 0x80)	/* finish the last character */
		buf_addn(&b, s++, 1);
	if (*s != '\0')
		buf_add(&b, "…");
	return b.s;
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

static char *
lock_path(const char *report_path)
{
	const char	*slash = strrchr(report_path, '/');

	if (slash == NULL)
		return xasprintf(".%s.lock", report_path);
	return xasprintf("%.*s/.%s.lock", (int)(slash - report_path),
	    report_path, slash + 1);
}

enum lock_status
lock_take(const char *report_path, struct lock **out, char **holder)
{
	struct flock	 fl;
	struct lock	*l;
	struct passwd	*pw;
	char		 host[256] = "?", who[600], *p;
	ssize_t		 n;
	int		 fd;

	*out = NULL;
	p = lock_path(report_path);
	fd = open(p, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (fd == -1) {
		*holder = xasprintf(_("%s: 无法建立锁文件：%s"), p,
		    strerror(errno));
		free(p);
		return LOCK_FAILED;
	}
	memset(&fl, 0, sizeof fl);
	fl.l_type = F_WRLCK;
	fl.l_whence = SEEK_SET;
	if (fcntl(fd, F_SETLK, &fl) == -1) {
		if (errno == EACCES || errno == EAGAIN) {
			n = read(fd, who, sizeof who - 1);
			who[n > 0 ? n : 0] = '\0';
			who[strcspn(who, "\n")] = '\0';
			*holder = xstrdup(who[0] != '\0' ? who : "?");
			close(fd);
			free(p);
			return LOCK_BUSY;
		}
		*holder = xasprintf(_("%s: 无法加锁：%s"), p, strerror(errno));
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
