/*
 * screen_help.c: the help in plain Chinese: the keys, drawn from the key
 * table (one line per action with every key bound to it) and the keys the
 * screens answer themselves; what the tab bar's marks mean; how a January
 * goes; the rules of the checks in words.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

#include "keys.h"
#include "nls.h"
#include "rules.h"
#include "tui.h"
#include "wtext.h"
#include "xmalloc.h"

/* The help is one long page: the keys (from the key table and the keys
 * the screens answer), what the marks mean, how a January goes, and the
 * rules of the checks in words. Up, Down, PgUp and PgDn scroll it. */
struct help {
	int	 top;		/* the first line shown */
	int	 nlines;	/* as last drawn */
	int	 height;
};

static const char *const marks[] = {
	N_("  ✓    这一部分已填全，没有错误"),
	N_("  ·N   还有 N 项没填（或只有草稿，还没改写）"),
	N_("  ✗    有错误：勾稽关系不成立，或数字写得不对"),
	N_("  [未保存]  有修改还没有保存（^S 保存）"),
};

static const char *const january[] = {
	N_("  1. 打开去年的报告，按 F9：上年结转和上年数字带入，文字留作草稿，"
	   "新报告随即打开"),
	N_("  2. 封面：核对报告单位，填统计期间"),
	N_("  3. 一、五、六：逐段改写去年的文字（^K、^W、Shift+方向键选中后"
	   "直接输入）"),
	N_("  4. 二、三、四：照台账填数字，Enter 下移；F6 把空格填 0，F5 填合计"),
	N_("  5. F8 检查：错误要改正；提示如确实无误，按 n 写说明"),
	N_("  6. ^S 保存；F7 导出发布用的文本、表格或网页"),
};

/* Each rule in words: the severity and name the checks screen shows, and
 * what it checks. */
static const struct {
	const char	*rule;
	int		 sev;
	const char	*what;
} rules_help[] = {
	{ "R1", SEV_ERROR, N_("表三每列：一＋二 等于 三（七）总计＋四") },
	{ "R2", SEV_ERROR, N_("表三每列：（七）总计 等于 各项办理结果之和") },
	{ "R3", SEV_ERROR, N_("表三每行：总计 等于 各类申请人之和") },
	{ "R4", SEV_ERROR, N_("表四每类：总计 等于 维持、纠正、其他、尚未审结之和") },
	{ "R5", SEV_ERROR, N_("件数是整数；收费金额以万元计，最多四位小数") },
	{ "P1", SEV_ERROR, N_("统计期间是报告年度里的真实日期") },
	{ "W1", SEV_INCOMPLETE, N_("每个格子、封面各项和一、五、六都要填") },
	{ "W5", SEV_INCOMPLETE, N_("只有草稿（小标题、模板句）的部分算没填") },
	{ "X1", SEV_WARNING, N_("上年结转 等于 去年报告的结转下年度") },
	{ "X2", SEV_WARNING, N_("现行有效件数 等于 去年的＋制发－废止") },
	{ "X3", SEV_WARNING, N_("数字与去年相差五倍以上（常是多打少打一位）") },
	{ "X4", SEV_WARNING, N_("一段文字与去年一字不差") },
	{ "X5", SEV_WARNING, N_("文字里的年份不是报告年度（去年的话没改）") },
	{ "W2", SEV_WARNING, N_("文字里说的件数与表格不符") },
	{ "W3", SEV_WARNING, N_("发过收费通知，六却没提信息处理费") },
	{ "W4", SEV_WARNING, N_("五没有写存在的问题") },
};

static void
help_init(struct screen *sc, struct tui *t, int section)
{
	(void)t;
	(void)section;
	sc->data = xcalloc(1, sizeof(struct help));
}

static void
help_free(struct screen *sc)
{
	free(sc->data);
}

/* Add a line to the page, wrapped at the screen's width where Chinese
 * allows, the lines after the first indented. */
static void
line(struct buf *b, int *n, const char *s)
{
	struct wt_line	 l[8];
	int		 k, nl = wt_wrap(s, COLS - 6, l, 8);

	if (nl > 8)
		nl = 8;
	for (k = 0; k < nl; k++) {
		buf_addf(b, "%s%.*s\n", k > 0 ? "      " : "",
		    (int)l[k].len, s + l[k].off);
		(*n)++;
	}
	if (nl == 0) {
		buf_add(b, "\n");
		(*n)++;
	}
}

static void
help_draw(struct screen *sc, struct tui *t, int y0, int height)
{
	struct help	*h = sc->data;
	struct buf	 b = { NULL, 0, 0 };
	char		 buf[512], names[64];
	size_t		 i, j;
	int		 n = 0, y;
	bool		 seen;
	const char	*p, *e;

	(void)t;
	for (i = 0; i < tui_nkeys; i++) {
		seen = false;
		for (j = 0; j < i; j++)
			if (tui_keys[j].action == tui_keys[i].action)
				seen = true;
		if (seen)
			continue;
		keymap_names(tui_keys, tui_nkeys, tui_keys[i].action, names,
		    sizeof names);
		snprintf(buf, sizeof buf, "  %-14s %s%s", names,
		    _(tui_keys[i].help), tui_keys[i].ctx == CTX_GRID ?
		    _("（表格）") : "");
		line(&b, &n, buf);
	}
	for (i = 0; i < tui_nwidget_keys; i++) {
		snprintf(buf, sizeof buf, _("  %s：%s%s"),
		    _(tui_widget_keys[i].name), _(tui_widget_keys[i].help),
		    tui_widget_keys[i].ctx == CTX_GRID ?
		    _("（表格）") : tui_widget_keys[i].ctx == CTX_CHECKS ?
		    _("（检查）") : _("（文字）"));
		line(&b, &n, buf);
	}
	line(&b, &n, "");
	line(&b, &n, _("标签上的记号："));
	for (i = 0; i < sizeof marks / sizeof marks[0]; i++)
		line(&b, &n, _(marks[i]));
	line(&b, &n, "");
	line(&b, &n, _("一年的报告怎么填："));
	for (i = 0; i < sizeof january / sizeof january[0]; i++)
		line(&b, &n, _(january[i]));
	line(&b, &n, "");
	line(&b, &n, _("检查什么（错误必须改正；未填要填上；提示可以写说明）："));
	for (i = 0; i < sizeof rules_help / sizeof rules_help[0]; i++) {
		snprintf(buf, sizeof buf, _("  %s（%s）：%s"),
		    severity_label(rules_help[i].sev),
		    rules_name(rules_help[i].rule), _(rules_help[i].what));
		line(&b, &n, buf);
	}
	h->nlines = n;
	h->height = height;
	if (h->top > n - height)
		h->top = n - height;
	if (h->top < 0)
		h->top = 0;
	p = b.s;
	for (i = 0; p != NULL && *p != '\0'; i++, p = e + 1) {
		e = strchr(p, '\n');
		y = (int)i - h->top;
		if (y >= 0 && y < height) {
			snprintf(buf, sizeof buf, "%.*s", (int)(e - p), p);
			put(y0 + y, 0, COLS, buf, false);
		}
	}
	free(b.s);
}

static int
help_key(struct screen *sc, struct tui *t, wint_t ch, bool fn)
{
	struct help	*h = sc->data;
	int		 step;

	(void)t;
	if (!fn)
		return 0;
	switch (ch) {
	case KEY_UP:
		step = -1;
		break;
	case KEY_DOWN:
		step = 1;
		break;
	case KEY_PPAGE:
		step = -(h->height > 1 ? h->height - 1 : 1);
		break;
	case KEY_NPAGE:
		step = h->height > 1 ? h->height - 1 : 1;
		break;
	default:
		return 0;
	}
	h->top += step;
	return SCR_HANDLED | SCR_BODY;
}

const struct screen_mode screen_help = {
	.name = "help",
	.ctx = 0,
	.init = help_init,
	.free = help_free,
	.draw = help_draw,
	.key = help_key,
};
