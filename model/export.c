/*
 * export.c: the table of export formats, and the renderers of the
 * spreadsheet CSV, the publishable text and the HTML page (spec §7).
 *
 * Each table of the report is laid out once, from the schema (layout.c);
 * the formats only differ in how they write a layout. Renderers that need
 * a library live in their own files (export_xlsx.c, export_svg.c).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "csvout.h"
#include "export.h"
#include "export_svg.h"
#include "export_xlsx.h"
#include "layout.h"
#include "nls.h"
#include "safeio.h"
#include "show.h"
#include "schema.h"
#include "utf8.h"
#include "xmalloc.h"

/* Is this a note (说明) rather than a key this version does not know? */
static bool
is_note(const struct report_extra *e)
{
	return strncmp(e->key, "note.", 5) == 0;
}

/* ---- CSV ------------------------------------------------------------- */

static void
csv_row2(struct buf *b, const char *a, const char *v)
{
	/* a is a schema label or a note's label from the file: guard both. */
	csv_field(b, a, true);
	buf_add(b, ",");
	csv_field(b, v, true);
	buf_add(b, "\r\n");
}

static void
csv_grid(struct buf *b, const struct layout *g)
{
	int	 r, c;

	for (r = 0; r < g->nrows; r++) {
		for (c = 0; c < g->ncols; c++) {
			const struct lcell	*gc = LCELL(g, r, c);

			if (c > 0)
				buf_add(b, ",");
			if (!gc->covered)
				csv_field(b, gc->text, gc->kind == L_VALUE);
		}
		buf_add(b, "\r\n");
	}
}

static void
render_csv(struct buf *b, const struct report *r,
    enum export_encoding enc)
{
	static const int	 meta[] = {
		F_AGENCY, F_YEAR, F_PERIOD_START, F_PERIOD_END,
	};
	static const int	 texts[] = { F_PREAMBLE, F_S1, F_S5, F_S6 };
	char			*t = export_title(r);
	struct layout		 g;
	int			 i, s, n;

	if (enc == EXPORT_UTF8)
		buf_add(b, "\xef\xbb\xbf");	/* Excel reads UTF-8 by it */
	csv_field(b, t, true);		/* holds the agency's name */
	buf_add(b, "\r\n\r\n");
	free(t);
	for (i = 0; i < (int)(sizeof meta / sizeof meta[0]); i++)
		csv_row2(b, schema_field(meta[i])->label,
		    report_get(r, meta[i]));
	buf_add(b, "\r\n");
	for (i = 0; i < (int)(sizeof texts / sizeof texts[0]); i++)
		csv_row2(b, schema_field(texts[i])->label,
		    report_get(r, texts[i]));
	for (s = 0; s < SCH_NSECTIONS; s++) {
		if (sch_sections[s].table == -1)
			continue;
		buf_add(b, "\r\n");
		csv_field(b, sch_sections[s].heading, false);
		buf_add(b, "\r\n");
		layout_table(&g, r, sch_sections[s].table);
		csv_grid(b, &g);
		layout_fini(&g);
	}
	for (i = n = 0; i < report_nextras(r); i++) {
		const struct report_extra	*e = report_extra(r, i);

		if (!is_note(e))
			continue;
		if (n++ == 0) {
			buf_add(b, "\r\n");
			csv_field(b, _("说明"), false);
			buf_add(b, "\r\n");
		}
		csv_row2(b, *e->label != '\0' ? e->label : e->key, e->value);
	}
}

/* ---- publishable text ---------------------------------------------------- */

/* Text as stored, CRLF and CR as LF, without trailing line breaks. */
static void
text_body(struct buf *b, const char *s)
{
	size_t	 len = strlen(s);

	while (len > 0 && (s[len - 1] == '\n' || s[len - 1] == '\r'))
		len--;
	for (; len > 0; s++, len--) {
		if (*s == '\r') {
			if (len > 1 && s[1] == '\n')
				continue;
			buf_add(b, "\n");
		} else
			buf_addn(b, s, 1);
	}
}

/* A grid cell in a tab-separated line: tabs and line breaks inside would
 * break the grid, so they become spaces. */
static void
text_cell(struct buf *b, const char *s)
{
	for (; s != NULL && *s != '\0'; s++)
		buf_addn(b, strchr("\t\r\n", *s) != NULL ? " " : s, 1);
}

static void
render_text(struct buf *b, const struct report *r,
    enum export_encoding enc)
{
	char		*t = export_title(r);
	const char	*s;
	struct layout	 g;
	int		 i, row, c;

	buf_add(b, t);
	buf_add(b, "\n\n");
	free(t);
	if ((s = report_get(r, F_PREAMBLE)) != NULL) {
		text_body(b, s);
		buf_add(b, "\n\n");
	}
	for (i = 0; i < SCH_NSECTIONS; i++) {
		const struct sch_section	*sec = &sch_sections[i];

		buf_add(b, sec->heading);
		buf_add(b, "\n\n");
		if (sec->table == -1) {
			if ((s = report_get(r, sec->text_field)) != NULL) {
				text_body(b, s);
				buf_add(b, "\n\n");
			}
			continue;
		}
		layout_table(&g, r, sec->table);
		for (row = 0; row < g.nrows; row++) {
			for (c = 0; c < g.ncols; c++) {
				const struct lcell	*gc = LCELL(&g, row, c);

				if (c > 0)
					buf_add(b, "\t");
				if (!gc->covered)
					text_cell(b, gc->text);
			}
			buf_add(b, "\n");
		}
		buf_add(b, "\n");
		layout_fini(&g);
	}
	/* One line break at the end, not two. */
	if (b->len >= 2 && b->s[b->len - 2] == '\n')
		b->s[--b->len] = '\0';
}

/* ---- HTML ------------------------------------------------------------ */

/* A text as paragraphs: one <p> per non-blank line. */
static void
html_paras(struct buf *b, const char *s, const char *cls)
{
	const char	*e;
	size_t		 n;

	while (s != NULL && *s != '\0') {
		e = s + strcspn(s, "\r\n");
		n = (size_t)(e - s);
		if (strspn(s, " \t") < n) {
			buf_add(b, cls != NULL ? "<p class=\"" : "<p>");
			if (cls != NULL) {
				buf_add(b, cls);
				buf_add(b, "\">");
			}
			xml_esc(b, s, n);
			buf_add(b, "</p>\n");
		}
		s = e + strspn(e, "\r\n");
	}
}

static const char html_css[] =
    ":root{color-scheme:light}\n"
    "body{margin:0;background:#fff;color:#111;"
    "font-family:\"PingFang SC\",\"Hiragino Sans GB\",\"Microsoft YaHei\","
    "\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"WenQuanYi Micro Hei\","
    "sans-serif;line-height:1.8;font-size:16px}\n"
    ".report{max-width:60rem;margin:0 auto;padding:1.5rem 1rem 3rem}\n"
    "h1{font-size:1.5rem;text-align:center;line-height:1.5;"
    "margin:.5rem 0 1.5rem}\n"
    "h2{font-size:1.15rem;margin:2rem 0 .75rem}\n"
    "p{margin:0 0 .6rem;text-indent:2em;text-align:justify}\n"
    ".wrap{overflow-x:auto;-webkit-overflow-scrolling:touch;"
    "margin:0 0 1rem}\n"
    "table{border-collapse:collapse;margin:0 auto;font-size:.875rem;"
    "line-height:1.45}\n"
    "th,td{border:1px solid #333;padding:.3rem .45rem;"
    "vertical-align:middle}\n"
    "th{font-weight:normal;background:#f3f4f6;text-align:center}\n"
    "th.cap{text-align:left;font-weight:bold;background:#e5e7eb}\n"
    ".t3 th.corner{font-size:.8rem;min-width:14rem}\n"
    "th.lab{text-align:left;background:#fafafa}\n"
    "td{text-align:center;min-width:3rem;"
    "font-variant-numeric:tabular-nums}\n"
    "td.blank{color:#767676}\n"
    ".t2 th.lab{white-space:nowrap}\n"
    ".t2 td{min-width:5rem}\n"
    ".t3 th.lab.l0{min-width:2.5em}\n"
    ".t3 th.lab.l1{min-width:4.5em}\n"
    ".t3 th.lab.l2{min-width:12rem}\n"
    ".t3 thead th{min-width:3.5em}\n"
    ".t3 thead th[scope]{white-space:nowrap}\n"
    ".t4 th{min-width:2.5em}\n"
    "@media (max-width:40rem){body{font-size:15px}"
    ".report{padding:1rem .75rem 2rem}h1{font-size:1.25rem}"
    "table{font-size:.8rem}th,td{padding:.25rem .3rem}"
    ".t2 td{min-width:3rem}.t2 th.lab{white-space:normal}}\n"
    "@media print{@page{size:A4;margin:2cm 1.8cm}"
    "body{font-size:11pt;line-height:1.6}"
    ".report{max-width:none;padding:0}"
    ".wrap{overflow:visible}"
    "table{font-size:8.5pt;width:100%}"
    "th,td{padding:2pt 3pt}"
    "th,th.cap,th.lab{background:none}"
    "tr,th,td{break-inside:avoid;page-break-inside:avoid}"
    "h2{break-after:avoid;page-break-after:avoid}"
    "thead{display:table-header-group}}\n";

static void
html_cell(struct buf *b, const struct lcell *gc, int col)
{
	const char	*tag = gc->kind == L_VALUE ? "td" : "th";

	buf_addf(b, "<%s", tag);
	switch (gc->kind) {
	case L_CAPTION:
		buf_add(b, " class=\"cap\"");
		break;
	case L_CORNER:
		buf_add(b, " class=\"corner\"");
		break;
	case L_LABEL:
		buf_addf(b, " class=\"lab l%d\" scope=\"row\"", col);
		break;
	case L_HEAD:
		buf_add(b, gc->colspan > 1 ? " scope=\"colgroup\"" :
		    " scope=\"col\"");
		break;
	case L_VALUE:
		break;
	}
	if (gc->rowspan > 1)
		buf_addf(b, " rowspan=\"%d\"", gc->rowspan);
	if (gc->colspan > 1)
		buf_addf(b, " colspan=\"%d\"", gc->colspan);
	/* An unfilled value cell shows a dash, which a reader of a draft
	 * understands and which survives a converter that prints an empty
	 * cell as nothing (lynx, pandoc): import reads it back as blank.
	 * The title is Chinese like the rest of the page (lang="zh-CN"). */
	if (gc->kind == L_VALUE && (gc->text == NULL || *gc->text == '\0')) {
		buf_addf(b, " class=\"blank\" title=\"未填\">—</%s>", tag);
		return;
	}
	buf_add(b, ">");
	if (gc->text != NULL)
		xml_esc(b, gc->text, strlen(gc->text));
	buf_addf(b, "</%s>", tag);
}

static void
html_table(struct buf *b, const struct report *r, int table)
{
	struct layout	 g;
	int		 row, c;

	layout_table(&g, r, table);
	buf_addf(b, "<div class=\"wrap\"><table class=\"%s\">\n",
	    sch_tables[table].key);
	for (row = 0; row < g.nrows; row++) {
		if (row == 0)
			buf_add(b, g.nhead > 0 ? "<thead>\n" : "<tbody>\n");
		else if (row == g.nhead)
			buf_add(b, "</thead>\n<tbody>\n");
		buf_add(b, "<tr>");
		for (c = 0; c < g.ncols; c++)
			if (!LCELL(&g, row, c)->covered)
				html_cell(b, LCELL(&g, row, c), c);
		buf_add(b, "</tr>\n");
	}
	buf_add(b, g.nhead >= g.nrows ? "</thead>\n" : "</tbody>\n");
	buf_add(b, "</table></div>\n");
	layout_fini(&g);
}

static void
render_html(struct buf *b, const struct report *r,
    enum export_encoding enc)
{
	char	*t = export_title(r);
	int	 i;

	buf_add(b, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n"
	    "<meta charset=\"utf-8\" />\n"
	    "<meta name=\"viewport\" "
	    "content=\"width=device-width, initial-scale=1\" />\n"
	    "<meta name=\"generator\" content=\"" PACKAGE_NAME " "
	    PACKAGE_VERSION "\" />\n<title>");
	xml_esc(b, t, strlen(t));
	buf_add(b, "</title>\n<style>\n");
	buf_add(b, html_css);
	buf_add(b, "</style>\n</head>\n<body>\n<div class=\"report\" role=\"main\">\n<h1>");
	xml_esc(b, t, strlen(t));
	buf_add(b, "</h1>\n");
	free(t);
	html_paras(b, report_get(r, F_PREAMBLE), NULL);
	for (i = 0; i < SCH_NSECTIONS; i++) {
		const struct sch_section	*sec = &sch_sections[i];

		buf_addf(b, "<div class=\"section\" id=\"s%d\">\n<h2>", i + 1);
		xml_esc(b, sec->heading, strlen(sec->heading));
		buf_add(b, "</h2>\n");
		if (sec->table == -1)
			html_paras(b, report_get(r, sec->text_field), NULL);
		else
			html_table(b, r, sec->table);
		buf_add(b, "</div>\n");
	}
	buf_add(b, "</div>\n</body>\n</html>\n");
}

void
export_html_table(struct buf *b, const struct report *r, int t)
{
	html_table(b, r, t);
}

const char *
export_html_css(void)
{
	return html_css;
}

/* ---- encodings and the public functions --------------------------------- */

/* UTF-8 to GB18030. Bytes that are not UTF-8 (the model should hold none)
 * become U+FFFD rather than stopping the export. Caller frees. */
static char *
to_gb18030(const char *in, size_t inlen, size_t *outlen)
{
	static const char	 fffd[] = "\x84\x31\xa4\x37";
	iconv_t			 cd;
	struct buf		 o = { NULL, 0, 0 };
	const char		*ip = in;
	char			 chunk[4096], *op;
	size_t			 il = inlen, ol, rc;

	if ((cd = iconv_open("GB18030", "UTF-8")) == (iconv_t)-1)
		abort();	/* glibc always has it */
	buf_addn(&o, "", 0);
	while (il > 0) {
		op = chunk;
		ol = sizeof chunk;
		rc = utf8_iconv(cd, &ip, &il, &op, &ol);
		buf_addn(&o, chunk, (size_t)(op - chunk));
		if (rc == (size_t)-1 && errno != E2BIG) {
			buf_addn(&o, fffd, 4);
			ip++;
			il--;
		}
	}
	iconv_close(cd);
	*outlen = o.len;
	return o.s;
}

/* ---- the 图解 (export_svg.c) ------------------------------------------- */

static void
render_svg(struct buf *b, const struct report *r, enum export_encoding enc)
{
	export_svg_render(b, r);
}

/* ---- the table of formats ------------------------------------------------ */

#ifdef HAVE_XLSXWRITER
#define HAVE_XLSX_EXPORT	true
#else
#define HAVE_XLSX_EXPORT	false
#endif

#define ENC(e)		(1u << (e))
#define ENC_ALL		(ENC(EXPORT_UTF8) | ENC(EXPORT_GB18030))

/* A format: what others are told of it, and how it is made. A renderer
 * either appends the bytes to a buffer (render) or, for a library that only
 * writes files, writes the file at the path it is given (write_file): when
 * saving, the one atomic writer's own temporary file (safeio_save_with);
 * for export_render (stdout, tests), a private temporary file read back. */
struct export_format_def {
	struct export_format_info info;
	void	(*render)(struct buf *, const struct report *,
		    enum export_encoding);
	int	(*write_file)(const struct report *, const char *path,
		    char **err);
	bool	  markup;	/* bidi controls as character references */
};

static const struct export_format_def formats[EXPORT_NFORMATS] = {
	[EXPORT_CSV] = { { "csv", NULL, ".csv", N_("-表格"), 'C',
	    N_("CSV 表格"),
	    N_("表格（CSV，Excel、WPS 可打开）"),
	    ENC_ALL, false, true }, render_csv, NULL },
	[EXPORT_TEXT] = { { "text", "txt", ".txt", "", 'T',
	    N_("发布用文本"), N_("可发布的文本（表格以制表符分隔）"),
	    ENC_ALL, false, true }, render_text, NULL },
	[EXPORT_HTML] = { { "html", "htm", ".html", "", 'H',
	    N_("网页"), N_("网页（HTML，含正式的合并单元格）"),
	    ENC(EXPORT_UTF8), false, true }, render_html, NULL, true },
	[EXPORT_XLSX] = { { "xlsx", NULL, ".xlsx", "", 'X',
	    N_("Excel 表格"),
	    N_("Excel 工作簿（xlsx，正式的合并单元格，数字为数值）"),
	    ENC(EXPORT_UTF8), true, HAVE_XLSX_EXPORT }, NULL,
	    export_xlsx_write, false },
	[EXPORT_SVG] = { { "svg", NULL, ".svg", "-图解", 'G',
	    N_("图解"), N_("图解（SVG 图片，750 像素宽，主要数字一图读懂）"),
	    ENC(EXPORT_UTF8), false, true }, render_svg, NULL, false },
};

const struct export_format_info *
export_format_info(int fmt)
{
	return &formats[fmt].info;
}

int
export_format_by_key(int key)
{
	int	 i;

	if (key >= 'a' && key <= 'z')
		key -= 'a' - 'A';
	for (i = 0; i < EXPORT_NFORMATS; i++)
		if (formats[i].info.built && formats[i].info.key == key)
			return i;
	return -1;
}

int
export_parse_format(const char *s)
{
	int	 i;

	for (i = 0; i < EXPORT_NFORMATS; i++)
		if (strcasecmp(s, formats[i].info.name) == 0 ||
		    (formats[i].info.alias != NULL &&
		    strcasecmp(s, formats[i].info.alias) == 0))
			return i;
	return -1;
}

int
export_format_of_path(const char *path)
{
	const char	*dot = strrchr(path, '.');
	int		 i;

	if (dot == NULL || strchr(dot, '/') != NULL)
		return -1;
	for (i = 0; i < EXPORT_NFORMATS; i++)
		if (strcasecmp(dot, formats[i].info.suffix) == 0)
			return i;
	return export_parse_format(dot + 1);
}

char *
export_format_names(const char *sep)
{
	struct buf	 b = { NULL, 0, 0 };
	int		 i;

	buf_addn(&b, "", 0);
	for (i = 0; i < EXPORT_NFORMATS; i++) {
		if (!formats[i].info.built)
			continue;
		if (b.len > 0)
			buf_add(&b, sep);
		buf_add(&b, formats[i].info.name);
	}
	return b.s;
}

int
export_parse_encoding(const char *s)
{
	if (strcasecmp(s, "utf-8") == 0 || strcasecmp(s, "utf8") == 0)
		return EXPORT_UTF8;
	if (strcasecmp(s, "gb18030") == 0)
		return EXPORT_GB18030;
	return -1;
}

bool
export_takes_encoding(enum export_format fmt, enum export_encoding enc)
{
	return (formats[fmt].info.encodings & ENC(enc)) != 0;
}

const char *
export_suffix(enum export_format fmt)
{
	return formats[fmt].info.suffix;
}

char *
export_default_path(const char *path, enum export_format fmt)
{
	const char	*base = strrchr(path, '/'), *dot;
	const char	*stem = formats[fmt].info.stem;
	size_t		 len;

	base = base != NULL ? base + 1 : path;
	dot = strrchr(base, '.');
	len = dot != NULL && dot != base ? (size_t)(dot - path) :
	    strlen(path);
	return xasprintf("%.*s%s%s", (int)len, path,
	    *stem != '\0' ? _(stem) : "", export_suffix(fmt));
}

/* Can this build write the format in this encoding? 0, or -1 with *err. */
static int
can_render(enum export_format fmt, enum export_encoding enc, char **err)
{
	const struct export_format_info	*fi = &formats[fmt].info;

	if (!fi->built) {
		*err = xasprintf(_("这个版本的 gkreport 没有 %s 导出"
		    "（构建时没有所需的库）"), fi->name);
		return -1;
	}
	if (!export_takes_encoding(fmt, enc)) {
		*err = xasprintf(_("%s只能导出为 UTF-8 编码"), _(fi->menu));
		return -1;
	}
	return 0;
}

/* Read a whole file into memory. NULL with errno set on failure. */
static char *
slurp_file(const char *path, size_t *len)
{
	struct buf	 b = { NULL, 0, 0 };
	char		 chunk[65536];
	ssize_t		 n;
	int		 fd, saved;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return NULL;
	buf_addn(&b, "", 0);
	while ((n = read(fd, chunk, sizeof chunk)) != 0) {
		if (n == -1) {
			if (errno == EINTR)
				continue;
			saved = errno;
			close(fd);
			free(b.s);
			errno = saved;
			return NULL;
		}
		buf_addn(&b, chunk, (size_t)n);
	}
	close(fd);
	*len = b.len;
	return b.s;
}

/* A format whose library writes only files, rendered into memory through
 * a private temporary file. Caller frees. */
static char *
render_through_file(const struct report *r, enum export_format fmt,
    size_t *len, char **err)
{
	const char	*dir = getenv("TMPDIR");
	char		*tmp, *s = NULL;
	int		 fd;

	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
	tmp = xasprintf("%s/gkreport-export-XXXXXX", dir);
	if ((fd = mkstemp(tmp)) == -1) {
		*err = xasprintf("%s: %s", dir, safeio_why(errno));
		free(tmp);
		return NULL;
	}
	close(fd);
	if (formats[fmt].write_file(r, tmp, err) == 0 &&
	    (s = slurp_file(tmp, len)) == NULL)
		*err = xasprintf("%s: %s", tmp, safeio_why(errno));
	unlink(tmp);
	free(tmp);
	return s;
}

char *
export_render(const struct report *r, enum export_format fmt,
    enum export_encoding enc, size_t *len, char **err)
{
	struct buf	 b = { NULL, 0, 0 };
	char		*out;

	if (can_render(fmt, enc, err) == -1)
		return NULL;
	if (formats[fmt].render == NULL)
		return render_through_file(r, fmt, len, err);
	buf_addn(&b, "", 0);
	formats[fmt].render(&b, r, enc);
	/* Nothing that drives a terminal or reorders text leaves in an
	 * export (show.h). */
	if (formats[fmt].markup) {
		out = show_html(b.s, b.len, &b.len);
		free(b.s);
		b.s = out;
	} else
		b.len = show_strip(b.s, b.len);
	if (enc == EXPORT_GB18030) {
		out = to_gb18030(b.s, b.len, len);
		free(b.s);
		return out;
	}
	*len = b.len;
	return b.s;
}

int
export_write(const struct report *r, enum export_format fmt,
    enum export_encoding enc, FILE *fp, char **err)
{
	char	*s;
	size_t	 len;

	if ((s = export_render(r, fmt, enc, &len, err)) == NULL)
		return -1;
	if (fwrite(s, 1, len, fp) != len || fflush(fp) != 0) {
		*err = xasprintf(_("写入失败：%s"), safeio_why(errno));
		free(s);
		return -1;
	}
	free(s);
	return 0;
}

/* What a file renderer needs inside safeio_save_with. */
struct file_job {
	const struct report	*r;
	enum export_format	 fmt;
};

/* The library writes the atomic writer's own temporary file by its name. */
static int
fill_file(int fd, const char *tmp, void *arg, char **why)
{
	const struct file_job	*job = arg;

	return formats[job->fmt].write_file(job->r, tmp, why);
}

int
export_save(const struct report *r, enum export_format fmt,
    enum export_encoding enc, const char *path, const char *input,
    char **err)
{
	const char		*inputs[] = { input, NULL };
	struct safeio_out	 o = { 0666, 0, inputs };
	struct file_job		 job = { r, fmt };
	char			*s;
	size_t			 len;
	int			 rc;

	if (can_render(fmt, enc, err) == -1)
		return -1;
	if (formats[fmt].render == NULL)
		return safeio_save_with(path, fill_file, &job, &o, err);
	if ((s = export_render(r, fmt, enc, &len, err)) == NULL)
		return -1;
	rc = safeio_save(path, s, len, &o, err);
	free(s);
	return rc;
}
