/*
 * sumhtml.c: the county office's page (see sumhtml.h).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "nls.h"
#include "number.h"
#include "schema.h"
#include "sumhtml.h"
#include "layout.h"
#include "xmalloc.h"

/* The figures the units' table on the page shows (indexes into
 * units_figs); the rates are all shown. */
static const int page_figs[] = { 0, 3, 4, 5, 6, 7, 8, 9, 10, 11, 26, 31 };
#define NPAGE_FIGS	((int)(sizeof page_figs / sizeof page_figs[0]))

/* How many units the top and bottom lists of a rate show. */
#define TOPN	10

/*
 * Text for the page: escaped as every export escapes it (xml_esc), and
 * control characters from someone's file shown as U+FFFD, never passed on.
 */
static void
esc(struct buf *b, const char *s)
{
	size_t	 n;

	while (s != NULL && *s != '\0') {
		for (n = 0; s[n] != '\0' && ((unsigned char)s[n] >= 0x20 ||
		    s[n] == '\n' || s[n] == '\t'); n++)
			;
		xml_esc(b, s, n);
		s += n;
		if (*s != '\0') {
			buf_add(b, "\xef\xbf\xbd");
			s++;
		}
	}
}

static const char page_css[] =
    ".desk{max-width:80rem;margin:0 auto;padding:1.5rem 1rem 3rem}\n"
    ".desk p{text-indent:0}\n"
    ".cards{display:flex;flex-wrap:wrap;gap:.6rem;margin:0 0 1rem}\n"
    ".card{border:1px solid #d1d5db;border-radius:.4rem;"
    "padding:.4rem .8rem;min-width:7rem}\n"
    ".card b{display:block;font-size:1.4rem}\n"
    ".s-clean{color:#166534}.s-incomplete{color:#92400e}"
    ".s-error,.s-unreadable,.s-duplicate,.s-refused{color:#b91c1c}\n"
    "table.list{border-collapse:collapse;font-size:.8rem;margin:0 0 1rem}\n"
    "table.list th,table.list td{border:1px solid #cbd5e1;"
    "padding:.2rem .4rem;text-align:right;white-space:nowrap}\n"
    "table.list td.t,table.list th.t{text-align:left}\n"
    "table.list th{background:#f1f5f9;position:sticky;top:0}\n"
    "table.sortable th{cursor:pointer}\n"
    "table.sortable th[data-dir=asc]::after{content:\" \\25B2\"}\n"
    "table.sortable th[data-dir=desc]::after{content:\" \\25BC\"}\n"
    ".scroll{overflow:auto;max-height:32rem;margin:0 0 1rem}\n"
    "details{margin:.3rem 0}summary{cursor:pointer}\n"
    "ul.f{margin:.2rem 0 .6rem 1rem;padding:0;font-size:.85rem}\n"
    ".d{font-size:.75rem;border-radius:.2rem;padding:0 .25rem;"
    "background:#e5e7eb}\n"
    ".d-resolved{background:#dcfce7}\n"
    ".up{color:#b91c1c}.down{color:#1d4ed8}\n"
    "svg{display:block;margin:.3rem 0}\n";

/* A small sortable table of our own: click a heading to sort by it
 * (numbers as numbers, empty cells last); nothing else runs. */
static const char page_js[] =
    "(function(){\n"
    "function key(c){var v=c.getAttribute('data-v');"
    "return v===null?c.textContent:v}\n"
    "document.querySelectorAll('table.sortable').forEach(function(t){\n"
    "t.tHead.querySelectorAll('th').forEach(function(th,i){\n"
    "th.addEventListener('click',function(){\n"
    "var asc=th.getAttribute('data-dir')!=='asc';\n"
    "t.tHead.querySelectorAll('th').forEach(function(h){"
    "h.removeAttribute('data-dir')});\n"
    "th.setAttribute('data-dir',asc?'asc':'desc');\n"
    "var b=t.tBodies[0],rows=Array.prototype.slice.call(b.rows);\n"
    "rows.sort(function(p,q){var x=key(p.cells[i]),y=key(q.cells[i]);\n"
    "if(x===''||y==='')return x===y?0:x===''?1:-1;\n"
    "var m=parseFloat(x),n=parseFloat(y),c;\n"
    "c=isNaN(m)||isNaN(n)?x.localeCompare(y,'zh'):m-n;\n"
    "return asc?c:-c});\n"
    "rows.forEach(function(r){b.appendChild(r)})})})})})();\n";

static const char *const status_class[UNIT_NSTATUS] = {
	"clean", "incomplete", "error", "unreadable", "duplicate", "refused"
};

int64_t
sumhtml_quartile(const int64_t *v, int n, int q)
{
	int64_t	 pos4 = (int64_t)q * (n - 1);
	int64_t	 i = pos4 / 4, rem = pos4 % 4;

	if (n <= 0)
		return 0;
	if (rem == 0)
		return v[i];
	return (4 * v[i] + rem * (v[i + 1] - v[i]) + 2) / 4;
}

static void
bp_text(struct buf *b, int64_t bp)
{
	buf_addf(b, "%lld.%02lld", (long long)(bp / 100), (long long)(bp % 100));
}

/* The totals: each key figure of the sum, with last year and the change. */
static void
totals(const struct sumhtml *p, struct buf *b)
{
	int64_t		 fig[UNITS_NFIGS];
	uint64_t	 have;
	char		 t[32];
	int		 k;

	units_figures(p->total, fig, &have);
	buf_addf(b, "<h2 id=\"totals\">%s</h2>\n", _("主要数字合计"));
	buf_add(b, "<table class=\"list\" id=\"totals-table\"><thead><tr>");
	buf_addf(b, "<th class=\"t\">%s</th><th>%s</th>", _("项目"),
	    _("合计"));
	if (p->have_prev)
		buf_addf(b, "<th>%s</th><th>%s</th><th>%s</th>", _("上年"),
		    _("增减"), _("增减率(%)"));
	buf_add(b, "</tr></thead>\n<tbody>\n");
	for (k = 0; k < UNITS_NFIGS; k++) {
		buf_add(b, "<tr><td class=\"t\">");
		esc(b, _(units_figs[k].label));
		buf_addf(b, "</td><td>%s</td>",
		    units_fig_text(fig, have, k, t));
		if (p->have_prev) {
			bool both = (have >> k & 1) && (p->prev_have >> k & 1);
			int64_t d = both ? fig[k] - p->prev_fig[k] : 0;

			buf_addf(b, "<td>%s</td>",
			    units_fig_text(p->prev_fig, p->prev_have, k, t));
			if (!both)
				buf_add(b, "<td></td><td></td>");
			else {
				int64_t ad = d < 0 ? -d : d;

				buf_addf(b, "<td class=\"%s\">%s",
				    d > 0 ? "up" : d < 0 ? "down" : "",
				    d > 0 ? "+" : d < 0 ? "-" : "");
				buf_add(b, units_value_text(k, ad, t));
				buf_add(b, "</td><td>");
				if (p->prev_fig[k] > 0) {
					int64_t bp = units_rate_bp(ad,
					    p->prev_fig[k]);

					buf_add(b, d < 0 ? "-" : d > 0 ? "+" :
					    "");
					bp_text(b, bp);
				}
				buf_add(b, "</td>");
			}
		}
		buf_add(b, "</tr>\n");
	}
	buf_add(b, "</tbody></table>\n");
	if (p->have_prev)
		buf_addf(b, _("<p>上年：%d 个单位的报告。</p>\n"), p->prev_count);
}

/* The head of the units' table: the counts, the page's figures, each rate
 * (its formula as a title) and its rank, and with a review the decisions. */
static void
unit_head(const struct sumhtml *p, struct buf *b)
{
	char	*h;
	int	 k, d;

	buf_add(b, "<div class=\"scroll\"><table class=\"list sortable\" "
	    "id=\"units-table\"><thead><tr>");
	buf_addf(b, "<th data-h=\"%s\">%s</th>", _("序号"), _("序号"));
	buf_addf(b, "<th class=\"t\" data-h=\"%s\">%s</th>", _("报告单位"),
	    _("报告单位"));
	buf_addf(b, "<th class=\"t\" data-h=\"%s\">%s</th>", _("文件"),
	    _("文件"));
	buf_addf(b, "<th class=\"t\" data-h=\"%s\">%s</th>", _("状态"),
	    _("状态"));
	buf_addf(b, "<th data-h=\"%s\">%s</th>", _("错误"), _("错误"));
	buf_addf(b, "<th data-h=\"%s\">%s</th>", _("未填"), _("未填"));
	buf_addf(b, "<th data-h=\"%s\">%s</th>", _("提示"), _("提示"));
	for (k = 0; k < NPAGE_FIGS; k++) {
		buf_add(b, "<th data-h=\"");
		esc(b, _(units_figs[page_figs[k]].label));
		buf_add(b, "\">");
		esc(b, _(units_figs[page_figs[k]].label));
		buf_add(b, "</th>");
	}
	for (k = 0; k < UNITS_NRATES; k++) {
		h = units_rate_heading(k, false);
		buf_add(b, "<th data-h=\"");
		esc(b, h);
		buf_add(b, "\" title=\"");
		esc(b, h);
		buf_add(b, "\">");
		esc(b, _(units_rates[k].label));
		buf_add(b, "(%)</th>");
		free(h);
		if (units_rates[k].ranked) {
			h = units_rate_heading(k, true);
			buf_add(b, "<th data-h=\"");
			esc(b, h);
			buf_add(b, "\">");
			esc(b, h);
			buf_add(b, "</th>");
			free(h);
		}
	}
	if (p->review) {
		for (d = 0; d <= REV_NDECISIONS; d++)
			buf_addf(b, "<th data-h=\"%s\">%s</th>",
			    units_decision_label(d < REV_NDECISIONS ? d : -1),
			    units_decision_label(d < REV_NDECISIONS ? d : -1));
	}
	buf_add(b, "</tr></thead>\n<tbody>\n");
}

/* Unit i's row (numbered from 1, as the anchor #u1 the other parts of
 * the page link to): status, counts, figures, rates and ranks. */
static void
unit_row(const struct sumhtml *p, struct buf *b, int i)
{
	const struct unit	*un = units_get(p->units, i);
	char			 t[32];
	int			 k, d;

	buf_addf(b, "<tr id=\"u%d\"><td>%d</td><td class=\"t\">", i + 1,
	    i + 1);
	esc(b, un->agency);
	buf_add(b, "</td><td class=\"t\">");
	if (un->export_path != NULL) {
		buf_add(b, "<a href=\"");
		esc(b, un->export_path);
		buf_add(b, "\">");
	}
	esc(b, un->file);
	if (un->export_path != NULL)
		buf_add(b, "</a>");
	buf_addf(b, "</td><td class=\"t s-%s\">", status_class[un->status]);
	esc(b, units_status_label(un->status));
	buf_addf(b, "</td><td>%d</td><td>%d</td><td>%d</td>",
	    un->nerror, un->nempty, un->nwarning);
	for (k = 0; k < NPAGE_FIGS; k++)
		buf_addf(b, "<td>%s</td>", units_fig_text(un->fig,
		    un->have, page_figs[k], t));
	for (k = 0; k < UNITS_NRATES; k++) {
		buf_addf(b, "<td>%s</td>", units_rate_text(un->fig,
		    un->have, k, t));
		if (!units_rates[k].ranked)
			continue;
		if (un->rank[k] > 0)
			buf_addf(b, "<td>%d</td>", un->rank[k]);
		else
			buf_add(b, "<td></td>");
	}
	if (p->review) {
		for (d = 0; d < REV_NDECISIONS; d++)
			buf_addf(b, "<td>%d</td>", un->ndecision[d]);
		buf_addf(b, "<td>%d</td>", un->nresolved);
	}
	buf_add(b, "</tr>\n");
}

/* Every unit's row: status, counts, figures, rates and ranks. */
static void
unit_table(const struct sumhtml *p, struct buf *b)
{
	int	 i;

	buf_addf(b, "<h2 id=\"units\">%s</h2>\n", _("各单位情况"));
	buf_addf(b, _("<p>点击表头排序。比率为百分数，保留两位小数（四舍五入），"
	    "分母为 0 或数字不全时留空；排名 1 为最好。</p>\n"));
	unit_head(p, b);
	for (i = 0; i < units_count(p->units); i++)
		unit_row(p, b, i);
	buf_add(b, "</tbody></table></div>\n");
}

/* The findings by rule, with the units affected. */
static void
by_rule(const struct sumhtml *p, struct buf *b)
{
	const struct unit	*un;
	int			 k, i, j, nunits, nfind;
	bool			 any = false;

	buf_addf(b, "<h2 id=\"rules\">%s</h2>\n", _("问题（按规则）"));
	for (k = 0; k < rules_ninfo; k++) {
		nunits = nfind = 0;
		for (i = 0; i < units_count(p->units); i++) {
			un = units_get(p->units, i);
			if (un->by_rule[k] > 0) {
				nunits++;
				nfind += un->by_rule[k];
			}
		}
		if (nunits == 0)
			continue;
		any = true;
		buf_addf(b, "<details id=\"rule-%s\"><summary><b>%s</b> ",
		    rules_info[k].id, rules_info[k].id);
		esc(b, _(rules_info[k].name));
		buf_addf(b, "（%s）：", severity_label(rules_info[k].sev));
		buf_addf(b, _("%d 个单位，共 %d 处"), nunits, nfind);
		buf_add(b, "</summary>\n<ul class=\"f\">\n");
		for (i = 0; i < units_count(p->units); i++) {
			un = units_get(p->units, i);
			if (un->by_rule[k] == 0)
				continue;
			buf_addf(b, "<li><a href=\"#u%d\">", i + 1);
			esc(b, un->agency != NULL ? un->agency : un->file);
			buf_add(b, "</a>");
			for (j = 0; j < un->nfindings; j++) {
				const struct unit_finding *f = &un->findings[j];

				if (strcmp(f->rule, rules_info[k].id) != 0)
					continue;
				buf_add(b, "<br>");
				if (f->decision >= 0)
					buf_addf(b, "<span class=\"d\">%s</span> ",
					    units_decision_label(f->decision));
				esc(b, f->message);
			}
			buf_add(b, "</li>\n");
		}
		buf_add(b, "</ul></details>\n");
	}
	if (!any)
		buf_addf(b, "<p>%s</p>\n", _("没有发现问题。"));
}

struct rated {
	int64_t	 bp;
	int	 unit;
};

static int
cmp_rated(const void *a, const void *b)
{
	const struct rated *x = a, *y = b;

	return x->bp < y->bp ? -1 : x->bp > y->bp ? 1 : x->unit - y->unit;
}

/* A box plot of one rate over 0..100 %. */
static void
boxplot(struct buf *b, const int64_t q[5])
{
	/* 0..10000 hundredths onto 10..610 */
#define X(v)	(10 + (int)((v) * 600 / 10000))
	buf_addf(b, "<svg width=\"620\" height=\"44\" viewBox=\"0 0 620 44\" "
	    "role=\"img\" xmlns=\"http://www.w3.org/2000/svg\">"
	    "<line x1=\"10\" y1=\"34\" x2=\"610\" y2=\"34\" stroke=\"#94a3b8\"/>"
	    "<text x=\"10\" y=\"43\" font-size=\"8\">0%%</text>"
	    "<text x=\"300\" y=\"43\" font-size=\"8\">50%%</text>"
	    "<text x=\"592\" y=\"43\" font-size=\"8\">100%%</text>"
	    "<line x1=\"%d\" y1=\"16\" x2=\"%d\" y2=\"16\" stroke=\"#334155\"/>"
	    "<rect x=\"%d\" y=\"6\" width=\"%d\" height=\"20\" "
	    "fill=\"#bfdbfe\" stroke=\"#1d4ed8\"/>"
	    "<line x1=\"%d\" y1=\"6\" x2=\"%d\" y2=\"26\" stroke=\"#1d4ed8\" "
	    "stroke-width=\"2\"/></svg>\n",
	    X(q[0]), X(q[4]), X(q[1]), X(q[3]) - X(q[1]) + 1, X(q[2]),
	    X(q[2]));
#undef X
}

static void
rate_list(const struct sumhtml *p, struct buf *b, const struct rated *v,
    int from, int to, int step)
{
	const struct unit	*un;
	int			 i;

	buf_add(b, "<ol class=\"f\">");
	for (i = from; i != to; i += step) {
		un = units_get(p->units, v[i].unit);
		buf_addf(b, "<li><a href=\"#u%d\">", v[i].unit + 1);
		esc(b, un->agency != NULL ? un->agency : un->file);
		buf_add(b, "</a> ");
		bp_text(b, v[i].bp);
		buf_add(b, "</li>");
	}
	buf_add(b, "</ol>\n");
}

/* Each rate's distribution over the units that have it. */
static void
rates(const struct sumhtml *p, struct buf *b)
{
	struct rated	*v;
	int64_t		 q[5], num, den, *bps;
	int		 k, i, n, m, qi;
	static const char *const qnames[5] = {
		N_("最小"), N_("下四分位"), N_("中位数"), N_("上四分位"),
		N_("最大")
	};

	v = xreallocarray(NULL, (size_t)units_count(p->units) + 1, sizeof *v);
	bps = xreallocarray(NULL, (size_t)units_count(p->units) + 1,
	    sizeof *bps);
	buf_addf(b, "<h2 id=\"rates\">%s</h2>\n", _("比率分布"));
	for (k = 0; k < UNITS_NRATES; k++) {
		n = 0;
		for (i = 0; i < units_count(p->units); i++) {
			const struct unit *un = units_get(p->units, i);

			if (un->status == UNIT_UNREADABLE ||
			    un->status == UNIT_DUPLICATE ||
			    !units_rate_parts(un->fig, un->have, k, &num, &den))
				continue;
			v[n].bp = units_rate_bp(num, den);
			v[n++].unit = i;
		}
		qsort(v, (size_t)n, sizeof *v, cmp_rated);
		buf_addf(b, "<div class=\"rate\" id=\"rate-%d\"><h3>", k + 1);
		esc(b, _(units_rates[k].label));
		buf_add(b, "</h3><p>");
		esc(b, _(units_rates[k].label));
		buf_add(b, " = ");
		esc(b, _(units_rates[k].formula));
		buf_addf(b, _("；有此比率的单位 %d 个。</p>\n"), n);
		if (n == 0) {
			buf_add(b, "</div>\n");
			continue;
		}
		for (i = 0; i < n; i++)
			bps[i] = v[i].bp;
		for (qi = 0; qi < 5; qi++)
			q[qi] = sumhtml_quartile(bps, n, qi);
		buf_add(b, "<table class=\"list quart\"><tr>");
		for (qi = 0; qi < 5; qi++)
			buf_addf(b, "<th>%s</th>", _(qnames[qi]));
		buf_add(b, "</tr><tr>");
		for (qi = 0; qi < 5; qi++) {
			buf_add(b, "<td>");
			bp_text(b, q[qi]);
			buf_add(b, "</td>");
		}
		buf_add(b, "</tr></table>\n");
		boxplot(b, q);
		m = n < TOPN ? n : TOPN;
		buf_addf(b, "<p>%s</p>", _("最高的单位："));
		rate_list(p, b, v, n - 1, n - 1 - m, -1);
		buf_addf(b, "<p>%s</p>", _("最低的单位："));
		rate_list(p, b, v, 0, m, 1);
		buf_add(b, "</div>\n");
	}
	free(bps);
	free(v);
}

static void
roster(const struct sumhtml *p, struct buf *b)
{
	const struct roster_result	*r = p->rres;
	int				 i, k;

	buf_addf(b, "<h2 id=\"roster\">%s</h2>\n", _("应报单位名单"));
	buf_addf(b, _("<p>应报 %d 个单位，名单上已报 %d 个，未报 %d 个；"
	    "名单外的单位名称 %d 个。</p>\n"), roster_count(p->roster),
	    roster_count(p->roster) - r->nmissing, r->nmissing, r->nunknown);
	if (r->nmissing > 0) {
		buf_addf(b, "<h3>%s</h3><ul class=\"f\" id=\"missing\">",
		    _("未报"));
		for (i = 0; i < r->nmissing; i++) {
			buf_add(b, "<li>");
			esc(b, roster_name(p->roster, r->missing[i]));
			buf_add(b, "</li>");
		}
		buf_add(b, "</ul>\n");
	}
	if (r->nunknown > 0) {
		buf_addf(b, "<h3>%s</h3><ul class=\"f\" id=\"unknown\">",
		    _("不在名单上"));
		for (i = 0; i < r->nunknown; i++) {
			buf_add(b, "<li>");
			esc(b, r->unknown[i].agency);
			for (k = 0; k < r->unknown[i].nsuggest; k++) {
				buf_add(b, k == 0 ? _("（可能是：") : "、");
				esc(b, roster_name(p->roster,
				    r->unknown[i].suggest[k]));
			}
			if (r->unknown[i].nsuggest > 0)
				buf_add(b, _("）"));
			buf_add(b, "</li>");
		}
		buf_add(b, "</ul>\n");
	}
}

void
sumhtml_render(const struct sumhtml *p, struct buf *b)
{
	int		 nst[UNIT_NSTATUS] = { 0 }, i, t;
	const char	*year = report_get(p->total, F_YEAR);
	char		*title;

	for (i = 0; i < units_count(p->units); i++)
		nst[units_get(p->units, i)->status]++;
	title = xasprintf(_("%s政府信息公开工作年度报告汇总（%s 年度）"),
	    p->title != NULL ? p->title : "", year != NULL ? year : "?");
	buf_add(b, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n"
	    "<meta charset=\"utf-8\" />\n<meta name=\"viewport\" "
	    "content=\"width=device-width, initial-scale=1\" />\n"
	    "<meta name=\"generator\" content=\"" PACKAGE_NAME " "
	    PACKAGE_VERSION "\" />\n<title>");
	esc(b, title);
	buf_add(b, "</title>\n<style>\n");
	buf_add(b, export_html_css());
	buf_add(b, page_css);
	buf_add(b, "</style>\n</head>\n<body>\n<div class=\"desk\" "
	    "role=\"main\">\n<h1>");
	esc(b, title);
	buf_add(b, "</h1>\n<div class=\"cards\" id=\"status\">");
	buf_addf(b, "<div class=\"card\"><b>%d</b>%s</div>",
	    units_count(p->units), _("份报告"));
	for (i = 0; i < UNIT_NSTATUS; i++) {
		if (nst[i] == 0 && i > UNIT_ERROR)
			continue;
		buf_addf(b, "<div class=\"card s-%s\"><b>%d</b>%s</div>",
		    status_class[i], nst[i], units_status_label(i));
	}
	buf_add(b, "</div>\n<p>");
	if (p->roster != NULL)
		buf_addf(b, "<a href=\"#roster\">%s</a> · ", _("应报单位名单"));
	buf_addf(b, "<a href=\"#units\">%s</a> · ", _("各单位情况"));
	buf_addf(b, "<a href=\"#rules\">%s</a> · ", _("问题（按规则）"));
	buf_addf(b, "<a href=\"#rates\">%s</a> · ", _("比率分布"));
	buf_addf(b, "<a href=\"#totals\">%s</a> · ", _("主要数字合计"));
	buf_addf(b, "<a href=\"#tables\">%s</a>", _("汇总表"));
	buf_add(b, "</p>\n");
	if (p->roster != NULL)
		roster(p, b);
	unit_table(p, b);
	by_rule(p, b);
	rates(p, b);
	totals(p, b);
	buf_addf(b, "<h2 id=\"tables\">%s</h2>\n", _("汇总表"));
	for (t = 0; t < SCH_NTABLES; t++) {
		buf_add(b, "<h3>");
		esc(b, sch_sections[sch_tables[t].section].heading);
		buf_add(b, "</h3>\n");
		export_html_table(b, p->total, t);
	}
	buf_add(b, "</div>\n<script>\n");
	buf_add(b, page_js);
	buf_add(b, "</script>\n</body>\n</html>\n");
	free(title);
}
