/*
 * open.c: opening a report in the application: the session, then the
 * questions that come before the first screen: whether to import a
 * published text, what to do when another gkreport has the report, and
 * what to do with edits a crash left in the journal. The session does the
 * work; this file words the questions (prompt.c) and the answers.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "nls.h"
#include "tui.h"
#include "xmalloc.h"

/* Take the report's lock; when another gkreport holds it, offer to open
 * the report read-only. */
static void
take_lock(struct tui *t)
{
	char	*holder = NULL, *q, pid[32], host[256], user[256];
	wint_t	 ch;

	switch (session_lock(t->s, &holder)) {
	case LOCK_TAKEN:
		break;
	case LOCK_BUSY:
		if (sscanf(holder, "%31s %255s %255s", pid, host, user) == 3)
			q = xasprintf(_("报告正被另一个 gkreport 使用（%s@%s，"
			    "进程 %s）。 R 只读打开  Q 退出"), user, host, pid);
		else
			q = xasprintf(_("报告正被另一个 gkreport 使用（%s）。"
			    " R 只读打开  Q 退出"), holder);
		ch = ask(t, q);
		free(q);
		if (ch == L'r' || ch == L'R') {
			session_set_readonly(t->s, true);
			say(t, false, "%s", _("只读打开：可以查看、检查、导出；"
			    "要修改请等对方退出，或按 F12 另存为新文件"));
		} else
			t->quit = true;
		break;
	case LOCK_FAILED:
		say(t, true, _("%s；没有加锁，请确认没有别人同时在改这个报告"),
		    holder);
		break;
	case LOCK_REFUSED:	/* the session is read-only now */
		say(t, true, _("%s；只读打开"), holder);
		break;
	}
	free(holder);
}

/* Show what the journal would recover and ask what to do with it. */
static wint_t
recovery_screen(struct tui *t, const struct session_recovery *rec)
{
	struct prompt	 pr = { .kind = PROMPT_LIST, .keys = "rdkq",
	    .cancel = L'q' };
	wint_t		 ch;
	char		*title, *heading, *keep;

	title = xasprintf(_("%s  恢复"), session_path(t->s));
	if (rec->unreadable > 0)
		heading = xasprintf(_("发现上次没有保存的修改（%d 处；另有 %d 条记录"
		    "已损坏，无法读取），记在 %s："), rec->n, rec->unreadable,
		    rec->journal);
	else
		heading = xasprintf(_("发现上次没有保存的修改（%d 处），记在 %s："),
		    rec->n, rec->journal);
	keep = xasprintf(_("K 两个都留：恢复的内容另存为 %s，"
	    "这里打开原来的文件"), rec->copy);
	pr.title = title;
	pr.heading = heading;
	pr.warning = rec->base_changed ?
	    _("注意：报告文件在这些修改之后被改动过；"
	    "恢复会把这些修改放到现在的文件上") : NULL;
	pr.text = rec->desc;
	pr.choices1 = _("R 恢复这些修改   D 放弃这些修改   "
	    "Q 先退出，以后再决定");
	pr.choices2 = keep;
	ch = prompt(t, &pr, NULL);
	free(title);
	free(heading);
	free(keep);
	return ch;
}

/* Edits journalled but never saved (a crash, kill -9, a power cut): show
 * them and let the clerk recover them, drop them, or keep both. */
static void
recover(struct tui *t)
{
	struct session_recovery	 rec;
	char			*cause = NULL;
	int			 r;

	r = session_recovery(t->s, &rec, &cause);
	if (r == -1 && session_readonly(t->s)) {
		/* A journal that is not ours: never written through. */
		say(t, true, _("%s；只读打开"), cause);
		free(cause);
		return;
	}
	if (r <= 0) {
		trouble(t, cause);	/* nothing, or what was set aside */
		return;
	}
	switch (recovery_screen(t, &rec)) {
	case L'r':
		if (session_recover(t->s, RECOVER_APPLY, &rec, &cause) == -1)
			trouble(t, cause);
		else
			say(t, false, _("已恢复 %d 处修改；请检查后按 ^S 保存"),
			    rec.n);
		break;
	case L'd':
		session_recover(t->s, RECOVER_DISCARD, &rec, &cause);
		say(t, false, "%s", _("已放弃上次没有保存的修改"));
		break;
	case L'k':
		if (session_recover(t->s, RECOVER_KEEP_BOTH, &rec, &cause) == -1) {
			say(t, true, _("%s；恢复日志保留着"), cause);
			free(cause);
		} else
			say(t, false, _("恢复的内容已另存为 %s；这里打开的是原来的文件"),
			    rec.copy);
		break;
	default:
		t->quit = true;
		break;
	}
	session_recovery_free(&rec);
}

/* What the import of a text found, one line per message. Caller frees. */
static char *
import_describe(const struct import_log *log)
{
	char	*s = xstrdup(""), *n;
	int	 i;

	for (i = 0; i < log->n; i++) {
		if (log->v[i].line > 0)
			n = xasprintf(_("%s第 %d 行 %s：%s\n"), s, log->v[i].line,
			    import_level_label(log->v[i].level), log->v[i].text);
		else
			n = xasprintf("%s%s：%s\n", s,
			    import_level_label(log->v[i].level), log->v[i].text);
		free(s);
		s = n;
	}
	return s;
}

/* Opening a published report's text: show what was read and guessed, and
 * on the clerk's word save it as a report file and open that. */
static void
offer_import(struct tui *t, const char *txt, const struct import_log *log)
{
	struct prompt	 pr = { .kind = PROMPT_LIST, .keys = "yq",
	    .cancel = L'q' };
	char		*title, *heading, *desc, *choice, *err = NULL;
	wint_t		 ch;
	int64_t		 year;

	title = xasprintf(_("%s  导入"), txt);
	heading = xasprintf(_("这是一份公布的报告文本。读到的内容和猜测（%d 处猜测、"
	    "%d 处警告），请核对："), log->nguess, log->nwarn);
	desc = import_describe(log);
	choice = xasprintf(_("Y 导入并保存为 %s，然后打开   Q 退出"),
	    session_path(t->s));
	pr.title = title;
	pr.heading = heading;
	pr.warning = log->converted ?
	    _("文本是 GB18030（GBK）编码的，已转换") : NULL;
	pr.text = desc;
	pr.choices1 = choice;
	pr.choices2 = _("导入后请对照原文逐项核对，再开始本年度（F9）");
	ch = prompt(t, &pr, NULL);
	free(title);
	free(heading);
	free(desc);
	free(choice);
	if (ch != L'y') {
		t->quit = true;
		return;
	}
	if (session_save(t->s, NULL, 0, &err) != SAVE_OK) {
		say(t, true, _("%s。可按 F12 另存到别处"), err != NULL ? err :
		    session_path(t->s));
		free(err);
	} else if (report_value(t->r, F_YEAR, &year))
		say(t, false, _("已导入并保存为 %s；核对后可按 F9 以它开始 %lld 年度"),
		    session_path(t->s), (long long)year + 1);
	else
		say(t, false, _("已导入并保存为 %s；请在封面填写报告年度"),
		    session_path(t->s));
}

int
open_report(struct tui *t, const char *path, bool readonly,
    void (*start)(struct tui *))
{
	struct session_opened	 o;
	char			*err = NULL;
	int			 i;

	t->s = session_open(path, readonly ? SESSION_READONLY : 0, &o, &err);
	if (t->s == NULL) {
		for (i = 0; i < o.log.n; i++)
			if (o.log.v[i].level == IMPORT_REFUSED)
				cli_error("%s:%d: %s", path, o.log.v[i].line,
				    o.log.v[i].text);
		cli_error("%s", err);
		free(err);
		session_opened_free(&o);
		return -1;
	}
	t->r = session_report(t->s);
	if (o.origin == SESSION_NEW)
		say(t, false, "%s", _("新报告：请先填写报告单位和报告年度；"
		    "按 ^S 保存后才会建立文件"));
	else {
		for (i = 0; i < t->nscreens; i++)
			if (t->screens[i].section == SCH_S1)
				t->screen = i;
		if (o.origin == SESSION_FILE)
			come_back(t);
	}
	if (o.warning != NULL)
		say(t, false, "%s", o.warning);
	t->back = t->screen;
	start(t);
	if (o.origin == SESSION_TEXT)
		offer_import(t, path, &o.log);
	session_opened_free(&o);
	if (!session_readonly(t->s) && !t->quit)
		take_lock(t);
	if (!t->quit && !session_readonly(t->s))
		recover(t);
	return 0;
}
