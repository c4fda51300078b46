/*
 * export_svg.c: the 图解 (一图读懂), a portrait picture 750 px wide of the
 * year's figures, drawn from the report as one SVG file (spec §7's
 * exports; issue 17).
 *
 *   - 主动公开: the figures of table 二, a card each;
 *   - 依申请公开: the flow of table 三 as proportional bars: what came in
 *     (本年新收 + 上年结转), where it went (each outcome of 三、本年度办理结果,
 *     its groups summed) and what is carried out (结转下年度), and who asked
 *     (自然人 against 法人或其他组织);
 *   - 复议、诉讼: table 四's three groups, their totals and outcomes;
 *   - against last year, for every figure whose prev.* is present.
 *
 * The picture is part of the published report, so its words are Chinese
 * whatever the interface language (like the report's own labels).
 * Labels come from the schema. Text is escaped for XML (controls and bidi
 * characters are dropped afterwards, as in every export); fonts are a
 * stack of common Chinese faces ending in sans-serif, nothing is loaded
 * from outside. A figure is printed exactly as held, with thousands
 * separators; each carries data-field, the keys it shows (several: their
 * sum), so that a reader can check it. Widths are estimated per character
 * class, and a figure that would still be too wide is fitted with
 * textLength, so long numbers never leave their card.
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "export_svg.h"
#include "layout.h"
#include "number.h"
#include "schema.h"
#include "xmalloc.h"

#define W		750	/* the width such pictures are published at */
#define MARGIN		28
#define INNER		(W - 2 * MARGIN)
#define FONT \
	"&quot;Noto Sans CJK SC&quot;,&quot;Source Han Sans SC&quot;," \
	"&quot;Microsoft YaHei&quot;,&quot;PingFang SC&quot;," \
	"&quot;WenQuanYi Micro Hei&quot;,sans-serif"

/* Colours of the outcomes, in the order of the form. */
static const char *const palette[] = {
	"#2563eb", "#0ea5e9", "#f59e0b", "#a855f7", "#ef4444", "#64748b",
	"#10b981", "#94a3b8",
};

/* ---- text ------------------------------------------------------------- */

/* The width of s in em of a sans-serif face: CJK and full-width forms 1,
 * digits and most Latin letters about 0.6, narrow punctuation 0.3. */
double
svg_text_em(const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	double			 w = 0;

	for (; *p != '\0'; p++) {
		if (*p >= 0x80) {
			if ((*p & 0xc0) != 0x80)
				w += *p >= 0xe1 ? 1.0 : 0.6;
		} else if (strchr(".,:;!|'` ", *p) != NULL)
			w += 0.3;
		else if (strchr("il()[]", *p) != NULL)
			w += 0.35;
		else if (*p >= 'A' && *p <= 'Z')
			w += 0.68;
		else
			w += 0.6;
	}
	return w;
}

/* Append s escaped for XML (layout.c). */
static void
esc(struct buf *b, const char *s)
{
	if (s != NULL)
		xml_esc(b, s, strlen(s));
}

/* A label without its numbering: "（三）不予公开" → "不予公开", "一、本年…" →
 * "本年…", "1.属于…" → "属于…". Caller frees. */
static char *
bare(const char *label)
{
	const char	*p = label, *q;

	if (strncmp(p, "\xef\xbc\x88", 3) == 0 &&	/* （ */
	    (q = strstr(p, "\xef\xbc\x89")) != NULL)	/* ） */
		p = q + 3;
	else if ((q = strstr(p, "\xe3\x80\x81")) != NULL && q - p <= 6)	/* 、 */
		p = q + 3;
	else if (*p >= '0' && *p <= '9' && p[1] == '.')
		p += 2;
	return xstrdup(p);
}

/* One line of text; anchor "start", "middle" or "end". The font size
 * shrinks to fit max px (0: no limit), down to 60 %; past that textLength
 * squeezes it. */
static void
text(struct buf *b, double x, double y, double size, const char *anchor,
    const char *fill, const char *weight, double max, const char *cls,
    const char *field, const char *s)
{
	double	 em = svg_text_em(s), sz = size;

	if (max > 0 && em * sz > max) {
		sz = max / em;
		if (sz < size * 0.6)
			sz = size * 0.6;
	}
	buf_addf(b, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.1f\"", x, y, sz);
	if (strcmp(anchor, "start") != 0)
		buf_addf(b, " text-anchor=\"%s\"", anchor);
	if (fill != NULL)
		buf_addf(b, " fill=\"%s\"", fill);
	if (weight != NULL)
		buf_addf(b, " font-weight=\"%s\"", weight);
	if (cls != NULL)
		buf_addf(b, " class=\"%s\"", cls);
	if (field != NULL)
		buf_addf(b, " data-field=\"%s\"", field);
	if (max > 0)
		buf_addf(b, " data-max=\"%.1f\"", max);
	if (max > 0 && em * sz > max)
		buf_addf(b, " textLength=\"%.1f\" lengthAdjust=\"spacingAndGlyphs\"",
		    max);
	buf_add(b, ">");
	esc(b, s);
	buf_add(b, "</text>\n");
}

/* ---- figures ---------------------------------------------------------------- */

/* A sum of fields: its value when all are valid, and the keys. */
struct fig {
	bool	 ok;		/* every field valid */
	bool	 any;		/* some field holds something */
	int64_t	 v;
	int	 n;
	int	 fields[24];
	bool	 amount;
};

static void
fig_add(struct fig *f, const struct report *r, int field)
{
	int64_t	 v;

	if (f->n == 0) {
		f->ok = true;
		f->amount = schema_field(field)->kind == SK_AMOUNT;
	}
	if (f->n < (int)(sizeof f->fields / sizeof f->fields[0]))
		f->fields[f->n++] = field;
	if (report_get(r, field) != NULL)
		f->any = true;
	if (!report_value(r, field, &v) || number_add(f->v, v) == -1)
		f->ok = false;
	else
		f->v += v;
}

static struct fig
fig_of(const struct report *r, int field)
{
	struct fig	 f = { 0 };

	fig_add(&f, r, field);
	return f;
}

/* Last year's figure for the same fields, when every one is present. */
static bool
fig_prev(const struct report *r, const struct fig *f, struct fig *p)
{
	int	 i, pf;

	memset(p, 0, sizeof *p);
	for (i = 0; i < f->n; i++) {
		if ((pf = schema_prev(f->fields[i])) == -1)
			return false;
		fig_add(p, r, pf);
	}
	return p->ok;
}

/* The keys of a figure, space-separated, for data-field. Caller frees. */
static char *
fig_keys(const struct fig *f, bool prev)
{
	struct buf	 b = { NULL, 0, 0 };
	int		 i;

	buf_addn(&b, "", 0);
	for (i = 0; i < f->n; i++) {
		if (i > 0)
			buf_add(&b, " ");
		buf_add(&b, schema_field(prev ? schema_prev(f->fields[i]) :
		    f->fields[i])->key);
	}
	return b.s;
}

/* "9,487", "7,730.28", as held but grouped; "—" when not all valid. */
static void
fig_text(const struct fig *f, char *out, size_t len)
{
	char	 canon[NUM_BUFSZ], *dot;
	size_t	 i, n, k = 0, intlen;

	if (!f->ok) {
		snprintf(out, len, "%s", "\xe2\x80\x94");	/* — */
		return;
	}
	number_format(f->v, f->amount ? SK_AMOUNT : SK_COUNT, canon);
	dot = strchr(canon, '.');
	intlen = dot != NULL ? (size_t)(dot - canon) : strlen(canon);
	for (i = 0; i < intlen && k + 2 < len; i++) {
		if (i > 0 && (intlen - i) % 3 == 0)
			out[k++] = ',';
		out[k++] = canon[i];
	}
	for (n = intlen; canon[n] != '\0' && k + 1 < len; n++)
		out[k++] = canon[n];
	out[k] = '\0';
}

/* "较上年 +12", "较上年 −3", "与上年持平" for a figure and last year's. */
static void
change_text(const struct fig *f, const struct fig *p, char *out, size_t len)
{
	struct fig	 d = *f;
	char		 num[64];

	if (f->v == p->v) {
		snprintf(out, len, "%s", "与上年持平");
		return;
	}
	d.v = f->v > p->v ? f->v - p->v : p->v - f->v;
	fig_text(&d, num, sizeof num);
	snprintf(out, len, "较上年 %s%s", f->v > p->v ? "+" :
	    "\xe2\x88\x92", num);				/* − */
}

/* A figure's number, and under it the change against last year when
 * that is known. */
static void
put_fig(struct buf *b, const struct report *r, const struct fig *f, double x,
    double y, double size, const char *anchor, const char *fill, double max)
{
	struct fig	 p;
	char		 s[64], c[96];
	char		*keys = fig_keys(f, false);

	fig_text(f, s, sizeof s);
	text(b, x, y, size, anchor, fill, "bold", max, "fig", keys, s);
	free(keys);
	if (f->ok && fig_prev(r, f, &p)) {
		change_text(f, &p, c, sizeof c);
		keys = fig_keys(f, true);
		text(b, x, y + size * 0.5 + 12, 12, anchor, "#475569", NULL, max,
		    "change", keys, c);
		free(keys);
	}
}

/* ---- the sections ------------------------------------------------------- */

static void
section_head(struct buf *b, double y, const char *title)
{
	buf_addf(b, "<rect x=\"%d\" y=\"%.1f\" width=\"6\" height=\"26\" "
	    "rx=\"3\" fill=\"#b91c1c\"/>\n", MARGIN, y);
	text(b, MARGIN + 16, y + 20, 20, "start", "#111827", "bold", INNER - 16,
	    NULL, NULL, title);
}

/* A card: a rounded box, the figure large, the label under it. */
static void
card(struct buf *b, const struct report *r, double x, double y, double w,
    double h, const struct fig *f, const char *label, const char *sub)
{
	buf_addf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
	    "rx=\"10\" fill=\"#fef2f2\" stroke=\"#fecaca\"/>\n", x, y, w, h);
	put_fig(b, r, f, x + w / 2, y + 44, 30, "middle", "#b91c1c", w - 16);
	text(b, x + w / 2, y + h - (sub != NULL ? 30 : 14), 14, "middle",
	    "#1f2937", NULL, w - 12, NULL, NULL, label);
	if (sub != NULL)
		text(b, x + w / 2, y + h - 12, 12, "middle", "#6b7280", NULL,
		    w - 12, NULL, NULL, sub);
}

/* Table 二: a card per cell, a row per row of the table. */
static double
draw_t2(struct buf *b, const struct report *r, double y)
{
	const struct sch_table	*t = &sch_tables[SCH_T2];
	const double		 gap = 12, h = 104;
	double			 w, x;
	int			 i, k, per, n;

	section_head(b, y, sch_sections[SCH_S2].heading);
	y += 42;
	/* Rows of three: the two kinds of documents, three columns each;
	 * then the decisions and the fee, three to a row. */
	for (i = 0; i < t->nrows; i += n) {
		const struct sch_band	*band = schema_band(SCH_T2, i);

		if (band->ncols > 1) {
			per = band->ncols;
			n = 1;
		} else {
			for (n = 0; i + n < t->nrows && n < 3 &&
			    schema_band(SCH_T2, i + n)->ncols == 1; n++)
				;
			per = n;
		}
		w = (INNER - gap * (per - 1)) / per;
		for (k = 0; k < per; k++) {
			int		 row = band->ncols > 1 ? i : i + k;
			int		 col = band->ncols > 1 ? k : 0;
			const struct sch_band *bd = schema_band(SCH_T2, row);
			struct fig	 f = fig_of(r, schema_cell(SCH_T2, row, col));
			char		*label;

			x = MARGIN + k * (w + gap);
			label = bd->ncols > 1 ?
			    xasprintf("%s · %s", t->rows[row].label,
			    bd->cols[col].label) : xstrdup(t->rows[row].label);
			card(b, r, x, y, w, h, &f, label,
			    f.amount ? bd->cols[col].label : NULL);
			free(label);
		}
		y += h + gap;
	}
	return y + 8;
}

/* One proportional bar of parts, with a caption and each part's figure
 * under its segment (or, for a thin one, in the legend below). */
struct part {
	struct fig	 f;
	char		*label;
};

static double
bar(struct buf *b, const struct report *r, double y, const char *caption,
    struct part *parts, int n, int64_t scale, double total_w,
    const struct fig *total)
{
	double	 x = MARGIN, w, lx, ly;
	int64_t	 sum = 0;
	int	 i;

	/* The bar is never longer than its track, whatever the figures. */
	for (i = 0; i < n; i++)
		if (parts[i].f.ok && number_add(sum, parts[i].f.v) != -1)
			sum += parts[i].f.v;
	if (sum > scale)
		scale = sum;

	text(b, MARGIN, y + 14, 15, "start", "#111827", "bold", INNER * 0.6,
	    NULL, NULL, caption);
	if (total != NULL)
		put_fig(b, r, total, W - MARGIN, y + 16, 20, "end", "#111827",
		    INNER * 0.38);
	y += 28;
	buf_addf(b, "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"22\" "
	    "rx=\"4\" fill=\"#f1f5f9\"/>\n", MARGIN, y, INNER);
	for (i = 0; i < n; i++) {
		if (!parts[i].f.ok || parts[i].f.v == 0 || scale <= 0)
			continue;
		w = total_w * (double)parts[i].f.v / (double)scale;
		buf_addf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
		    "height=\"22\" fill=\"%s\"><title>", x, y, w,
		    palette[i % (sizeof palette / sizeof palette[0])]);
		esc(b, parts[i].label);
		buf_add(b, "</title></rect>\n");
		x += w;
	}
	y += 44;
	/* The legend: a swatch, the label, the figure; two to a line. */
	for (i = 0; i < n; i++) {
		lx = MARGIN + (i % 2) * (INNER / 2.0);
		ly = y + (i / 2) * 40;
		buf_addf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"12\" "
		    "height=\"12\" rx=\"2\" fill=\"%s\"/>\n", lx, ly - 11,
		    palette[i % (sizeof palette / sizeof palette[0])]);
		text(b, lx + 18, ly, 14, "start", "#374151", NULL,
		    INNER / 2.0 - 150, NULL, NULL, parts[i].label);
		put_fig(b, r, &parts[i].f, lx + INNER / 2.0 - 16, ly, 16,
		    "end", "#111827", 120);
	}
	return y + ((n + 1) / 2) * 40 + 6;
}

/* The outcomes of table 三 from row i on, for its second bar: each outcome
 * (a group of rows summed: （三）不予公开 …), then 结转下年度. Fills out[]
 * (at most 11) and returns how many. */
static int
t3_outcomes(const struct report *r, int i, struct part *out)
{
	const struct sch_table	*t = &sch_tables[SCH_T3];
	int			 total = t->bands[0].ncols - 1, j;
	int			 rt = schema_row(SCH_T3, "result_total");
	const char		*group = NULL;
	size_t			 glen = 0;

	for (j = 0; i < t->nrows && j < 11; i++) {
		const struct sch_row	*row = &t->rows[i];
		const char		*slash;
		size_t			 len;

		if (i == rt)
			continue;
		if (row->path == NULL) {	/* 四、结转下年度继续办理 */
			out[j].f = fig_of(r, schema_cell(SCH_T3, i, total));
			out[j].label = bare(row->brief);
			j++;
			group = NULL;
			continue;
		}
		slash = strchr(row->path, '/');
		if (slash == NULL) {		/* （一）予以公开 */
			out[j].f = fig_of(r, schema_cell(SCH_T3, i, total));
			out[j].label = bare(row->brief);
			j++;
			group = NULL;
		} else {			/* a row of （三）不予公开 … */
			len = strlen(slash + 1);
			if (group == NULL || len != glen ||
			    memcmp(group, slash + 1, len) != 0) {
				group = slash + 1;
				glen = len;
				memset(&out[j].f, 0, sizeof out[j].f);
				out[j].label = bare(group);
				j++;
			}
			fig_add(&out[j - 1].f, r, schema_cell(SCH_T3, i, total));
		}
	}
	return j;
}

/* Table 三: in, out, and who asked. */
static double
draw_t3(struct buf *b, const struct report *r, double y)
{
	const struct sch_table	*t = &sch_tables[SCH_T3];
	const struct sch_band	*band = &t->bands[0];
	int			 total = band->ncols - 1, nat = 0;
	int			 i, n, j, rt = schema_row(SCH_T3, "result_total");
	struct part		 in[2], out[12], who[2];
	struct fig		 fin = { 0 }, fout = { 0 };
	int64_t			 scale;

	section_head(b, y, sch_sections[SCH_S3].heading);
	y += 42;

	/* In: 本年新收 and 上年结转 (the rows before 三、本年度办理结果). */
	for (i = n = 0; i < t->nrows && t->rows[i].path == NULL && n < 2; i++) {
		in[n].f = fig_of(r, schema_cell(SCH_T3, i, total));
		in[n].label = bare(t->rows[i].brief);
		fig_add(&fin, r, schema_cell(SCH_T3, i, total));
		n++;
	}
	j = t3_outcomes(r, i, out);
	/* Out in all: (七)总计 and 结转下年度. */
	memset(&fout, 0, sizeof fout);
	fig_add(&fout, r, schema_cell(SCH_T3, rt, total));
	fig_add(&fout, r, schema_cell(SCH_T3, t->nrows - 1, total));

	scale = fin.ok ? fin.v : 0;
	if (fout.ok && fout.v > scale)
		scale = fout.v;
	y = bar(b, r, y, "收到申请（本年新收 + 上年结转）", in, n, scale,
	    INNER, &fin);
	y = bar(b, r, y, "办理结果与结转下年度", out, j, scale, INNER,
	    &fout);

	/* Who asked: 自然人 and the organisations, in 本年新收. */
	memset(who, 0, sizeof who);
	who[0].f = fig_of(r, schema_cell(SCH_T3, 0, nat));
	who[0].label = xstrdup(band->cols[nat].label);
	for (i = 0; i < band->ncols; i++)
		if (band->cols[i].group != NULL) {
			fig_add(&who[1].f, r, schema_cell(SCH_T3, 0, i));
			if (who[1].label == NULL)
				who[1].label = xstrdup(band->cols[i].group);
		}
	y = bar(b, r, y, "申请人（本年新收）", who, 2,
	    fin.ok && in[0].f.ok ? in[0].f.v : 0, INNER, NULL);
	for (i = 0; i < n; i++)
		free(in[i].label);
	for (i = 0; i < j; i++)
		free(out[i].label);
	free(who[0].label);
	free(who[1].label);
	return y + 4;
}

/* Table 四: a card per group with its total, and its outcomes. */
static double
draw_t4(struct buf *b, const struct report *r, double y)
{
	const struct sch_table	*t = &sch_tables[SCH_T4];
	const struct sch_band	*band = &t->bands[0];
	const double		 gap = 12, h = 150;
	double			 w = (INNER - gap * (t->nrows - 1)) / t->nrows;
	double			 x, ly;
	int			 i, c, total = band->ncols - 1;
	char			*label, s[64];

	section_head(b, y, sch_sections[SCH_S4].heading);
	y += 42;
	for (i = 0; i < t->nrows; i++) {
		struct fig	 f = fig_of(r, schema_cell(SCH_T4, i, total));

		x = MARGIN + i * (w + gap);
		label = t->rows[i].path != NULL ?
		    xasprintf("%s · %s", t->rows[i].path, t->rows[i].label) :
		    xstrdup(t->rows[i].label);
		buf_addf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
		    "height=\"%.1f\" rx=\"10\" fill=\"#eff6ff\" "
		    "stroke=\"#bfdbfe\"/>\n", x, y, w, h);
		text(b, x + w / 2, y + 22, 14, "middle", "#1f2937", "bold",
		    w - 12, NULL, NULL, label);
		free(label);
		put_fig(b, r, &f, x + w / 2, y + 56, 28, "middle", "#1d4ed8",
		    w - 16);
		for (c = 0, ly = y + 92; c < total; c++, ly += 15) {
			struct fig	 g = fig_of(r, schema_cell(SCH_T4, i, c));
			char		*keys = fig_keys(&g, false);

			text(b, x + 12, ly, 12, "start", "#4b5563", NULL,
			    w / 2, NULL, NULL, band->cols[c].label);
			fig_text(&g, s, sizeof s);
			text(b, x + w - 12, ly, 12, "end", "#111827", "bold",
			    w / 2 - 24, "fig sub", keys, s);
			free(keys);
		}
	}
	return y + h + 16;
}

void
export_svg_render(struct buf *b, const struct report *r)
{
	struct buf	 body = { NULL, 0, 0 };
	char		*title = export_title(r);
	const char	*start = report_get(r, F_PERIOD_START);
	const char	*end = report_get(r, F_PERIOD_END);
	char		*period;
	double		 y;

	buf_addn(&body, "", 0);
	/* The head: the title on a red band. */
	y = 0;
	buf_addf(&body, "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"150\" "
	    "fill=\"#b91c1c\"/>\n", W);
	text(&body, W / 2.0, 46, 30, "middle", "#ffffff", "bold", INNER, NULL,
	    NULL, "图解");
	text(&body, W / 2.0, 88, 22, "middle", "#ffffff", "bold", INNER, NULL,
	    NULL, title);
	if (start != NULL && end != NULL) {
		period = xasprintf("统计期间：%s 至 %s", start, end);
		text(&body, W / 2.0, 124, 15, "middle", "#fee2e2", NULL, INNER,
		    NULL, NULL, period);
		free(period);
	}
	y = 176;
	y = draw_t2(&body, r, y);
	y = draw_t3(&body, r, y);
	y = draw_t4(&body, r, y);
	text(&body, W / 2.0, y + 18, 12, "middle", "#6b7280", NULL, INNER, NULL,
	    NULL, "数字取自本报告的表二、表三、表四；“较上年”取自上年报告。");
	y += 40;

	buf_addf(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
	    "height=\"%.0f\" viewBox=\"0 0 %d %.0f\" font-family=\"" FONT
	    "\">\n<title>", W, y, W, y);
	esc(b, title);
	buf_add(b, " ");
	esc(b, "图解");
	buf_addf(b, "</title>\n<desc>%s %s</desc>\n", PACKAGE_NAME,
	    PACKAGE_VERSION);
	buf_addf(b, "<rect width=\"%d\" height=\"%.0f\" fill=\"#ffffff\"/>\n",
	    W, y);
	buf_addn(b, body.s, body.len);
	buf_add(b, "</svg>\n");
	free(body.s);
	free(title);
}
