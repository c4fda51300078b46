/*
 * csvio.c: reading and writing the report file (spec §6).
 *
 * The reader takes the whole file in one buffer, checks that it is text
 * (no NUL byte; UTF-8, else converted from GB18030), strips a BOM and feeds
 * libcsv one physical line at a time, so that every record knows the line
 * it starts on. Fields are gathered in one reused buffer; a record is acted
 * on at its end. Any refusal frees the half-built report: the caller gets
 * a whole report or none.
 *
 * The writer produces the canonical bytes (header, schema order, extras in
 * the order they came, CRLF record ends, quotes only where needed, line
 * breaks inside texts as LF) and replaces the file atomically.
 */
#include "config.h"

#include <sys/stat.h>
#include <sys/types.h>

#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <malloc.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csvio.h"
#include "csvout.h"
#include "show.h"
#include "safeio.h"
#include "utf8.h"
#include "nls.h"
#include "xmalloc.h"

#define MAXCOLS		3	/* key, label, value; later columns ignored */
#define MAXEXTRAS	10000	/* notes and unknown keys: no report has more */
#define MAXFILE		(256L << 20)	/* bytes; a report is some 30 KB */
#define SMALLFILE	65536		/* read on the stack up to this */

struct loader {
	const char		*name;
	struct report		*r;
	struct csvio_info	*info;
	char			*err;		/* set once: stop feeding */

	int			 line;		/* physical line being fed */
	int			 rec_line;	/* line the current record began on */
	int			 nrec;		/* records seen, header included */
	int			 next;		/* the field expected next */

	char			*buf;		/* this record's fields, NUL-ended */
	size_t			 len, cap;
	size_t			 off[MAXCOLS];
	size_t			 flen[MAXCOLS];
	int			 nfields;

	int			 seen[SCH_NFIELDS];	/* line of each field */

	struct csv_parser	*parser;
	char			*big;		/* a value taken from libcsv */
};

/* A value this long is taken over from libcsv's buffer instead of being
 * copied (and then copied again into the report): a report with a 100 MB
 * text then costs the file and that text, not four copies of it. */
#define BIGFIELD	(64 * 1024)
#define TAKEN		((size_t)-1)	/* off[] of a taken field */

/* Add a warning "NAME:LINE: message" to info. */
static void
warn(struct loader *ld, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
warn(struct loader *ld, int line, const char *fmt, ...)
{
	struct csvio_info	*info = ld->info;
	va_list			 ap;
	char			*msg;

	if (info == NULL)
		return;
	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) == -1)
		abort();
	va_end(ap);
	info->warnings = xreallocarray(info->warnings,
	    (size_t)info->nwarnings + 1, sizeof *info->warnings);
	if (line > 0)
		info->warnings[info->nwarnings++] = xasprintf("%s:%d: %s",
		    ld->name, line, msg);
	else
		info->warnings[info->nwarnings++] = xasprintf("%s: %s",
		    ld->name, msg);
	free(msg);
}

/* Refuse the file: the first reason wins. */
static void
fail(struct loader *ld, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
fail(struct loader *ld, int line, const char *fmt, ...)
{
	va_list	 ap;
	char	*msg;

	if (ld->err != NULL)
		return;
	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) == -1)
		abort();
	va_end(ap);
	if (line > 0)
		ld->err = xasprintf("%s:%d: %s", ld->name, line, msg);
	else
		ld->err = xasprintf("%s: %s", ld->name, msg);
	free(msg);
}

static void
add_field(struct loader *ld, const char *s, size_t n)
{
	int		 i = ld->nfields++;

	if (ld->err != NULL || i >= MAXCOLS)
		return;
	if (i == 2 && n >= BIGFIELD && ld->parser != NULL &&
	    s == (const char *)ld->parser->entry_buf) {
		struct csv_parser	*p = ld->parser;

		/* libcsv allocates a new buffer for the next field. */
		if (p->entry_size < n + 1)
			p->entry_buf = xrealloc(p->entry_buf, n + 1);
		ld->big = (char *)p->entry_buf;
		ld->big[n] = '\0';
		p->entry_buf = NULL;
		p->entry_size = 0;
		ld->off[i] = TAKEN;
		ld->flen[i] = n;
		return;
	}
	if (ld->len + n + 1 > ld->cap) {
		while (ld->len + n + 1 > ld->cap)
			ld->cap = ld->cap ? ld->cap * 2 : 4096;
		ld->buf = xrealloc(ld->buf, ld->cap);
	}
	if (n > 0)
		memcpy(ld->buf + ld->len, s, n);
	ld->off[i] = ld->len;
	ld->flen[i] = n;
	ld->len += n;
	ld->buf[ld->len++] = '\0';
}

/* libcsv's field callback. */
static void
on_field(void *s, size_t n, void *data)
{
	add_field(data, s, n);
}

static const char *
field(struct loader *ld, int i)
{
	if (i >= ld->nfields || i >= MAXCOLS)
		return "";
	return ld->off[i] == TAKEN ? ld->big : ld->buf + ld->off[i];
}

/* Texts are held with LF line breaks, whatever the file used (CRLF, or
 * a lone CR as old Mac programs wrote). */
static void
lf_only(char *s)
{
	char	*d;

	if ((s = strchr(s, '\r')) == NULL)
		return;
	for (d = s; *s != '\0'; s++) {
		if (*s != '\r') {
			*d++ = *s;
			continue;
		}
		*d++ = '\n';
		if (s[1] == '\n')
			s++;
	}
	*d = '\0';
}

static bool
blank(const char *s)
{
	return s[strspn(s, " \t")] == '\0';
}

static void
header(struct loader *ld)
{
	const char	*k = field(ld, 0);

	if (ld->nfields >= 3 && strcmp(k, "key") == 0 &&
	    strcmp(field(ld, 1), "label") == 0 &&
	    strcmp(field(ld, 2), "value") == 0)
		return;
	if (schema_find(k) != -1 || strncmp(k, "note.", 5) == 0)
		fail(ld, ld->rec_line, _("缺少表头：第一行应为 “key,label,value”"));
	else
		fail(ld, ld->rec_line, _("表头不对：第一行应为 “key,label,value”，"
		    "这不像是报告文件"));
}

/* Whether a meta.format value names the format this program reads. */
static bool
format_ok(const char *value)
{
	const char	*v = value + strspn(value, " \t");
	size_t		 n = strcspn(v, " \t");

	return n == strlen(SCH_FORMAT) && strncmp(v, SCH_FORMAT, n) == 0 &&
	    blank(v + n);
}

/* A record of a schema field: its value into the report, once. */
static void
known_key(struct loader *ld, int f, const char *key, char *value, int line)
{
	ld->next = f + 1;
	if (ld->seen[f] != 0) {
		fail(ld, line, _("键 “%s” 重复（第 %d 行已有）"),
		    show_q(key, 60), ld->seen[f]);
		return;
	}
	ld->seen[f] = line;
	if (f == F_FORMAT && !blank(value) && !format_ok(value)) {
		fail(ld, line, _("meta.format 为 “%s”：本程序只认识 "
		    "2021 年的全国统一格式（" SCH_FORMAT "），"
		    "不能按它读取这份报告"), show_q(value, 60));
		return;
	}
	if (schema_field(f)->kind == SK_TEXT)
		lf_only(value);
	if (value == ld->big && value != NULL) {
		report_take(ld->r, f, ld->big);
		ld->big = NULL;
	} else
		report_set(ld->r, f, value);
	report_set_line(ld->r, f, line);
}

/* A record of any other key (a note, or a key this program does not
 * know): kept as it came, to be written back on save. */
static void
other_key(struct loader *ld, const char *key, const char *label,
    char *value, int line)
{
	if (report_extra_get(ld->r, key) != NULL) {
		int	 i, first = 0;

		for (i = 0; i < report_nextras(ld->r); i++)
			if (strcmp(report_extra(ld->r, i)->key, key) == 0)
				first = report_extra(ld->r, i)->line;
		fail(ld, line, _("键 “%s” 重复（第 %d 行已有）"),
		    show_q(key, 60), first);
		return;
	}
	if (report_nextras(ld->r) >= MAXEXTRAS) {
		fail(ld, line, _("不认识的键和说明超过 %d 条，这不像是报告文件"),
		    MAXEXTRAS);
		return;
	}
	lf_only(value);
	report_extra_set(ld->r, key, label, value, line);
	if (strncmp(key, "note.", 5) != 0) {
		if (ld->info != NULL)
			ld->info->nunknown++;
		warn(ld, line, _("不认识的键 “%s”：已保留，保存时原样写回"),
		    show_q(key, 60));
	}
}

static void
record(struct loader *ld)
{
	const char	*key, *label;
	char		*value, none[1] = "";
	int		 f, line = ld->rec_line;

	key = field(ld, 0);
	label = field(ld, 1);
	/* The loader's own copy of the value: lf_only() rewrites it. */
	value = ld->nfields <= 2 ? none :
	    ld->off[2] == TAKEN ? ld->big : ld->buf + ld->off[2];
	if (*key == '\0') {
		if (blank(label) && blank(value))
			return;		/* ",," : an empty row */
		fail(ld, line, _("这一行没有键（第一列为空）"));
		return;
	}
	if (ld->nfields == 2 && !blank(label)) {
		/* "key,5": the value would be taken for a label and lost. */
		fail(ld, line, _("键 “%s” 这一条只有两列，应为 key,label,value "
		    "三列（值写在了标签的位置，或文件在这里被截断）"),
		    show_q(key, 60));
		return;
	}
	/* A canonical file has the fields in order: try the next one first. */
	f = ld->next < SCH_NFIELDS &&
	    strcmp(key, schema_field(ld->next)->key) == 0 ?
	    ld->next : schema_find(key);
	if (f != -1)
		known_key(ld, f, key, value, line);
	else
		other_key(ld, key, label, value, line);
}

static void
on_row(int c, void *data)
{
	struct loader	*ld = data;

	(void)c;
	if (ld->err == NULL) {
		if (ld->nrec++ == 0)
			header(ld);
		else
			record(ld);
	}
	ld->len = 0;
	ld->nfields = 0;
	ld->rec_line = 0;
	free(ld->big);
	ld->big = NULL;
}

/* Can this physical line be split without libcsv? Yes when no record is
 * open and it has no quote and no CR but at its end: then commas alone
 * separate its fields. Most lines of a report file are like that, and
 * skipping libcsv's per-byte callbacks for them makes reading several
 * times faster. *quote is the next quote in the file at or after s (NULL:
 * not searched yet; end: none), so that most lines need no search. */
static bool
plain_line(const char *s, size_t n, const char *end, const char **quote)
{
	const char	*cr;

	if (*quote == NULL || *quote < s) {
		*quote = memchr(s, '"', (size_t)(end - s));
		if (*quote == NULL)
			*quote = end;
	}
	if (*quote < s + n)
		return false;
	cr = memchr(s, '\r', n);
	return cr == NULL || cr + 1 == s + n ||
	    (cr + 2 == s + n && cr[1] == '\n');
}

/* Split a plain line as libcsv would: fields between commas, trimmed of
 * spaces and tabs; a line of only a line end is no record. */
static void
split_line(struct loader *ld, const char *s, size_t n)
{
	const char	*end = s + n, *comma, *a, *b;

	while (end > s && (end[-1] == '\n' || end[-1] == '\r'))
		end--;
	if (end == s)
		return;
	ld->rec_line = ld->line;
	for (;;) {
		comma = memchr(s, ',', (size_t)(end - s));
		b = comma != NULL ? comma : end;
		for (a = s; a < b && (*a == ' ' || *a == '\t'); a++)
			;
		while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
			b--;
		add_field(ld, a, (size_t)(b - a));
		if (comma == NULL)
			break;
		s = comma + 1;
	}
	on_row('\n', ld);
}

/* True if the bytes from s to the end are the start of a UTF-8 character
 * that the end cuts off: the file was truncated. */
static bool
cut_utf8(const unsigned char *s, size_t n)
{
	size_t	 need, i;

	if (n == 0 || s[0] < 0xc2 || s[0] > 0xf4)
		return false;
	need = s[0] < 0xe0 ? 2 : s[0] < 0xf0 ? 3 : 4;
	if (n >= need)
		return false;
	for (i = 1; i < n; i++)
		if ((s[i] & 0xc0) != 0x80)
			return false;
	return true;
}

/* Whether the first line of the file ends in a lone CR (old Mac files):
 * then every CR ends a line, and an LF inside a text is a line break in
 * it, which splitting at LF alone would take for record ends. */
static bool
cr_only(const char *buf, size_t len)
{
	const char	*cr = memchr(buf, '\r', len), *lf;

	if (cr == NULL || (cr + 1 < buf + len && cr[1] == '\n'))
		return false;
	lf = memchr(buf, '\n', len);
	return lf == NULL || lf > cr;
}

/* The bytes with CRLF and CR as LF. Caller frees. */
static char *
lf_lines(const char *s, size_t n, size_t *outlen)
{
	char	*out = xmalloc(n + 1), *d = out;
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (s[i] != '\r')
			*d++ = s[i];
		else if (i + 1 < n && s[i + 1] == '\n')
			continue;
		else
			*d++ = '\n';
	}
	*d = '\0';
	*outlen = (size_t)(d - out);
	return out;
}

/* The line (1-based) of byte offset off. */
static int
line_of(const char *buf, size_t off)
{
	int	 line = 1;
	size_t	 i;

	for (i = 0; i < off; i++)
		if (buf[i] == '\n')
			line++;
	return line;
}

/* libcsv grows its field buffer by a fixed block (128 bytes): a field of
 * n bytes costs n/128 reallocs, each a copy where realloc cannot grow in
 * place (always, under ASan): quadratic. Grow it geometrically instead. */
static void *
csv_grow(void *p, size_t n)
{
	size_t	 have = p != NULL ? malloc_usable_size(p) : 0;

	if (n <= have)
		return p;
	return xrealloc(p, n / 2 > have ? n : have * 2);
}

/* Make *buf, *len UTF-8 text whose lines end in LF or CRLF: a BOM
 * skipped, GB18030 converted, lone CRs made LF (each said as a warning).
 * *conv is set to what must be freed, if anything. -1 with *err set when
 * the bytes are no text. */
static int
as_text(struct loader *ld, const char **buf, size_t *len, char **conv,
    char **err)
{
	const char	*nul, *b = *buf;
	size_t		 bad, n, l = *len;

	if ((nul = memchr(b, '\0', l)) != NULL) {
		*err = xasprintf(_("%s:%d: 这不是文本文件（含有 NUL 字节），"
		    "不是报告文件"), ld->name, line_of(b, (size_t)(nul - b)));
		return -1;
	}
	if (l >= 3 && memcmp(b, "\xef\xbb\xbf", 3) == 0) {
		b += 3;
		l -= 3;
	}
	if (!utf8_valid(b, l, &bad)) {
		if (bad > 0 && cut_utf8((const unsigned char *)b + bad,
		    l - bad)) {
			*err = xasprintf(_("%s:%d: 文件在一个字符的中间结束，"
			    "不完整（复制或保存时被截断）"), ld->name,
			    line_of(b, bad));
			return -1;
		}
		if ((*conv = utf8_from("GB18030", b, l, &n)) == NULL) {
			*err = xasprintf(_("%s:%d: 文件的编码既不是 UTF-8 也不是 "
			    "GB18030，无法读取"), ld->name, line_of(b, bad));
			return -1;
		}
		b = *conv;
		l = n;
		if (ld->info != NULL)
			ld->info->converted = true;
		warn(ld, 0, _("文件不是 UTF-8，已按 GB18030（GBK）编码转换读取；"
		    "保存时将写为 UTF-8"));
	}

	if (cr_only(b, l)) {
		char	*lf = lf_lines(b, l, &n);

		free(*conv);
		b = *conv = lf;
		l = n;
		warn(ld, 0, _("文件用 CR（旧式 Mac 格式）作行尾，已按行尾读取；"
		    "保存时写为 CRLF"));
	}
	*buf = b;
	*len = l;
	return 0;
}

/* Feed the text to the loader one physical line at a time, plain lines
 * split here and the others through libcsv; then close the last record.
 * Stops at the first refusal (ld->err). */
static void
feed(struct loader *ld, struct csv_parser *p, const char *buf, size_t len)
{
	const char	*s = buf, *end = buf + len, *nl, *quote = NULL;
	size_t		 n;

	while (s < end && ld->err == NULL) {
		ld->line++;
		nl = memchr(s, '\n', (size_t)(end - s));
		n = nl != NULL ? (size_t)(nl - s) + 1 : (size_t)(end - s);
		if (ld->rec_line == 0 && plain_line(s, n, end, &quote)) {
			split_line(ld, s, n);
			s += n;
			continue;
		}
		if (ld->rec_line == 0) {
			size_t	 k = 0;

			while (k < n && (s[k] == '\r' || s[k] == '\n'))
				k++;
			if (k < n)
				ld->rec_line = ld->line;
		}
		if (csv_parse(p, s, n, on_field, on_row, ld) != n) {
			if (ld->nfields > 0)
				fail(ld, ld->line, _("引号用法不对（键 “%s” 这一条）"),
				    show_q(field(ld, 0), 60));
			else
				fail(ld, ld->line, _("引号用法不对"));
		}
		s += n;
	}
	if (ld->err == NULL && csv_fini(p, on_field, on_row, ld) != 0) {
		if (ld->nfields > 0)
			fail(ld, ld->rec_line, _("引号没有闭合（键 “%s” 这一条，"
			    "从这一行开始直到文件末尾）"),
			    show_q(field(ld, 0), 60));
		else
			fail(ld, ld->rec_line, _("引号没有闭合（从这一行开始直到"
			    "文件末尾）"));
	}
}

struct report *
csvio_parse(const char *buf, size_t len, const char *name,
    struct csvio_info *info, char **err)
{
	struct loader		 ld;
	struct csv_parser	 p;
	char			*conv = NULL;

	if (info != NULL)
		memset(info, 0, sizeof *info);
	memset(&ld, 0, sizeof ld);
	ld.name = name;
	ld.info = info;
	if (as_text(&ld, &buf, &len, &conv, err) == -1)
		return NULL;

	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		abort();
	csv_set_realloc_func(&p, csv_grow);
	ld.parser = &p;
	ld.r = report_new();
	feed(&ld, &p, buf, len);
	csv_free(&p);
	if (ld.err == NULL && ld.nrec == 0)
		fail(&ld, 0, _("文件是空的，缺少表头 “key,label,value”"));
	free(ld.buf);
	free(ld.big);
	free(conv);
	if (ld.err != NULL) {
		report_free(ld.r);
		if (info != NULL)
			csvio_info_free(info);
		*err = ld.err;
		return NULL;
	}
	report_set_modified(ld.r, false);
	return ld.r;
}

/* Before reading a big file whole: whether its start already says it is
 * no report (a NUL byte, a first line that is no header), *err set. */
static bool
refuse_early(const char *buf, size_t len, const char *name, char **err)
{
	struct report	*r;
	const char	*s = buf, *end = buf + len, *e;

	if (memchr(buf, '\0', len) == NULL) {
		if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
			s += 3;
		while (s < end && (*s == '\r' || *s == '\n'))
			s++;
		for (e = s; e < end && *e != '\r' && *e != '\n'; e++)
			;
		if (e == end)
			return false;	/* no whole line yet */
		len = (size_t)(e - buf) + 1;
	}
	if ((r = csvio_parse(buf, len, name, NULL, err)) == NULL)
		return true;
	report_free(r);
	return false;
}

/* Open path to read it as a report: a regular file, not too big (*st
 * says how big). -1 with *err set otherwise. */
static int
open_report(const char *path, struct stat *st, char **err)
{
	int	 fd;

	/* O_NONBLOCK: opening a fifo must not wait for a writer. */
	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) == -1) {
		*err = xasprintf(_("%s: 无法打开：%s"), path,
		    errno == EACCES || errno == EPERM ? _("没有读取权限") :
		    safeio_why(errno));
		return -1;
	}
	if (fstat(fd, st) == -1)
		st->st_mode = 0;
	if (!S_ISREG(st->st_mode)) {
		if (S_ISDIR(st->st_mode))
			*err = xasprintf(_("%s: 这是一个文件夹，不是报告文件"),
			    path);
		else
			*err = xasprintf(_("%s: 不是普通文件"), path);
		close(fd);
		return -1;
	}
	if (st->st_size > MAXFILE) {
		*err = xasprintf(_("%s: 文件太大（超过 %d MB），不是报告文件"),
		    path, (int)(MAXFILE >> 20));
		close(fd);
		return -1;
	}
	return fd;
}

/* Read fd to its end into *bufp, which holds size + 1 bytes and is small
 * or allocated; it is reallocated (never small then) if the file grew.
 * *lenp is what was read. -1 with *err set on a read error or a file that
 * is no report. */
static int
read_whole(int fd, const char *path, off_t size, char *small, char **bufp,
    size_t *lenp, char **err)
{
	char	*buf = *bufp;
	size_t	 len = 0, want;
	ssize_t	 n;
	bool	 looked = false;
	int	 rc = -1;

	for (;;) {
		if (len == (size_t)size + 1) {
			if (size > MAXFILE) {
				*err = xasprintf(_("%s: 文件太大（超过 %d MB），"
				    "不是报告文件"), path, (int)(MAXFILE >> 20));
				goto out;
			}
			/* It grew while we read (or, like /proc, said it
			 * was empty): take what is there. */
			size = size * 2 + 4096;
			if (buf == small) {
				buf = xmalloc((size_t)size + 1);
				memcpy(buf, small, len);
			} else
				buf = xrealloc(buf, (size_t)size + 1);
		}
		/* The start of a big file first: a file that is no report is
		 * refused before the rest is read. */
		want = (size_t)size + 1 - len;
		if (!looked && want > SMALLFILE)
			want = SMALLFILE;
		n = read(fd, buf + len, want);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			*err = xasprintf(_("%s: 无法读取：%s"), path, safeio_why(errno));
			goto out;
		}
		if (n == 0)
			break;
		len += (size_t)n;
		if (!looked && len >= SMALLFILE) {
			looked = true;
			if (refuse_early(buf, len, path, err))
				goto out;
		}
	}
	rc = 0;
out:
	*bufp = buf;
	*lenp = len;
	return rc;
}

struct report *
csvio_load(const char *path, struct csvio_info *info, char **err)
{
	struct report	*r;
	struct stat	 st;
	char		 small[SMALLFILE];
	char		*buf;
	size_t		 len;
	int		 fd;

	if (info != NULL)
		memset(info, 0, sizeof *info);
	if ((fd = open_report(path, &st, err)) == -1)
		return NULL;
	/* `check` and `sum` read thousands of files: most fit on the
	 * stack, which spares a large malloc per file. */
	buf = (size_t)st.st_size < sizeof small ? small :
	    xmalloc((size_t)st.st_size + 1);
	if (read_whole(fd, path, st.st_size, small, &buf, &len, err) == -1) {
		if (buf != small)
			free(buf);
		close(fd);
		return NULL;
	}
	close(fd);
	r = csvio_parse(buf, len, path, info, err);
	if (buf != small)
		free(buf);
	return r;
}

void
csvio_info_free(struct csvio_info *info)
{
	int	 i;

	if (info == NULL)
		return;
	for (i = 0; i < info->nwarnings; i++)
		free(info->warnings[i]);
	free(info->warnings);
	info->warnings = NULL;
	info->nwarnings = 0;
}

/* One record. The report file is ours and is read back verbatim: no
 * formula guard here (that is for the exports). */
static void
put_record(struct buf *o, const char *key, const char *label,
    const char *value)
{
	csv_field(o, key, false);
	buf_addn(o, ",", 1);
	csv_field(o, label, false);
	buf_addn(o, ",", 1);
	csv_field(o, value, false);
	buf_addn(o, "\r\n", 2);
}

char *
csvio_format(const struct report *r, size_t *len)
{
	struct buf	 o = { NULL, 0, 0 };
	int		 i;

	buf_addn(&o, "key,label,value\r\n", 17);
	for (i = 0; i < SCH_NFIELDS; i++) {
		const struct sch_field	*f = schema_field(i);

		/* Last year's report is optional: a file without it does
		 * not carry 204 empty records. */
		if (f->cls == SC_PREV && report_get(r, i) == NULL)
			continue;
		put_record(&o, f->key, f->label, report_get(r, i));
	}
	for (i = 0; i < report_nextras(r); i++) {
		const struct report_extra	*e = report_extra(r, i);

		put_record(&o, e->key, e->label, e->value);
	}
	*len = o.len;
	return o.s;
}

int
csvio_save(const struct report *r, const char *path, char **err)
{
	return csvio_save_from(r, path, NULL, 0, err);
}

int
csvio_save_from(const struct report *r, const char *path,
    const char *const *inputs, int flags, char **err)
{
	struct safeio_out	 o = { 0644, SAFEIO_REPORT, inputs };
	char			*data;
	size_t			 len;
	int			 rc;

	o.flags |= flags;
	data = csvio_format(r, &len);
	rc = safeio_save(path, data, len, &o, err);
	free(data);
	return rc;
}
