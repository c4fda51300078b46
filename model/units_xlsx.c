/*
 * units_xlsx.c: the workbook of `sum --xlsx`: 汇总 (the key figures added
 * up), 单位 (the units table) and 问题清单 (one row per finding), built
 * with the xbook API of export_xlsx.h (which fails with a message when the
 * build has no libxlsxwriter). Figures, counts, rates and the amount are
 * numbers, the rates and the amount shown with the places the units table
 * prints, so that they read as it and sort as numbers.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "export_xlsx.h"
#include "nls.h"
#include "rules.h"
#include "units.h"
#include "xmalloc.h"

/* 汇总: each key figure and its total. */
static void
sheet_total(struct xbook *b, const struct report *total)
{
	struct xsheet	*s;
	int64_t		 fig[UNITS_NFIGS];
	uint64_t	 have;
	char		 t[32];
	int		 k;

	units_figures(total, fig, &have);
	if ((s = xbook_sheet(b, _("汇总"))) == NULL)
		return;
	xsheet_heading(s, 0, 0, _("项目"));
	xsheet_heading(s, 0, 1, _("合计"));
	xsheet_width(s, 0, 28);
	for (k = 0; k < UNITS_NFIGS; k++) {
		xsheet_text(s, k + 1, 0, _(units_figs[k].label));
		if (!((have >> k) & 1))
			continue;
		if (strcmp(units_figs[k].rows, "fees") == 0)
			xsheet_decimal(s, k + 1, 1, units_fig_text(fig, have, k,
			    t));
		else
			xsheet_count(s, k + 1, 1, fig[k]);
	}
}

/* 单位's heading row, its frozen panes and widths. */
static void
units_heading(struct xsheet *s, bool review)
{
	char	*h;
	int	 k, c = 0;

	xsheet_heading(s, 0, c++, _("序号"));
	xsheet_heading(s, 0, c++, _("文件"));
	xsheet_heading(s, 0, c++, _("报告单位"));
	xsheet_heading(s, 0, c++, _("年度"));
	xsheet_heading(s, 0, c++, _("状态"));
	xsheet_heading(s, 0, c++, _("错误"));
	xsheet_heading(s, 0, c++, _("未填"));
	xsheet_heading(s, 0, c++, _("提示"));
	for (k = 0; k < rules_ninfo; k++)
		xsheet_heading(s, 0, c++, rules_info[k].id);
	for (k = 0; k < UNITS_NFIGS; k++)
		xsheet_heading(s, 0, c++, _(units_figs[k].label));
	for (k = 0; k < UNITS_NRATES; k++) {
		h = units_rate_heading(k, false);
		xsheet_heading(s, 0, c++, h);
		free(h);
		if (units_rates[k].ranked) {
			h = units_rate_heading(k, true);
			xsheet_heading(s, 0, c++, h);
			free(h);
		}
	}
	if (review)
		for (k = 0; k <= REV_NDECISIONS; k++)
			xsheet_heading(s, 0, c++, units_decision_label(
			    k < REV_NDECISIONS ? k : -1));
	xsheet_heading(s, 0, c++, _("原因"));
	xsheet_freeze(s, 1, 3);
	xsheet_width(s, 1, 24);
	xsheet_width(s, 2, 28);
}

/* The figures and rates of one unit from column c; the next column. */
static int
units_figures_row(struct xsheet *s, const struct unit *un, int row, int c)
{
	char	 t[32];
	int	 k;

	for (k = 0; k < UNITS_NFIGS; k++, c++) {
		if (!((un->have >> k) & 1))
			continue;
		if (strcmp(units_figs[k].rows, "fees") == 0)
			xsheet_decimal(s, row, c, units_fig_text(un->fig,
			    un->have, k, t));
		else
			xsheet_count(s, row, c, un->fig[k]);
	}
	for (k = 0; k < UNITS_NRATES; k++) {
		xsheet_decimal(s, row, c++, units_rate_text(un->fig, un->have,
		    k, t));
		if (!units_rates[k].ranked)
			continue;
		if (un->rank[k] > 0)
			xsheet_count(s, row, c, un->rank[k]);
		c++;
	}
	return c;
}

/* One unit's row of 单位 (the i-th unit, from 0). */
static void
units_row(struct xsheet *s, const struct unit *un, int i, bool review)
{
	int	 k, c = 0, row = i + 1;

	xsheet_count(s, row, c++, i + 1);
	xsheet_text(s, row, c++, un->file);
	xsheet_text(s, row, c++, un->agency);
	if (un->year > 0)
		xsheet_count(s, row, c, un->year);
	c++;
	xsheet_text(s, row, c++, units_status_label(un->status));
	xsheet_count(s, row, c++, un->nerror);
	xsheet_count(s, row, c++, un->nempty);
	xsheet_count(s, row, c++, un->nwarning);
	for (k = 0; k < rules_ninfo; k++)
		xsheet_count(s, row, c++, un->by_rule[k]);
	c = units_figures_row(s, un, row, c);
	if (review) {
		for (k = 0; k < REV_NDECISIONS; k++)
			xsheet_count(s, row, c++, un->ndecision[k]);
		xsheet_count(s, row, c++, un->nresolved);
	}
	xsheet_text(s, row, c++, un->why);
}

/* 单位: the units table. */
static void
sheet_units(struct xbook *b, const struct units *units, bool review)
{
	struct xsheet	*s;
	int		 i;

	if ((s = xbook_sheet(b, _("单位"))) == NULL)
		return;
	units_heading(s, review);
	for (i = 0; i < units_count(units); i++)
		units_row(s, units_get(units, i), i, review);
}

/* 问题清单: one row per finding of every unit. */
static void
sheet_findings(struct xbook *b, const struct units *units, bool review)
{
	const struct unit		*un;
	const struct unit_finding	*f;
	struct xsheet			*s;
	int				 i, k, c, row = 1;

	if ((s = xbook_sheet(b, _("问题清单"))) == NULL)
		return;
	c = 0;
	xsheet_heading(s, 0, c++, _("序号"));
	xsheet_heading(s, 0, c++, _("报告单位"));
	xsheet_heading(s, 0, c++, _("文件"));
	xsheet_heading(s, 0, c++, _("规则"));
	xsheet_heading(s, 0, c++, _("状态"));
	xsheet_heading(s, 0, c++, _("位置"));
	xsheet_heading(s, 0, c++, _("问题"));
	if (review)
		xsheet_heading(s, 0, c++, _("决定"));
	xsheet_freeze(s, 1, 2);
	xsheet_width(s, 1, 28);
	xsheet_width(s, 6, 80);
	for (i = 0; i < units_count(units); i++) {
		un = units_get(units, i);
		for (k = 0; k < un->nfindings; k++, row++) {
			f = &un->findings[k];
			c = 0;
			xsheet_count(s, row, c++, i + 1);
			xsheet_text(s, row, c++, un->agency);
			xsheet_text(s, row, c++, un->file);
			xsheet_text(s, row, c++, f->rule);
			xsheet_text(s, row, c++, severity_label(f->sev));
			xsheet_text(s, row, c++, f->key);
			xsheet_text(s, row, c++, f->message);
			if (review && f->decision >= 0)
				xsheet_text(s, row, c,
				    units_decision_label(f->decision));
		}
	}
}

int
units_xlsx_write(const struct units *units, const struct report *total,
    bool review, const char *path, char **err)
{
	struct xbook	*b;

	if ((b = xbook_new(path, _("汇总"), err)) == NULL)
		return -1;
	sheet_total(b, total);
	sheet_units(b, units, review);
	sheet_findings(b, units, review);
	return xbook_close(b, err);
}
