/*
 * keys.c: the table of the application's key bindings.
 */
#include "config.h"

#include <curses.h>

#include "keys.h"
#include "nls.h"

/* The key table: the bindings, the help screen and the key hints. */
const struct keybinding tui_keys[] = {
	{ L'\t', false, A_NEXT, CTX_ALL, true, "Tab", N_("下一屏") },
	{ KEY_BTAB, true, A_PREV, CTX_ALL, false, "Shift-Tab", N_("上一屏") },
	{ KEY_F(1), true, A_HELP, CTX_ALL, true, "F1", N_("帮助") },
	{ CTRL('s'), false, A_SAVE, CTX_ALL, true, "^S", N_("保存") },
	{ KEY_F(2), true, A_SAVE, CTX_ALL, false, "F2", N_("保存") },
	{ KEY_F(12), true, A_SAVE_AS, CTX_ALL, false, "F12",
	  N_("另存为（换个文件名或文件夹）") },
	{ CTRL('q'), false, A_QUIT, CTX_ALL, true, "^Q", N_("退出") },
	{ KEY_F(10), true, A_QUIT, CTX_ALL, false, "F10", N_("退出") },
	{ CTRL('c'), false, A_QUIT, CTX_ALL, false, "^C", N_("退出") },
	{ CTRL('z'), false, A_UNDO, CTX_ALL, true, "^Z", N_("撤销") },
	{ CTRL('y'), false, A_REDO, CTX_ALL, false, "^Y", N_("重做") },
	{ KEY_F(8), true, A_CHECKS, CTX_ALL, true, "F8", N_("检查") },
	{ KEY_F(7), true, A_EXPORT, CTX_ALL, false, "F7",
	  N_("导出（表格、文本、网页、图解）") },
	{ KEY_F(9), true, A_NEW_YEAR, CTX_ALL, false, "F9",
	  N_("以本报告开始下一年度") },
	{ CTRL('l'), false, A_REPAINT, CTX_ALL, false, "^L", N_("重画屏幕") },
	{ KEY_F(5), true, A_FILL_TOTALS, CTX_GRID, true, "F5",
	  N_("填合计") },
	{ KEY_F(6), true, A_FILL_ZERO, CTX_GRID, true, "F6",
	  N_("空格填0") },
	{ KEY_F(4), true, A_LAST_YEAR, CTX_GRID, true, "F4",
	  N_("上年数字") },
};

const size_t tui_nkeys = sizeof tui_keys / sizeof tui_keys[0];

/* Keys handled by the screens themselves, for the help screen only. */
const struct widget_key tui_widget_keys[] = {
	{ CTX_GRID, N_("方向键 PgUp PgDn Home End"), N_("在格子间移动") },
	{ CTX_GRID, N_("数字"), N_("开始填写；全角数字也可以") },
	{ CTX_GRID, "Enter", N_("确认并下移") },
	{ CTX_GRID, "Esc", N_("取消这次填写") },
	{ CTX_GRID, "Delete", N_("清空这一格") },
	{ CTX_CHECKS, "Enter", N_("跳到出错的格子") },
	{ CTX_CHECKS, "n", N_("为提示写说明（为什么这样填）") },
	{ CTX_TEXT, N_("方向键 Home End PgUp PgDn"), N_("移动光标") },
	{ CTX_TEXT, "Enter", N_("换行（封面各项：确认）") },
	{ CTX_GRID, "Backspace", N_("改这一格：从原来的数字改起") },
	{ CTX_GRID, N_("填写中按方向键"), N_("确认这个数字并移过去") },
	{ CTX_GRID, "Shift-Home Shift-End", N_("到表格的第一格、最后一格") },
	{ CTX_GRID, "/", N_("输入行名的一部分，跳到那一行") },
	{ CTX_CHECKS, N_("↑ ↓ PgUp PgDn"), N_("在问题间移动") },
	{ CTX_CHECKS, "Esc", N_("回到原来的屏幕") },
	{ CTX_TEXT, "Backspace Delete", N_("删去前一个字、后一个字") },
	{ CTX_TEXT, "^K", N_("删到行尾（在行尾：与下一行接上）") },
	{ CTX_TEXT, "^W", N_("删去前一个词或半句（到逗号、顿号为止）") },
	{ CTX_TEXT, N_("Shift+方向键 Shift-Home Shift-End"),
	  N_("选中文字；接着输入就替换，Delete 就删去") },
};

const size_t tui_nwidget_keys = sizeof tui_widget_keys /
    sizeof tui_widget_keys[0];
