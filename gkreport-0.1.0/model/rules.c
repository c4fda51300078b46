/*
 * rules.c: the identities of spec §5 as data, and the one evaluator that
 * turns a report into findings.
 */
#include "config.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "nls.h"
#include "number.h"
#include "rules.h"
#include "show.h"
#include "textcheck.h"
#include "xmalloc.h"

enum over {
	OVER_COLS,	/* one identity per column: terms name rows */
	OVER_ROWS,	/* one identity per row: terms name columns */
};

/*
 * An identity spec: for each column (or row) of a table, the terms on the
 * left summed equal the terms on the right summed. A term is a row (or
 * column) key; "^key" is last year's figure of that cell (prev.*), "-key"
 * is subtracted, "a..b" is every row from a to b.
 */
static const struct ident_spec {
	const char	*rule;
	enum severity	 sev;
	int		 table;
	enum over	 over;
	const char	*only;		/* the rows/cols it applies to, or NULL: all */
	const char	*lhs;
	const char	*rhs;
	const char	*rhs_name;	/* how to name a long right side, or NULL */
} specs[] = {
	{ "R1", SEV_ERROR, SCH_T3, OVER_COLS, NULL,
	  "new carry_in", "result_total carry_out", NULL },
	{ "R2", SEV_ERROR, SCH_T3, OVER_COLS, NULL,
	  "result_total", "open..other_other", N_("各项办理结果之和") },
	{ "R3", SEV_ERROR, SCH_T3, OVER_ROWS, NULL,
	  "total", "natural..other", N_("各类申请人之和") },
	{ "R4", SEV_ERROR, SCH_T4, OVER_ROWS, NULL,
	  "total", "maintain..pending", NULL },
	{ "X1", SEV_WARNING, SCH_T3, OVER_COLS, NULL,
	  "carry_in", "^carry_out", NULL },
	{ "X2", SEV_WARNING, SCH_T2, OVER_ROWS, "rules normative",
	  "in_force", "^in_force issued -repealed", NULL },
};

/*
 * X3: the figures compared with last year's (spec §5a): a row or column
 * key, or NULL for all, and rows left out. A jump is more than X3_FACTOR
 * times either way, where the larger of the two is at least X3_FLOOR (in
 * the cell's unit) and neither is 0: a typo changes a figure's size, it
 * does not make it 0, and a row that was 0 last year (no 不予公开 then,
 * 12 now) is news, not a typo. The carry-overs are left to X1: a backlog
 * cleared (561 carried in, 0 carried out) is no fault.
 */
static const struct x3_spec {
	int		 table;
	const char	*row;
	const char	*col;
	const char	*except;	/* rows left out, space-separated */
} x3_specs[] = {
	{ SCH_T2, NULL, NULL, NULL },		/* every figure of table 二 */
	{ SCH_T3, NULL, "total", "carry_in carry_out" },	/* 总计 column */
	{ SCH_T3, "result_total", NULL, NULL },	/* the (七)总计 row */
	{ SCH_T4, NULL, "total", NULL },	/* each group's 总计 */
};
#define X3_FACTOR	5
#define X3_FLOOR	10

/* P1: the first year of the 2021 format. */
#define P1_FIRST_YEAR	2021

struct term {
	int	 field;
	int	 sign;		/* +1 or -1 */
	char	*name;		/* for the message */
};

struct side {
	int		 n;
	struct term	 t[FINDING_MAXFIELDS];
};

struct identity {
	const struct ident_spec	*spec;
	char			*title;		/* "表三 自然人列" */
	char			*note_key;	/* warnings only */
	struct side		 lhs, rhs;
};

static struct identity	*idents;
static int		 nidents;

/* Does the space-separated list contain word? */
static int
in_list(const char *list, const char *word)
{
	size_t	 n = strlen(word);
	const char *p = list;

	while ((p = strstr(p, word)) != NULL) {
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
			return 1;
		p += n;
	}
	return 0;
}

/* Add the terms of one word of a side for line `at` (a column for
 * OVER_COLS, a row for OVER_ROWS). */
static void
add_terms(struct side *sd, const struct ident_spec *sp, int at,
    const char *word)
{
	const struct sch_table	*t = &sch_tables[sp->table];
	int			 sign = 1, prev = 0, a, b, i;
	char			 first[64], last[64];
	const char		*dots;

	if (*word == '-') {
		sign = -1;
		word++;
	}
	if (*word == '^') {
		prev = 1;
		word++;
	}
	if ((dots = strstr(word, "..")) != NULL) {
		snprintf(first, sizeof first, "%.*s", (int)(dots - word), word);
		snprintf(last, sizeof last, "%s", dots + 2);
	} else {
		snprintf(first, sizeof first, "%s", word);
		snprintf(last, sizeof last, "%s", word);
	}
	if (sp->over == OVER_COLS) {
		a = schema_row(sp->table, first);
		b = schema_row(sp->table, last);
	} else {
		const struct sch_band *band = schema_band(sp->table, at);

		a = b = -1;
		for (i = 0; i < band->ncols; i++) {
			if (strcmp(band->cols[i].key, first) == 0)
				a = i;
			if (strcmp(band->cols[i].key, last) == 0)
				b = i;
		}
	}
	if (a < 0 || b < a)
		abort();	/* a broken spec is a bug */
	for (i = a; i <= b; i++) {
		struct term	*tm = &sd->t[sd->n++];
		int		 cell, f;
		const char	*name;

		if (sd->n > FINDING_MAXFIELDS)
			abort();
		if (sp->over == OVER_COLS) {
			cell = schema_cell(sp->table, i, at);
			name = t->rows[i].abbr;
		} else {
			cell = schema_cell(sp->table, at, i);
			name = schema_band(sp->table, at)->cols[i].label;
		}
		f = cell;
		if (prev) {
			for (f = F_FIRST_PREV; f < SCH_NFIELDS; f++)
				if (schema_field(f)->cell == cell)
					break;
			if (f == SCH_NFIELDS)
				abort();
		}
		tm->field = f;
		tm->sign = sign;
		tm->name = prev ? xasprintf(_("上年%s"), name) : xstrdup(name);
	}
}

static void
parse_side(struct side *sd, const struct ident_spec *sp, int at,
    const char *list)
{
	char	*copy = xstrdup(list), *word, *save = NULL;

	for (word = strtok_r(copy, " ", &save); word != NULL;
	    word = strtok_r(NULL, " ", &save))
		add_terms(sd, sp, at, word);
	free(copy);
}

/* Build every identity from the specs, once. */
static void
init(void)
{
	size_t	 s;
	int	 cap = 64;

	if (idents != NULL)
		return;
	idents = xcalloc((size_t)cap, sizeof *idents);
	for (s = 0; s < sizeof specs / sizeof specs[0]; s++) {
		const struct ident_spec	*sp = &specs[s];
		const struct sch_table	*t = &sch_tables[sp->table];
		int			 n, i;

		n = sp->over == OVER_COLS ? t->bands[0].ncols : t->nrows;
		for (i = 0; i < n; i++) {
			struct identity	*id;
			const char	*key, *name;

			if (sp->over == OVER_COLS) {
				key = t->bands[0].cols[i].key;
				name = t->bands[0].cols[i].label;
			} else {
				key = t->rows[i].key;
				name = sp->table == SCH_T3 ? t->rows[i].brief :
				    t->rows[i].abbr;
			}
			if (sp->only != NULL && !in_list(sp->only, key))
				continue;
			if (nidents == cap) {
				cap *= 2;
				idents = xreallocarray(idents, (size_t)cap,
				    sizeof *idents);
			}
			id = &idents[nidents++];
			memset(id, 0, sizeof *id);
			id->spec = sp;
			if (sp->over == OVER_COLS)
				id->title = xasprintf(_("%s %s列"), t->name, name);
			else if (sp->table == SCH_T3)
				id->title = xasprintf(_("%s %s 行"), t->name, name);
			else
				id->title = xasprintf("%s %s", t->name, name);
			if (sp->sev == SEV_WARNING)
				id->note_key = xasprintf("note.%s.%s", sp->rule,
				    key);
			parse_side(&id->lhs, sp, i, sp->lhs);
			parse_side(&id->rhs, sp, i, sp->rhs);
		}
	}
}

int
rules_count_identities(const char *rule)
{
	int	 i, n = 0;

	init();
	for (i = 0; i < nidents; i++)
		if (strcmp(idents[i].spec->rule, rule) == 0)
			n++;
	return n;
}

/* Whether a side is one plain cell of this year (sign +, not prev.*). */
static bool
plain(const struct term *t)
{
	return t->sign == 1 && schema_field(t->field)->cls == SC_CELL;
}

const struct rule_total *
rules_totals(int table, int *n)
{
	static struct rule_total	*tot[SCH_NTABLES];
	static int			 ntot[SCH_NTABLES];
	static bool			 done[SCH_NTABLES];
	const struct identity		*id;
	struct rule_total		*t;
	int				 i, k;

	init();
	if (!done[table]) {
		tot[table] = xcalloc((size_t)nidents + 1, sizeof **tot);
		for (i = 0; i < nidents; i++) {
			const struct side *one, *sum;

			id = &idents[i];
			if (id->spec->table != table)
				continue;
			one = id->lhs.n == 1 ? &id->lhs : &id->rhs;
			sum = one == &id->lhs ? &id->rhs : &id->lhs;
			if (one->n != 1 || !plain(&one->t[0]) || sum->n < 2)
				continue;
			for (k = 0; k < sum->n; k++)
				if (!plain(&sum->t[k]))
					break;
			if (k < sum->n)
				continue;
			t = &tot[table][ntot[table]++];
			t->rule = id->spec->rule;
			t->total = one->t[0].field;
			t->nparts = sum->n;
			for (k = 0; k < sum->n; k++)
				t->parts[k] = sum->t[k].field;
		}
		done[table] = true;
	}
	*n = ntot[table];
	return tot[table];
}

const char *
finding_group(const struct finding *f)
{
	if (f->table >= 0)
		return sch_tables[f->table].name;
	if (f->section >= 0)
		return sch_sections[f->section].heading;
	return _("封面");
}

const char *
severity_name(enum severity s)
{
	switch (s) {
	case SEV_ERROR:
		return "error";
	case SEV_INCOMPLETE:
		return "incomplete";
	default:
		return "warning";
	}
}

const char *
severity_label(enum severity s)
{
	switch (s) {
	case SEV_ERROR:
		return _("错误");
	case SEV_INCOMPLETE:
		return _("未填");
	default:
		return _("提示");
	}
}

/* Each rule in a clerk's words: what it checks, in a few characters. */
const struct rule_info rules_info[] = {
	{ "R1", SEV_ERROR, N_("收到与办理相符") },	/* 一+二 = 三(七)+四 */
	{ "R2", SEV_ERROR, N_("办理结果合计") },
	{ "R3", SEV_ERROR, N_("申请人合计") },
	{ "R4", SEV_ERROR, N_("复议诉讼合计") },
	{ "R5", SEV_ERROR, N_("数字写法") },
	{ "W1", SEV_INCOMPLETE, N_("必填") },
	{ "W2", SEV_WARNING, N_("文字与表格不符") },
	{ "W3", SEV_WARNING, N_("信息处理费") },
	{ "W4", SEV_WARNING, N_("存在的问题") },
	{ "W5", SEV_INCOMPLETE, N_("草稿未改写") },
	{ "X1", SEV_WARNING, N_("上年结转") },
	{ "X2", SEV_WARNING, N_("现行有效件数") },
	{ "X3", SEV_WARNING, N_("与上年相差悬殊") },
	{ "X4", SEV_WARNING, N_("沿用上年文字") },
	{ "X5", SEV_WARNING, N_("年份不符") },
	{ "P1", SEV_ERROR, N_("统计期间") },
};
const int rules_ninfo = (int)(sizeof rules_info / sizeof rules_info[0]);

int
rules_index(const char *id)
{
	int	 i;

	for (i = 0; i < rules_ninfo; i++)
		if (strcmp(rules_info[i].id, id) == 0)
			return i;
	return -1;
}

const char *
rules_name(const char *rule)
{
	int	 i = rules_index(rule);

	return i >= 0 ? _(rules_info[i].name) : rule;
}


struct finding *
findings_add(struct findings *fs, const char *rule, enum severity sev,
    int section, int table)
{
	struct finding	*f;

	if ((fs->n & (fs->n - 1)) == 0 || fs->n == 0)
		fs->v = xreallocarray(fs->v, fs->n ? (size_t)fs->n * 2 : 16,
		    sizeof *fs->v);
	/* Every rule has its row in rules_info (sum --units counts by it). */
	assert(rules_index(rule) >= 0);
	f = &fs->v[fs->n++];
	memset(f, 0, sizeof *f);
	f->rule = rule;
	f->sev = sev;
	f->section = section;
	f->table = table;
	f->pos = -1;
	switch (sev) {
	case SEV_ERROR:
		fs->nerror++;
		break;
	case SEV_INCOMPLETE:
		fs->nincomplete++;
		break;
	case SEV_WARNING:
		fs->nwarning++;
		break;
	}
	return f;
}

/* The value of a term's field; false when the identity must wait. */
static bool
term_value(const struct report *r, int field, int flags, int64_t *v)
{
	if (report_value(r, field, v))
		return true;
	if ((flags & RULES_BLANK_AS_ZERO) && report_state(r, field) == RS_EMPTY &&
	    schema_field(field)->cls == SC_CELL) {
		*v = 0;
		return true;
	}
	return false;
}

/* Sum a side into *sum; false if the identity must wait for a value. */
static bool
side_sum(const struct report *r, const struct side *sd, int flags,
    int64_t *sum)
{
	int64_t	 v, total = 0;
	int	 i;

	for (i = 0; i < sd->n; i++) {
		if (!term_value(r, sd->t[i].field, flags, &v))
			return false;
		total += sd->t[i].sign * v;	/* counts <= 10^15: no overflow */
	}
	*sum = total;
	return true;
}

/* Describe a side, its terms and their sum (or its name), into b. */
static void
side_describe(const struct report *r, const struct side *sd, const char *name,
    int flags, int64_t sum, struct buf *b)
{
	char	 num[NUM_BUFSZ];
	int64_t	 v;
	int	 i;

	if (name != NULL) {
		buf_addf(b, "%s(%s)", _(name), number_format(sum, SK_COUNT, num));
		return;
	}
	for (i = 0; i < sd->n; i++) {
		term_value(r, sd->t[i].field, flags, &v);
		if (i > 0)
			buf_addf(b, "%s", sd->t[i].sign < 0 ? "−" : "+");
		buf_addf(b, "%s(%s)", sd->t[i].name,
		    number_format(v, SK_COUNT, num));
	}
	if (sd->n > 1)
		buf_addf(b, "=%s", number_format(sum, SK_COUNT, num));
}

/* One identity: a finding when both sides have values and differ. The
 * message is built only then (most identities hold). */
static void
check_identity(const struct report *r, const struct identity *id, int flags,
    struct findings *fs)
{
	struct buf	 b = { NULL, 0, 0 };
	int64_t		 l, rr, d;
	char		 num[NUM_BUFSZ];
	struct finding	*f;
	int		 i;

	if (!side_sum(r, &id->lhs, flags, &l) ||
	    !side_sum(r, &id->rhs, flags, &rr) || l == rr)
		return;
	buf_addf(&b, _("%s："), id->title);
	side_describe(r, &id->lhs, NULL, flags, l, &b);
	buf_addf(&b, "%s", _("，不等于 "));
	side_describe(r, &id->rhs, id->spec->rhs_name, flags, rr, &b);
	d = l > rr ? l - rr : rr - l;
	buf_addf(&b, _("，差 %s"), number_format(d, SK_COUNT, num));
	f = findings_add(fs, id->spec->rule, id->spec->sev,
	    sch_tables[id->spec->table].section, id->spec->table);
	for (i = 0; i < id->lhs.n; i++)
		f->fields[f->nfields++] = id->lhs.t[i].field;
	for (i = 0; i < id->rhs.n; i++)
		f->fields[f->nfields++] = id->rhs.t[i].field;
	f->message = b.s;
	if (id->note_key != NULL)
		f->note_key = xstrdup(id->note_key);
}

char *
rules_quote(const char *v, size_t len)
{
	char	*copy = xstrndup(v, len), *q;

	q = show_dup(copy, 40);
	free(copy);
	return q;
}

/* A whole value, quoted. Caller frees. */
static char *
abbreviate(const char *v)
{
	return rules_quote(v, strlen(v));
}

/* R5 and W1 for one field. */
static void
check_field(const struct report *r, int field, int flags, struct findings *fs)
{
	const struct sch_field	*sf = schema_field(field);
	int			 section = -1;
	struct finding		*f;
	enum report_state	 st = report_state(r, field);

	if (sf->table >= 0)
		section = sch_tables[sf->table].section;
	else if (field == F_S1)
		section = SCH_S1;
	else if (field == F_S5)
		section = SCH_S5;
	else if (field == F_S6)
		section = SCH_S6;
	if (st == RS_INVALID) {
		char	*shown = abbreviate(report_get(r, field));

		f = findings_add(fs, "R5", SEV_ERROR, section, sf->table);
		f->fields[f->nfields++] = field;
		if (report_line(r, field) > 0)
			f->message = xasprintf(_("%s：“%s”%s（第 %d 行）"),
			    schema_display_label(field), shown,
			    number_strerror(report_error(r, field), sf->kind),
			    report_line(r, field));
		else
			f->message = xasprintf(_("%s：“%s”%s"),
			    schema_display_label(field), shown,
			    number_strerror(report_error(r, field), sf->kind));
		free(shown);
	} else if (st == RS_EMPTY && sf->required &&
	    !((flags & RULES_BLANK_AS_ZERO) && sf->cls == SC_CELL)) {
		f = findings_add(fs, "W1", SEV_INCOMPLETE, section, sf->table);
		f->fields[f->nfields++] = field;
		f->message = xasprintf(_("%s：尚未填写"),
		    schema_display_label(field));
	}
}

/* Does text contain any of the words? */
static bool
mentions(const char *text, const char *const *words)
{
	for (; *words != NULL; words++)
		if (strstr(text, *words) != NULL)
			return true;
	return false;
}

/* W3: fee notices were sent but 六 says nothing of fees. */
static void
check_w3(const struct report *r, struct findings *fs)
{
	static const char *const fee_words[] = { "信息处理费", "收费", NULL };
	int		 cell = schema_cell_key(SCH_T3, "other_nofee", "total");
	const char	*s6 = report_get(r, F_S6);
	int64_t		 v;
	char		 num[NUM_BUFSZ];
	struct finding	*f;

	if (!report_value(r, cell, &v) || v == 0 || s6 == NULL ||
	    mentions(s6, fee_words))
		return;
	f = findings_add(fs, "W3", SEV_WARNING, SCH_S6, -1);
	f->fields[f->nfields++] = F_S6;
	f->fields[f->nfields++] = cell;
	f->message = xasprintf(_("表三 （六）2.逾期未缴费 总计为 %s（发出过收费通知），"
	    "但“六、其他需要报告的事项”未提及信息处理费或收费"),
	    number_format(v, SK_COUNT, num));
	f->note_key = xstrdup("note.W3.s6");
}

/* W4: 五 names no problem. Compare the text with punctuation and spaces
 * removed against what clerks write when they write nothing. */
static void
check_w4(const struct report *r, struct findings *fs)
{
	static const char *const nothing[] = { "无", "没有", "暂无", "无问题",
	    "没有问题", "暂无问题", "不存在问题", "无存在问题", "无明显问题",
	    "无。", "/", "-", "——", NULL };
	static const char *const drop[] = { "。", "，", "、", "；", "：", "！",
	    " ", "\t", "\n", "\r", "　", ".", ",", ";", ":", "!", NULL };
	const char	*s5 = report_get(r, F_S5);
	char		*bare, *o;
	const char	*p;
	const char *const *d;
	bool		 empty_of_problems = false;
	struct finding	*f;

	if (s5 == NULL)
		return;
	bare = o = xmalloc(strlen(s5) + 1);
	for (p = s5; *p != '\0';) {
		/* Longer than any "nothing" phrase: it names something. */
		if (o - bare > 24)
			break;
		for (d = drop; *d != NULL; d++)
			if (**d == *p && strncmp(p, *d, strlen(*d)) == 0)
				break;
		if (*d != NULL)
			p += strlen(*d);
		else
			*o++ = *p++;
	}
	*o = '\0';
	if (*bare == '\0')
		empty_of_problems = true;
	for (d = nothing; *d != NULL && !empty_of_problems; d++)
		if (strcmp(bare, *d) == 0)
			empty_of_problems = true;
	free(bare);
	if (!empty_of_problems)
		return;
	f = findings_add(fs, "W4", SEV_WARNING, SCH_S5, -1);
	f->fields[f->nfields++] = F_S5;
	f->message = xstrdup(_("“五、存在的主要问题及改进情况”没有写明存在的问题"
	    "（只写了“无”或类似的话）"));
	f->note_key = xstrdup("note.W4.s5");
}

int
rules_this_year(void)
{
	time_t		 now = time(NULL);
	struct tm	 tm;

	if (localtime_r(&now, &tm) == NULL)
		return 9999;
	return tm.tm_year + 1900;
}

/* P1: the year and the period. Dates that are not dates are R5's. */
static void
check_p1(const struct report *r, struct findings *fs)
{
	static const int dates[] = { F_PERIOD_START, F_PERIOD_END };
	int64_t		 year, d[2];
	bool		 have_year, have[2];
	char		 a[NUM_BUFSZ], b[NUM_BUFSZ];
	struct finding	*f;
	int		 i, now = rules_this_year();

	have_year = report_value(r, F_YEAR, &year);
	if (have_year && year < P1_FIRST_YEAR) {
		f = findings_add(fs, "P1", SEV_ERROR, -1, -1);
		f->fields[f->nfields++] = F_YEAR;
		f->message = xasprintf(_("报告年度 %d 早于 %d 年：本格式"
		    "（国办公开办函〔2021〕30号）用于 %d 年起的报告"),
		    (int)year, P1_FIRST_YEAR, P1_FIRST_YEAR);
	} else if (have_year && year > now) {
		f = findings_add(fs, "P1", SEV_ERROR, -1, -1);
		f->fields[f->nfields++] = F_YEAR;
		f->message = xasprintf(_("报告年度 %d 晚于今年（%d 年）"),
		    (int)year, now);
	}
	for (i = 0; i < 2; i++) {
		have[i] = report_value(r, dates[i], &d[i]);
		if (report_state(r, dates[i]) == RS_EMPTY) {
			f = findings_add(fs, "P1", SEV_INCOMPLETE, -1, -1);
			f->fields[f->nfields++] = dates[i];
			f->message = xasprintf(_("%s：尚未填写"),
			    schema_display_label(dates[i]));
		}
	}
	if (have[0] && have[1] && d[0] > d[1]) {
		f = findings_add(fs, "P1", SEV_ERROR, -1, -1);
		f->fields[f->nfields++] = F_PERIOD_START;
		f->fields[f->nfields++] = F_PERIOD_END;
		f->message = xasprintf(_("统计期间：起始日期 %s 晚于截止日期 %s"),
		    number_format(d[0], SK_DATE, a),
		    number_format(d[1], SK_DATE, b));
	}
	for (i = 0; i < 2 && have_year; i++) {
		if (!have[i] || d[i] / 10000 == year)
			continue;
		f = findings_add(fs, "P1", SEV_ERROR, -1, -1);
		f->fields[f->nfields++] = dates[i];
		f->fields[f->nfields++] = F_YEAR;
		f->message = xasprintf(_("%s %s 不在报告年度 %d 年内"),
		    schema_display_label(dates[i]),
		    number_format(d[i], SK_DATE, a), (int)year);
	}
}

/* Is cell (row, col) of table t one X3 compares? */
static bool
x3_applies(int t, int row, int col)
{
	const struct sch_table	*tb = &sch_tables[t];
	size_t			 i;

	for (i = 0; i < sizeof x3_specs / sizeof x3_specs[0]; i++) {
		const struct x3_spec	*x = &x3_specs[i];

		if (x->table != t)
			continue;
		if (x->row != NULL && strcmp(tb->rows[row].key, x->row) != 0)
			continue;
		if (x->col != NULL &&
		    strcmp(schema_band(t, row)->cols[col].key, x->col) != 0)
			continue;
		if (x->except != NULL && in_list(x->except, tb->rows[row].key))
			continue;
		return true;
	}
	return false;
}

/* A cell in messages: "表二 行政许可", "表三 一、本年新收 总计". */
static char *
cell_name(int field)
{
	const struct sch_field	*sf = schema_field(field);
	const struct sch_table	*tb = &sch_tables[sf->table];
	const struct sch_band	*band = schema_band(sf->table, sf->row);

	if (band->ncols == 1)
		return xasprintf("%s %s", tb->name, tb->rows[sf->row].brief);
	return xasprintf("%s %s %s", tb->name, tb->rows[sf->row].brief,
	    band->cols[sf->col].label);
}

/* X3: one cell against last year's. */
static void
check_x3(const struct report *r, int field, struct findings *fs)
{
	const struct sch_field	*sf = schema_field(field);
	int			 prev = schema_prev(field);
	int64_t			 cur, last, big, floor_, d, q;
	char			 a[NUM_BUFSZ], b[NUM_BUFSZ], c[NUM_BUFSZ];
	char			*name, *how;
	struct finding		*f;

	if (!report_value(r, field, &cur) || !report_value(r, prev, &last))
		return;
	big = cur > last ? cur : last;
	floor_ = X3_FLOOR * (sf->kind == SK_AMOUNT ? NUM_AMOUNT_SCALE : 1);
	if (big < floor_ || cur == 0 || last == 0 ||
	    (cur <= last * X3_FACTOR && cur * X3_FACTOR >= last))
		return;
	if (cur > last) {
		q = (cur * 10 + last / 2) / last;	/* tenths, rounded */
		how = xasprintf(_("约为上年的 %lld.%lld 倍"), (long long)(q / 10),
		    (long long)(q % 10));
	} else {
		q = (last + cur / 2) / cur;
		how = xasprintf(_("约为上年的 1/%lld"), (long long)q);
	}
	d = cur > last ? cur - last : last - cur;
	name = cell_name(field);
	f = findings_add(fs, "X3", SEV_WARNING, sch_tables[sf->table].section,
	    sf->table);
	f->fields[f->nfields++] = field;
	f->fields[f->nfields++] = prev;
	f->message = xasprintf(_("%s：本年 %s，上年 %s，%s（差 %s），"
	    "请核对是否多打或少打了一位"), name,
	    number_format(cur, sf->kind, a), number_format(last, sf->kind, b),
	    how, number_format(d, sf->kind, c));
	f->note_key = xasprintf("note.X3.%s", sf->key);
	free(name);
	free(how);
}

/* Identities whose table is t, in spec order. */
static void
check_table(const struct report *r, int t, int flags, struct findings *fs)
{
	const struct sch_table	*tb = &sch_tables[t];
	int			 i;

	for (i = 0; i < tb->ncells; i++)
		check_field(r, tb->first_cell + i, flags, fs);
	for (i = F_FIRST_PREV; i < SCH_NFIELDS; i++)
		if (schema_field(i)->table == t)
			check_field(r, i, flags, fs);
	for (i = 0; i < nidents; i++)
		if (idents[i].spec->table == t)
			check_identity(r, &idents[i], flags, fs);
	for (i = 0; i < tb->ncells; i++) {
		const struct sch_field	*sf = schema_field(tb->first_cell + i);

		if (x3_applies(t, sf->row, sf->col))
			check_x3(r, tb->first_cell + i, fs);
	}
}

struct findings *
rules_check(const struct report *r, int flags)
{
	struct findings	*fs = xcalloc(1, sizeof *fs);
	int		 i;

	init();
	for (i = 0; i < F_FIRST_CELL; i++)
		if (i != F_S1)
			check_field(r, i, flags, fs);
	check_p1(r, fs);
	textcheck_text(r, F_PREAMBLE, fs);
	check_field(r, F_S1, flags, fs);
	textcheck_text(r, F_S1, fs);
	check_table(r, SCH_T2, flags, fs);
	check_table(r, SCH_T3, flags, fs);
	check_table(r, SCH_T4, flags, fs);
	check_field(r, F_S5, flags, fs);
	check_w4(r, fs);
	textcheck_text(r, F_S5, fs);
	check_field(r, F_S6, flags, fs);
	check_w3(r, fs);
	textcheck_text(r, F_S6, fs);
	return fs;
}

void
findings_free(struct findings *fs)
{
	int	 i;

	if (fs == NULL)
		return;
	for (i = 0; i < fs->n; i++) {
		free(fs->v[i].message);
		free(fs->v[i].note_key);
	}
	free(fs->v);
	free(fs);
}

const struct finding *
findings_for_text(const struct findings *fs, int field, size_t pos)
{
	int	 i;

	for (i = 0; i < fs->n; i++) {
		const struct finding	*f = &fs->v[i];

		if (f->nfields > 0 && f->fields[0] == field && f->pos >= 0 &&
		    pos >= (size_t)f->pos && pos <= (size_t)(f->pos + f->len))
			return f;
	}
	return NULL;
}

const struct finding *
findings_for_field(const struct findings *fs, int field, int sev)
{
	int	 i, j;

	for (i = 0; i < fs->n; i++) {
		if (sev != -1 && fs->v[i].sev != (enum severity)sev)
			continue;
		for (j = 0; j < fs->v[i].nfields; j++)
			if (fs->v[i].fields[j] == field)
				return &fs->v[i];
	}
	return NULL;
}
