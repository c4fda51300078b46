/*
 * import.c: a published report's text read into a report (spec §8).
 *
 * The text is decoded (UTF-8, else GB18030 or UTF-16, said), split into
 * lines and walked once: the title line gives the agency and the year,
 * the section headings split the texts (preamble, 一, 五, 六) from the
 * tables (二, 三, 四), and each table line is cut into cells at tabs.
 * Label cells are matched against the schema after normalising width,
 * spaces and quotes; values go into the row's cells in column order.
 * Everything that is not read literally is said in the log with its line.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "import.h"
#include "import_int.h"
#include "utf8.h"
#include "nls.h"
#include "safeio.h"
#include "number.h"
#include "schema.h"
#include "xmalloc.h"

#define MAXCELLS	64		/* cells of one table line looked at */
#define MAXROWS		32		/* rows of the largest table (三: 25) */
#define MAXVALS		16		/* values of the widest row (四: 15) */
#define MAXTEXT		(64 * 1024 * 1024)	/* larger is not a report */
#define MAXHEADS	1024		/* heading-like lines looked at */
#define TITLE_WORDS	"政府信息公开"	/* then 工作, then 年度报告 */

/* Older and clipped row labels seen in published reports (spec §8), by
 * the table and row they stand for. Matched after normalising. */
static const struct {
	int		 table;
	const char	*row;
	const char	*label;
} aliases[] = {
	{ SCH_T2, "normative", "规范性文件" },
	{ SCH_T3, "partial", "（二）部分公开" },
	{ SCH_T3, "deny_law", "2.其他法律法规禁止公开" },
	{ SCH_T3, "deny_law", "2.其他法律行政止公开" },
	{ SCH_T3, "deny_law", "2.其他法律、行政法规禁止公开" },
	{ SCH_T3, "result_total", "（七）合计" },
	{ SCH_T3, "carry_out", "四、结转下年度继续办理申请数量" },
};

/* Words besides the schema's that name a section in a variant heading. */
static const char *const section_words[SCH_NSECTIONS] = {
	"总体情况", "主动公开", "申请", "复议", "问题", "其他需要报告",
};

/* What a cell of a table line is. */
enum cell_kind {
	CK_LABEL,
	CK_EMPTY,
	CK_NUMBER,
	CK_SLASH,	/* "/" or a dash: nothing to report */
	CK_ANNOT,	/* "22（其中修订16件）" */
};

struct cell {
	char		*raw;		/* trimmed */
	char		*norm;		/* see imp_norm() */
	enum cell_kind	 kind;
};

/* A line taken for a section heading (see choose_headings()). */
struct heading {
	int		 no;
	int		 sec;
	bool		 exact;
};

/* A row read and kept for later: the single row （六）其他处理. */
struct deferred {
	int		 line;
	int		 n;
	struct cell	 vals[MAXVALS];
};

struct importer {
	const char		*name;
	struct report		*r;
	struct import_log	*log;

	struct heading		*heads;		/* the sections' headings */
	int			 nheads;
	int			 nexthead;	/* the next to come */
	int			 section;	/* last heading seen, or -1 */
	int			 table;		/* table being read, or -1 */
	int			 band;		/* table 二's band, or -1 */
	int			 header_col[SCH_NTABLES];	/* -1: unknown */
	unsigned		 cols_seen[SCH_NTABLES];
	int			 header_line[SCH_NTABLES];
	bool			 cols_said[SCH_NTABLES];
	int			 row_line[SCH_NTABLES][MAXROWS];
	int			 last_row[SCH_NTABLES];
	int			 table_lines[SCH_NTABLES];
	struct deferred		 other6;
	bool			 have_other6;

	char			*pending;	/* a label line without values */
	int			 pending_line;

	char			*text[SCH_NFIELDS];	/* texts being gathered */
	size_t			 textlen[SCH_NFIELDS];
	size_t			 textcap[SCH_NFIELDS];
	int			 title_line;
	int			 nfigures;	/* cells given a value */
	bool			 rebuilt;	/* the line is a rebuilt row */
	bool			 stop;		/* a second report begins */

	int			 kept;		/* messages kept of lines */
	int			 logcap;
};

/* ---- the log ---------------------------------------------------------- */

static void say(struct importer *, int, enum import_level, const char *, ...)
    __attribute__((format(printf, 4, 5)));

static void
say(struct importer *im, int line, enum import_level level, const char *fmt,
    ...)
{
	struct import_log	*log = im->log;
	va_list			 ap;
	char			*s;

	if (level == IMPORT_GUESS)
		log->nguess++;
	else if (level == IMPORT_WARN)
		log->nwarn++;
	else if (level == IMPORT_REFUSED)
		log->nrefused++;
	/* A text of millions of odd lines must not make millions of
	 * messages: past IMPORT_KEEP the line's messages are only counted
	 * (the file's own, line 0, are few and always kept). */
	if (line > 0 && im->kept >= IMPORT_KEEP) {
		log->nhidden++;
		return;
	}
	if (line > 0)
		im->kept++;
	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) == -1)
		abort();
	va_end(ap);
	if (log->n == im->logcap) {
		im->logcap = im->logcap == 0 ? 16 : im->logcap * 2;
		log->v = xreallocarray(log->v, (size_t)im->logcap,
		    sizeof *log->v);
	}
	log->v[log->n].line = line;
	log->v[log->n].level = level;
	log->v[log->n].text = s;
	log->v[log->n].seq = log->n;
	log->n++;
}

void
import_log_free(struct import_log *log)
{
	int	 i;

	if (log == NULL)
		return;
	for (i = 0; i < log->n; i++)
		free(log->v[i].text);
	free(log->v);
	memset(log, 0, sizeof *log);
}

const char *
import_level_label(enum import_level level)
{
	switch (level) {
	case IMPORT_INFO:
		return _("说明");
	case IMPORT_GUESS:
		return _("猜测");
	case IMPORT_WARN:
		return _("警告");
	case IMPORT_REFUSED:
		return _("无法读取");
	}
	return "";
}

/* Messages in the order of the text (whole-file ones first), those of
 * one line in the order they were said. */
static int
cmp_msg(const void *a, const void *b)
{
	const struct import_msg	*x = a, *y = b;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void
sort_log(struct import_log *log)
{
	if (log->n > 1)
		qsort(log->v, (size_t)log->n, sizeof *log->v, cmp_msg);
}

/* Text from the file quoted in a message: control characters shown as
 * '?', cut after 90 bytes (never inside a character) with "……". Caller
 * frees. */
static char *
shown(const char *s)
{
	const unsigned char	*u = (const unsigned char *)s;
	char			*out = xmalloc(90 + 8);
	size_t			 i = 0, o = 0;

	while (u[i] != '\0' && o < 90) {
		if (u[i] < 0x20 || u[i] == 0x7f) {
			out[o++] = '?';
			i++;
		} else if (u[i] == 0xc2 && u[i + 1] >= 0x80 && u[i + 1] <= 0x9f) {
			out[o++] = '?';
			i += 2;
		} else
			out[o++] = s[i++];
	}
	if (u[i] != '\0') {
		while (o > 0 && (u[i] & 0xc0) == 0x80) {
			o--;
			i--;
		}
		memcpy(out + o, "……", strlen("……"));
		o += strlen("……");
	}
	out[o] = '\0';
	return out;
}

/* Whether a message about line would only be counted (the log is full):
 * then it is counted here, and the caller need not word it. */
static bool
muted(struct importer *im, int line, enum import_level level)
{
	if (line == 0 || im->kept < IMPORT_KEEP)
		return false;
	if (level == IMPORT_GUESS)
		im->log->nguess++;
	else if (level == IMPORT_WARN)
		im->log->nwarn++;
	else if (level == IMPORT_REFUSED)
		im->log->nrefused++;
	im->log->nhidden++;
	return true;
}

/* ---- characters ------------------------------------------------------- */

/* Decode one UTF-8 character at s (valid UTF-8 assumed); *n its length. */
uint32_t
imp_utf8_get(const char *s, int *n)
{
	const unsigned char	*u = (const unsigned char *)s;

	if (u[0] < 0x80) {
		*n = 1;
		return u[0];
	}
	if ((u[0] & 0xe0) == 0xc0) {
		*n = 2;
		return (uint32_t)(u[0] & 0x1f) << 6 | (u[1] & 0x3f);
	}
	if ((u[0] & 0xf0) == 0xe0) {
		*n = 3;
		return (uint32_t)(u[0] & 0x0f) << 12 |
		    (uint32_t)(u[1] & 0x3f) << 6 | (u[2] & 0x3f);
	}
	*n = 4;
	return (uint32_t)(u[0] & 0x07) << 18 | (uint32_t)(u[1] & 0x3f) << 12 |
	    (uint32_t)(u[2] & 0x3f) << 6 | (u[3] & 0x3f);
}

size_t
imp_utf8_put(char *out, uint32_t c)
{
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xc0 | c >> 6);
		out[1] = (char)(0x80 | (c & 0x3f));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char)(0xe0 | c >> 12);
		out[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		out[2] = (char)(0x80 | (c & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | c >> 18);
	out[1] = (char)(0x80 | ((c >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((c >> 6) & 0x3f));
	out[3] = (char)(0x80 | (c & 0x3f));
	return 4;
}

bool
imp_is_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == 0x3000 || c == 0xa0 ||
	    c == 0x2002 || c == 0x2003 || c == 0x2009 || c == 0x200b;
}

bool
imp_is_quote(uint32_t c)
{
	return c == '"' || c == '\'' || c == 0x201c || c == 0x201d ||
	    c == 0x2018 || c == 0x2019 || c == 0x300c || c == 0x300d ||
	    c == 0x300e || c == 0x300f;
}

/* The next character of *s as labels are compared: full-width ASCII made
 * ASCII (so both kinds of parentheses are "()"), spaces and quotes
 * skipped. Written to ch; its length, 0 at the end of s. */
static size_t
norm_next(const char **s, char *ch)
{
	int	 n;

	while (**s != '\0') {
		uint32_t	 c = imp_utf8_get(*s, &n);

		*s += n;
		if (c >= 0xff01 && c <= 0xff5e)
			c -= 0xfee0;
		if (imp_is_space(c) || imp_is_quote(c))
			continue;
		return imp_utf8_put(ch, c);
	}
	return 0;
}

/* The form labels are compared in (norm_next). Caller frees. */
char *
imp_norm(const char *s)
{
	char	*out = xmalloc(strlen(s) + 1), *o = out;
	size_t	 k;

	while ((k = norm_next(&s, o)) > 0)
		o += k;
	*o = '\0';
	return out;
}

/* imp_norm() into a buffer of size bytes (cut at a character if longer). */
void
imp_norm_into(const char *s, char *out, size_t size)
{
	size_t	 o = 0, k;
	char	 ch[4];

	while ((k = norm_next(&s, ch)) > 0 && o + k < size) {
		memcpy(out + o, ch, k);
		o += k;
	}
	out[o] = '\0';
}

/* s without spaces, full-width digits made ASCII (for the title and
 * dates, where brackets keep their width). Caller frees. */
static char *
squeeze(const char *s)
{
	char	*out = xmalloc(strlen(s) + 1), *o = out;
	int	 n;

	while (*s != '\0') {
		uint32_t	 c = imp_utf8_get(s, &n);

		s += n;
		if (c >= 0xff10 && c <= 0xff19)
			c -= 0xfee0;
		if (imp_is_space(c))
			continue;
		o += imp_utf8_put(o, c);
	}
	*o = '\0';
	return out;
}

/* s trimmed of spaces (ASCII, ideographic, no-break) at both ends, in
 * place. */
static char *
trim(char *s)
{
	char	*e;
	int	 n;

	while (*s != '\0' && imp_is_space(imp_utf8_get(s, &n)))
		s += n;
	e = s + strlen(s);
	for (;;) {
		if (e > s && (e[-1] == ' ' || e[-1] == '\t'))
			e--;
		else if (e - s >= 3 && (memcmp(e - 3, "\xe3\x80\x80", 3) == 0 ||
		    memcmp(e - 3, "\xe2\x80\x8b", 3) == 0))
			e -= 3;
		else if (e - s >= 2 && memcmp(e - 2, "\xc2\xa0", 2) == 0)
			e -= 2;
		else
			break;
	}
	*e = '\0';
	return s;
}

/* ---- decoding --------------------------------------------------------- */

/* The text as UTF-8 (*outlen bytes, not NUL-terminated), or NULL with
 * *err. Valid UTF-8 is used where it lies (a 50 MB text is not copied);
 * a converted one is in *own, which the caller frees. */
static const char *
decode(struct importer *im, const char *buf, size_t len, char **own,
    size_t *outlen, char **err)
{
	const char	*out;
	char		*conv = NULL;
	size_t		 n, i;

	*own = NULL;
	if (len >= 2 && ((unsigned char)buf[0] == 0xff &&
	    (unsigned char)buf[1] == 0xfe) &&
	    (conv = utf8_from("UTF-16LE", buf + 2, len - 2, &n)) != NULL)
		goto converted16;
	if (len >= 2 && ((unsigned char)buf[0] == 0xfe &&
	    (unsigned char)buf[1] == 0xff) &&
	    (conv = utf8_from("UTF-16BE", buf + 2, len - 2, &n)) != NULL)
		goto converted16;
	if (memchr(buf, '\0', len) != NULL) {
		*err = xasprintf(_("%s: 这不是文本文件（含有 NUL 字节），"
		    "不是已发布报告的文字"), im->name);
		return NULL;
	}
	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0) {
		buf += 3;
		len -= 3;
	}
	if (utf8_valid(buf, len, NULL)) {
		out = buf;
		n = len;
	} else if ((conv = utf8_from("GB18030", buf, len, &n)) != NULL) {
		im->log->converted = true;
		say(im, 0, IMPORT_INFO, "%s",
		    _("文件不是 UTF-8，已按 GB18030（GBK）编码转换读取"));
		out = conv;
	} else {
		*err = xasprintf(_("%s: 文件的编码既不是 UTF-8 也不是 GB18030，"
		    "或者不是文本，无法读取"), im->name);
		return NULL;
	}
	goto done;
converted16:
	im->log->converted = true;
	say(im, 0, IMPORT_INFO, "%s",
	    _("文件是 UTF-16 编码（记事本的“Unicode”），已转换读取"));
	out = conv;
done:
	if (conv != NULL && memchr(conv, '\0', n) != NULL) {
		free(conv);
		*err = xasprintf(_("%s: 这不是文本文件（含有 NUL 字节），"
		    "不是已发布报告的文字"), im->name);
		return NULL;
	}
	for (i = 0; i < n; i++)
		if (!imp_is_space((unsigned char)out[i]) && out[i] != '\n' &&
		    out[i] != '\r' && out[i] != '\f')
			break;
	if (i == n) {
		free(conv);
		*err = xasprintf(_("%s: 文件是空的"), im->name);
		return NULL;
	}
	*own = conv;
	*outlen = n;
	return out;
}

/* ---- cells ------------------------------------------------------------ */

/* Is s (normalised) digits, optionally grouped by commas, with an optional
 * decimal part? *commas says whether it was grouped. */
static bool
is_number(const char *s, size_t len, bool *commas)
{
	size_t	 i = 0, group = 0;
	bool	 digits = false;

	*commas = false;
	while (i < len && ((s[i] >= '0' && s[i] <= '9') || s[i] == ',')) {
		if (s[i] == ',') {
			if (!digits || (*commas && group != 3) ||
			    (!*commas && group > 3))
				return false;
			*commas = true;
			group = 0;
		} else {
			digits = true;
			group++;
		}
		i++;
	}
	if (!digits || (*commas && group != 3))
		return false;
	if (i < len && s[i] == '.') {
		i++;
		if (i == len)
			return false;
		while (i < len && s[i] >= '0' && s[i] <= '9')
			i++;
	}
	return i == len;
}

static enum cell_kind
cell_kind(const char *n)
{
	static const char *const none[] = {
		"/", "\\", "-", "--", "—", "——", "–", "—", "无",
	};
	size_t		 i, len = strlen(n);
	const char	*p;
	bool		 commas;

	if (len == 0)
		return CK_EMPTY;
	for (i = 0; i < sizeof none / sizeof none[0]; i++)
		if (strcmp(n, none[i]) == 0)
			return CK_SLASH;
	if (is_number(n, len, &commas))
		return CK_NUMBER;
	if ((p = strchr(n, '(')) != NULL && n[len - 1] == ')' &&
	    is_number(n, (size_t)(p - n), &commas))
		return CK_ANNOT;
	return CK_LABEL;
}

static void
cells_free(struct cell *c, int n)
{
	int	 i;

	for (i = 0; i < n; i++) {
		free(c[i].raw);
		free(c[i].norm);
	}
}

static void
cell_make(struct cell *c, const char *s, size_t len)
{
	char	*t = xstrndup(s, len);

	c->raw = xstrdup(trim(t));
	free(t);
	c->norm = imp_norm(c->raw);
	c->kind = cell_kind(c->norm);
}

/* Cut a table line into cells: at tabs; a line without tabs at runs of
 * spaces, adjacent label words joined again ("结果 维持"). Returns how many. */
static int
split_cells(const char *line, struct cell *cells)
{
	const char	*s = line, *e;
	int		 n = 0, k;

	if (strchr(line, '\t') != NULL) {
		for (;;) {
			e = strchr(s, '\t');
			if (n == MAXCELLS)
				break;
			cell_make(&cells[n++], s, e != NULL ? (size_t)(e - s) :
			    strlen(s));
			if (e == NULL)
				break;
			s = e + 1;
		}
		return n;
	}
	while (*s != '\0' && n < MAXCELLS) {
		while (*s != '\0' && imp_is_space(imp_utf8_get(s, &k)))
			s += k;
		if (*s == '\0')
			break;
		e = s;
		while (*e != '\0' && !imp_is_space(imp_utf8_get(e, &k)))
			e += k;
		cell_make(&cells[n], s, (size_t)(e - s));
		if (n > 0 && cells[n].kind == CK_LABEL &&
		    cells[n - 1].kind == CK_LABEL) {
			char	*raw = xasprintf("%s %s", cells[n - 1].raw,
			    cells[n].raw);

			cells_free(&cells[n - 1], 2);
			cell_make(&cells[n - 1], raw, strlen(raw));
			free(raw);
		} else
			n++;
		s = e;
	}
	return n;
}

/* ---- labels ----------------------------------------------------------- */

/* Does label, normalised as imp_norm() does, equal normed? (No copy: this
 * runs for every line against every label.) */
static bool
norm_eq(const char *normed, const char *label)
{
	char	 ch[4];
	size_t	 k;

	while ((k = norm_next(&label, ch)) > 0) {
		if (strncmp(normed, ch, k) != 0)
			return false;
		normed += k;
	}
	return *normed == '\0';
}

/* The first max code points of s into out; how many. */
int
imp_codepoints(const char *s, uint32_t *out, int max)
{
	int	 n = 0, k;

	while (*s != '\0' && n < max) {
		out[n++] = imp_utf8_get(s, &k);
		s += k;
	}
	return n;
}

/* The item number a label starts with ("2.", "(六)", "四、"), or "". */
static void
item_number(const char *s, char *out, size_t size)
{
	const char	*e = NULL;

	if (*s >= '0' && *s <= '9') {
		e = s;
		while (*e >= '0' && *e <= '9')
			e++;
		e = *e == '.' ? e + 1 : NULL;
	} else if (*s == '(')
		e = (e = strchr(s, ')')) != NULL && e - s <= 6 ? e + 1 : NULL;
	else if ((e = strstr(s, "、")) != NULL && e - s <= 6)
		e += strlen("、");
	else
		e = NULL;
	if (e == NULL || (size_t)(e - s) >= size)
		*out = '\0';
	else {
		memcpy(out, s, (size_t)(e - s));
		out[e - s] = '\0';
	}
}

/* A row label made ready for likeness(): its code points and a 256-bit
 * mask of them. Built once for all tables. */
struct rowform {
	uint32_t	 cp[128];
	int		 n;
	uint64_t	 mask[4];
	char		 num[32];	/* item_number() */
	char		 norm[512];	/* imp_norm() */
};

static struct rowform	 rowforms[SCH_NTABLES][MAXROWS];

static const struct rowform *
rowform(int t, int r)
{
	static bool	 ready;
	int		 tt, rr, i;

	if (!ready) {
		for (tt = 0; tt < SCH_NTABLES; tt++)
			for (rr = 0; rr < sch_tables[tt].nrows &&
			    rr < MAXROWS; rr++) {
				struct rowform	*f = &rowforms[tt][rr];
				char		 rl[512];

				imp_norm_into(sch_tables[tt].rows[rr].label, rl,
				    sizeof rl);
				memcpy(f->norm, rl, sizeof f->norm);
				item_number(rl, f->num, sizeof f->num);
				f->n = imp_codepoints(rl, f->cp, 128);
				for (i = 0; i < f->n; i++)
					f->mask[(f->cp[i] >> 6) & 3] |=
					    (uint64_t)1 << (f->cp[i] & 63);
			}
		ready = true;
	}
	return &rowforms[t][r];
}

/* How alike a normalised label (x[0..nx)) and a row label are: their
 * longest common subsequence over the longer one's length, 0 .. 100.
 * What cannot reach 60 is not computed (this runs for every odd line
 * of a long text): an upper bound is how many of x's characters the
 * row label has at all. */
static int
likeness(const uint32_t *x, int nx, const struct rowform *f)
{
	const uint32_t	*y = f->cp;
	int		 ny = f->n, prev[129], cur[129], i, j, bound = 0;
	int		 longer = nx > ny ? nx : ny;

	if (nx == 0 || ny == 0)
		return 0;
	for (i = 0; i < nx; i++)
		if (f->mask[(x[i] >> 6) & 3] & (uint64_t)1 << (x[i] & 63))
			bound++;
	if (bound > ny)
		bound = ny;
	if (bound * 100 / longer < 60)
		return bound * 100 / longer;
	memset(prev, 0, sizeof prev);
	for (i = 1; i <= nx; i++) {
		cur[0] = 0;
		for (j = 1; j <= ny; j++)
			cur[j] = x[i - 1] == y[j - 1] ? prev[j - 1] + 1 :
			    (prev[j] > cur[j - 1] ? prev[j] : cur[j - 1]);
		memcpy(prev, cur, sizeof cur);
	}
	return prev[ny] * 100 / longer;
}

enum match_how {
	MATCH_NONE,
	MATCH_EXACT,
	MATCH_ALIAS,
	MATCH_GUESS,
};

/* The row of table t a normalised label names, or -1. */
static int
match_row(struct importer *im, int t, const char *label, enum match_how *how)
{
	const struct sch_table	*tb = &sch_tables[t];
	char			 num[32];
	uint32_t		 x[128];
	int			 r, best = -1, score = 0, s, ties = 0, nx;
	size_t			 i;

	*how = MATCH_NONE;
	for (r = 0; r < tb->nrows && r < MAXROWS; r++)
		if (strcmp(label, rowform(t, r)->norm) == 0) {
			*how = MATCH_EXACT;
			return r;
		}
	for (i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
		if (aliases[i].table == t && norm_eq(label, aliases[i].label)) {
			*how = MATCH_ALIAS;
			return schema_row(t, aliases[i].row);
		}
	/* A label far longer than any row's is not a row (and the
	 * similarity below is quadratic). */
	if (strlen(label) > 3 * 128)
		return -1;
	item_number(label, num, sizeof num);
	nx = imp_codepoints(label, x, 128);
	for (r = 0; r < tb->nrows && r < MAXROWS; r++) {
		const struct rowform	*f = rowform(t, r);

		if (*num != '\0' && *f->num != '\0' && strcmp(num, f->num) != 0)
			continue;
		s = likeness(x, nx, f);
		if (s > score) {
			score = s;
			best = r;
			ties = 0;
		} else if (s == score && s > 0) {
			if (r == im->last_row[t] + 1)
				best = r;
			ties++;
		}
	}
	/* A tie is settled only by the row that comes next in the table. */
	if (best == -1 || score < 60 ||
	    (ties > 0 && best != im->last_row[t] + 1))
		return -1;
	*how = MATCH_GUESS;
	return best;
}

/* Is a normalised cell one of a table's header words: column labels and
 * their group, the corner and group headings, and for table 四 its row
 * names, which are printed as column headings? */
static bool
header_word(int t, const char *n, int *col)
{
	const struct sch_table	*tb = &sch_tables[t];
	int			 b, c, r;

	*col = -1;
	for (b = 0; b < tb->nbands; b++) {
		const struct sch_band	*bd = &tb->bands[b];

		if (*bd->corner != '\0' && norm_eq(n, bd->corner))
			return true;
		if (bd->group != NULL && norm_eq(n, bd->group))
			return true;
		for (c = 0; c < bd->ncols; c++) {
			if (norm_eq(n, bd->cols[c].label)) {
				*col = c;
				return true;
			}
			if (bd->cols[c].group != NULL &&
			    norm_eq(n, bd->cols[c].group))
				return true;
		}
	}
	if (t == SCH_T4)
		for (r = 0; r < tb->nrows; r++)
			if (norm_eq(n, tb->rows[r].label) ||
			    (tb->rows[r].path != NULL &&
			    norm_eq(n, tb->rows[r].path)))
				return true;
	return false;
}

/* A heading of table 三 with no cells of its own ("（三）不予公开"): the
 * last part of a row path. Returns the row of its first item, or -1. */
static int
group_heading(const char *n)
{
	const struct sch_table	*tb = &sch_tables[SCH_T3];
	int			 r;

	for (r = 0; r < tb->nrows; r++) {
		const char	*p = tb->rows[r].path, *last;

		if (p == NULL || (last = strrchr(p, '/')) == NULL)
			continue;
		if (norm_eq(n, last + 1))
			return r;
	}
	return -1;
}

/* ---- values ----------------------------------------------------------- */

/* The number a value cell holds, as text number_parse takes: commas and
 * the remark of an annotated cell dropped. Caller frees. */
static char *
cell_number(const struct cell *c, char **remark)
{
	const char	*p;
	char		*out, *o;
	size_t		 len;

	*remark = NULL;
	len = strlen(c->norm);
	if (c->kind == CK_ANNOT) {
		p = strchr(c->norm, '(');
		len = (size_t)(p - c->norm);
		/* The remark as printed, inside its brackets. */
		if ((p = strstr(c->raw, "（")) != NULL)
			*remark = xstrdup(p);
		else if ((p = strchr(c->raw, '(')) != NULL)
			*remark = xstrdup(p);
		else
			*remark = xstrdup(c->raw);
	}
	out = o = xmalloc(len + 1);
	for (p = c->norm; p < c->norm + len; p++)
		if (*p != ',')
			*o++ = *p;
	*o = '\0';
	return out;
}

/* Put one value cell into field f. */
static void
put_value(struct importer *im, int f, const struct cell *c, int line)
{
	const struct sch_field	*fd = schema_field(f);
	char			*num, *remark, *q, buf[NUM_BUFSZ];
	int64_t			 v;
	int			 e;

	report_set_line(im->r, f, line);
	if (c->kind == CK_EMPTY || c->kind == CK_SLASH) {
		report_set(im->r, f, NULL);
		return;
	}
	num = cell_number(c, &remark);
	im->nfigures++;
	if ((e = number_parse(num, fd->kind, &v)) == NUM_OK) {
		report_set(im->r, f, number_format(v, fd->kind, buf));
		if (strchr(c->norm, ',') != NULL) {
			q = shown(c->raw);
			say(im, line, IMPORT_GUESS,
			    _("%s：“%s” 按千分位读作 %s"),
			    schema_display_label(f), q, buf);
			free(q);
		}
	} else {
		report_set(im->r, f, c->raw);
		q = shown(c->raw);
		say(im, line, IMPORT_WARN,
		    _("%s：“%s” 不是有效的数字（%s），原样保留，检查时标为错误"),
		    schema_display_label(f), q, number_strerror(e, fd->kind));
		free(q);
	}
	if (remark != NULL) {
		char	*key = xasprintf("note.import.%s", fd->key);
		char	*label = xasprintf("说明/导入/%s", fd->label);

		report_extra_set(im->r, key, label, remark, line);
		q = shown(c->raw);
		say(im, line, IMPORT_GUESS,
		    _("%s：“%s” 取数字 %s，括号里的话记为这一格的说明"),
		    schema_display_label(f), q, report_get(im->r, f));
		free(q);
		free(key);
		free(label);
	}
	free(num);
	free(remark);
}

/* The row's name in messages: 表三 “1.属于国家秘密”. Caller frees. */
static char *
row_name(int t, int r)
{
	return xasprintf("%s “%s”", sch_tables[t].name,
	    sch_tables[t].rows[r].label);
}

/* A row seen a second time: said once more if the same, refused if not. */
static void
row_again(struct importer *im, int t, int r, const struct cell *vals, int n,
    int line, const char *name)
{
	bool	 same = n == schema_band(t, r)->ncols;
	int	 c;

	for (c = 0; c < n && same; c++) {
		const char	*old = report_get(im->r, schema_cell(t, r, c));
		char		*num, *remark;

		num = cell_number(&vals[c], &remark);
		same = (old == NULL && *num == '\0') ||
		    (old != NULL && strcmp(old, num) == 0);
		free(num);
		free(remark);
	}
	if (same)
		say(im, line, IMPORT_WARN,
		    _("%s 又出现了一次（第一次在第 %d 行），数字相同，"
		    "只算一次"), name, im->row_line[t][r]);
	else
		say(im, line, IMPORT_REFUSED,
		    _("%s 出现了两次（第 %d 行和这一行），数字不同"),
		    name, im->row_line[t][r]);
}

/* A row with fewer figures than columns: none at all leaves it unfilled,
 * zeros only fill it with 0 (a column lost in transcription), anything
 * else cannot be placed and is refused (false). */
static bool
short_row(struct importer *im, int t, int r, const struct cell *vals, int n,
    int line, const char *name)
{
	const struct sch_band	*b = schema_band(t, r);
	int			 c;

	for (c = 0; c < n; c++)
		if (vals[c].kind != CK_EMPTY && vals[c].kind != CK_SLASH)
			break;
	if (c == n) {
		say(im, line, IMPORT_WARN, _("%s 没有数字，%d 格都留空未填"),
		    name, b->ncols);
		for (c = 0; c < b->ncols; c++) {
			report_set(im->r, schema_cell(t, r, c), NULL);
			report_set_line(im->r, schema_cell(t, r, c), line);
		}
		return true;
	}
	for (c = 0; c < n; c++)
		if (vals[c].kind != CK_NUMBER ||
		    strspn(vals[c].norm, "0.") != strlen(vals[c].norm)) {
			say(im, line, IMPORT_REFUSED,
			    _("%s 只有 %d 个数字，应有 %d 个（转录时丢了一列或一格？），"
			    "无法确定各属哪一列"), name, n, b->ncols);
			return false;
		}
	say(im, line, IMPORT_WARN,
	    _("%s 只有 %d 个数字，应有 %d 个（转录时丢了一列？）；"
	    "都是 0，%d 列全部填 0"), name, n, b->ncols, b->ncols);
	im->nfigures += n;
	for (c = 0; c < b->ncols; c++) {
		report_set(im->r, schema_cell(t, r, c), "0");
		report_set_line(im->r, schema_cell(t, r, c), line);
	}
	return true;
}

/* A row with a cell for every column; blank and "/" cells are said. */
static void
full_row(struct importer *im, int t, int r, const struct cell *vals,
    int line, const char *name)
{
	const struct sch_band	*b = schema_band(t, r);
	char			 cols[512];
	int			 c, nblank = 0;
	size_t			 o = 0;

	for (c = 0; c < b->ncols; c++) {
		put_value(im, schema_cell(t, r, c), &vals[c], line);
		if (vals[c].kind != CK_EMPTY && vals[c].kind != CK_SLASH)
			continue;
		nblank++;
		o += (size_t)snprintf(cols + o, sizeof cols - o, "%s%s",
		    o > 0 ? "、" : "", b->cols[c].label);
		if (o >= sizeof cols)
			o = sizeof cols - 1;
	}
	if (nblank > 0)
		say(im, line, IMPORT_WARN,
		    _("%s：%d 格为空或为 “/”，留空未填（%s）"), name, nblank,
		    cols);
}

/* Put a row's values into its cells, checking their number first.
 * vals[0..n) are the value cells in column order. */
static void
put_row(struct importer *im, int t, int r, const struct cell *vals, int n,
    int line)
{
	const struct sch_band	*b = schema_band(t, r);
	char			*name = row_name(t, r);
	bool			 read;

	if (n > b->ncols) {
		say(im, line, IMPORT_REFUSED,
		    _("%s 有 %d 个数字，多于这一行的 %d 列，无法确定各属哪一列"),
		    name, n, b->ncols);
		free(name);
		return;
	}
	if (im->row_line[t][r] != 0) {
		row_again(im, t, r, vals, n, line, name);
		read = false;
	} else if (n < b->ncols)
		read = short_row(im, t, r, vals, n, line, name);
	else {
		full_row(im, t, r, vals, line, name);
		read = true;
	}
	if (read) {
		im->row_line[t][r] = line;
		im->last_row[t] = r;
	}
	free(name);
}

/* ---- table lines ------------------------------------------------------ */

static void
drop_pending(struct importer *im)
{
	if (im->pending != NULL) {
		char	*q = shown(im->pending);

		say(im, im->pending_line, IMPORT_WARN,
		    _("认不出这一行 “%s”，已跳过"), q);
		free(q);
	}
	free(im->pending);
	im->pending = NULL;
}

/* A header line of table t: remember where its first column starts and
 * which columns it names. */
static void
header_line(struct importer *im, int t, struct cell *cells, int n, int line)
{
	int	 i, col;

	for (i = 0; i < n; i++) {
		if (cells[i].kind != CK_LABEL || !header_word(t, cells[i].norm,
		    &col) || col == -1)
			continue;
		if (col == 0 && (t != SCH_T4 || im->header_col[t] == -1))
			im->header_col[t] = i;
		im->cols_seen[t] |= 1u << col;
	}
	im->header_line[t] = line;
}

/* After a table's header: say when it names fewer columns than the table
 * has (the seed's table 三 lost 其他 in the PDF). */
static void
check_columns(struct importer *im, int t, int r)
{
	const struct sch_band	*b = schema_band(t, r);
	char			 missing[256];
	size_t			 o = 0;
	int			 c, seen = 0;

	if (im->cols_said[t] || im->cols_seen[t] == 0)
		return;
	im->cols_said[t] = true;
	for (c = 0; c < b->ncols; c++) {
		if (im->cols_seen[t] & (1u << c)) {
			seen++;
			continue;
		}
		o += (size_t)snprintf(missing + o, sizeof missing - o, "%s“%s”",
		    o > 0 ? "、" : "", b->cols[c].label);
		if (o >= sizeof missing)
			o = sizeof missing - 1;
	}
	if (seen < b->ncols && seen >= 2)
		say(im, im->header_line[t], IMPORT_WARN,
		    _("%s的表头只列出 %d 列，缺 %s：这份文字可能在转录时丢了一列"),
		    sch_tables[t].name, seen, missing);
}

/* The value cells of a table line whose last label cell is at last. */
static int
value_cells(struct importer *im, int t, struct cell *cells, int n, int last,
    int want, struct cell **vals)
{
	int	 start = last + 1, end = n;

	/* A row the layout stage rebuilt has its cells where they belong. */
	if (im->rebuilt) {
		*vals = cells + start;
		return end - start;
	}
	while (start < end && cells[start].kind == CK_EMPTY &&
	    start < im->header_col[t])
		start++;
	if (im->header_col[t] == -1)
		while (start < end && cells[start].kind == CK_EMPTY)
			start++;
	while (end - start > want && cells[end - 1].kind == CK_EMPTY)
		end--;
	while (end - start > want && cells[start].kind == CK_EMPTY)
		start++;
	*vals = cells + start;
	return end - start;
}

/* Which table a line may belong to: the one being read, else any. */
static int
tables_for(struct importer *im, int *ts)
{
	int	 t, n = 0;

	if (im->table != -1) {
		ts[0] = im->table;
		return 1;
	}
	for (t = 0; t < SCH_NTABLES; t++)
		ts[n++] = t;
	return n;
}

/* Try to read a line with values as a row of one of the tables. */
static bool
row_line(struct importer *im, struct cell *cells, int n, int last,
    const char *label, int line, bool from_pending)
{
	int		 ts[SCH_NTABLES], nt = tables_for(im, ts), i, t, r;
	enum match_how	 how;
	struct cell	*vals;
	int		 nvals;
	char		*q;

	for (i = 0; i < nt; i++) {
		t = ts[i];
		if ((r = match_row(im, t, label, &how)) == -1)
			continue;
		if (how != MATCH_EXACT) {
			q = shown(from_pending ? label : cells[last].raw);
			say(im, line, IMPORT_GUESS, how == MATCH_ALIAS ?
			    _("行名 “%s” 是旧的或截短的写法，按 “%s” 读取") :
			    _("行名 “%s” 与标准写法不同，猜作 “%s”"), q,
			    sch_tables[t].rows[r].label);
			free(q);
		}
		if (from_pending)
			say(im, line, IMPORT_GUESS,
			    _("行名从第 %d 行接续到这一行，合起来读作 “%s”"),
			    im->pending_line, sch_tables[t].rows[r].label);
		im->table = t;
		im->table_lines[t]++;
		check_columns(im, t, r);
		nvals = value_cells(im, t, cells, n, last,
		    schema_band(t, r)->ncols, &vals);
		put_row(im, t, r, vals, nvals, line);
		return true;
	}
	return false;
}

/* A line of values without a label: table 四 printed on one line (its
 * fifteen figures), else a line that cannot be placed. */
static void
t4_line(struct importer *im, struct cell *cells, int n, const char *text,
    int line)
{
	struct cell	*vals;
	int		 nvals, i, r;
	char		*q;

	if (im->table == SCH_T4 || (im->table == -1 &&
	    im->section == SCH_S4) || (n == 15 && im->rebuilt)) {
		drop_pending(im);
		im->table = SCH_T4;
		im->table_lines[SCH_T4]++;
		nvals = value_cells(im, SCH_T4, cells, n, -1, 15, &vals);
		if (nvals > 15)
			say(im, line, IMPORT_REFUSED,
			    _("表四有 %d 个数字，多于 15 列"), nvals);
		else if (nvals < 15) {
			bool	 zeros = true;

			for (i = 0; i < nvals; i++)
				if (vals[i].kind != CK_NUMBER ||
				    strspn(vals[i].norm, "0") !=
				    strlen(vals[i].norm))
					zeros = false;
			if (!zeros) {
				say(im, line, IMPORT_REFUSED,
				    _("表四只有 %d 个数字，应有 15 个（转录时丢了一列？），"
				    "无法确定各属哪一列"), nvals);
				return;
			}
			say(im, line, IMPORT_WARN,
			    _("表四只有 %d 个数字，应有 15 个（转录时丢了一列？）；"
			    "都是 0，15 列全部填 0"), nvals);
			for (r = 0; r < 3; r++) {
				static char	 zero[] = "0";
				struct cell	 z[5];

				for (i = 0; i < 5; i++) {
					z[i].raw = z[i].norm = zero;
					z[i].kind = CK_NUMBER;
				}
				put_row(im, SCH_T4, r, z, 5, line);
			}
		} else
			for (r = 0; r < 3; r++)
				put_row(im, SCH_T4, r, vals + 5 * r, 5, line);
		return;
	}
	q = shown(text);
	say(im, line, IMPORT_WARN,
	    _("这一行只有数字，认不出是哪一行：“%s”，已跳过"), q);
	free(q);
}

/* （六）其他处理 printed as one row: kept until the table ends. */
static void
other6_line(struct importer *im, struct cell *cells, int n, int last,
    int r, int line)
{
	struct cell	*vals;
	int		 nvals, i;

	drop_pending(im);
	im->table = SCH_T3;
	im->table_lines[SCH_T3]++;
	check_columns(im, SCH_T3, r);
	nvals = value_cells(im, SCH_T3, cells, n, last, 7, &vals);
	if (im->have_other6) {
		say(im, line, IMPORT_REFUSED,
		    _("“（六）其他处理”出现了两次（第 %d 行和这一行）"),
		    im->other6.line);
		return;
	}
	im->have_other6 = true;
	im->other6.line = line;
	im->other6.n = nvals < MAXVALS ? nvals : MAXVALS;
	for (i = 0; i < im->other6.n; i++) {
		im->other6.vals[i].raw = xstrdup(vals[i].raw);
		im->other6.vals[i].norm = xstrdup(vals[i].norm);
		im->other6.vals[i].kind = vals[i].kind;
	}
}

/* A line of words without figures: the column headings (two header
 * words, table 三's note, a corner), a row printed with empty cells for
 * its figures, a heading of table 三 over numbered rows, or part of a
 * label broken over two lines (kept as pending). */
static void
words_line(struct importer *im, struct cell *cells, int n, int last,
    const char *label, const char *text, int line)
{
	int	 ts[SCH_NTABLES], nt = tables_for(im, ts), i, k, t, col;
	int	 nwords;

	for (i = 0; i < nt; i++) {
		t = ts[i];
		nwords = 0;
		for (k = 0; k < n; k++)
			if (cells[k].kind == CK_LABEL &&
			    (header_word(t, cells[k].norm, &col) ||
			    (t == SCH_T3 &&
			    strstr(cells[k].norm, "勾稽关系") != NULL)))
				nwords += col == -1 && k == 0 && t != SCH_T4 ?
				    2 : 1;
		if (nwords >= 2) {
			drop_pending(im);
			im->table = t;
			header_line(im, t, cells, n, line);
			return;
		}
	}
	if (n - 1 - last >= 1) {
		drop_pending(im);
		if (row_line(im, cells, n, last, label, line, false))
			return;
	}
	drop_pending(im);
	if (group_heading(label) != -1)
		return;
	im->pending = xstrdup(text);
	im->pending_line = line;
}

/* A line of a label and figures: a row, the single row （六）其他处理,
 * a group heading's subtotal, or the second half of a broken label. */
static void
figures_line(struct importer *im, struct cell *cells, int n, int last,
    const char *label, int line)
{
	char	*q, *joined, *jn;
	int	 r;
	bool	 done;

	if (row_line(im, cells, n, last, label, line, false)) {
		drop_pending(im);
		return;
	}
	if ((r = group_heading(label)) != -1) {
		/* （六）其他处理 printed as one row: kept until the table
		 * ends. */
		if (strcmp(sch_tables[SCH_T3].rows[r].key,
		    "other_nocorrect") == 0 &&
		    (im->table == -1 || im->table == SCH_T3)) {
			other6_line(im, cells, n, last, r, line);
			return;
		}
		q = shown(cells[last].raw);
		say(im, line, IMPORT_WARN,
		    _("“%s” 是小标题，这一行的数字是小计，不读取（各项另有行）"), q);
		free(q);
		return;
	}
	/* A label broken over two lines: the line before and this one. */
	if (im->pending != NULL) {
		joined = xasprintf("%s%s", im->pending, label);
		jn = imp_norm(joined);
		done = row_line(im, cells, n, last, jn, line, true);
		free(joined);
		free(jn);
		if (done) {
			free(im->pending);
			im->pending = NULL;
			return;
		}
	}
	drop_pending(im);
	q = shown(cells[last].raw);
	say(im, line, IMPORT_WARN, _("认不出行名 “%s”，这一行的数字未读取"), q);
	free(q);
}

/* One line inside a table section (or a line with tabs anywhere). */
static void
table_line(struct importer *im, const char *text, int line)
{
	struct cell	 cells[MAXCELLS];
	int		 n = split_cells(text, cells), i, last = -1;
	bool		 values = false;
	char		*label = NULL;

	for (i = 0; i < n; i++) {
		if (cells[i].kind == CK_LABEL)
			last = i;
		else if (cells[i].kind != CK_EMPTY)
			values = true;
	}
	if (last == -1 && !values)
		goto out;		/* only empty cells */
	if (last != -1)
		label = xstrdup(cells[last].norm);

	/* Table 二's captions: 第二十条第（一）项. */
	for (i = 0; label != NULL && i < sch_tables[SCH_T2].nbands; i++)
		if (strstr(label, "第二十条") != NULL &&
		    norm_eq(label, sch_tables[SCH_T2].bands[i].caption)) {
			drop_pending(im);
			im->table = SCH_T2;
			im->band = i;
			goto out;
		}
	if (!values)
		words_line(im, cells, n, last, label, text, line);
	else if (last == -1)
		t4_line(im, cells, n, text, line);
	else
		figures_line(im, cells, n, last, label, line);
out:
	free(label);
	cells_free(cells, n);
}

/* The single row （六）其他处理, when its three items were not printed:
 * into 3.其他, the other two 0. */
static void
finish_other6(struct importer *im)
{
	const struct sch_table	*tb = &sch_tables[SCH_T3];
	int			 rn = schema_row(SCH_T3, "other_nocorrect");
	int			 rf = schema_row(SCH_T3, "other_nofee");
	int			 ro = schema_row(SCH_T3, "other_other");
	int			 c, line = im->other6.line;

	if (!im->have_other6)
		return;
	if (im->row_line[SCH_T3][rn] != 0 || im->row_line[SCH_T3][rf] != 0 ||
	    im->row_line[SCH_T3][ro] != 0) {
		say(im, line, IMPORT_WARN,
		    _("“（六）其他处理”这一行是小计，各项另有行，不读取"));
		goto out;
	}
	say(im, line, IMPORT_GUESS,
	    _("“（六）其他处理”只印了一行：数字记入 “%s”，“%s” 和 “%s” 填 0"),
	    tb->rows[ro].label, tb->rows[rn].label, tb->rows[rf].label);
	put_row(im, SCH_T3, ro, im->other6.vals, im->other6.n, line);
	if (im->row_line[SCH_T3][ro] != 0)
		for (c = 0; c < 7; c++) {
			report_set(im->r, schema_cell(SCH_T3, rn, c), "0");
			report_set_line(im->r, schema_cell(SCH_T3, rn, c), line);
			report_set(im->r, schema_cell(SCH_T3, rf, c), "0");
			report_set_line(im->r, schema_cell(SCH_T3, rf, c), line);
			im->row_line[SCH_T3][rn] = im->row_line[SCH_T3][rf] =
			    line;
		}
out:
	cells_free(im->other6.vals, im->other6.n);
	im->have_other6 = false;
}

/* ---- sections, title, period ------------------------------------------ */

/* Is the line the heading of a section? Returns the section, or -1;
 * *exact says whether it is the official wording. */
static int
heading_of(const char *text, bool *exact)
{
	char	*n;
	int	 s, found = -1;

	if (strchr(text, '\t') != NULL || strlen(text) > 3 * 80)
		return -1;
	for (s = 0; s < SCH_NSECTIONS; s++)
		if (strstr(text, sch_sections[s].numeral) != NULL)
			break;
	if (s == SCH_NSECTIONS)
		return -1;		/* the quick way out for most lines */
	n = imp_norm(text);
	if (strlen(n) > 3 * 40)
		goto out;
	for (s = 0; s < SCH_NSECTIONS; s++) {
		const char	*num = sch_sections[s].numeral;
		size_t		 nl = strlen(num);

		if (strncmp(n, num, nl) != 0)
			continue;
		if (strncmp(n + nl, "、", strlen("、")) != 0 && n[nl] != '.')
			continue;
		if (norm_eq(n, sch_sections[s].heading)) {
			*exact = true;
			found = s;
			break;
		}
		if (strstr(n, section_words[s]) != NULL) {
			*exact = false;
			found = s;
			break;
		}
	}
out:
	free(n);
	return found;
}

/* The longest run of c[0..n) in the official order of sections (weights:
 * official wording 2, a variant 1), the earliest on a tie, moved to the
 * front of c; its length. */
static int
longest_run(struct heading *c, int n)
{
	int	 bestv[SCH_NSECTIONS], besti[SCH_NSECTIONS], *val, *nxt;
	int	 i, s, k, len = 0;

	/* From the last candidate back: val[i] is the weight of the best
	 * run starting at i, nxt[i] its next heading (-1: none). */
	val = xreallocarray(NULL, n + 1, sizeof *val);
	nxt = xreallocarray(NULL, n + 1, sizeof *nxt);
	for (s = 0; s < SCH_NSECTIONS; s++) {
		bestv[s] = 0;
		besti[s] = -1;
	}
	for (i = n - 1; i >= 0; i--) {
		int	 m = 0, j = -1;

		for (s = c[i].sec + 1; s < SCH_NSECTIONS; s++)
			if (besti[s] != -1 && (bestv[s] > m ||
			    (bestv[s] == m && besti[s] < j))) {
				m = bestv[s];
				j = besti[s];
			}
		val[i] = (c[i].exact ? 2 : 1) + m;
		nxt[i] = j;
		if (val[i] >= bestv[c[i].sec]) {
			bestv[c[i].sec] = val[i];
			besti[c[i].sec] = i;
		}
	}
	k = -1;
	for (s = 0; s < SCH_NSECTIONS; s++)
		if (besti[s] != -1 && (k == -1 || bestv[s] > val[k] ||
		    (bestv[s] == val[k] && besti[s] < k)))
			k = besti[s];
	for (; k != -1; k = nxt[k])
		c[len++] = c[k];
	free(val);
	free(nxt);
	return len;
}

/*
 * Which of the lines that read as section headings are the report's own:
 * the longest run of them in the official order, an official wording
 * weighing twice a variant, the earliest such run on a tie. A heading's
 * words inside a text ("三、收到和处理政府信息公开申请情况" quoted in 一,
 * a title that starts with one, a paragraph "二、主动公开方面……") are
 * then text, not a jump over the sections in between that would read the
 * rest of the report as the wrong table. A text of more than MAXHEADS
 * heading-like lines is no report: the lines after those are text.
 */
static void
choose_headings(struct importer *im, const char *text, size_t len)
{
	struct heading		*c = NULL;
	char			 buf[3 * 80 + 1];
	size_t			 pos = 0, e, next;
	int			 n = 0, cap = 0, no = 0, s;
	bool			 exact;

	/* The physical lines, numbered as the layout stage numbers them. A
	 * heading is short and passes the layout stage as it is. */
	for (; pos < len && n < MAXHEADS; pos = next) {
		no++;
		e = imp_line_end(text, len, pos, &next);
		if (e - pos < sizeof buf) {
			memcpy(buf, text + pos, e - pos);
			buf[e - pos] = '\0';
			if ((s = heading_of(trim(buf), &exact)) != -1) {
				if (n == cap)
					c = xreallocarray(c, cap = cap ? 2 * cap :
					    16, sizeof *c);
				c[n].no = no;
				c[n].sec = s;
				c[n].exact = exact;
				n++;
			}
		}
	}

	im->nheads = longest_run(c, n);
	im->heads = c;
	im->nexthead = 0;
}

/* Is the line one of the chosen section headings? Returns the section, or
 * -1. Lines come in order, so the next chosen heading is the only one to
 * look for. */
static int
section_heading(struct importer *im, const char *text, int no, bool *exact)
{
	const struct heading	*h;

	while (im->nexthead < im->nheads && im->heads[im->nexthead].no < no)
		im->nexthead++;
	if (im->nexthead == im->nheads)
		return -1;
	h = &im->heads[im->nexthead];
	if (h->no != no || heading_of(text, exact) != h->sec)
		return -1;
	im->nexthead++;
	return h->sec;
}

static void
add_text(struct importer *im, int f, const char *line)
{
	size_t	 n = strlen(line);

	if (im->textlen[f] + n + 2 > im->textcap[f]) {
		while (im->textlen[f] + n + 2 > im->textcap[f])
			im->textcap[f] = im->textcap[f] < 256 ? 256 :
			    im->textcap[f] * 2;
		im->text[f] = xrealloc(im->text[f], im->textcap[f]);
	}
	if (im->textlen[f] > 0)
		im->text[f][im->textlen[f]++] = '\n';
	memcpy(im->text[f] + im->textlen[f], line, n + 1);
	im->textlen[f] += n;
}

/* Dates "YYYY年M月D日" in a squeezed line, as YYYYMMDD. */
static int
find_dates(const char *s, int *dates, const char **starts, const char **ends,
    int max)
{
	int		 n = 0;
	const char	*p = s;

	while (*p != '\0' && n < max) {
		int	 y, m, d, k = -1;

		/* %n is set only when 日 matched too. */
		if (sscanf(p, "%4d年%d月%d日%n", &y, &m, &d, &k) == 3 && k > 0 &&
		    p[0] >= '0' && p[0] <= '9' && y >= 1990 && y <= 2999 &&
		    m >= 1 && m <= 12 && d >= 1 && d <= 31 &&
		    (p == s || p[-1] < '0' || p[-1] > '9')) {
			dates[n] = y * 10000 + m * 100 + d;
			starts[n] = p;
			ends[n] = p + k;
			n++;
			p += k;
		} else
			p++;
	}
	return n;
}

/* The sentence that states the data period: two dates with 至 between
 * them, on a line that speaks of 统计 or 期限. */
static bool
period_line(struct importer *im, const char *text, int line)
{
	char		*s, *to;
	int		 dates[4], n, i;
	const char	*starts[4], *ends[4];
	char		 buf[16];
	bool		 found = false;

	if (strstr(text, "至") == NULL && strstr(text, "到") == NULL)
		return false;
	s = squeeze(text);

	if (strstr(s, "统计") == NULL && strstr(s, "期限") == NULL &&
	    strstr(s, "时限") == NULL)
		goto out;
	n = find_dates(s, dates, starts, ends, 4);
	for (i = 0; i + 1 < n && !found; i++) {
		char	*between = xstrndup(ends[i],
		    (size_t)(starts[i + 1] - ends[i]));

		to = strstr(between, "至");
		if (to == NULL)
			to = strstr(between, "到");
		if (to != NULL && dates[i] <= dates[i + 1]) {
			snprintf(buf, sizeof buf, "%04d-%02d-%02d",
			    dates[i] / 10000, dates[i] / 100 % 100,
			    dates[i] % 100);
			report_set(im->r, F_PERIOD_START, buf);
			report_set_line(im->r, F_PERIOD_START, line);
			snprintf(buf, sizeof buf, "%04d-%02d-%02d",
			    dates[i + 1] / 10000, dates[i + 1] / 100 % 100,
			    dates[i + 1] % 100);
			report_set(im->r, F_PERIOD_END, buf);
			report_set_line(im->r, F_PERIOD_END, line);
			say(im, line, IMPORT_INFO,
			    _("统计期限取自这一句：%s 至 %s"),
			    report_get(im->r, F_PERIOD_START), buf);
			found = true;
		}
		free(between);
	}
out:
	free(s);
	return found;
}

/* Where the title's words start in a squeezed line: 政府信息公开工作
 * 年度报告 or 政府信息公开年度报告 (without 工作). NULL if they are not
 * there. */
static char *
title_words(char *s)
{
	char		*w = s, *p;
	static const char *const ends[] = { "工作年度报告", "年度报告" };
	size_t		 i;

	while ((w = strstr(w, TITLE_WORDS)) != NULL) {
		p = w + strlen(TITLE_WORDS);
		for (i = 0; i < sizeof ends / sizeof ends[0]; i++)
			if (strncmp(p, ends[i], strlen(ends[i])) == 0)
				return w;
		w = p;
	}
	return NULL;
}

/* The title line: AGENCY YEAR年 政府信息公开工作年度报告, the agency
 * perhaps on the line before (prev, or NULL). */
static bool
title_line(struct importer *im, const char *text, int line, const char *prev,
    int prev_line, bool *used_prev)
{
	char	*s, *w, *y, *agency = NULL;
	int	 year = 0;
	bool	 found = false;

	if (strstr(text, "公开") == NULL)
		return false;
	s = squeeze(text);

	if ((w = title_words(s)) == NULL)
		goto out;
	*w = '\0';
	if (w - s >= (ptrdiff_t)strlen("度") &&
	    strcmp(w - strlen("度"), "度") == 0)
		*(w -= strlen("度")) = '\0';
	if (w - s >= (ptrdiff_t)strlen("年") &&
	    strcmp(w - strlen("年"), "年") == 0) {
		*(w -= strlen("年")) = '\0';
		y = w;
		while (y > s && y[-1] >= '0' && y[-1] <= '9')
			y--;
		if (w - y == 4) {
			year = atoi(y);
			*y = '\0';
		}
	}
	found = true;
	*used_prev = false;
	im->title_line = line;
	if (*s != '\0')
		agency = xstrdup(s);
	else if (prev != NULL) {
		agency = squeeze(prev);
		*used_prev = true;
		say(im, prev_line, IMPORT_INFO,
		    _("标题分两行印出，报告单位取自这一行：%s"), agency);
	}
	if (agency != NULL) {
		report_set(im->r, F_AGENCY, agency);
		report_set_line(im->r, F_AGENCY, line);
	}
	if (year != 0) {
		char	 buf[8];

		snprintf(buf, sizeof buf, "%d", year);
		report_set(im->r, F_YEAR, buf);
		report_set_line(im->r, F_YEAR, line);
	}
	if (agency != NULL && year != 0)
		say(im, line, IMPORT_INFO,
		    _("标题：报告单位 “%s”，年度 %d"), agency, year);
	else
		say(im, line, IMPORT_WARN,
		    _("标题里没有%s，请在报告里补填"),
		    agency == NULL && year == 0 ? _("报告单位和年度") :
		    agency == NULL ? _("报告单位") : _("年度"));
	free(agency);
out:
	free(s);
	return found;
}

/* ---- the whole text --------------------------------------------------- */

static void
finish_texts(struct importer *im)
{
	static const int	 fields[] = { F_PREAMBLE, F_S1, F_S5, F_S6 };
	size_t			 i;

	for (i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		int	 f = fields[i];

		if (im->text[f] != NULL)
			report_set(im->r, f, im->text[f]);
	}
}

static void
finish_tables(struct importer *im)
{
	int	 t, r, nmissing, first;
	char	 list[1024];
	size_t	 o;

	for (t = 0; t < SCH_NTABLES; t++) {
		const struct sch_table	*tb = &sch_tables[t];

		if (im->table_lines[t] == 0) {
			say(im, 0, IMPORT_WARN,
			    _("没有找到%s（%s），它的格子都留空"), tb->name,
			    sch_sections[tb->section].heading);
			continue;
		}
		nmissing = 0;
		first = -1;
		o = 0;
		for (r = 0; r < tb->nrows; r++) {
			if (im->row_line[t][r] != 0)
				continue;
			if (first == -1)
				first = r;
			nmissing++;
			o += (size_t)snprintf(list + o, sizeof list - o,
			    "%s“%s”", o > 0 ? "、" : "", tb->rows[r].label);
			if (o >= sizeof list)
				o = sizeof list - 1;
		}
		if (nmissing > 0)
			say(im, 0, IMPORT_WARN,
			    _("%s缺少 %d 行（文字被截断？），这些格子留空：%s"),
			    tb->name, nmissing, list);
	}
}

/* A line of a text section that holds a row, the headings or a caption
 * of a table: an official row label (or a known older one), two column
 * headings, 第二十条, or table 四's fifteen cells of figures or marks
 * of none. */
static bool
tabular(struct importer *im, const char *text)
{
	struct cell	 cells[MAXCELLS];
	int		 n = split_cells(text, cells), i, t, col, nvals = 0;
	int		 nhead = 0, nnum = 0;
	enum match_how	 how;
	bool		 yes = false;

	for (i = 0; i < n && !yes; i++) {
		if (cells[i].kind == CK_NUMBER)
			nnum++;
		if (cells[i].kind == CK_NUMBER || cells[i].kind == CK_SLASH)
			nvals++;
		if (cells[i].kind != CK_LABEL)
			continue;
		if (strstr(cells[i].norm, "第二十条") != NULL ||
		    group_heading(cells[i].norm) != -1)
			yes = true;
		for (t = 0; t < SCH_NTABLES && !yes; t++) {
			if (header_word(t, cells[i].norm, &col))
				nhead++;
			if (match_row(im, t, cells[i].norm, &how) != -1 &&
			    how != MATCH_GUESS)
				yes = true;
		}
	}
	cells_free(cells, n);
	/* Table 四's figures, some of them maybe unfilled ("—"). */
	return yes || nhead >= 2 || (nvals == 15 && nnum > 0);
}

/* A heading of one of the tables' sections under the report's own
 * numbering ("一、主动公开政府信息情况" after six sections of text): the
 * table it opens is read from here on. */
static bool
own_table_heading(struct importer *im, const char *line, int no)
{
	char	*n, *q;
	int	 s;
	bool	 yes = false;

	if (strstr(line, "、") == NULL || strchr(line, '\t') != NULL ||
	    strlen(line) > 3 * 40)
		return false;
	n = imp_norm(line);
	for (s = SCH_S2; s <= SCH_S4 && !yes; s++) {
		const char	*h = sch_sections[s].heading, *hr, *nr;
		char		 hn[256];

		imp_norm_into(h, hn, sizeof hn);
		if ((hr = strstr(hn, "、")) == NULL ||
		    (nr = strstr(n, "、")) == NULL || nr - n > 3 * 3)
			continue;
		if (strcmp(hr, nr) != 0)
			continue;
		/* The official numbering: a heading choose_headings() did not
		 * take is a quote in a text. */
		if (nr - n == hr - hn && strncmp(n, hn, (size_t)(nr - n)) == 0)
			continue;
		yes = true;
		drop_pending(im);
		im->table = sch_sections[s].table;
		q = shown(line);
		say(im, no, IMPORT_GUESS,
		    _("“%s” 是报告自己的编号，按 “%s” 读取后面的表格"), q, h);
		free(q);
	}
	free(n);
	return yes;
}

/* Does a line after the first report's sections start another report:
 * a short title line, or the heading 一、总体情况 once the tables began?
 * (A reviewer pasting a folder of reports into one text.) */
static bool
another_report(struct importer *im, const char *line)
{
	char	*s, *t;
	bool	 yes = false;

	if (im->title_line == 0 || im->section < SCH_S1 ||
	    strstr(line, "报告") == NULL) {
		if (im->section >= SCH_S2 && strstr(line, "总体情况") != NULL) {
			s = imp_norm(line);
			yes = norm_eq(s, sch_sections[SCH_S1].heading);
			free(s);
		}
		return yes;
	}
	s = squeeze(line);
	if (strlen(s) <= 3 * 60 && (t = title_words(s)) != NULL &&
	    strstr(s, "年") != NULL && strstr(s, "，") == NULL) {
		t += strlen(TITLE_WORDS);
		yes = strcmp(t, "工作年度报告") == 0 || strcmp(t, "年度报告") == 0;
	}
	free(s);
	return yes;
}

/* What the walk carries from line to line. */
struct walk {
	char		*prev;		/* the last line before the title */
	int		 prev_no;
	int		 ncomment;	/* "# …" lines above the report */
	int		 first_comment;
	bool		 top;		/* nothing but remarks so far */
	bool		 period;	/* the period's sentence was found */
};

/* A line before the title that is not part of the report. */
static void
skipped_before_title(struct importer *im, const char *prev, int prev_no)
{
	char	*q;

	if (prev == NULL || muted(im, prev_no, IMPORT_INFO))
		return;
	q = shown(prev);
	say(im, prev_no, IMPORT_INFO, _("标题之前的一行 “%s” 不属于报告，已跳过"),
	    q);
	free(q);
}

/* Is the line a chosen section heading? Then the section begins. */
static bool
heading_line(struct importer *im, const char *line, int no)
{
	bool	 exact;
	int	 sec;

	if ((sec = section_heading(im, line, no, &exact)) == -1)
		return false;
	drop_pending(im);
	if (!exact) {
		char	*q = shown(line);

		say(im, no, IMPORT_GUESS, _("标题 “%s” 与标准写法不同，按 “%s” 读取"),
		    q, sch_sections[sec].heading);
		free(q);
	}
	im->section = sec;
	im->table = sch_sections[sec].table;
	return true;
}

/* A line before the first section: the title (a line before it may be
 * the first half of it), the preamble, or a table without its heading. */
static void
front_line(struct importer *im, struct walk *w, const char *line,
    const char *raw, int no, bool rebuilt)
{
	bool	 used;

	if (im->title_line == 0) {
		if (title_line(im, line, no, w->prev, w->prev_no, &used)) {
			if (!used)
				skipped_before_title(im, w->prev, w->prev_no);
		} else {
			skipped_before_title(im, w->prev, w->prev_no);
			free(w->prev);
			w->prev = xstrdup(line);
			w->prev_no = no;
		}
		return;
	}
	if (rebuilt || strchr(line, '\t') != NULL)
		table_line(im, raw, no);
	else
		add_text(im, F_PREAMBLE, line);
}

/* A line of a section: of a table, or of a text. */
static void
section_line(struct importer *im, const char *line, const char *raw, int no,
    bool rebuilt)
{
	switch (im->section) {
	case SCH_S1:
	case SCH_S5:
	case SCH_S6:
		/* A report that numbers its sections its own way puts its
		 * tables after its texts: their headings and rows are known
		 * by their words. */
		if (own_table_heading(im, line, no))
			break;
		if ((rebuilt || strchr(line, '\t') != NULL) &&
		    tabular(im, raw)) {
			table_line(im, raw, no);
			break;
		}
		add_text(im, sch_sections[im->section].text_field, line);
		break;
	default:
		table_line(im, raw, no);
		break;
	}
}

/* After the last line: what was not found is said, the period guessed
 * from the year. */
static void
walk_end(struct importer *im, struct walk *w)
{
	const char	*y;
	char		 buf[16];
	int		 sec, f;

	drop_pending(im);
	if (w->ncomment > 0)
		say(im, w->first_comment, IMPORT_INFO,
		    _("开头 %d 行以 “#” 开头，是转录者的附注，已跳过"),
		    w->ncomment);
	if (im->title_line == 0) {
		skipped_before_title(im, w->prev, w->prev_no);
		say(im, 0, IMPORT_WARN, "%s",
		    _("没有找到标题（“……政府信息公开工作年度报告”），"
		    "报告单位和年度未填"));
	}
	free(w->prev);
	if (!w->period && (y = report_get(im->r, F_YEAR)) != NULL) {
		snprintf(buf, sizeof buf, "%s-01-01", y);
		report_set(im->r, F_PERIOD_START, buf);
		snprintf(buf, sizeof buf, "%s-12-31", y);
		report_set(im->r, F_PERIOD_END, buf);
		say(im, 0, IMPORT_GUESS,
		    _("没有找到说明统计期限的句子，按自然年 %s-01-01 至 %s"), y,
		    buf);
	}
	for (sec = 0; sec < SCH_NSECTIONS; sec++) {
		f = sch_sections[sec].text_field;
		if (f != -1 && im->text[f] == NULL)
			say(im, 0, IMPORT_WARN, _("没有找到 “%s” 的文字，留空"),
			    sch_sections[sec].heading);
	}
}

/* Walk the lines of the decoded text. */
static void
walk(struct importer *im, const char *text, size_t len)
{
	struct implayout	*lay = implayout_new(text, len);
	struct lay_line		 ll;
	struct walk		 w = { .top = true };
	char			*line, *own = NULL, *q;
	size_t			 owncap = 0, n;

	while (!im->stop && implayout_next(lay, &ll)) {
		im->rebuilt = ll.rebuilt;
		if (ll.note != NULL)
			say(im, ll.no, IMPORT_INFO, "%s", ll.note);
		/* Table lines keep their leading and trailing tabs: the cells'
		 * positions say which column a value is in. */
		if (owncap < (n = strlen(ll.text) + 1))
			own = xrealloc(own, owncap = n);
		memcpy(own, ll.text, n);
		line = trim(own);
		if (*line == '\0')
			continue;

		/* Remarks of a transcription above the report: "# …". */
		if (w.top && *line == '#') {
			if (w.ncomment++ == 0)
				w.first_comment = ll.no;
			continue;
		}
		w.top = false;

		if (another_report(im, line)) {
			q = shown(line);
			say(im, ll.no, IMPORT_REFUSED,
			    _("从这一行（“%s”）起是另一份报告：一次只能读取一份，"
			    "请把各份报告分开保存后逐份导入"), q);
			free(q);
			im->stop = true;
			break;
		}
		if (heading_line(im, line, ll.no))
			continue;
		if (!w.period && im->section != SCH_S2 &&
		    im->section != SCH_S3 && im->section != SCH_S4)
			w.period = period_line(im, line, ll.no);
		if (im->section == -1)
			front_line(im, &w, line, ll.text, ll.no, ll.rebuilt);
		else
			section_line(im, line, ll.text, ll.no, ll.rebuilt);
	}
	free(own);
	implayout_free(lay);
	walk_end(im, &w);
}

struct report *
import_text(const char *buf, size_t len, const char *name,
    struct import_log *log, char **err)
{
	struct importer		 im;
	struct import_log	 own;
	const char		*text;
	char			*conv;
	size_t			 tlen;
	int			 t, i, f;

	if (log == NULL)
		log = &own;
	memset(log, 0, sizeof *log);
	memset(&im, 0, sizeof im);
	im.name = name;
	im.log = log;
	im.section = -1;
	im.table = -1;
	im.band = -1;
	for (t = 0; t < SCH_NTABLES; t++) {
		im.header_col[t] = -1;
		im.last_row[t] = -1;
	}
	*err = NULL;

	if (len == 0) {
		*err = xasprintf(_("%s: 文件是空的"), name);
		goto fail;
	}
	if (len > MAXTEXT) {
		*err = xasprintf(_("%s: 文件有 %zu 字节，太大，不像是一份报告的文字"),
		    name, len);
		goto fail;
	}
	if ((text = decode(&im, buf, len, &conv, &tlen, err)) == NULL)
		goto fail;
	im.r = report_new();
	report_set(im.r, F_FORMAT, SCH_FORMAT);
	choose_headings(&im, text, tlen);
	walk(&im, text, tlen);
	free(im.heads);
	free(conv);
	finish_other6(&im);
	finish_tables(&im);
	finish_texts(&im);
	sort_log(log);
	for (f = 0; f < SCH_NFIELDS; f++)
		free(im.text[f]);

	for (t = 0, i = 0; t < SCH_NTABLES; t++)
		i += im.table_lines[t];
	if (i == 0) {
		*err = xasprintf(_("%s: 没有找到任何表格（表二、表三、表四），"
		    "这不像是政府信息公开工作年度报告"), name);
		goto fail;
	}
	if (log->nrefused > 0) {
		*err = xasprintf(_("%s: 有 %d 行无法读取，没有生成报告"),
		    name, log->nrefused);
		goto fail;
	}
	if (im.nfigures == 0) {
		*err = xasprintf(_("%s: 找到了表格的行，但没有读到任何数字"
		    "（格子都是空的，或排版认不出），没有生成报告"), name);
		goto fail;
	}
	if (log == &own)
		import_log_free(&own);
	report_set_modified(im.r, true);
	return im.r;

fail:
	free(im.pending);
	report_free(im.r);
	if (log == &own)
		import_log_free(&own);
	return NULL;
}

struct report *
import_load(const char *path, struct import_log *log, char **err)
{
	struct report	*r;
	struct stat	 st;
	char		*buf;
	size_t		 len = 0;
	ssize_t		 n;
	int		 fd;

	if (log != NULL)
		memset(log, 0, sizeof *log);
	if ((fd = open(path, O_RDONLY | O_NONBLOCK)) == -1) {
		*err = xasprintf("%s: %s", path, errno == EACCES ?
		    _("没有读取权限") : safeio_why(errno));
		return NULL;
	}
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		*err = xasprintf(S_ISDIR(st.st_mode) ?
		    _("%s: 这是一个文件夹，不是文本文件") :
		    _("%s: 不是普通文件"), path);
		close(fd);
		return NULL;
	}
	if (st.st_size > MAXTEXT) {
		*err = xasprintf(_("%s: 文件有 %zu 字节，太大，不像是一份报告的文字"),
		    path, (size_t)st.st_size);
		close(fd);
		return NULL;
	}
	buf = xmalloc((size_t)st.st_size + 1);
	while ((size_t)len < (size_t)st.st_size &&
	    (n = read(fd, buf + len, (size_t)st.st_size - len)) > 0)
		len += (size_t)n;
	close(fd);
	r = import_text(buf, len, path, log, err);
	free(buf);
	return r;
}
