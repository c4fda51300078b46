/*
 * cmd_new.c: `gkreport new --from LAST.csv -o NEW.csv`: this year's report
 * started from last year's (year.c does the work).
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "csvio.h"
#include "safeio.h"
#include "nls.h"
#include "rules.h"
#include "schema.h"
#include "year.h"

/* Is prev field f one that X1 or X2 compares (last year's carry-over or
 * in-force count)? Those are named one by one when missing. */
static bool
named_gap(int f)
{
	const struct sch_field	*c = schema_field(schema_field(f)->cell);
	const struct sch_table	*t;

	if (c->cls != SC_CELL)
		return false;
	t = &sch_tables[c->table];
	return strcmp(t->rows[c->row].key, "carry_out") == 0 ||
	    strcmp(schema_band(c->table, c->row)->cols[c->col].key,
	    "in_force") == 0;
}

/* Say what did not move forward because last year left it empty or
 * invalid. Returns how many carry_in cells were filled. */
static int
tell_gaps(const char *from, const struct report *last, const struct report *r)
{
	int	 f, n = 0, others = 0;

	for (f = F_FIRST_PREV; f < SCH_NFIELDS; f++) {
		const struct sch_field	*sf = schema_field(f);

		if (report_state(r, f) != RS_EMPTY || sf->kind == SK_TEXT)
			continue;
		if (!named_gap(f)) {
			others++;
			continue;
		}
		cli_warn_at(from, _("上年的“%s”%s，本年对应的数留空"),
		    schema_display_label(sf->cell),
		    report_state(last, sf->cell) == RS_EMPTY ? _("未填") :
		    _("不是有效的数"));
	}
	if (others > 0)
		cli_warn_at(from, _("上年另有 %d 个数未填或不是有效的数，"
		    "与上年的比较（X3）略过它们"), others);
	for (f = F_FIRST_CELL; f < F_FIRST_CELL + SCH_NCELLS; f++)
		if (report_state(r, f) != RS_EMPTY)
			n++;
	return n;
}

/* Whether the new report may be written to out: not over last year's,
 * not over an existing file without --force. 0, or the exit status. */
static int
may_write(const char *from, const char *out, bool force)
{
	if (cli_same_file(from, out))
		return cli_usage_error("new",
		    _("%s: 新报告不能覆盖上年的报告"), out);
	if (!force && access(out, F_OK) == 0) {
		cli_error(_("%s: 文件已存在，没有覆盖；确要覆盖请加 --force"),
		    out);
		return EXIT_TROUBLE;
	}
	return 0;
}

/* Say what new made: the file, its year, what it carried from last year;
 * then X1 and X2, which now have last year's figures to check against. */
static void
tell_made(const char *out, const char *from, const struct report *r,
    int ncarried)
{
	struct findings	*fs;
	const char	*year = report_get(r, F_YEAR);
	int		 i;

	if (year != NULL)
		printf(_("已生成 %s：%s 年度报告，以 %s 为底。\n"), out, year,
		    from);
	else
		printf(_("已生成 %s（报告年度待填），以 %s 为底。\n"), out,
		    from);
	printf(_("  上年结转：%d 个数由上年“四、结转下年度继续办理”转入；\n"),
	    ncarried);
	printf("%s", _("  前言和一、五、六沿用上年的文字，请逐段改写；"
	    "其余数字留空待填。\n"));
	fs = rules_check(r, 0);
	for (i = 0; i < fs->n; i++)
		if (strcmp(fs->v[i].rule, "X1") == 0 ||
		    strcmp(fs->v[i].rule, "X2") == 0)
			cli_warn("%s: %s", fs->v[i].rule, fs->v[i].message);
	findings_free(fs);
}

static int
cmd_new(const struct cli_args *args)
{
	struct csvio_info	 info;
	struct report		*last, *r;
	struct findings		*fs;
	const char		*from = cli_get(args, "from");
	const char		*out = cli_get(args, "output");
	char			*err = NULL, *named = NULL;
	bool			 force = cli_has(args, "force");
	int			 i, ncarried, rc;
	int64_t			 y;

	if (args->argc > 0)
		return cli_usage_error("new", _("多余的参数 “%s”"),
		    args->argv[0]);
	if (from == NULL)
		return cli_usage_error("new", "%s",
		    _("缺少上年的报告文件（--from）"));
	if (out != NULL && (rc = may_write(from, out, force)) != 0)
		return rc;

	if ((last = csvio_load(from, &info, &err)) == NULL) {
		cli_error("%s", err);
		free(err);
		return EXIT_TROUBLE;
	}
	for (i = 0; i < info.nwarnings; i++)
		cli_read_warning(from, info.warnings[i]);
	csvio_info_free(&info);
	if (out == NULL) {
		/* Named as F9 names it: the year in the name goes up. */
		if (!report_value(last, F_YEAR, &y)) {
			cli_error(_("%s: 上年报告没有有效的报告年度，无法为新报告"
			    "起名；请用 -o 指定新报告文件"), from);
			report_free(last);
			return EXIT_TROUBLE;
		}
		out = named = year_path(from, y + 1);
		if ((rc = may_write(from, out, force)) != 0) {
			free(named);
			report_free(last);
			return rc;
		}
	}

	fs = rules_check(last, 0);
	if (fs->nerror > 0)
		cli_warn_at(from, _("上年报告有 %d 处错误，带入的结转数可能不准，"
		    "请核对（gkreport check %s）"), fs->nerror, from);
	findings_free(fs);

	r = year_next(last);
	if (report_state(r, F_YEAR) != RS_VALID)
		cli_warn_at(from, "%s", _("上年报告没有有效的报告年度，本年的年度和"
		    "统计期间留空，请填写"));
	ncarried = tell_gaps(from, last, r);

	if (csvio_save_from(r, out, (const char *[]){ from, NULL },
	    force ? SAFEIO_FORCE : SAFEIO_NEW, &err) == -1) {
		cli_error("%s", err);
		free(err);
		report_free(r);
		report_free(last);
		free(named);
		return EXIT_TROUBLE;
	}

	tell_made(out, from, r, ncarried);
	report_free(r);
	report_free(last);
	free(named);
	return 0;
}

static const struct cli_option options[] = {
	{ "from", 'f', N_("文件"), N_("上年的报告文件") },
	{ "output", 'o', N_("文件"),
	    N_("新报告文件（已存在时不覆盖）；不给时放在上年报告\n"
	    "旁边，文件名中的年份加一（与程序中的 F9 相同），\n"
	    "如 hongze-2024.csv 得到 hongze-2025.csv") },
	{ "force", 0, NULL, N_("覆盖已存在的新报告文件（原文件留作 文件~）") },
	{ NULL, 0, NULL, NULL }
};

const struct cli_command cmd_new_entry = {
	.name = "new",
	.summary = N_("以上年报告为底，开始新一年度的报告"),
	.usage = N_("--from 上年报告.csv [-o 本年报告.csv] [--force]"),
	.about = N_("以上年的报告为底，开始新一年度的报告：\n"
	    "  - 报告年度加一，统计期间为新年度的 1 月 1 日至 12 月 31 日，报告单位不变；\n"
	    "  - 上年“四、结转下年度继续办理”各列转入本年\n"
	    "    “二、上年结转政府信息公开申请数量”；\n"
	    "  - 上年的全部数字和文字记入上年数据（prev.*），检查时据此核对\n"
	    "    X1（上年结转）、X2（现行有效件数）、X3（与上年相差悬殊）\n"
	    "    和 X4（沿用上年的文字）；\n"
	    "  - 前言和一、五、六的文字沿用上年，作为草稿，请逐段改写；\n"
	    "  - 其余数字留空待填；上年的说明（note.*）不带入。\n"),
	.options = options,
	.notes = N_("退出状态：0 已生成；2 上年报告无法读取、新报告无法写入或用法错误。\n"),
	.run = cmd_new,
};
