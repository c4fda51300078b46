/*
 * units.c: the table of units behind gkreport sum --units (see units.h):
 * the key figures and rates as data, each unit's row, the ranks, the CSV,
 * and the set that finds the same agency and year twice.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvout.h"
#include "nls.h"
#include "number.h"
#include "roster.h"
#include "schema.h"
#include "units.h"
#include "xmalloc.h"

/* The key figures: table 三's flow and outcome groups, table 二 as a
 * whole, table 四's review and the two suits together. */
const struct units_fig units_figs[UNITS_NFIGS] = {
	{ N_("本年新收"), SCH_T3, "new", "total" },
	{ N_("本年新收·自然人"), SCH_T3, "new", "natural" },
	{ N_("本年新收·法人或其他组织"), SCH_T3, "new", "biz..other" },
	{ N_("上年结转"), SCH_T3, "carry_in", "total" },
	{ N_("予以公开"), SCH_T3, "open", "total" },
	{ N_("部分公开"), SCH_T3, "partial", "total" },
	{ N_("不予公开"), SCH_T3, "deny_secret..deny_query", "total" },
	{ N_("无法提供"), SCH_T3, "unable_nohold..unable_unclear", "total" },
	{ N_("不予处理"), SCH_T3, "ignore_petition..ignore_confirm", "total" },
	{ N_("其他处理"), SCH_T3, "other_nocorrect..other_other", "total" },
	{ N_("（七）总计"), SCH_T3, "result_total", "total" },
	{ N_("结转下年度"), SCH_T3, "carry_out", "total" },
	{ N_("规章·本年制发"), SCH_T2, "rules", "issued" },
	{ N_("规章·本年废止"), SCH_T2, "rules", "repealed" },
	{ N_("规章·现行有效"), SCH_T2, "rules", "in_force" },
	{ N_("行政规范性文件·本年制发"), SCH_T2, "normative", "issued" },
	{ N_("行政规范性文件·本年废止"), SCH_T2, "normative", "repealed" },
	{ N_("行政规范性文件·现行有效"), SCH_T2, "normative", "in_force" },
	{ N_("行政许可"), SCH_T2, "permit", "decisions" },
	{ N_("行政处罚"), SCH_T2, "penalty", "decisions" },
	{ N_("行政强制"), SCH_T2, "coercion", "decisions" },
	{ N_("行政事业性收费（万元）"), SCH_T2, "fees", "amount" },
	{ N_("行政复议·结果维持"), SCH_T4, "review", "maintain" },
	{ N_("行政复议·结果纠正"), SCH_T4, "review", "correct" },
	{ N_("行政复议·其他结果"), SCH_T4, "review", "other" },
	{ N_("行政复议·尚未审结"), SCH_T4, "review", "pending" },
	{ N_("行政复议·总计"), SCH_T4, "review", "total" },
	{ N_("行政诉讼·结果维持"), SCH_T4, "suit_direct suit_after_review",
	  "maintain" },
	{ N_("行政诉讼·结果纠正"), SCH_T4, "suit_direct suit_after_review",
	  "correct" },
	{ N_("行政诉讼·其他结果"), SCH_T4, "suit_direct suit_after_review",
	  "other" },
	{ N_("行政诉讼·尚未审结"), SCH_T4, "suit_direct suit_after_review",
	  "pending" },
	{ N_("行政诉讼·总计"), SCH_T4, "suit_direct suit_after_review",
	  "total" },
};

enum {
	FG_OPEN = 4, FG_PARTIAL, FG_DENY, FG_UNABLE,
	FG_RESULT = 10,
	FG_REV_CORRECT = 23, FG_REV_PENDING = 25, FG_REV_TOTAL,
	FG_SUIT_CORRECT = 28, FG_SUIT_PENDING = 30, FG_SUIT_TOTAL,
};

const struct units_rate units_rates[UNITS_NRATES] = {
	{ N_("公开率"), N_("(予以公开+部分公开)/(七)总计"),
	  { FG_OPEN, FG_PARTIAL, -1 }, FG_RESULT, -1, false, true },
	{ N_("不予公开率"), N_("不予公开/(七)总计"),
	  { FG_DENY, -1, -1 }, FG_RESULT, -1, true, false },
	{ N_("无法提供率"), N_("无法提供/(七)总计"),
	  { FG_UNABLE, -1, -1 }, FG_RESULT, -1, true, false },
	{ N_("复议纠错率"), N_("行政复议结果纠正/(行政复议总计-尚未审结)"),
	  { FG_REV_CORRECT, -1, -1 }, FG_REV_TOTAL, FG_REV_PENDING, true,
	  true },
	{ N_("诉讼败诉率"), N_("行政诉讼结果纠正/(行政诉讼总计-尚未审结)"),
	  { FG_SUIT_CORRECT, -1, -1 }, FG_SUIT_TOTAL, FG_SUIT_PENDING, true,
	  true },
};

struct units {
	int		 flags;
	int		 n, cap;
	struct unit	*v;
};

struct units *
units_new(int flags)
{
	struct units	*u = xcalloc(1, sizeof *u);

	u->flags = flags;
	return u;
}

static void
unit_fini(struct unit *un)
{
	int	 i;

	free(un->file);
	free(un->agency);
	free(un->why);
	free(un->by_rule);
	for (i = 0; i < un->nfindings; i++) {
		free(un->findings[i].key);
		free(un->findings[i].message);
	}
	free(un->findings);
	free(un->export_path);
}

void
units_free(struct units *u)
{
	int	 i;

	if (u == NULL)
		return;
	for (i = 0; i < u->n; i++)
		unit_fini(&u->v[i]);
	free(u->v);
	free(u);
}

int
units_count(const struct units *u)
{
	return u->n;
}

struct unit *
units_get(const struct units *u, int i)
{
	return &u->v[i];
}

/* The indexes named by a word list ("a..b c") over n names. Returns how
 * many were put in out. */
static int
pick_list(const char *list, int n, const char *(*name)(int, const void *),
    const void *ctx, int *out, int max)
{
	char		 word[64], first[64], last[64];
	const char	*p = list, *dots;
	int		 k = 0, a, b, i;
	size_t		 len;

	while (*p != '\0') {
		len = strcspn(p, " ");
		snprintf(word, sizeof word, "%.*s", (int)len, p);
		p += len + strspn(p + len, " ");
		if ((dots = strstr(word, "..")) != NULL) {
			snprintf(first, sizeof first, "%.*s",
			    (int)(dots - word), word);
			snprintf(last, sizeof last, "%s", dots + 2);
		} else {
			snprintf(first, sizeof first, "%s", word);
			snprintf(last, sizeof last, "%s", word);
		}
		a = b = -1;
		for (i = 0; i < n; i++) {
			if (strcmp(name(i, ctx), first) == 0)
				a = i;
			if (strcmp(name(i, ctx), last) == 0)
				b = i;
		}
		for (i = a; a >= 0 && i <= b && k < max; i++)
			out[k++] = i;
	}
	return k;
}

static const char *
row_name(int i, const void *ctx)
{
	return ((const struct sch_table *)ctx)->rows[i].key;
}

static const char *
col_name(int i, const void *ctx)
{
	return ((const struct sch_band *)ctx)->cols[i].key;
}

void
units_figures(const struct report *r, int64_t fig[UNITS_NFIGS],
    uint64_t *have)
{
	const struct units_fig	*fd;
	const struct sch_table	*t;
	int			 rows[32], cols[16], nr, nc, i, j, k, f;
	int64_t			 v, s;
	bool			 ok;

	*have = 0;
	for (k = 0; k < UNITS_NFIGS; k++) {
		fd = &units_figs[k];
		t = &sch_tables[fd->table];
		nr = pick_list(fd->rows, t->nrows, row_name, t, rows, 32);
		s = 0;
		ok = nr > 0;
		for (i = 0; i < nr && ok; i++) {
			const struct sch_band *band = schema_band(fd->table,
			    rows[i]);

			nc = pick_list(fd->cols, band->ncols, col_name, band,
			    cols, 16);
			ok = nc > 0;
			for (j = 0; j < nc && ok; j++) {
				f = schema_cell(fd->table, rows[i], cols[j]);
				ok = f >= 0 && report_value(r, f, &v) &&
				    (s = number_add(s, v)) >= 0;
			}
		}
		fig[k] = ok ? s : 0;
		if (ok)
			*have |= UINT64_C(1) << k;
	}
}

static bool
known(uint64_t have, int k)
{
	return (have >> k) & 1;
}

bool
units_rate_parts(const int64_t fig[UNITS_NFIGS], uint64_t have, int k,
    int64_t *num, int64_t *den)
{
	const struct units_rate	*rt = &units_rates[k];
	int			 i;

	*num = 0;
	for (i = 0; i < 3 && rt->num[i] >= 0; i++) {
		if (!known(have, rt->num[i]))
			return false;
		*num += fig[rt->num[i]];
	}
	if (!known(have, rt->den))
		return false;
	*den = fig[rt->den];
	if (rt->den_less >= 0) {
		if (!known(have, rt->den_less))
			return false;
		*den -= fig[rt->den_less];
	}
	return *den > 0;
}

int64_t
units_rate_bp(int64_t num, int64_t den)
{
	__extension__ typedef __int128 wide;
	wide	 q = ((wide)num * 10000 * 2 + den) / ((wide)den * 2);

	return (int64_t)q;
}

char *
units_rate_text(const int64_t fig[UNITS_NFIGS], uint64_t have, int k,
    char buf[32])
{
	int64_t	 num, den, bp;

	if (!units_rate_parts(fig, have, k, &num, &den)) {
		buf[0] = '\0';
		return buf;
	}
	bp = units_rate_bp(num, den);
	snprintf(buf, 32, "%lld.%02lld", (long long)(bp / 100),
	    (long long)(bp % 100));
	return buf;
}

char *
units_value_text(int i, int64_t v, char buf[32])
{
	const struct units_fig	*fd = &units_figs[i];

	if (fd->table == SCH_T2 && strcmp(fd->rows, "fees") == 0)
		return number_format(v, SK_AMOUNT, buf);
	return number_format(v, SK_COUNT, buf);
}

char *
units_fig_text(const int64_t fig[UNITS_NFIGS], uint64_t have, int i,
    char buf[32])
{
	if (!known(have, i)) {
		buf[0] = '\0';
		return buf;
	}
	return units_value_text(i, fig[i], buf);
}

const char *
units_status_label(enum unit_status st)
{
	switch (st) {
	case UNIT_CLEAN:
		return _("完整无误");
	case UNIT_INCOMPLETE:
		return _("未填完");
	case UNIT_ERROR:
		return _("有错误");
	case UNIT_UNREADABLE:
		return _("无法读取");
	case UNIT_DUPLICATE:
		return _("重复");
	case UNIT_REFUSED:
	case UNIT_NSTATUS:
		break;
	}
	return _("未计入汇总");
}

static const char *const decision_names[REV_NDECISIONS + 1] = {
	N_("待核"), N_("已确认"), N_("已说明"), N_("忽略"), N_("已解决"),
};

const char *
units_decision_msgid(int d)
{
	return decision_names[d >= 0 && d < REV_NDECISIONS ? d :
	    REV_NDECISIONS];
}

char *
units_rate_heading(int k, bool rank)
{
	if (rank)
		return xasprintf(_("%s排名"), _(units_rates[k].label));
	return xasprintf("%s(%%)=%s", _(units_rates[k].label),
	    _(units_rates[k].formula));
}

const char *
units_decision_label(int d)
{
	return _(units_decision_msgid(d));
}

/* The W1 line of a unit: "12 项尚未填写：甲；乙；丙 等". Caller frees. */
static char *
empty_message(const struct findings *fs, int n)
{
	struct buf	 b = { 0 };
	int		 i, shown = 0;

	buf_addf(&b, _("%d 项尚未填写："), n);
	for (i = 0; i < fs->n && shown < 3; i++) {
		if (strcmp(fs->v[i].rule, "W1") != 0 ||
		    fs->v[i].nfields == 0 || fs->v[i].fields[0] < 0)
			continue;
		buf_addf(&b, "%s%s", shown > 0 ? "；" : "",
		    schema_display_label(fs->v[i].fields[0]));
		shown++;
	}
	if (n > 3)
		buf_add(&b, _(" 等"));
	return b.s;
}

static void
keep_finding(struct unit *un, const char *rule, enum severity sev,
    const char *key, char *message)
{
	struct unit_finding	*uf;

	if ((un->nfindings & (un->nfindings - 1)) == 0)
		un->findings = xreallocarray(un->findings,
		    un->nfindings ? (size_t)un->nfindings * 2 : 1,
		    sizeof *un->findings);
	uf = &un->findings[un->nfindings++];
	uf->rule = rule;
	uf->sev = sev;
	uf->key = xstrdup(key);
	uf->message = message;
	uf->decision = -1;
}

struct unit *
units_add(struct units *u, const char *file, const struct report *r,
    const struct findings *fs, enum unit_status st, const char *why)
{
	struct unit	*un;
	const char	*s;
	int64_t		 y;
	int		 i, k;

	if (u->n == u->cap) {
		u->cap = u->cap ? u->cap * 2 : 64;
		u->v = xreallocarray(u->v, (size_t)u->cap, sizeof *u->v);
	}
	un = &u->v[u->n++];
	memset(un, 0, sizeof *un);
	un->file = xstrdup(file);
	un->status = st;
	un->why = why != NULL ? xstrdup(why) : NULL;
	un->by_rule = xcalloc((size_t)rules_ninfo, sizeof *un->by_rule);
	if (r != NULL) {
		if ((s = report_get(r, F_AGENCY)) != NULL)
			un->agency = xstrdup(s);
		if (report_value(r, F_YEAR, &y))
			un->year = (int)y;
		units_figures(r, un->fig, &un->have);
	}
	if (fs == NULL)
		return un;
	un->nerror = fs->nerror;
	un->nempty = fs->nincomplete;
	un->nwarning = fs->nwarning;
	for (i = 0; i < fs->n; i++) {
		const struct finding *f = &fs->v[i];

		if ((k = rules_index(f->rule)) >= 0)
			un->by_rule[k]++;
		/* the empty cells (W1) are one entry, below */
		if (!(u->flags & UNITS_KEEP_FINDINGS) ||
		    strcmp(f->rule, "W1") == 0)
			continue;
		/* A warning's note key tells apart two findings of one rule
		 * on one field (two statements of 一 for W2) and stays the
		 * same in a corrected file; else the cell where it is. */
		keep_finding(un, f->rule, f->sev, f->note_key != NULL ?
		    f->note_key : f->nfields > 0 && f->fields[0] >= 0 ?
		    schema_field(f->fields[0])->key : "",
		    xstrdup(f->message));
	}
	k = rules_index("W1");
	if ((u->flags & UNITS_KEEP_FINDINGS) && un->by_rule[k] > 0)
		keep_finding(un, rules_info[k].id, SEV_INCOMPLETE, "",
		    empty_message(fs, un->by_rule[k]));
	return un;
}

/* ---- ranks ------------------------------------------------------------ */

struct rankee {
	int64_t	 bp;
	int	 unit;
};

static int
by_bp_desc(const void *a, const void *b)
{
	const struct rankee *x = a, *y = b;

	return x->bp < y->bp ? 1 : x->bp > y->bp ? -1 : x->unit - y->unit;
}

void
units_rank(struct units *u)
{
	struct rankee	*v = xreallocarray(NULL, (size_t)u->n + 1, sizeof *v);
	int64_t		 num, den;
	int		 k, i, n, rank = 0;

	for (k = 0; k < UNITS_NRATES; k++) {
		n = 0;
		for (i = 0; i < u->n; i++) {
			u->v[i].rank[k] = 0;
			if (!units_rates[k].ranked ||
			    u->v[i].status == UNIT_UNREADABLE ||
			    u->v[i].status == UNIT_DUPLICATE ||
			    !units_rate_parts(u->v[i].fig, u->v[i].have, k,
			    &num, &den))
				continue;
			v[n].bp = units_rate_bp(num, den);
			if (units_rates[k].low_is_best)
				v[n].bp = -v[n].bp;
			v[n++].unit = i;
		}
		qsort(v, (size_t)n, sizeof *v, by_bp_desc);
		for (i = 0; i < n; i++) {
			if (i == 0 || v[i].bp != v[i - 1].bp)
				rank = i + 1;
			u->v[v[i].unit].rank[k] = rank;
		}
	}
	free(v);
}

/* ---- CSV ---------------------------------------------------------------- */

void
units_csv_field(struct buf *b, const char *s, bool typed, bool last)
{
	csv_field(b, s, typed);
	buf_add(b, last ? "\r\n" : ",");
}

/* The first line: the same columns, in the same order, as unit_line. */
static void
head_line(bool review, struct buf *b)
{
	char	*h;
	int	 k;

	units_csv_field(b, _("序号"), false, false);
	units_csv_field(b, _("文件"), false, false);
	units_csv_field(b, _("报告单位"), false, false);
	units_csv_field(b, _("年度"), false, false);
	units_csv_field(b, _("状态"), false, false);
	units_csv_field(b, _("错误"), false, false);
	units_csv_field(b, _("未填"), false, false);
	units_csv_field(b, _("提示"), false, false);
	for (k = 0; k < rules_ninfo; k++)
		units_csv_field(b, rules_info[k].id, false, false);
	for (k = 0; k < UNITS_NFIGS; k++)
		units_csv_field(b, _(units_figs[k].label), false, false);
	for (k = 0; k < UNITS_NRATES; k++) {
		h = units_rate_heading(k, false);
		units_csv_field(b, h, false, false);
		free(h);
		if (units_rates[k].ranked) {
			h = units_rate_heading(k, true);
			units_csv_field(b, h, false, false);
			free(h);
		}
	}
	if (review) {
		for (k = 0; k < REV_NDECISIONS; k++)
			units_csv_field(b, units_decision_label(k), false,
			    false);
		units_csv_field(b, units_decision_label(-1), false, false);
	}
	units_csv_field(b, _("原因"), false, true);
}

/* A count, 0 included, as a field that is not the last of its line. */
static void
count_field(struct buf *b, int n)
{
	char	 t[32];

	snprintf(t, sizeof t, "%d", n);
	units_csv_field(b, t, false, false);
}

/* The line of unit un, numbered no; a year or a rank not known is an
 * empty field. */
static void
unit_line(const struct unit *un, int no, bool review, struct buf *b)
{
	char	 t[32];
	int	 k;

	count_field(b, no);
	units_csv_field(b, un->file, true, false);
	units_csv_field(b, un->agency, true, false);
	if (un->year > 0)
		snprintf(t, sizeof t, "%d", un->year);
	else
		t[0] = '\0';
	units_csv_field(b, t, false, false);
	units_csv_field(b, units_status_label(un->status), false, false);
	count_field(b, un->nerror);
	count_field(b, un->nempty);
	count_field(b, un->nwarning);
	for (k = 0; k < rules_ninfo; k++)
		count_field(b, un->by_rule[k]);
	for (k = 0; k < UNITS_NFIGS; k++)
		units_csv_field(b, units_fig_text(un->fig, un->have, k, t),
		    false, false);
	for (k = 0; k < UNITS_NRATES; k++) {
		units_csv_field(b, units_rate_text(un->fig, un->have, k, t),
		    false, false);
		if (!units_rates[k].ranked)
			continue;
		if (un->rank[k] > 0)
			snprintf(t, sizeof t, "%d", un->rank[k]);
		else
			t[0] = '\0';
		units_csv_field(b, t, false, false);
	}
	if (review) {
		for (k = 0; k < REV_NDECISIONS; k++)
			count_field(b, un->ndecision[k]);
		count_field(b, un->nresolved);
	}
	units_csv_field(b, un->why, true, true);
}

void
units_csv(const struct units *u, bool review, struct buf *b)
{
	int	 i;

	buf_add(b, "\xef\xbb\xbf");
	head_line(review, b);
	for (i = 0; i < u->n; i++)
		unit_line(&u->v[i], i + 1, review, b);
}

/* ---- duplicates --------------------------------------------------------- */

struct dupent {
	uint64_t	 h1, h2;	/* h1 0: free slot */
	const char	*dir;
	const char	*name;
};

struct dupset {
	size_t		 n, cap;	/* cap a power of two */
	struct dupent	*v;
};

struct dupset *
dupset_new(void)
{
	struct dupset	*d = xcalloc(1, sizeof *d);

	d->cap = 1024;
	d->v = xcalloc(d->cap, sizeof *d->v);
	return d;
}

void
dupset_free(struct dupset *d)
{
	if (d == NULL)
		return;
	free(d->v);
	free(d);
}

/* FNV-1a from a seed, the year mixed in, then a final mix. */
static uint64_t
dup_hash(uint64_t h, const char *agency, int year)
{
	const unsigned char *p;

	for (p = (const unsigned char *)agency; *p != '\0'; p++) {
		h ^= *p;
		h *= UINT64_C(0x100000001b3);
	}
	h ^= (uint64_t)(unsigned)year;
	h *= UINT64_C(0x100000001b3);
	h ^= h >> 33;
	h *= UINT64_C(0xff51afd7ed558ccd);
	h ^= h >> 33;
	h *= UINT64_C(0xc4ceb9fe1a85ec53);
	h ^= h >> 33;
	return h;
}

static void
dup_grow(struct dupset *d)
{
	struct dupent	*old = d->v;
	size_t		 oldcap = d->cap, i, j;

	d->cap *= 2;
	d->v = xcalloc(d->cap, sizeof *d->v);
	for (i = 0; i < oldcap; i++) {
		if (old[i].h1 == 0)
			continue;
		for (j = old[i].h1 & (d->cap - 1); d->v[j].h1 != 0;
		    j = (j + 1) & (d->cap - 1))
			;
		d->v[j] = old[i];
	}
	free(old);
}

bool
dupset_check(struct dupset *d, const char *agency, int year,
    const char *dir, const char *name, const char **first_dir,
    const char **first_name)
{
	/* The agency as the roster compares it: "县（区）教育局 " typed
	 * another day is "县(区)教育局". */
	char		*norm = roster_norm(agency);
	uint64_t	 h1 = dup_hash(UINT64_C(0xcbf29ce484222325), norm, year);
	uint64_t	 h2 = dup_hash(UINT64_C(0x84222325cbf29ce4), norm, year);
	size_t		 j;

	free(norm);

	if (h1 == 0)
		h1 = 1;
	for (j = h1 & (d->cap - 1); d->v[j].h1 != 0; j = (j + 1) & (d->cap - 1))
		if (d->v[j].h1 == h1 && d->v[j].h2 == h2) {
			*first_dir = d->v[j].dir;
			*first_name = d->v[j].name;
			return true;
		}
	d->v[j].h1 = h1;
	d->v[j].h2 = h2;
	d->v[j].dir = dir;
	d->v[j].name = name;
	if (++d->n * 2 > d->cap)
		dup_grow(d);
	return false;
}
