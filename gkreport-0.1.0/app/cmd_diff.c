/*
 * cmd_diff.c: `gkreport diff`, two reports side by side: every cell, text,
 * particular and note that differs (double-entry verification: two clerks
 * key the same paper report), or with --change this year's figures against
 * last year's, with the difference and the percent, for the narrative.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "csvout.h"
#include "csvio.h"
#include "diff.h"
#include "nls.h"
#include "number.h"
#include "xmalloc.h"

/* How much of a differing text line to show around the difference, in
 * characters. */
#define CONTEXT_BEFORE	12
#define CONTEXT_AFTER	36

enum fmt { FMT_TEXT, FMT_CSV };

static const char *const kind_names[] = {
	"meta", "text", "cell", "prev", "extra"
};

/* A value for people: 空 stands for an empty field. */
static const char *
shown(const char *v)
{
	return v != NULL ? v : _("（空）");
}

/* Byte offset of character `col` (1-based) of a line of len bytes. */
static size_t
char_offset(const char *s, size_t len, int col)
{
	size_t	 i = 0;

	while (i < len && --col > 0) {
		i++;
		while (i < len && ((unsigned char)s[i] & 0xc0) == 0x80)
			i++;
	}
	return i;
}

/* Print the part of line `line` of text around character col. */
static void
excerpt(const char *side, const char *text, int line, int col)
{
	const char	*p;
	size_t		 len, from, to;
	int		 start = col > CONTEXT_BEFORE ? col - CONTEXT_BEFORE : 1;

	printf("    %s：", side);
	if ((p = diff_text_line(text, line, &len)) == NULL) {
		printf(_("（没有第 %d 行）\n"), line);
		return;
	}
	from = char_offset(p, len, start);
	to = from + char_offset(p + from, len - from,
	    CONTEXT_BEFORE + CONTEXT_AFTER + 1);
	printf("%s%.*s%s\n", from > 0 ? "…" : "", (int)(to - from), p + from,
	    to < len ? "…" : "");
}

/* The label of a difference for people. */
static const char *
label_of(const struct diff_item *it, const struct report *a,
    const struct report *b)
{
	const struct report_extra	*e;
	int				 i;

	if (it->field >= 0)
		return schema_display_label(it->field);
	for (i = 0; i < report_nextras(a); i++)
		if (strcmp((e = report_extra(a, i))->key, it->key) == 0 &&
		    e->label != NULL && *e->label != '\0')
			return e->label;
	for (i = 0; i < report_nextras(b); i++)
		if (strcmp((e = report_extra(b, i))->key, it->key) == 0 &&
		    e->label != NULL && *e->label != '\0')
			return e->label;
	return it->key;
}

static void
print_diff(const struct diff *d, const struct report *a,
    const struct report *b, const char *pa, const char *pb, enum fmt fmt)
{
	const struct diff_item	*it;
	char			 where[32];
	int			 i;

	if (fmt == FMT_CSV)
		puts("kind,key,label,a,b,where");
	else
		printf(_("甲：%s\n乙：%s\n"), pa, pb);
	for (i = 0; i < d->n; i++) {
		it = &d->v[i];
		if (fmt == FMT_CSV) {
			where[0] = '\0';
			if (it->kind == DIFF_TEXT)
				snprintf(where, sizeof where, "%d:%d",
				    it->line, it->col);
			const char	*row[] = { kind_names[it->kind],
			    it->key, label_of(it, a, b), it->a, it->b, where };

			csv_row_out(stdout, row, 6, "\n");
			continue;
		}
		if (it->kind == DIFF_TEXT) {
			if (it->a == NULL || it->b == NULL)
				printf(_("%s：甲 %s，乙 %s\n"),
				    label_of(it, a, b),
				    it->a == NULL ? _("未填") : _("已填"),
				    it->b == NULL ? _("未填") : _("已填"));
			else
				printf(_("%s：第 %d 行第 %d 个字起不同\n"),
				    label_of(it, a, b), it->line, it->col);
			if (it->a != NULL && it->b != NULL) {
				excerpt(_("甲"), it->a, it->line, it->col);
				excerpt(_("乙"), it->b, it->line, it->col);
			}
			continue;
		}
		printf(_("%s：甲 %s，乙 %s\n"), label_of(it, a, b),
		    shown(it->a), shown(it->b));
	}
	if (fmt == FMT_TEXT) {
		if (d->n == 0)
			printf(_("两份报告完全相同。\n"));
		else
			printf(_("共 %d 处不同。\n"), d->n);
	}
}

/* --change: every cell that is not 0 in both years, with the change.
 * Returns the number of cells that changed. */
static int
print_change(const struct report *a, const struct report *b, const char *pa,
    const char *pb, enum fmt fmt)
{
	char	 abs[DIFF_BUFSZ], pct[DIFF_BUFSZ];
	int64_t	 va, vb;
	int	 f, nchanged = 0;
	bool	 ha, hb;
	const char *ya = report_get(a, F_YEAR), *yb = report_get(b, F_YEAR);

	if (fmt == FMT_CSV)
		puts("key,label,last,this,change,percent");
	else
		printf(_("上年：%s（%s 年度）\n本年：%s（%s 年度）\n"
		    "项目\t上年\t本年\t增减\t增减幅度\n"), pa,
		    ya != NULL ? ya : "?", pb, yb != NULL ? yb : "?");
	for (f = F_FIRST_CELL; f < F_FIRST_CELL + SCH_NCELLS; f++) {
		ha = report_value(a, f, &va);
		hb = report_value(b, f, &vb);
		if (ha && hb && va == 0 && vb == 0)
			continue;
		if (!ha && !hb && report_get(a, f) == NULL &&
		    report_get(b, f) == NULL)
			continue;
		if (ha && hb)
			diff_change(va, vb, schema_field(f)->kind, abs, pct);
		else {
			snprintf(abs, sizeof abs, "—");
			snprintf(pct, sizeof pct, "—");
		}
		if (!(ha && hb && va == vb))
			nchanged++;
		if (fmt == FMT_CSV) {
			const char	*row[] = { schema_field(f)->key,
			    schema_display_label(f), report_get(a, f),
			    report_get(b, f), ha && hb ? abs : "",
			    ha && hb ? pct : "" };

			csv_row_out(stdout, row, 6, "\n");
		} else
			printf("%s\t%s\t%s\t%s\t%s\n", schema_display_label(f),
			    shown(report_get(a, f)), shown(report_get(b, f)),
			    abs, pct);
	}
	if (fmt == FMT_TEXT && nchanged == 0)
		printf(_("各项数字与上年相同。\n"));
	return nchanged;
}

static struct report *
load(const char *path)
{
	struct report	*r;
	char		*err = NULL;

	if ((r = csvio_load(path, NULL, &err)) == NULL) {
		cli_error("%s", err);
		free(err);
	}
	return r;
}

static int
cmd_diff(const struct cli_args *args)
{
	struct report	*a, *b;
	struct diff	*d;
	enum fmt	 fmt = FMT_TEXT;
	const char	*format = cli_get(args, "format");
	char		*const *argv = args->argv;
	bool		 change = cli_has(args, "change");
	int		 rc;
	int64_t		 ya, yb;

	if (format == NULL || strcmp(format, "text") == 0)
		fmt = FMT_TEXT;
	else if (strcmp(format, "csv") == 0)
		fmt = FMT_CSV;
	else
		return cli_usage_error("diff",
		    _("--format 只能是 text 或 csv，不是 “%s”"), format);
	if (args->argc != 2)
		return cli_usage_error("diff", "%s",
		    _("请给出要比较的两份报告文件"));
	if ((a = load(argv[0])) == NULL)
		return EXIT_TROUBLE;
	if ((b = load(argv[1])) == NULL) {
		report_free(a);
		return EXIT_TROUBLE;
	}
	if (change) {
		if (report_value(a, F_YEAR, &ya) && report_value(b, F_YEAR, &yb) &&
		    yb != ya + 1)
			cli_warn(_("%s 是 %d 年度，%s 是 %d 年度，不是相邻两年"),
			    argv[0], (int)ya, argv[1], (int)yb);
		rc = print_change(a, b, argv[0], argv[1], fmt) > 0 ?
		    EXIT_FINDINGS : 0;
	} else {
		d = diff_reports(a, b);
		print_diff(d, a, b, argv[0], argv[1], fmt);
		rc = d->n > 0 ? EXIT_FINDINGS : 0;
		diff_free(d);
	}
	report_free(a);
	report_free(b);
	if (fflush(stdout) == EOF || ferror(stdout)) {
		cli_error(_("写入标准输出失败"));
		return EXIT_TROUBLE;
	}
	return rc;
}

static const struct cli_option options[] = {
	{ "change", 'c', NULL,
	    N_("把乙当作本年、甲当作上年，逐格列出增减和\n"
	    "增减幅度（上年为 0 时记“新增”），供撰写说明") },
	{ "format", 0, "text|csv", N_("输出格式（csv 便于表格和程序处理）") },
	{ NULL, 0, NULL, NULL }
};

const struct cli_command cmd_diff_entry = {
	.name = "diff",
	.summary = N_("比较两份报告（双人录入核对、与上年对比）"),
	.usage = N_("[选项] 甲.csv 乙.csv"),
	.about = N_("列出两份报告中所有不同的单元格、文字、基本信息和说明，\n"
	    "并给出两边的值（用于双人录入核对）。\n"),
	.options = options,
	.notes = N_("退出状态：0 完全相同；1 有不同；2 文件无法读取或用法错误。\n"),
	.run = cmd_diff,
};
