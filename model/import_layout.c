/*
 * import_layout.c: the layout stage of import (spec §8): whatever shape
 * the copy of a published report came in, its table rows leave here as
 * label and value cells separated by tabs, which import.c reads.
 *
 * Lines with tabs pass as they are (a spreadsheet or a browser's copy).
 * Rows written "a | b | c |" become tabs. One cell per line ("95 |") is
 * gathered into rows: a label after a value starts the next row. Every
 * other table is read by position, as a terminal or pdftotext prints it:
 * box drawing (w3m), bordered grids (pandoc) and columns aligned with
 * spaces (w3m, lynx, pandoc, pdftotext -layout). There a block of lines
 * holding figures is cut into tokens with their display columns; a line
 * that ends in figures is a row, and its label is found by content: the
 * official row label whose characters, in order, are all in the label
 * text of the lines around it (a label wrapped over lines, its figures on
 * another line, fragments of a vertical group label in front of it, a
 * page footer in between). A row with fewer figures than columns has its
 * figures placed by the columns of the full rows of the same table and
 * shape; where that is not certain, the row is passed short and import.c
 * refuses it. Nothing is guessed that the text does not hold.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import_int.h"
#include "nls.h"
#include "schema.h"
#include "xmalloc.h"

#define LOOKBEHIND	16	/* lines kept before a block's first row */
#define BLOCK_MAX	1500	/* lines of one block */
#define WIN		12	/* lines a wrapped label reaches from its row */
#define MAXTOK		64	/* tokens of a line looked at */
#define WINCP		512	/* code points of a row's label text */
#define LABCP		128	/* code points of an official label */
#define NCAND		64	/* rows of tables 二 and 三 */

enum lkind {
	L_TEXT,		/* anything else */
	L_BLANK,
	L_TAB,		/* cells separated by tabs */
	L_PIPES,	/* a | b | c | */
	L_CELL,		/* one cell: "95 |" */
	L_BARS,		/* a spanned cell's line of bars */
	L_RULE,		/* ├──┼──┤, +----+---+ */
	L_FOOTER,	/* - 3 -, 第 2 页 */
	L_BOUNDARY,	/* prose or a section heading */
};

struct tok {
	int		 x;	/* display column */
	int		 w;
	char		*s;
	bool		 value;	/* a figure, or / or a dash */
};

/* A line of a block. */
struct bline {
	int		 no;
	char		*raw;
	enum lkind	 kind;
	struct tok	*t;
	int		 nt;
	int		 nv;	/* trailing value tokens */
	bool		 row;	/* ends in figures */
	bool		 used;	/* part of a row's label text */
	/* A row, once read: */
	int		 table;	/* -1: not known */
	int		 r;
	int		 ncols;
	int		 first, last;	/* lines of its label text */
};

struct out {
	char		*text;
	int		 no;
	char		*note;
	bool		 rebuilt;
};

enum bkind { B_NONE, B_ALIGNED, B_CELLS };

struct implayout {
	const char	*text;
	size_t		 len, pos;
	int		 no;		/* first line of the line read */
	int		 phys;		/* lines read */
	char		*buf;
	size_t		 cap;

	enum bkind	 bk;		/* B_NONE: lines kept before a block */
	struct bline	*b;
	int		 nb, bcap;

	struct out	*q;
	int		 qhead, qn, qcap;
	struct out	 cur;
};

/* The official labels rows are read by, normalised. */
struct cand {
	int		 table, row;
	uint32_t	 cp[LABCP];
	int		 n;
	uint32_t	 num[8];	/* its item number: "3.", "(七)", "一、" */
	int		 nnum;
	char		 norm[512];
};

static struct cand	 cands[NCAND];
static int		 ncands;

/* ---- characters ------------------------------------------------------- */

/* Display columns of a character, as terminals and pdftotext count. */
static int
cwidth(uint32_t c)
{
	if ((c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) ||
	    (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) ||
	    (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) ||
	    (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x20000 && c <= 0x3fffd))
		return 2;
	return 1;
}

/* Box drawing (w3m) and the bars and corners of a text grid. */
static bool
is_box(uint32_t c)
{
	return (c >= 0x2500 && c <= 0x257f) || c == '|';
}

/* The item number a normalised label starts with ("3.", "(七)", "一、"):
 * its length in code points, 0 if none. */
static int
item_len(const uint32_t *cp, int n)
{
	int	 i;

	if (n > 1 && cp[0] >= '0' && cp[0] <= '9') {
		for (i = 0; i < n && cp[i] >= '0' && cp[i] <= '9'; i++)
			;
		return i < n && cp[i] == '.' ? i + 1 : 0;
	}
	if (n > 2 && cp[0] == '(') {
		for (i = 1; i < n && i < 5; i++)
			if (cp[i] == ')')
				return i + 1;
		return 0;
	}
	for (i = 1; i < n && i < 4; i++)
		if (cp[i] == 0x3001)		/* 、 */
			return i + 1;
	return 0;
}

static void
cands_init(void)
{
	int	 t, r;
	char	 buf[512];

	if (ncands > 0)
		return;
	for (t = 0; t < SCH_NTABLES; t++) {
		if (t != SCH_T2 && t != SCH_T3)
			continue;
		for (r = 0; r < sch_tables[t].nrows && ncands < NCAND; r++) {
			struct cand	*c = &cands[ncands++];

			c->table = t;
			c->row = r;
			imp_norm_into(sch_tables[t].rows[r].label, buf,
			    sizeof buf);
			memcpy(c->norm, buf, sizeof c->norm);
			c->n = imp_codepoints(buf, c->cp, LABCP);
			c->nnum = item_len(c->cp, c->n);
			if (c->nnum > 8)
				c->nnum = 0;
			memcpy(c->num, c->cp, (size_t)c->nnum * sizeof *c->cp);
		}
	}
}

/* ---- tokens ----------------------------------------------------------- */

/* Is a normalised token a figure, or what stands for none (/, a dash)? */
static bool
value_token(const char *n)
{
	static const char *const none[] = {
		"/", "\\", "-", "--", "—", "——", "–", "－",
	};
	size_t	 i, digits = 0;

	for (i = 0; i < sizeof none / sizeof none[0]; i++)
		if (strcmp(n, none[i]) == 0)
			return true;
	for (i = 0; n[i] != '\0'; i++) {
		if (n[i] >= '0' && n[i] <= '9')
			digits++;
		else if (n[i] != ',' && n[i] != '.')
			return false;
	}
	return digits > 0 && n[0] != '.' && n[0] != ',';
}

static void
toks_free(struct tok *t, int n)
{
	int	 i;

	for (i = 0; i < n; i++)
		free(t[i].s);
	free(t);
}

/* Cut a line into tokens (runs of characters other than spaces, box
 * drawing and bars) with their display columns. */
static int
tokenize(const char *s, struct tok **out)
{
	struct tok	*t = NULL;
	int		 n = 0, cap = 0, x = 0, k, start = -1, sx = 0;
	const char	*p = s, *from = s;

	for (;;) {
		uint32_t	 c = *p != '\0' ? imp_utf8_get(p, &k) : 0;
		bool		 gap = c == 0 || imp_is_space(c) || is_box(c);

		if (gap && start != -1) {
			if (n < MAXTOK) {
				char	*raw = xstrndup(from, (size_t)(p - from));

				if (n == cap) {
					cap = cap == 0 ? 8 : cap * 2;
					t = xreallocarray(t, (size_t)cap,
					    sizeof *t);
				}

				t[n].x = sx;
				t[n].w = x - sx;
				t[n].s = imp_norm(raw);
				t[n].value = value_token(t[n].s);
				free(raw);
				n++;
			}
			start = -1;
		} else if (!gap && start == -1) {
			start = 0;
			sx = x;
			from = p;
		}
		if (c == 0)
			break;
		x += c == '\t' ? 8 - x % 8 : cwidth(c);
		p += k;
	}
	*out = t;
	return n;
}

/* ---- what a line is --------------------------------------------------- */

/* Is s (trimmed) a page footer: "- 3 -", "— 3 —", "第 2 页", "第2页 共5页",
 * "3/12", or a page number alone? */
static bool
footer(const char *s)
{
	char		*n, *p, *tail;
	const char	*q;
	bool		 yes = false, lead;

	/* Figures apart ("— 408 0 7", a row whose first cell is unfilled)
	 * are no page number, whatever the dashes around them. */
	for (q = s; *q != '\0'; q++)
		if (*q >= '0' && *q <= '9' && (q[1] == ' ' || q[1] == '\t')) {
			const char	*e = q + 1 + strspn(q + 1, " \t");

			if (*e >= '0' && *e <= '9')
				return false;
		}
	n = imp_norm(s);
	p = n;
	while (strncmp(p, "-", 1) == 0 || strncmp(p, "—", strlen("—")) == 0)
		p += *p == '-' ? 1 : strlen("—");
	lead = p > n;
	if (strncmp(p, "第", strlen("第")) == 0) {
		p += strlen("第");
		if (*p < '0' || *p > '9')
			goto out;
		while (*p >= '0' && *p <= '9')
			p++;
		if (strncmp(p, "页", strlen("页")) != 0)
			goto out;
		p += strlen("页");
		if (strncmp(p, "共", strlen("共")) == 0) {
			p += strlen("共");
			while (*p >= '0' && *p <= '9')
				p++;
			if (strncmp(p, "页", strlen("页")) != 0)
				goto out;
			p += strlen("页");
		}
		yes = *p == '\0';
		goto out;
	}
	if (*p < '0' || *p > '9')
		goto out;
	while (*p >= '0' && *p <= '9')
		p++;
	if (*p == '/') {
		p++;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	tail = p;
	while (strncmp(p, "-", 1) == 0 || strncmp(p, "—", strlen("—")) == 0)
		p += *p == '-' ? 1 : strlen("—");
	/* A number alone is a footer only with its slash or dashes on both
	 * sides ("- 3 -"): "408 —" is a row's figures wrapped onto a line
	 * of their own, the last cell unfilled (lynx). */
	yes = *p == '\0' && p - n > 0 && (strchr(n, '/') != NULL ||
	    (lead && p > tail));
out:
	free(n);
	return yes;
}

/* Is a normalised line a prefix of, or led by, a label or heading of
 * table 三's rows ("三、本年度办理结果", "四、结转下年度继续办理")? */
static bool
t3_words(const char *n)
{
	const struct sch_table	*tb = &sch_tables[SCH_T3];
	char			 b[512];
	int			 r;
	size_t			 ln = strlen(n);

	for (r = 0; r < tb->nrows; r++) {
		imp_norm_into(tb->rows[r].label, b, sizeof b);
		if (strncmp(b, n, ln) == 0 || strncmp(n, b, strlen(b)) == 0)
			return true;
		if (tb->rows[r].path != NULL) {
			imp_norm_into(tb->rows[r].path, b, sizeof b);
			if (strncmp(b, n, ln) == 0 ||
			    strncmp(n, b, strlen(b)) == 0)
				return true;
		}
	}
	return false;
}

/* A line that ends a table block: prose (a sentence) or a heading
 * "四、…" that is not one of table 三's labels. */
static bool
boundary(const char *s, struct tok *t, int nt)
{
	uint32_t	 cp[4];
	int		 n;

	if (strstr(s, "。") != NULL || strstr(s, "；") != NULL)
		return true;
	if (nt != 1)
		return false;
	n = imp_codepoints(t[0].s, cp, 4);
	if (n < 3 || cp[1] != 0x3001)		/* 、 */
		return false;
	switch (cp[0]) {
	case 0x4e00: case 0x4e8c: case 0x4e09: case 0x56db: case 0x4e94:
	case 0x516d: case 0x4e03: case 0x516b: case 0x4e5d: case 0x5341:
		break;
	default:
		return false;
	}
	return t[0].w >= 10 && !t3_words(t[0].s);
}

/* Is the label part of a row (tokens before its figures), normalised, an
 * official row label of table 二 or 三? */
static bool
known_label(struct tok *t, int nlab)
{
	char	 buf[512];
	size_t	 o = 0, l;
	int	 i, c;

	cands_init();
	for (i = 0; i < nlab; i++) {
		l = strlen(t[i].s);
		if (o + l >= sizeof buf)
			return false;
		memcpy(buf + o, t[i].s, l);
		o += l;
	}
	buf[o] = '\0';
	for (c = 0; c < ncands; c++)
		if (strcmp(cands[c].norm, buf) == 0)
			return true;
	return false;
}

/* Can a line be a row, a footer or a heading? A row ends in a figure or
 * what stands for none, a footer in a page number, 页 or a dash, a heading
 * starts with a numeral. Most lines of a long text are none of these, and
 * are not cut into tokens unless a table block takes them. */
static bool
maybe_row(const char *s)
{
	static const char *const ends[] = { "页", "—", "－", "–", "／" };
	static const char *const numerals[] = {
		"一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
	};
	size_t		 n = strlen(s), i;
	const char	*h = s + strspn(s, " ");

	size_t		 b;

	/* Boxes and grids are read whole. */
	if (strchr(s, '|') != NULL || strstr(s, "\xe2\x94") != NULL ||
	    strstr(s, "\xe2\x95") != NULL)
		return true;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\r' ||
	    s[n - 1] == '\t'))
		n--;
	if (n == 0)
		return false;
	/* The last token: figures (ASCII or full-width), commas, points,
	 * dashes, slashes, and nothing else. */
	for (b = n; b > 0 && s[b - 1] != ' ' && s[b - 1] != '\t'; b--)
		;
	for (i = b; i < n; i++) {
		unsigned char	 c = (unsigned char)s[i];

		if ((c >= '0' && c <= '9') || c == ',' || c == '.' ||
		    c == '-' || c == '/' || c == '\\')
			continue;
		if (c == 0xef && i + 2 <= n - 1 &&
		    (unsigned char)s[i + 1] == 0xbc &&
		    (((unsigned char)s[i + 2] >= 0x90 &&
		    (unsigned char)s[i + 2] <= 0x99) ||
		    (unsigned char)s[i + 2] == 0x8d ||
		    (unsigned char)s[i + 2] == 0x8f ||
		    (unsigned char)s[i + 2] == 0x8c ||
		    (unsigned char)s[i + 2] == 0x8e)) {
			i += 2;
			continue;
		}
		if (c == 0xe2 && i + 2 <= n - 1 &&
		    (unsigned char)s[i + 1] == 0x80 &&
		    ((unsigned char)s[i + 2] == 0x94 ||
		    (unsigned char)s[i + 2] == 0x93)) {
			i += 2;
			continue;
		}
		break;
	}
	if (i >= n && b < n)
		return true;
	for (i = 0; i < sizeof ends / sizeof ends[0]; i++)
		if (n >= strlen(ends[i]) && memcmp(s + n - strlen(ends[i]),
		    ends[i], strlen(ends[i])) == 0)
			return true;
	for (i = 0; i < sizeof numerals / sizeof numerals[0]; i++)
		if (strncmp(h, numerals[i], strlen(numerals[i])) == 0)
			return true;
	return false;
}

/* Classify a line and, for the aligned layouts, cut it into tokens. */
static enum lkind
classify(const char *s, struct tok **t, int *nt, int *nv, bool *row)
{
	const char	*p;
	int		 bars = 0, box = 0, other = 0, k, nlab, i;
	bool		 lead = false;

	*t = NULL;
	*nt = *nv = 0;
	*row = false;
	if (strchr(s, '\t') != NULL)
		return L_TAB;
	for (p = s; *p != '\0'; p += k) {
		uint32_t	 c = imp_utf8_get(p, &k);

		if (c == '|')
			bars++;
		else if (c >= 0x2500 && c <= 0x257f)
			box++;
		else if (!imp_is_space(c) && c != '+' && c != '-' &&
		    c != '=' && c != ':')
			other++;
		if (!imp_is_space(c) && !lead) {
			lead = true;
			if (c == '|' || c == '+' || (c >= 0x2500 && c <= 0x257f))
				box++;
		}
	}
	if (other == 0 && bars + box == 0 && strchr(s, '-') == NULL &&
	    strchr(s, '=') == NULL)
		return L_BLANK;
	if (other == 0 && bars > 0 && strchr(s, '-') == NULL &&
	    strchr(s, '=') == NULL && strchr(s, '+') == NULL && box <= 1)
		return L_BARS;
	if (other == 0 && (box > 0 || strstr(s, "---") != NULL ||
	    strstr(s, "===") != NULL))
		return L_RULE;
	if (box == 0 && bars == 1) {
		for (p = s + strlen(s); p > s && (p[-1] == ' ' ||
		    p[-1] == '\r'); p--)
			;
		if (p > s && p[-1] == '|')
			return L_CELL;
	}
	if (other == 0 && bars >= 1)
		return L_BARS;
	if (box == 0 && bars >= 2)
		return L_PIPES;

	if (!maybe_row(s)) {
		*nt = -1;		/* cut later, if a block takes it */
		return strstr(s, "。") != NULL || strstr(s, "；") != NULL ?
		    L_BOUNDARY : L_TEXT;
	}
	*nt = tokenize(s, t);
	for (i = *nt; i > 0 && (*t)[i - 1].value; i--)
		(*nv)++;
	nlab = *nt - *nv;
	if (*nt > 0 && footer(s))
		return L_FOOTER;
	for (i = *nt - *nv; i < *nt; i++)
		if (strpbrk((*t)[i].s, "0123456789") != NULL)
			break;
	if (i == *nt)
		*nv = 0;		/* dashes alone are no row */
	nlab = *nt - *nv;
	if (*nv > 0 && strstr(s, "。") == NULL &&
	    (*nv >= 2 || nlab == 0 || (*t)[nlab].x -
	    ((*t)[nlab - 1].x + (*t)[nlab - 1].w) >= 2 ||
	    known_label(*t, nlab))) {
		*row = true;
		return L_TEXT;
	}
	if (boundary(s, *t, *nt))
		return L_BOUNDARY;
	return L_TEXT;
}

/* ---- the output queue ------------------------------------------------- */

static void
emit(struct implayout *l, const char *text, int no, char *note, bool rebuilt)
{
	struct out	*o;

	if (l->qhead + l->qn == l->qcap) {
		if (l->qhead > 0) {
			memmove(l->q, l->q + l->qhead,
			    (size_t)l->qn * sizeof *l->q);
			l->qhead = 0;
		}
		if (l->qn == l->qcap) {
			l->qcap = l->qcap == 0 ? 32 : l->qcap * 2;
			l->q = xreallocarray(l->q, (size_t)l->qcap,
			    sizeof *l->q);
		}
	}
	o = &l->q[l->qhead + l->qn++];
	o->text = xstrdup(text);
	o->no = no;
	o->note = note;
	o->rebuilt = rebuilt;
}

static void
bline_free(struct bline *b)
{
	toks_free(b->t, b->nt);
	free(b->raw);
}

/* The block's lines from i on, dropped. */
static void
block_cut(struct implayout *l, int from)
{
	int	 i;

	for (i = from; i < l->nb; i++)
		bline_free(&l->b[i]);
	l->nb = from;
}

/* Lines kept before a block go out as they are. */
static void
pass_kept(struct implayout *l, int upto)
{
	int	 i;

	for (i = 0; i < upto && i < l->nb; i++)
		emit(l, l->b[i].raw, l->b[i].no, NULL, false);
	for (i = 0; i < upto && i < l->nb; i++)
		bline_free(&l->b[i]);
	if (upto < l->nb)
		memmove(l->b, l->b + upto, (size_t)(l->nb - upto) *
		    sizeof *l->b);
	l->nb -= upto < l->nb ? upto : l->nb;
}

/* ---- one cell per line ------------------------------------------------ */

/* A row gathered from one cell per line: table 四's fifteen figures come
 * after its headings, which are no row label: those go out apart. */
static void
emit_cells(struct implayout *l, char *row, int no, int nvals)
{
	char	*p = row + strlen(row);
	int	 k = 0;

	if (nvals == 15) {
		while (p > row && k < 15)
			if (*--p == '\t')
				k++;
		if (k == 15 && p > row) {
			*p = '\0';
			emit(l, row, no, NULL, true);
			emit(l, p + 1, no, NULL, true);
			return;
		}
	}
	emit(l, row, no, NULL, true);
}

/* "95 |" lines gathered into rows: the cells of a row are its labels and
 * then its values; a label after a value starts the next row. A line of
 * bars only stands for a spanned cell, which holds nothing. */
static void
cells_block(struct implayout *l)
{
	char	*row = NULL;
	size_t	 len = 0;
	int	 i, first = 0, nvals = 0;
	bool	 values = false;

	for (i = 0; i < l->nb; i++) {
		struct bline	*b = &l->b[i];
		char		*c, *e, *n;
		bool		 v;

		if (b->kind != L_CELL)
			continue;
		if (row == NULL)
			nvals = 0;
		c = xstrdup(b->raw);
		e = strrchr(c, '|');
		*e = '\0';
		n = imp_norm(c);
		v = *n == '\0' || value_token(n);
		if (!v && values) {
			emit_cells(l, row, first, nvals);
			free(row);
			row = NULL;
			len = 0;
			values = false;
		}
		if (row == NULL)
			first = b->no;
		values |= v;
		if (v)
			nvals++;
		row = xrealloc(row, len + strlen(c) + 2);
		if (len > 0)
			row[len++] = '\t';
		strcpy(row + len, c);
		len += strlen(c);
		for (e = row; *e != '\0'; e++)
			if (*e == '\r')
				*e = ' ';
		free(c);
		free(n);
	}
	if (row != NULL)
		emit_cells(l, row, first, nvals);
	free(row);
	block_cut(l, 0);
}

/* ---- aligned columns -------------------------------------------------- */

/* How much of candidate c's label is in win[0..nw), in order: 0 .. 1000.
 * Its item number must be there as printed. */
static int
coverage(const struct cand *c, const uint32_t *win, int nw)
{
	static int	 prev[WINCP + 1], cur[WINCP + 1];
	int		 i, j;

	if (c->nnum > 0) {
		for (i = 0; i + c->nnum <= nw; i++)
			if (memcmp(win + i, c->num, (size_t)c->nnum *
			    sizeof *win) == 0)
				break;
		if (i + c->nnum > nw)
			return 0;
	}
	memset(prev, 0, (size_t)(nw + 1) * sizeof *prev);
	for (i = 1; i <= c->n; i++) {
		cur[0] = 0;
		for (j = 1; j <= nw; j++)
			cur[j] = c->cp[i - 1] == win[j - 1] ? prev[j - 1] + 1 :
			    (prev[j] > cur[j - 1] ? prev[j] : cur[j - 1]);
		memcpy(prev, cur, (size_t)(nw + 1) * sizeof *prev);
	}
	return prev[nw] * 1000 / c->n;
}

/* The text of lines [a, b] that is not figures, as code points. */
static int
window_text(struct implayout *l, int a, int b, uint32_t *win)
{
	int	 i, j, n = 0;

	for (i = a; i <= b; i++) {
		struct bline	*bl = &l->b[i];
		int		 upto = bl->row ? bl->nt - bl->nv : bl->nt;

		if (bl->kind == L_FOOTER)
			continue;
		for (j = 0; j < upto && n < WINCP; j++)
			n += imp_codepoints(bl->t[j].s, win + n, WINCP - n);
	}
	return n;
}

/* Which official row the label text around row line i names. */
static void
read_label(struct implayout *l, int i, int prev, int next)
{
	struct bline	*b = &l->b[i];
	uint32_t	 win[WINCP];
	uint64_t	 mask[4];
	int		 a = i - WIN > prev + 1 ? i - WIN : prev + 1;
	int		 z = i + WIN < next - 1 ? i + WIN : next - 1;
	int		 nw, c, s, best = -1, score = 0;
	bool		 tie = false;

	b->table = -1;
	nw = window_text(l, a, z, win);
	if (nw == 0)
		return;
	memset(mask, 0, sizeof mask);
	for (c = 0; c < nw; c++)
		mask[(win[c] >> 6) & 3] |= (uint64_t)1 << (win[c] & 63);
	for (c = 0; c < ncands; c++) {
		int	 k, have = 0;

		/* Not worth the quadratic count when too few of the label's
		 * characters are in the text at all. */
		for (k = 0; k < cands[c].n; k++)
			if (mask[(cands[c].cp[k] >> 6) & 3] &
			    (uint64_t)1 << (cands[c].cp[k] & 63))
				have++;
		if (have * 1000 / cands[c].n < 900)
			continue;
		s = coverage(&cands[c], win, nw);
		if (s < 900)
			continue;
		if (best == -1 || s > score || (s == score &&
		    cands[c].n > cands[best].n)) {
			tie = best != -1 && s == score &&
			    cands[c].n == cands[best].n;
			best = c;
			score = s;
		} else if (s == score && cands[c].n == cands[best].n)
			tie = true;
	}
	if (best == -1 || tie)
		return;
	b->table = cands[best].table;
	b->r = cands[best].row;
	b->ncols = schema_band(b->table, b->r)->ncols;
	b->first = a;
	b->last = z;
}

/* The display column where a row line's label ends (its last label
 * token starts), or -1. */
static int
label_x(const struct bline *b)
{
	return b->nt > b->nv ? b->t[b->nt - b->nv - 1].x : -1;
}

/* The column spans of a set of full rows (those with want(l, j, arg)):
 * lo[c]..hi[c]. Returns how many rows, or -1 when the columns overlap
 * (a layout that does not align its columns, as lynx). */
static int
spans(struct implayout *l, int i, int *lo, int *hi,
    bool (*want)(struct implayout *, int, int, const void *), const void *arg)
{
	struct bline	*b = &l->b[i];
	int		 n = b->ncols, j, c, used = 0;

	for (c = 0; c < n; c++) {
		lo[c] = 1 << 30;
		hi[c] = -1;
	}
	for (j = 0; j < l->nb; j++) {
		struct bline	*f = &l->b[j];

		if (!f->row || f->table != b->table || f->ncols != n ||
		    f->nv != n || !want(l, i, j, arg))
			continue;
		for (c = 0; c < n; c++) {
			struct tok	*t = &f->t[f->nt - n + c];

			if (t->x < lo[c])
				lo[c] = t->x;
			if (t->x + t->w > hi[c])
				hi[c] = t->x + t->w;
		}
		used++;
	}
	for (c = 1; c < n && used > 0; c++)
		if (lo[c] < hi[c - 1])
			return -1;
	return used;
}

/* Figures of row line i fitted into spans: col[k] for figure k. */
static bool
fit(struct implayout *l, int i, const int *lo, const int *hi, int *col)
{
	struct bline	*b = &l->b[i];
	int		 k, j, c = 0;

	for (k = 0; k < b->nv; k++) {
		struct tok	*t = &b->t[b->nt - b->nv + k];
		int		 hit = -1;

		for (j = c; j < b->ncols; j++)
			if (t->x < hi[j] && t->x + t->w > lo[j]) {
				if (hit != -1)
					return false;
				hit = j;
			}
		if (hit == -1)
			return false;
		col[k] = hit;
		c = hit + 1;
	}
	return true;
}

static bool
same_label_x(struct implayout *l, int i, int j, const void *arg)
{
	(void)arg;
	return label_x(&l->b[i]) == label_x(&l->b[j]);
}

static bool
any_row(struct implayout *l, int i, int j, const void *arg)
{
	(void)l;
	(void)i;
	(void)j;
	(void)arg;
	return true;
}

/* Place the nv figures of a short row line i into columns by the full
 * rows of the same table and column count: those whose label stands
 * where this one's does, else all of them when their columns agree.
 * (pandoc drops merged cells' spans, so rows of different shapes put
 * their figures in different columns: those never agree, and a short
 * row is placed only by rows of its own shape.) col[k] is the column
 * of figure k. False when it is not certain. */
static bool
place(struct implayout *l, int i, int *col)
{
	struct bline	*b = &l->b[i];
	int		 lo[MAXTOK], hi[MAXTOK];

	if (b->ncols > MAXTOK || b->nv > b->ncols)
		return false;
	if (spans(l, i, lo, hi, same_label_x, NULL) >= 1 &&
	    fit(l, i, lo, hi, col))
		return true;
	return spans(l, i, lo, hi, any_row, NULL) >= 2 &&
	    fit(l, i, lo, hi, col);
}

/* Headings above the columns that are not one column's: groups and the
 * corners over the labels. */
static bool
group_word(const char *n)
{
	static const char *const groups[] = {
		"行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉",
		"申请人情况", "法人或其他组织", "本年处理决定数量",
		"本年收费金额", "第二十条", "勾稽", "信息内容",
	};
	size_t	 g;

	for (g = 0; g < sizeof groups / sizeof groups[0]; g++)
		if (strstr(n, groups[g]) != NULL)
			return true;
	return false;
}

/* A row whose full rows give no columns (table 四's single row, the two
 * rows of a band of table 二 both with a blank): the columns from the
 * headings above the first row of its table, one heading a column
 * (wrapped over lines or not; group headings and what stands over the
 * labels left out). */
static bool
place_by_heading(struct implayout *l, int i, int *col)
{
	struct bline	*b = &l->b[i];
	int		 lo[MAXTOK], hi[MAXTOK], n = 0, j, k, c, m, f = i;
	int		 lend = b->nt > b->nv ?
			    b->t[b->nt - b->nv - 1].x + b->t[b->nt - b->nv - 1].w : -1;

	for (j = i - 1; j >= 0 && j >= f - WIN; j--)
		if (l->b[j].row) {
			if (l->b[j].table != b->table ||
			    l->b[j].ncols != b->ncols)
				break;
			f = j;
		}
	for (j = f - 1; j >= 0 && j >= f - WIN && !l->b[j].row; j--) {
		bool	 caption = false;

		for (k = 0; k < l->b[j].nt; k++) {
			struct tok	*t = &l->b[j].t[k];
			int		 a = t->x, z = t->x + t->w;

			if (strstr(t->s, "第二十条") != NULL)
				caption = true;
			if (group_word(t->s) || a < lend || l->b[j].kind ==
			    L_FOOTER)
				continue;
			/* Merge with the spans it overlaps. */
			for (c = 0, m = 0; c < n; c++) {
				if (lo[c] < z && a < hi[c]) {
					a = lo[c] < a ? lo[c] : a;
					z = hi[c] > z ? hi[c] : z;
				} else {
					lo[m] = lo[c];
					hi[m++] = hi[c];
				}
			}
			n = m;
			if (n == MAXTOK)
				return false;
			lo[n] = a;
			hi[n++] = z;
		}
		if (caption)
			break;
	}
	if (n != b->ncols)
		return false;
	/* In column order. */
	for (j = 1; j < n; j++)
		for (k = j; k > 0 && lo[k] < lo[k - 1]; k--) {
			m = lo[k]; lo[k] = lo[k - 1]; lo[k - 1] = m;
			m = hi[k]; hi[k] = hi[k - 1]; hi[k - 1] = m;
		}
	/* The headings must stand over the figures of every full row of the
	 * table (not so in pandoc's text, where rows shift). */
	for (j = 0; j < l->nb; j++) {
		struct bline	*fr = &l->b[j];
		int		 got[MAXTOK];

		if (!fr->row || fr->table != b->table || fr->ncols != n ||
		    fr->nv != n)
			continue;
		if (!fit(l, j, lo, hi, got))
			return false;
		for (k = 0; k < n; k++)
			if (got[k] != k)
				return false;
	}
	return fit(l, i, lo, hi, col);
}

/* Does the block before line i hold table 四's headings? */
static bool
t4_heading(struct implayout *l, int i)
{
	int	 j, k;

	for (j = i; j >= 0 && j > i - 3 * WIN; j--)
		for (k = 0; k < l->b[j].nt; k++)
			if (strstr(l->b[j].t[k].s, "行政复议") != NULL ||
			    strstr(l->b[j].t[k].s, "行政诉讼") != NULL ||
			    strstr(l->b[j].t[k].s, "复议后起诉") != NULL)
				return true;
	return false;
}

/* A row line rebuilt: the official label, then its figures in their
 * columns (blank where none), separated by tabs. */
static char *
rebuilt_row(struct implayout *l, int i, const char *label)
{
	struct bline	*b = &l->b[i];
	int		 col[MAXTOK], k, c, n = b->ncols;
	size_t		 len = strlen(label) + 2;
	char		*s, *o;

	for (k = 0; k < b->nv; k++)
		len += strlen(b->t[b->nt - b->nv + k].s) + 1;
	len += (size_t)n + 1;
	s = o = xmalloc(len);
	o += sprintf(o, "%s", label);
	if (b->nv < n && (place(l, i, col) || place_by_heading(l, i, col))) {
		for (c = 0, k = 0; c < n; c++) {
			*o++ = '\t';
			if (k < b->nv && col[k] == c)
				o += sprintf(o, "%s", b->t[b->nt - b->nv + k++].s);
		}
	} else
		for (k = 0; k < b->nv; k++)
			o += sprintf(o, "\t%s", b->t[b->nt - b->nv + k].s);
	*o = '\0';
	return s;
}

/* The tokens of a line joined by tabs (a row whose label was not read:
 * import.c says so with its line). */
static char *
joined(const struct bline *b)
{
	size_t	 len = 1;
	int	 k;
	char	*s, *o;

	for (k = 0; k < b->nt; k++)
		len += strlen(b->t[k].s) + 1;
	s = o = xmalloc(len);
	*o = '\0';
	for (k = 0; k < b->nt; k++)
		o += sprintf(o, "%s%s", k > 0 ? "\t" : "", b->t[k].s);
	return s;
}

/* A bordered grid (pandoc's "+----+----+" tables): the lines of a row
 * between two rules made one line, each cell's pieces joined, its
 * position the cell's column (so a blank cell keeps its place, and "1"
 * over ".属于国家秘密" stays the label's). */
static void
collapse_grid(struct implayout *l)
{
	int	 i, j, k, to = 0;

	for (i = 0; i < l->nb; i = j) {
		struct bline	 row;
		char		*cell[MAXTOK];
		int		 ncell = 0, nt = 0;
		size_t		 len = 1;

		for (j = i; j < l->nb && l->b[j].raw[strspn(l->b[j].raw,
		    " ")] == '|'; j++)
			;
		if (j == i) {
			l->b[to++] = l->b[j++];
			continue;
		}
		memset(cell, 0, sizeof cell);
		for (k = i; k < j; k++) {
			char	*p = l->b[k].raw + strspn(l->b[k].raw, " ") + 1;
			int	 c = 0;

			while (*p != '\0' && c < MAXTOK) {
				char	*e = strchr(p, '|'), *seg;

				if (e == NULL)
					break;
				seg = xstrndup(p, (size_t)(e - p));
				if (cell[c] == NULL)
					cell[c] = xstrdup("");
				cell[c] = xrealloc(cell[c], strlen(cell[c]) +
				    strlen(seg) + 1);
				strcat(cell[c], seg + strspn(seg, " "));
				while (*cell[c] != '\0' &&
				    cell[c][strlen(cell[c]) - 1] == ' ')
					cell[c][strlen(cell[c]) - 1] = '\0';
				free(seg);
				p = e + 1;
				c++;
			}
			if (c > ncell)
				ncell = c;
		}
		memset(&row, 0, sizeof row);
		row.no = l->b[i].no;
		row.kind = L_TEXT;
		row.table = -1;
		row.t = xreallocarray(NULL, MAXTOK, sizeof *row.t);
		for (k = 0; k < ncell; k++)
			len += (cell[k] != NULL ? strlen(cell[k]) : 0) + 1;
		row.raw = xmalloc(len);
		*row.raw = '\0';
		for (k = 0; k < ncell; k++) {
			if (k > 0)
				strcat(row.raw, "\t");
			if (cell[k] == NULL || *cell[k] == '\0')
				continue;
			strcat(row.raw, cell[k]);
			row.t[nt].x = k * 8;
			row.t[nt].w = 4;
			row.t[nt].s = imp_norm(cell[k]);
			row.t[nt].value = value_token(row.t[nt].s);
			nt++;
		}
		for (k = 0; k < ncell; k++)
			free(cell[k]);
		row.nt = nt;
		for (k = nt; k > 0 && row.t[k - 1].value; k--)
			row.nv++;
		for (k = nt - row.nv; k < nt; k++)
			if (strpbrk(row.t[k].s, "0123456789") != NULL)
				break;
		if (k == nt)
			row.nv = 0;
		row.row = row.nv > 0;
		for (k = i; k < j; k++)
			bline_free(&l->b[k]);
		l->b[to++] = row;
	}
	l->nb = to;
}

/* Cut the block's lines into tokens and read each row's label; the
 * first and last rows' lines (-1: none). */
static void
read_rows(struct implayout *l, int *first, int *lastrow)
{
	int	 i, next, prev = -1;

	cands_init();
	for (i = 0; i < l->nb; i++)
		if (l->b[i].nt == -1)
			l->b[i].nt = tokenize(l->b[i].raw, &l->b[i].t);
	collapse_grid(l);
	*first = *lastrow = -1;
	for (i = 0; i < l->nb; i++) {
		if (!l->b[i].row)
			continue;
		for (next = i + 1; next < l->nb && !l->b[next].row; next++)
			;
		read_label(l, i, prev, next);
		prev = i;
		if (*first == -1)
			*first = i;
		*lastrow = i;
	}
}

/* A row's figures wrapped onto the next line (lynx, at a narrow width):
 * joined when they make up the row exactly. */
static void
join_wrapped(struct implayout *l)
{
	int	 i;

	for (i = 0; i + 1 < l->nb; i++) {
		struct bline	*b = &l->b[i], *c = &l->b[i + 1];

		if (!b->row || b->table == -1 || !c->row || c->table != -1 ||
		    c->nt != c->nv || b->nv + c->nv != b->ncols ||
		    b->nt + c->nt > MAXTOK)
			continue;
		b->t = xreallocarray(b->t, (size_t)(b->nt + c->nt),
		    sizeof *b->t);
		memcpy(b->t + b->nt, c->t, (size_t)c->nt * sizeof *c->t);
		b->nt += c->nt;
		b->nv += c->nv;
		c->nt = c->nv = 0;
		c->row = false;
		c->used = true;
		if (b->last < i + 1)
			b->last = i + 1;
	}
}

/* Lines of the label texts are used; table 四's row is its figures. */
static void
mark_used(struct implayout *l)
{
	int	 i, j;

	for (i = 0; i < l->nb; i++) {
		struct bline	*b = &l->b[i];

		if (!b->row)
			continue;
		if (b->table == -1 && b->nt == b->nv && t4_heading(l, i)) {
			b->table = SCH_T4;
			b->ncols = 15;
			b->first = b->last = i;
		}
		if (b->table == -1)
			continue;
		for (j = b->first; j <= b->last; j++)
			l->b[j].used = true;
	}
}

/* Emit the block: rows rebuilt with tabs, the other lines as they are
 * (those above the first row only if they hold 第二十条), the note once. */
static void
emit_block(struct implayout *l, int first, int lastrow)
{
	int	 i;
	bool	 t4_said = false, said = false;
	char	*s;

	for (i = 0; i < l->nb; i++) {
		struct bline	*b = &l->b[i];

		if (b->kind == L_FOOTER || b->kind == L_RULE ||
		    b->kind == L_BLANK)
			continue;
		if (!b->row) {
			/* Headings above the first row are read by content;
			 * text after the last row's label goes on as text. */
			if (b->used || (first != -1 && i < first &&
			    strstr(b->raw, "第二十条") == NULL))
				continue;
			emit(l, b->raw, b->no, NULL, false);
			continue;
		}
		if (!said) {
			said = true;
			emit(l, "", b->no, xasprintf(_("第 %d–%d 行是按列对齐排版的"
			    "表格（网页或 PDF 转成的文字），行名按内容读取：折行的行名合起来，"
			    "竖排的小标题和页脚不算在内"), l->b[0].no,
			    l->b[lastrow].no), false);
		}
		if (b->table == SCH_T4) {
			if (!t4_said)
				emit(l, "行政复议\t行政诉讼", b->no, NULL, true);
			t4_said = true;
			s = rebuilt_row(l, i, "");
			emit(l, s + 1, b->no, NULL, true);
		} else if (b->table != -1) {
			s = rebuilt_row(l, i,
			    sch_tables[b->table].rows[b->r].label);
			emit(l, s, b->no, NULL, true);
		} else {
			s = joined(b);
			emit(l, s, b->no, NULL, false);
		}
		free(s);
	}
}

/* Read a block of aligned lines and emit its rows. */
static void
aligned_block(struct implayout *l)
{
	int	 first, lastrow;

	read_rows(l, &first, &lastrow);
	join_wrapped(l);
	mark_used(l);
	emit_block(l, first, lastrow);
	block_cut(l, 0);
}

/* ---- the reader ------------------------------------------------------- */

size_t
imp_line_end(const char *text, size_t len, size_t pos, size_t *next)
{
	size_t	 e = pos;

	while (e < len && text[e] != '\n' && text[e] != '\r' &&
	    text[e] != '\f')
		e++;
	*next = e + (e + 1 < len && text[e] == '\r' && text[e + 1] == '\n' ?
	    2 : 1);
	return e;
}

/* Append the physical line at l->pos to l->buf (at offset at). */
static void
read_phys(struct implayout *l, size_t at)
{
	size_t	 s = l->pos, next, e = imp_line_end(l->text, l->len, s, &next);

	if (at + e - s + 1 > l->cap) {
		while (at + e - s + 1 > l->cap)
			l->cap = l->cap < 64 ? 64 : l->cap * 2;
		l->buf = xrealloc(l->buf, l->cap);
	}
	memcpy(l->buf + at, l->text + s, e - s);
	l->buf[at + e - s] = '\0';
	l->pos = next;
	l->phys++;
}

/* Does the physical line at pos start with a bar and hold no other
 * ("| 计量", "|")? *lone: it is the bar alone. */
static bool
bar_led(const struct implayout *l, size_t pos, bool *lone)
{
	size_t	 e = pos;
	int	 bars = 0;

	while (e < l->len && l->text[e] == ' ')
		e++;
	if (e >= l->len || l->text[e] != '|')
		return false;
	*lone = true;
	for (; e < l->len && l->text[e] != '\n' && l->text[e] != '\r' &&
	    l->text[e] != '\f'; e++)
		if (l->text[e] == '|')
			bars++;
		else if (l->text[e] != ' ')
			*lone = false;
	return bars == 1;
}

/* The next line. Cells that a scraped page put each on a line of its own
 * after a bar ("甲", "| 乙", "| 丙", "|": the row "甲 | 乙 | 丙 |", a lone
 * bar before the end an empty cell, a line without a bar inside a row the
 * rest of a cell) are joined into one line first. */
static bool
read_line(struct implayout *l)
{
	size_t	 len;
	bool	 lone = false, in_row = false, next_lone;

	if (l->pos >= l->len)
		return false;
	l->no = l->phys + 1;
	read_phys(l, 0);
	while (l->pos < l->len) {
		len = strlen(l->buf);
		while (len > 0 && l->buf[len - 1] == ' ')
			len--;
		/* One cell per line the other way ("95 |") ends each line
		 * with its bar: that is no row to join. */
		if (!in_row && (len == 0 || l->buf[len - 1] == '|'))
			break;
		len = strlen(l->buf);
		if (bar_led(l, l->pos, &next_lone)) {
			if (len + 2 > l->cap) {
				l->cap *= 2;
				l->buf = xrealloc(l->buf, l->cap);
			}
			strcpy(l->buf + len, " ");
			read_phys(l, len + 1);
			in_row = true;
			lone = next_lone;
		} else if (in_row && !lone) {
			/* A cell's text broken over lines. */
			bool	 blank = true;
			size_t	 e;

			for (e = l->pos; e < l->len && l->text[e] != '\n' &&
			    l->text[e] != '\r'; e++)
				if (l->text[e] != ' ')
					blank = false;
			if (blank)
				break;
			read_phys(l, len);
		} else
			break;
	}
	return true;
}

/* End the block being gathered, emitting what it holds. */
static void
flush(struct implayout *l)
{
	if (l->bk == B_ALIGNED)
		aligned_block(l);
	else if (l->bk == B_CELLS)
		cells_block(l);
	else
		pass_kept(l, l->nb);
	l->bk = B_NONE;
}

static struct bline *
keep(struct implayout *l, enum lkind kind, struct tok *t, int nt, int nv,
    bool row)
{
	struct bline	*b;

	if (l->nb == l->bcap) {
		l->bcap = l->bcap == 0 ? 64 : l->bcap * 2;
		l->b = xreallocarray(l->b, (size_t)l->bcap, sizeof *l->b);
	}
	b = &l->b[l->nb++];
	memset(b, 0, sizeof *b);
	b->no = l->no;
	b->raw = xstrdup(l->buf);
	b->kind = kind;
	b->t = t;
	b->nt = nt;
	b->nv = nv;
	b->row = row;
	b->table = -1;
	return b;
}

/* Read lines until something can be handed out. */
static void
fill(struct implayout *l)
{
	struct tok	*t;
	int		 nt, nv;
	bool		 row;
	enum lkind	 k;

	while (l->qn == 0) {
		if (!read_line(l)) {
			flush(l);
			return;
		}
		k = classify(l->buf, &t, &nt, &nv, &row);
		if (l->bk == B_CELLS && k != L_CELL && k != L_BARS &&
		    k != L_BLANK)
			flush(l);
		if (l->bk == B_ALIGNED && (k == L_TAB || k == L_PIPES ||
		    k == L_CELL || k == L_BOUNDARY || l->nb >= BLOCK_MAX ||
		    (k == L_BARS && l->buf[strspn(l->buf, " ")] != '|')))
			flush(l);
		switch (k) {
		case L_TAB:
		case L_BOUNDARY:
			flush(l);
			emit(l, l->buf, l->no, NULL, false);
			toks_free(t, nt);
			break;
		case L_PIPES: {
			/* a | b | c |: the bars are the tabs. */
			char	*s = xstrdup(l->buf), *p;
			size_t	 n;

			flush(l);
			n = strlen(s);
			while (n > 0 && s[n - 1] == ' ')
				s[--n] = '\0';
			if (n > 0 && s[n - 1] == '|')
				s[--n] = '\0';		/* the row's closing bar */
			for (p = s; *p != '\0'; p++)
				if (*p == '|')
					*p = '\t';
			emit(l, s, l->no, NULL, true);
			free(s);
			toks_free(t, nt);
			break;
		}
		case L_BARS:
			if (l->bk == B_ALIGNED) {
				/* A grid's line of empty cells. */
				keep(l, L_BLANK, t, nt, nv, false);
				break;
			}
			/* FALLTHROUGH */
		case L_CELL:
			if (l->bk != B_CELLS) {
				pass_kept(l, l->nb);
				l->bk = B_CELLS;
			}
			keep(l, k, t, nt, nv, false);
			break;
		default:
			if (l->bk == B_CELLS)
				flush(l);
			keep(l, k, t, nt, nv, row);
			/* A bordered table's lines start a block by themselves:
			 * its headings are as long as they are. */
			if (row || (k == L_RULE && l->nb > 1) ||
			    strstr(l->buf, "│") != NULL ||
			    l->buf[strspn(l->buf, " ")] == '|')
				l->bk = B_ALIGNED;
			else if (l->bk == B_NONE && l->nb > 4 * LOOKBEHIND)
				pass_kept(l, l->nb - LOOKBEHIND);
			break;
		}
	}
}

struct implayout *
implayout_new(const char *text, size_t len)
{
	struct implayout	*l = xcalloc(1, sizeof *l);

	l->text = text;
	l->len = len;
	return l;
}

void
implayout_free(struct implayout *l)
{
	int	 i;

	if (l == NULL)
		return;
	block_cut(l, 0);
	for (i = 0; i < l->qn; i++) {
		free(l->q[l->qhead + i].text);
		free(l->q[l->qhead + i].note);
	}
	free(l->q);
	free(l->b);
	free(l->buf);
	free(l->cur.text);
	free(l->cur.note);
	free(l);
}

bool
implayout_next(struct implayout *l, struct lay_line *out)
{
	free(l->cur.text);
	free(l->cur.note);
	memset(&l->cur, 0, sizeof l->cur);
	if (l->qn == 0)
		fill(l);
	if (l->qn == 0)
		return false;
	l->cur = l->q[l->qhead++];
	l->qn--;
	if (l->qn == 0)
		l->qhead = 0;
	out->text = l->cur.text;
	out->no = l->cur.no;
	out->note = l->cur.note;
	out->rebuilt = l->cur.rebuilt;
	return true;
}
