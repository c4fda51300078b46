/*
 * textcheck.c: the text rules of spec §5a (W2, W5, X4, X5).
 *
 * W2 is a table of patterns, w2_patterns[] below: the words that, found
 * before a number in the same clause, tie it to cells, and the readings
 * (cell formulas) it may mean. A reviewer extends the checker by adding a
 * line. The text is read as clerks write it: full-width or ASCII digits,
 * spaces around numbers (PDF copies), a year glued to the number
 * ("结转至2026年 3件": the year is not the number), percentages to the
 * printed precision, zero in words (未发生行政复议, 均获维持). Every pattern
 * that matches adds its readings; a statement is flagged only when none of
 * them agrees. When in doubt, it stays silent.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "nls.h"
#include "number.h"
#include "schema.h"
#include "textcheck.h"
#include "xmalloc.h"

/* Units that make a number a statement about applications, cases,
 * documents or decisions; anything else (条, 次, 期, 元, 年, 月 …) is not
 * a table figure. */
static const char *const units[] = { "人次", "件", "起", "个", "宗", "案",
    "项", NULL };

/* Topics of the §5a silent list: standing before a number anywhere in
 * its sentence, they make it no table figure. */
#define SILENT_TOPIC	"政务新媒体|新媒体|网络问政|撤回|政策性文件|政策文件|" \
		"处理费|留言|热线|来电|来信|咨询|信访|举报|投诉|建议|" \
		"提案|议案|诉求"
/* Comparisons with other years: before the number in its clause. A
 * sentence that names another year than the report's ("2023年受理申请
 * 80件") is not about this year's tables either (X5 speaks of it). */
#define SILENT_LEAD	"较|同比|比上年|比去年|增加|减少|增长|下降|上升|持平|" \
		"历年|以来|近年|去年|前年"

#define MAXREAD		3	/* readings of one pattern */

/* t4.*.col: the group named last in the sentence (行政复议, 行政诉讼 or
 * one of its two kinds), or all three groups. */

/*
 * need: groups separated by ' ', each a '|'-list of words; every group
 *       must occur between the clause start (or the previous statement)
 *       and the number.
 * unless: a '|'-list; none may occur there (and SILENT_TOPIC,
 *       SILENT_LEAD and another year silence every pattern).
 * context: a '|'-list, one of which must occur earlier in the sentence,
 *       or NULL.
 * near: the last group's word ends at most this many characters before
 *       the number (0: anywhere).
 * readings: what the number may mean: cells joined by '+' (a cell is
 *       "t3.row.col", "a:b" a range of rows or columns, "t4.*.col" the
 *       group the sentence names), and how the message names them.
 */
static const struct w2_pattern {
	const char	*id;
	const char	*need;
	const char	*unless;
	const char	*context;
	int		 near;
	struct {
		const char	*cells;
		const char	*name;
	}		 readings[MAXREAD];
} w2_patterns[] = {
	{ "received", "收到|受理|接收|新收", "复议|诉讼|案件|事项|审批|许可|"
	  "办件|业务|服务|自然人|法人|上年度|上一年度", NULL, 0,
	  { { "t3.new.total", N_("表三 本年新收 总计") },
	  { "t3.new.total+t3.carry_in.total", N_("含上年结转") } } },
	{ "natural", "自然人", "复议|诉讼", NULL, 0,
	  { { "t3.new.natural", N_("表三 自然人 本年新收") },
	  { "t3.new.natural+t3.carry_in.natural", N_("含上年结转") } } },
	{ "orgs", "法人或其他组织|法人和其他组织|法人或者其他组织|"
	  "法人及其他组织", "复议|诉讼", NULL, 0,
	  { { "t3.new.biz:other", N_("表三 法人或其他组织 本年新收") },
	  { "t3.new.biz:other+t3.carry_in.biz:other", N_("含上年结转") } } },
	{ "biz", "商业企业", "复议|诉讼", NULL, 0,
	  { { "t3.new.biz", N_("表三 商业企业 本年新收") },
	  { "t3.new.biz+t3.carry_in.biz", N_("含上年结转") } } },
	{ "research", "科研机构", "复议|诉讼", NULL, 0,
	  { { "t3.new.research", N_("表三 科研机构 本年新收") },
	  { "t3.new.research+t3.carry_in.research", N_("含上年结转") } } },
	{ "npo", "社会公益组织", "复议|诉讼", NULL, 0,
	  { { "t3.new.npo", N_("表三 社会公益组织 本年新收") },
	  { "t3.new.npo+t3.carry_in.npo", N_("含上年结转") } } },
	{ "legal", "法律服务机构", "复议|诉讼", NULL, 0,
	  { { "t3.new.legal", N_("表三 法律服务机构 本年新收") },
	  { "t3.new.legal+t3.carry_in.legal", N_("含上年结转") } } },
	{ "carry_in", "上年结转|上一年度结转|上年度结转|上年度转入|上年转入|"
	  "转至今年|转至本年|转入本年|转入今年|结转至本年|结转至今年|往年结转",
	  NULL, NULL, 0,
	  { { "t3.carry_in.total", N_("表三 上年结转 总计") } } },
	{ "done", "办结|答复|办理|处理完毕|回复", "复议|诉讼|案件|事项|审批|"
	  "许可|办件|业务|服务|不予处理|其他处理|结转|延期|转下|顺延|"
	  "转至|转入|上年度|上一年度",
	  NULL, 0,
	  { { "t3.result_total.total", N_("表三 办理结果 (七)总计") },
	  { "t3.result_total.total+t3.carry_out.total", N_("含结转下年度") } } },
	{ "carry_out", "结转下|结转至|结转到|转下一|转入下|顺延|下一年度继续|"
	  "下年度继续|留待下|结转", "上年结转|上一年度结转|上年度结转", NULL, 0,
	  { { "t3.carry_out.total", N_("表三 结转下年度 总计") } } },
	{ "open", "予以公开|同意公开|全部公开", NULL, NULL, 0,
	  { { "t3.open.total", N_("表三 予以公开 总计") },
	  { "t3.open.total+t3.partial.total", N_("予以公开与部分公开之和") } } },
	{ "partial", "部分公开", NULL, NULL, 0,
	  { { "t3.partial.total", N_("表三 部分公开 总计") },
	  { "t3.open.total+t3.partial.total", N_("予以公开与部分公开之和") } } },
	{ "deny", "不予公开", NULL, NULL, 0,
	  { { "t3.deny_secret:deny_query.total", N_("表三 不予公开 总计") } } },
	{ "unable", "无法提供", NULL, NULL, 0,
	  { { "t3.unable_nohold:unable_unclear.total", N_("表三 无法提供 总计") } } },
	{ "nohold", "不掌握|信息不存在", NULL, NULL, 0,
	  { { "t3.unable_nohold.total", N_("表三 本机关不掌握 总计") },
	  { "t3.unable_nohold:unable_unclear.total", N_("无法提供 总计") } } },
	{ "ignore", "不予处理", NULL, NULL, 0,
	  { { "t3.ignore_petition:ignore_confirm.total", N_("表三 不予处理 总计") } } },
	{ "other", "其他处理", NULL, NULL, 0,
	  { { "t3.other_nocorrect:other_other.total", N_("表三 其他处理 总计") } } },
	{ "review", "复议", "纠错|纠正|维持|败诉|撤销|审结|审理", NULL, 0,
	  { { "t4.review.total", N_("表四 行政复议 总计") } } },
	{ "suit", "诉讼|起诉", "纠错|纠正|维持|败诉|撤销|审结|审理", NULL, 0,
	  { { "t4.suit_direct.total+t4.suit_after_review.total", N_("表四 行政诉讼 总计") },
	  { "t4.suit_direct.total", N_("未经复议直接起诉") },
	  { "t4.suit_after_review.total", N_("复议后起诉") } } },
	{ "review_suit", "复议 诉讼", "纠错|纠正|维持|败诉|撤销|审结|审理", NULL,
	  0, { { "t4.review.total+t4.suit_direct.total+t4.suit_after_review.total", N_("表四 行政复议与行政诉讼合计") } } },
	{ "cases", "案件", "纠错|纠正|维持|败诉|撤销|审结|审理", "复议|诉讼", 0,
	  { { "t4.review.total", N_("表四 行政复议 总计") },
	  { "t4.suit_direct.total+t4.suit_after_review.total", N_("行政诉讼 总计") },
	  { "t4.review.total+t4.suit_direct.total+t4.suit_after_review.total", N_("两者合计") } } },
	{ "maintain", "维持", NULL, "复议|诉讼|起诉", 0,
	  { { "t4.*.maintain", N_("表四 结果维持") } } },
	{ "correct", "纠正|纠错", NULL, "复议|诉讼|起诉", 0,
	  { { "t4.*.correct", N_("表四 结果纠正") } } },
	{ "pending", "尚未审结|未审结|审理中", NULL, "复议|诉讼|起诉", 0,
	  { { "t4.*.pending", N_("表四 尚未审结") } } },
	{ "rules", "制发|出台|印发|制定|发布 规章", "制度|政策", NULL, 8,
	  { { "t2.rules.issued", N_("表二 规章 本年制发件数") } } },
	{ "normative", "制发|出台|印发|制定|发布 规范性文件", "政策|解读|清理|"
	  "审核|备案|征求|评估|审查|合法性", NULL, 8,
	  { { "t2.normative.issued", N_("表二 行政规范性文件 本年制发件数") } } },
	{ "repealed", "废止|失效 规范性文件|规章", "政策|清理|审核|备案|评估|"
	  "审查", NULL, 8,
	  { { "t2.normative.repealed", N_("表二 行政规范性文件 本年废止件数") },
	  { "t2.rules.repealed", N_("规章 本年废止件数") } } },
	{ "in_force", "现行有效 规范性文件|规章", "政策", NULL, 8,
	  { { "t2.normative.in_force", N_("表二 行政规范性文件 现行有效件数") },
	  { "t2.rules.in_force", N_("规章 现行有效件数") } } },
	{ "permit", "行政许可", "事项|清单|目录|信息|公示|流程|标准|指南", NULL,
	  8, { { "t2.permit.decisions", N_("表二 行政许可 处理决定数量") } } },
	{ "penalty", "行政处罚", "事项|清单|目录|信息|公示|流程|标准|指南|"
	  "裁量", NULL, 8,
	  { { "t2.penalty.decisions", N_("表二 行政处罚 处理决定数量") } } },
	{ "coercion", "行政强制", "事项|清单|目录|信息|公示|流程|标准|指南",
	  NULL, 8, { { "t2.coercion.decisions", N_("表二 行政强制 处理决定数量") } } },
};

/*
 * Zero in words: a clause with one of the words of `need` (in order)
 * and no number says the readings are 0. Same fields as above; the
 * statement is flagged when every reading is known and none is 0.
 */
static const struct w2_pattern w2_zero[] = {
	{ "no_review", "未发生|未收到|没有发生|未出现|未产生|无 复议",
	  "纠错|纠正|败诉|撤销|违法|被|诉讼", NULL, 0,
	  { { "t4.review.total", N_("表四 行政复议 总计") } } },
	{ "no_suit", "未发生|未收到|没有发生|未出现|未产生|无 诉讼",
	  "纠错|纠正|败诉|撤销|违法|被|复议", NULL, 0,
	  { { "t4.suit_direct.total+t4.suit_after_review.total", N_("表四 行政诉讼 总计") } } },
	{ "no_review_suit", "未发生|未收到|没有发生|未出现|未产生|无 复议 诉讼",
	  "纠错|纠正|败诉|撤销|违法|被", NULL, 0,
	  { { "t4.review.total+t4.suit_direct.total+t4.suit_after_review.total", N_("表四 行政复议与行政诉讼合计") } } },
	{ "no_correct", "未被纠错|无被纠错|没有被纠错|未被纠正|均获维持|"
	  "全部维持|均维持|均予以维持|均被维持|全部获得维持|均得到维持", NULL,
	  "复议|诉讼|起诉", 0, { { "t4.*.correct", N_("表四 结果纠正") } } },
};

#define NPAT	((int)(sizeof w2_patterns / sizeof w2_patterns[0]))
#define NZERO	((int)(sizeof w2_zero / sizeof w2_zero[0]))
#define MAXTERMS	16

/* One reading: fields summed; a term with group < 0 is t4.*.col. */
struct reading {
	int		 n;
	int		 field[MAXTERMS];
	int		 t4col[MAXTERMS];	/* t4.*.col: the column, else -1 */
	const char	*name;
};

struct pattern {
	const struct w2_pattern	*spec;
	int			 nread;
	struct reading		 read[MAXREAD];
};

static struct pattern	 pats[NPAT], zeros[NZERO];
static bool		 ready;

/* The index of key in the columns or rows between a and b. */
static int
find_index(int table, int row, const char *key, bool is_row)
{
	const struct sch_table	*t = &sch_tables[table];
	int			 i;

	if (is_row)
		return schema_row(table, key);
	for (i = 0; i < schema_band(table, row)->ncols; i++)
		if (strcmp(schema_band(table, row)->cols[i].key, key) == 0)
			return i;
	(void)t;
	return -1;
}

/* Add the cells of one term ("t3.new.biz:other", "t4.*.correct"). */
static void
parse_term(struct reading *rd, const char *term)
{
	char		 tk[8], rows[64], cols[64], a[64], b[64];
	int		 table, r0, r1, c0, c1, r, c;
	const char	*colon;

	if (sscanf(term, "%7[^.].%63[^.].%63s", tk, rows, cols) != 3)
		abort();	/* a broken pattern is a bug */
	for (table = 0; table < SCH_NTABLES; table++)
		if (strcmp(sch_tables[table].key, tk) == 0)
			break;
	if (table == SCH_NTABLES)
		abort();
	if (strcmp(rows, "*") == 0) {
		if (rd->n >= MAXTERMS)
			abort();
		rd->field[rd->n] = -1;
		rd->t4col[rd->n++] = find_index(table, 0, cols, false);
		return;
	}
	if ((colon = strchr(rows, ':')) != NULL) {
		snprintf(a, sizeof a, "%.*s", (int)(colon - rows), rows);
		snprintf(b, sizeof b, "%s", colon + 1);
	} else {
		snprintf(a, sizeof a, "%s", rows);
		snprintf(b, sizeof b, "%s", rows);
	}
	r0 = find_index(table, 0, a, true);
	r1 = find_index(table, 0, b, true);
	if (r0 < 0 || r1 < r0)
		abort();
	for (r = r0; r <= r1; r++) {
		if ((colon = strchr(cols, ':')) != NULL) {
			snprintf(a, sizeof a, "%.*s", (int)(colon - cols), cols);
			snprintf(b, sizeof b, "%s", colon + 1);
		} else {
			snprintf(a, sizeof a, "%s", cols);
			snprintf(b, sizeof b, "%s", cols);
		}
		c0 = find_index(table, r, a, false);
		c1 = find_index(table, r, b, false);
		if (c0 < 0 || c1 < c0)
			abort();
		for (c = c0; c <= c1; c++) {
			if (rd->n >= MAXTERMS)
				abort();
			rd->t4col[rd->n] = -1;
			rd->field[rd->n++] = schema_cell(table, r, c);
		}
	}
}

static void
parse_readings(struct pattern *p, const struct w2_pattern *spec)
{
	char	*copy, *term, *save = NULL;
	int	 i;

	p->spec = spec;
	for (i = 0; i < MAXREAD && spec->readings[i].cells != NULL; i++) {
		struct reading	*rd = &p->read[p->nread++];

		memset(rd, 0, sizeof *rd);
		rd->name = spec->readings[i].name;
		copy = xstrdup(spec->readings[i].cells);
		for (term = strtok_r(copy, "+", &save); term != NULL;
		    term = strtok_r(NULL, "+", &save))
			parse_term(rd, term);
		free(copy);
	}
}

static void
init(void)
{
	int	 i;

	if (ready)
		return;
	for (i = 0; i < NPAT; i++)
		parse_readings(&pats[i], &w2_patterns[i]);
	for (i = 0; i < NZERO; i++)
		parse_readings(&zeros[i], &w2_zero[i]);
	ready = true;
}

int
textcheck_npatterns(void)
{
	return NPAT + NZERO;
}

const char *
textcheck_pattern_id(int i)
{
	if (i >= 0 && i < NPAT)
		return w2_patterns[i].id;
	if (i >= NPAT && i < NPAT + NZERO)
		return w2_zero[i - NPAT].id;
	return NULL;
}

/* ---- reading UTF-8 as clerks type it --------------------------------- */

/* The code point at s (at most n bytes), its length in *len; a bad byte
 * is U+FFFD of length 1. */
static uint32_t
cp_at(const char *s, size_t n, size_t *len)
{
	const unsigned char	*u = (const unsigned char *)s;

	if (u[0] < 0x80 || n < 2) {
		*len = 1;
		return u[0] < 0x80 ? u[0] : 0xfffd;
	}
	if ((u[0] & 0xe0) == 0xc0 && (u[1] & 0xc0) == 0x80) {
		*len = 2;
		return (uint32_t)(u[0] & 0x1f) << 6 | (u[1] & 0x3f);
	}
	if ((u[0] & 0xf0) == 0xe0 && n >= 3 && (u[1] & 0xc0) == 0x80 &&
	    (u[2] & 0xc0) == 0x80) {
		*len = 3;
		return (uint32_t)(u[0] & 0x0f) << 12 |
		    (uint32_t)(u[1] & 0x3f) << 6 | (u[2] & 0x3f);
	}
	if ((u[0] & 0xf8) == 0xf0 && n >= 4 && (u[1] & 0xc0) == 0x80 &&
	    (u[2] & 0xc0) == 0x80 && (u[3] & 0xc0) == 0x80) {
		*len = 4;
		return (uint32_t)(u[0] & 0x07) << 18 |
		    (uint32_t)(u[1] & 0x3f) << 12 |
		    (uint32_t)(u[2] & 0x3f) << 6 | (u[3] & 0x3f);
	}
	*len = 1;
	return 0xfffd;
}

/* A digit 0-9 (ASCII or full-width), or -1. */
static int
digit_of(uint32_t c)
{
	if (c >= '0' && c <= '9')
		return (int)(c - '0');
	if (c >= 0xff10 && c <= 0xff19)
		return (int)(c - 0xff10);
	return -1;
}

static bool
is_blank(uint32_t c)
{
	return c == ' ' || c == '\t' || c == 0x3000 || c == 0xa0;
}

/* Ends a sentence (and a clause). */
static bool
ends_sentence(uint32_t c)
{
	return c == 0x3002 || c == 0xff1b || c == ';' || c == 0xff01 ||
	    c == '!' || c == 0xff1f || c == '?' || c == '\n' || c == '\r';
}

/* Ends a clause. */
static bool
ends_clause(uint32_t c)
{
	return ends_sentence(c) || c == 0xff0c || c == ',';
}

/* Punctuation, spaces and brackets, dropped when texts are compared. */
static bool
is_punct(uint32_t c)
{
	if (c <= 0x7f)
		return !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
		    (c >= 'A' && c <= 'Z') || c >= 0x80);
	return is_blank(c) || (c >= 0x2000 && c <= 0x206f) ||
	    (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xff0f) ||
	    (c >= 0xff1a && c <= 0xff20) || (c >= 0xff3b && c <= 0xff40) ||
	    (c >= 0xff5b && c <= 0xff65) || c == 0xfffd;
}

/* The text without spaces and punctuation, digits made ASCII, as code
 * points; *n gets the count. Caller frees. */
static uint32_t *
bare(const char *s, size_t len, size_t *n)
{
	uint32_t	*out = xreallocarray(NULL, len + 1, sizeof *out);
	size_t		 i = 0, k, m = 0;
	uint32_t	 c;
	int		 d;

	while (i < len) {
		c = cp_at(s + i, len - i, &k);
		i += k;
		if ((d = digit_of(c)) >= 0)
			c = (uint32_t)('0' + d);
		if (!is_punct(c))
			out[m++] = c;
	}
	*n = m;
	return out;
}

/* The first n-byte needle in the len bytes at s, or NULL: the words are
 * short and the texts' clauses too, where a plain first-byte scan beats
 * memmem's set-up. */
static const char *
find(const char *s, size_t len, const char *needle, size_t n)
{
	const char	*p = s, *end = s + len;

	if (n == 0 || len < n)
		return NULL;
	while ((p = memchr(p, needle[0], (size_t)(end - p) - n + 1)) != NULL) {
		if (memcmp(p, needle, n) == 0)
			return p;
		if (++p > end - n)
			break;
	}
	return NULL;
}

/* Does the '|'-list `alts` have a word inside [s, e)? Sets *at to the end
 * of the last occurrence of the latest-ending word. */
static bool
has_any(const char *s, const char *e, const char *alts, const char **at)
{
	const char	*a = alts, *bar, *p, *q, *best = NULL;
	size_t		 n;

	while (*a != '\0') {
		bar = strchr(a, '|');
		n = bar != NULL ? (size_t)(bar - a) : strlen(a);
		for (p = s; p + n <= e &&
		    (q = find(p, (size_t)(e - p), a, n)) != NULL;
		    p = q + 1)
			if (best == NULL || q + n > best)
				best = q + n;
		a += n;
		if (*a == '|')
			a++;
	}
	if (at != NULL)
		*at = best;
	return best != NULL;
}

/* The earliest start and the latest end of the words of the '|'-list
 * alts in [s, e); false when none occurs. */
static bool
scan_any(const char *s, const char *e, const char *alts, size_t altlen,
    const char **first, const char **last)
{
	const char	*a = alts, *end = alts + altlen, *bar, *p, *q;
	size_t		 n;

	*first = *last = NULL;
	while (a < end) {
		bar = memchr(a, '|', (size_t)(end - a));
		n = bar != NULL ? (size_t)(bar - a) : (size_t)(end - a);
		for (p = s; p + n <= e &&
		    (q = find(p, (size_t)(e - p), a, n)) != NULL; p = q + 1) {
			if (*first == NULL || q < *first)
				*first = q;
			if (*last == NULL || q + n > *last)
				*last = q + n;
		}
		a += n + 1;
	}
	return *first != NULL;
}

/* Do all the ' '-separated groups of need occur in [s, e)? *last gets the
 * end of the last group's latest word, *first the start of the earliest
 * word of any group. */
static bool
has_all(const char *s, const char *e, const char *need, const char **first,
    const char **last)
{
	const char	*g = need, *sp, *f, *l = NULL;
	size_t		 n;

	*first = NULL;
	while (*g != '\0') {
		sp = strchr(g, ' ');
		n = sp != NULL ? (size_t)(sp - g) : strlen(g);
		if (!scan_any(s, e, g, n, &f, &l))
			return false;
		if (*first == NULL || f < *first)
			*first = f;
		g += n;
		if (*g == ' ')
			g++;
	}
	*last = l;
	return true;
}

/* Characters (code points) in [s, e). */
static size_t
nchars(const char *s, const char *e)
{
	size_t	 n = 0;

	for (; s < e; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

/* ---- W2 -------------------------------------------------------------- */

/* A number in the text: its value (scaled by 10^places), its bytes, the
 * unit after it. */
struct token {
	const char	*start, *end;	/* the digits */
	const char	*uend;		/* end of the unit */
	int64_t		 value;		/* digits without the point */
	int		 places;
	bool		 pct;		/* followed by % */
	bool		 statement;	/* followed by a unit of units[] */
	bool		 ordinal;	/* after 第 */
};

/* Read a number at s (a digit); false when it is too long to be a
 * figure. */
static bool
read_number(const char *s, const char *e, struct token *t)
{
	const char	*p = s, *q;
	size_t		 k, k2;
	uint32_t	 c;
	int		 d, ndig = 0;
	bool		 point = false;

	memset(t, 0, sizeof *t);
	t->start = s;
	while (p < e) {
		c = cp_at(p, (size_t)(e - p), &k);
		if ((d = digit_of(c)) >= 0) {
			if (++ndig > 15)
				return false;
			t->value = t->value * 10 + d;
			if (point)
				t->places++;
			p += k;
			continue;
		}
		if ((c == '.' || c == 0xff0e) && !point && p + k < e &&
		    digit_of(cp_at(p + k, (size_t)(e - p - k), &k2)) >= 0) {
			point = true;
			p += k;
			continue;
		}
		if (c == ',' && !point) {
			/* A thousands separator: exactly three digits follow. */
			int	 n3 = 0;

			for (q = p + 1; q < e && *q >= '0' && *q <= '9'; q++)
				n3++;
			if (n3 == 3) {
				p++;
				continue;
			}
		}
		break;
	}
	t->end = p;
	/* The unit, after spaces. */
	while (p < e) {
		c = cp_at(p, (size_t)(e - p), &k);
		if (!is_blank(c))
			break;
		p += k;
	}
	t->uend = t->end;
	if (p < e) {
		c = cp_at(p, (size_t)(e - p), &k);
		if (c == '%' || c == 0xff05) {
			t->pct = true;
			t->uend = p + k;
		} else if (!point) {
			const char *const *u;

			for (u = units; *u != NULL; u++)
				if ((size_t)(e - p) >= strlen(*u) &&
				    memcmp(p, *u, strlen(*u)) == 0) {
					t->statement = true;
					t->uend = p + strlen(*u);
					break;
				}
		}
	}
	return true;
}

/* The group named last before `at` in the sentence, for t4.*.col:
 * 0 review, 1 suit_direct, 2 suit_after_review, 3 both suits, -1 none. */
static int
t4_group(const char *s, const char *at)
{
	const char	*rv = NULL, *st = NULL, *x;
	int		 g = -1;

	has_any(s, at, "复议", &rv);
	has_any(s, at, "诉讼|起诉", &st);
	if (rv == NULL && st == NULL)
		return -1;
	if (st != NULL && (rv == NULL || st > rv)) {
		g = 3;
		if (has_any(s, at, "直接起诉|未经复议", &x) && x + 12 >= st)
			g = 1;
		else if (has_any(s, at, "复议后起诉|经复议后", &x) && x + 12 >= st)
			g = 2;
		return g;
	}
	/* "复议后起诉" names the suit, not the review. */
	if (has_any(s, at, "复议后起诉|复议后提起", &x) && x >= rv)
		return 2;
	return 0;
}

/* The value of a reading; false when a cell has no value yet. */
static bool
reading_value(const struct report *r, const struct reading *rd, int group,
    int64_t *v)
{
	static const char *const groups[] = { "review", "suit_direct",
	    "suit_after_review" };
	int64_t	 sum = 0, x;
	int	 i, g;

	for (i = 0; i < rd->n; i++) {
		if (rd->field[i] >= 0) {
			if (!report_value(r, rd->field[i], &x))
				return false;
			sum += x;
			continue;
		}
		if (group == -1)
			return false;	/* no group named: no reading */
		for (g = 0; g < 3; g++) {
			int	 f;

			if (group < 3 && g != group)
				continue;
			if (group == 3 && g == 0)
				continue;
			f = schema_cell(SCH_T4, schema_row(SCH_T4, groups[g]),
			    rd->t4col[i]);
			if (!report_value(r, f, &x))
				return false;
			sum += x;
		}
	}
	*v = sum;
	return true;
}

/* What the checker found a statement to say, and the readings it has. */
struct statement {
	const char	*quote_start, *quote_end;
	int64_t		 stated;
	int		 nread;
	const struct reading *read[NPAT * MAXREAD];
	int64_t		 value[NPAT * MAXREAD];
	const char	*id;
	int		 group;
};

/* Add the readings of pattern p that have values. */
static void
add_readings(const struct report *r, const struct pattern *p, int group,
    struct statement *st)
{
	int	 i;

	for (i = 0; i < p->nread; i++) {
		int64_t	 v;

		if (!reading_value(r, &p->read[i], group, &v))
			continue;
		st->read[st->nread] = &p->read[i];
		st->value[st->nread++] = v;
	}
}

static int	year_at(const char *, const char *, const char **);

/* Is the number at num no table figure, by its sentence (a topic of the
 * silent list before it), its clause (a comparison) or another year than
 * the report's or the next (结转至2026年) named before it? */
static bool
silenced(const struct report *r, const char *ss, const char *ls,
    const char *num)
{
	const char	*p, *ye;
	int64_t		 year;
	size_t		 k;
	bool		 after = false;
	int		 y;

	if (has_any(ss, num, SILENT_TOPIC, NULL) ||
	    has_any(ls, num, SILENT_LEAD, NULL))
		return true;
	if (!report_value(r, F_YEAR, &year))
		return false;
	for (p = ss; p < num; p += k) {
		k = 1;
		if (!((*p >= '0' && *p <= '9') || ((unsigned char)*p == 0xef &&
		    digit_of(cp_at(p, (size_t)(num - p), &k)) >= 0))) {
			after = false;
			continue;
		}
		if (!after && (y = year_at(p, num, &ye)) >= 1990 && y <= 2100 &&
		    y != year && y != year + 1)
			return true;
		after = true;
	}
	return false;
}

/* Does pattern p apply to the lead [ls, num) in the sentence from ss?
 * Sets *first to where its words start. */
static bool
pattern_applies(const struct w2_pattern *p, const char *ss, const char *ls,
    const char *num, const char **first)
{
	const char	*last;

	if (!has_all(ls, num, p->need, first, &last))
		return false;
	if (p->unless != NULL && has_any(ls, num, p->unless, NULL))
		return false;
	if (p->context != NULL && !has_any(ss, num, p->context, NULL))
		return false;
	if (p->near > 0 && nchars(last, num) > (size_t)p->near)
		return false;
	return true;
}

/* The section's heading for messages. */
static const char *
field_heading(int field)
{
	int	 s;

	for (s = 0; s < SCH_NSECTIONS; s++)
		if (sch_sections[s].text_field == field)
			return sch_sections[s].heading;
	return schema_display_label(field);
}

static int
field_section(int field)
{
	int	 s;

	for (s = 0; s < SCH_NSECTIONS; s++)
		if (sch_sections[s].text_field == field)
			return s;
	return -1;
}

/* The W2 finding for a statement none of whose readings agrees. */
static void
w2_finding(const char *text, int field, const struct statement *st,
    const char *shown_value, struct findings *fs)
{
	struct buf	 b = { NULL, 0, 0 };
	char		*q, num[NUM_BUFSZ];
	struct finding	*f;
	int		 i, j, k;
	int64_t		 d;

	q = rules_quote(st->quote_start,
	    (size_t)(st->quote_end - st->quote_start));
	buf_addf(&b, _("%s：“%s”，"), field_heading(field), q);
	free(q);
	for (i = 0; i < st->nread && i < 6; i++) {
		if (i == 1)
			buf_add(&b, _("（"));
		else if (i > 1)
			buf_add(&b, _("，"));
		buf_addf(&b, _("%s为 %s"), _(st->read[i]->name),
		    number_format(st->value[i], SK_COUNT, num));
	}
	if (st->nread > 1)
		buf_add(&b, _("）"));
	if (shown_value == NULL) {
		d = st->stated > st->value[0] ? st->stated - st->value[0] :
		    st->value[0] - st->stated;
		buf_addf(&b, _("，差 %s"), number_format(d, SK_COUNT, num));
	} else
		buf_addf(&b, "%s", shown_value);
	f = findings_add(fs, "W2", SEV_WARNING, field_section(field), -1);
	f->fields[f->nfields++] = field;
	for (i = 0; i < st->nread; i++)
		for (j = 0; j < st->read[i]->n; j++) {
			int	 fld = st->read[i]->field[j];

			if (fld < 0)
				continue;
			for (k = 0; k < f->nfields && f->fields[k] != fld; k++)
				;
			if (k == f->nfields && f->nfields < FINDING_MAXFIELDS)
				f->fields[f->nfields++] = fld;
		}
	f->message = b.s;
	f->note_key = xasprintf("note.W2.%s.%s", strchr(schema_field(field)->key,
	    '.') + 1, st->id);
	f->pos = (int)(st->quote_start - text);
	f->len = (int)(st->quote_end - st->quote_start);
}

/* Does percentage p (value/10^places) agree with part/whole at the
 * printed precision, rounded or cut? */
static bool
pct_agrees(int64_t pv, int places, int64_t part, int64_t whole)
{
	int64_t	 scale = 100, exact, i;

	if (whole <= 0 || places > 4)
		return whole <= 0;
	for (i = 0; i < places; i++)
		scale *= 10;
	exact = part * scale;
	return (exact + whole / 2) / whole == pv || exact / whole == pv;
}

/* Is the text between a statement and a percentage only "，占" and the
 * like? */
static bool
pct_lead_ok(const char *s, const char *e)
{
	static const char *const ok[] = { "占", "占比", "占比为", "比例为",
	    "占总数", "占全部", "约占", "占比约", "占到", NULL };
	uint32_t	*b;
	size_t		 n, i, k, m = 0;
	char		 buf[64];
	const char *const *w;
	bool		 good = false;

	b = bare(s, (size_t)(e - s), &n);
	for (i = 0; i < n; i++) {
		char	 u[4];

		if (b[i] == 0x7684 /* 的 */)
			continue;
		k = 0;
		if (b[i] < 0x80)
			u[k++] = (char)b[i];
		else if (b[i] < 0x800) {
			u[k++] = (char)(0xc0 | (b[i] >> 6));
			u[k++] = (char)(0x80 | (b[i] & 0x3f));
		} else {
			u[k++] = (char)(0xe0 | (b[i] >> 12));
			u[k++] = (char)(0x80 | ((b[i] >> 6) & 0x3f));
			u[k++] = (char)(0x80 | (b[i] & 0x3f));
		}
		if (m + k >= sizeof buf) {
			free(b);
			return false;
		}
		memcpy(buf + m, u, k);
		m += k;
	}
	buf[m] = '\0';
	free(b);
	if (m == 0)
		return true;
	for (w = ok; *w != NULL && !good; w++)
		good = strcmp(buf, *w) == 0;
	return good;
}

/* W2 on one percentage after statement st. */
static void
check_pct(const struct report *r, const char *text, int field,
    const struct statement *st, const struct token *t, struct findings *fs)
{
	static const char *const wholes[] = { "t3.result_total.total",
	    "t3.new.total", NULL };
	int64_t		 whole[3], part, scale = 1;
	int		 nw = 0, i, j;
	struct statement pst;
	char		 num[NUM_BUFSZ], *shown;
	int64_t		 carry;

	if (t->places > 4)
		return;
	for (i = 0; i < t->places; i++)
		scale *= 10;
	if (t->value <= 0 || t->value > 100 * scale)
		return;
	for (i = 0; wholes[i] != NULL; i++)
		if (report_value(r, schema_find(wholes[i]), &whole[nw]))
			nw++;
	if (report_value(r, schema_find("t3.carry_in.total"), &carry) &&
	    report_value(r, schema_find("t3.new.total"), &whole[nw]))
		whole[nw++] += carry;
	if (nw == 0 || st->nread == 0)
		return;
	for (j = -1; j < st->nread; j++) {
		part = j < 0 ? st->stated : st->value[j];
		for (i = 0; i < nw; i++)
			if (pct_agrees(t->value, t->places, part, whole[i]))
				return;
	}
	pst = *st;
	pst.quote_start = st->quote_start;
	pst.quote_end = t->uend;
	pst.id = "percent";
	{
		int64_t	 p = st->value[0] * 100 * scale * 10 / (whole[0] > 0 ?
		    whole[0] : 1);
		int64_t	 q = (p + 5) / 10;

		if (t->places > 0)
			shown = xasprintf(_("，占 (七)总计 %s 的 %lld.%0*lld%%"),
			    number_format(whole[0], SK_COUNT, num),
			    (long long)(q / scale), t->places,
			    (long long)(q % scale));
		else
			shown = xasprintf(_("，占 (七)总计 %s 的 %lld%%"),
			    number_format(whole[0], SK_COUNT, num),
			    (long long)q);
	}
	w2_finding(text, field, &pst, shown, fs);
	free(shown);
}

/* W2 on a zero-in-words clause [cs, ce) of the sentence from ss. */
static void
check_zero(const struct report *r, const char *text, int field,
    const char *ss, const char *cs, const char *ce, struct findings *fs)
{
	struct statement st;
	const char	*first;
	int		 i, j, group = t4_group(ss, ce);

	memset(&st, 0, sizeof st);
	st.quote_start = NULL;
	for (i = 0; i < NZERO; i++) {
		if (!pattern_applies(zeros[i].spec, ss, cs, ce, &first))
			continue;
		if (st.quote_start == NULL && silenced(r, ss, cs, ce))
			return;
		for (j = 0; j < zeros[i].nread; j++) {
			int64_t	 v;

			/* A zero statement needs every reading known. */
			if (!reading_value(r, &zeros[i].read[j], group, &v))
				return;
			if (v == 0)
				return;
			st.read[st.nread] = &zeros[i].read[j];
			st.value[st.nread++] = v;
		}
		if (st.quote_start == NULL || first < st.quote_start)
			st.quote_start = first;
		if (st.id == NULL)
			st.id = zeros[i].spec->id;
	}
	if (st.nread == 0)
		return;
	st.quote_end = ce;
	st.stated = 0;
	w2_finding(text, field, &st, NULL, fs);
}

/* The statement the number t makes: every reading of every pattern that
 * applies to the lead [ls, t) in the sentence from ss, none when the
 * number is silenced. */
static void
read_statement(const struct report *r, const char *ss, const char *ls,
    const struct token *t, struct statement *st)
{
	const char	*first;
	int		 i, group;

	memset(st, 0, sizeof *st);
	st->stated = t->value;
	group = t4_group(ss, t->start);
	st->group = group;
	if (silenced(r, ss, ls, t->start))
		return;
	for (i = 0; i < NPAT; i++) {
		if (!pattern_applies(pats[i].spec, ss, ls, t->start, &first))
			continue;
		add_readings(r, &pats[i], group, st);
		if (st->quote_start == NULL || first < st->quote_start)
			st->quote_start = first;
		if (st->id == NULL)
			st->id = pats[i].spec->id;
	}
}

/* Does one of the readings of st agree with the number stated? */
static bool
agrees(const struct statement *st)
{
	int	 i;

	for (i = 0; i < st->nread; i++)
		if (st->value[i] == st->stated)
			return true;
	return false;
}

/* W2 over one text. */
static void
check_w2(const struct report *r, int field, struct findings *fs)
{
	const char	*text = report_get(r, field), *e, *p, *ss, *cs, *ls;
	struct statement st, last;
	struct token	 t;
	bool		 have_last = false, clause_has_number = false;
	bool		 t4_words = false;	/* 复 or 诉 in the sentence so far */
	size_t		 k;
	uint32_t	 c;

	if (text == NULL)
		return;
	init();
	e = text + strlen(text);
	ss = cs = ls = text;
	for (p = text; p < e;) {
		c = cp_at(p, (size_t)(e - p), &k);
		if (ends_clause(c)) {
			/* Zero in words is always about table 四. */
			if (!clause_has_number && t4_words)
				check_zero(r, text, field, ss, cs, p, fs);
			p += k;
			cs = ls = p;
			clause_has_number = false;
			if (ends_sentence(c)) {
				ss = p;
				have_last = false;
				t4_words = false;
			}
			continue;
		}
		if (c == 0x590d || c == 0x8bc9)		/* 复, 诉 */
			t4_words = true;
		if (digit_of(c) < 0) {
			p += k;
			continue;
		}
		if (!read_number(p, e, &t)) {
			while (p < e && digit_of(cp_at(p, (size_t)(e - p), &k)) >= 0)
				p += k;
			continue;
		}
		clause_has_number = true;
		/* 第3件, 第二十条: ordinals are not figures. */
		t.ordinal = p - text >= 3 && memcmp(p - 3, "第", 3) == 0;
		if (t.pct && have_last && !t.ordinal &&
		    pct_lead_ok(ls, t.start))
			check_pct(r, text, field, &last, &t, fs);
		if (!t.statement || t.ordinal) {
			p = t.uend > t.end ? t.uend : t.end;
			continue;
		}
		read_statement(r, ss, ls, &t, &st);
		p = t.uend;
		ls = p;
		if (st.nread == 0) {
			have_last = false;
			continue;
		}
		st.quote_end = t.uend;
		last = st;
		have_last = true;
		if (!agrees(&st))
			w2_finding(text, field, &st, NULL, fs);
	}
	if (!clause_has_number && t4_words)
		check_zero(r, text, field, ss, cs, e, fs);
}

/* ---- W5 -------------------------------------------------------------- */

static const char draft_s1[] = N_("（一）主动公开\n\n（二）依申请公开\n\n"
    "（三）政府信息管理\n\n（四）政府信息公开平台建设\n\n（五）监督保障\n");
static const char draft_s6[] = N_("本年度依据《政府信息公开信息处理费管理办法》，"
    "未收取信息处理费。\n");

/* The customary headings of a section with nothing under them: what is
 * left of a paragraph once its numbering ("（一）", "一、", "1.") and a
 * trailing "情况" are gone. The first ones are the sections' own titles:
 * allowed in a draft, but alone they are no draft ("总体情况" may be all a
 * clerk has to say). */
#define NTITLES	2
static const char *const draft_headings[] = {
	"总体", "其他需要报告的事项",
	"主动公开", "依申请公开", "政府信息管理", "政府信息公开平台建设",
	"平台建设", "监督保障", "政府信息公开监督保障", "存在的主要问题",
	"主要问题", "存在问题", "改进情况", "改进措施",
	NULL,
};

const char *
textcheck_draft(int field)
{
	if (field == F_S1)
		return _(draft_s1);
	if (field == F_S6)
		return _(draft_s6);
	return NULL;
}

/* Is the paragraph [s, e) only a customary heading (1), a section's
 * title (2), or text (0)? */
static int
is_heading(const char *s, const char *e)
{
	static const uint32_t numerals[] = { 0x4e00, 0x4e8c, 0x4e09, 0x56db,
	    0x4e94, 0x516d, 0x4e03, 0x516b, 0x4e5d, 0x5341, 0 };
	uint32_t	*b;
	size_t		 n, i = 0, j, m;
	const char *const *h;
	int		 found = 0;

	if (e - s > 120)	/* longer than any heading, numbered and spaced */
		return 0;
	b = bare(s, (size_t)(e - s), &n);
	for (;;) {
		for (j = 0; numerals[j] != 0 && i < n && b[i] != numerals[j]; j++)
			;
		if (i < n && (numerals[j] != 0 || (b[i] >= '0' && b[i] <= '9')))
			i++;
		else
			break;
	}
	if (n >= i + 2 && b[n - 2] == 0x60c5 && b[n - 1] == 0x51b5)	/* 情况 */
		n -= 2;
	for (h = draft_headings; *h != NULL && !found; h++) {
		size_t	 hl = strlen(*h), k, q = i;
		const char *x = *h;

		for (m = 0; m < hl && q < n; m += k, q++)
			if (cp_at(x + m, hl - m, &k) != b[q])
				break;
		if (m == hl && q == n)
			found = h - draft_headings < NTITLES ? 2 : 1;
	}
	free(b);
	return found;
}

/* Equal once spaces and punctuation are gone? */
static bool
same_bare(const char *a, const char *b)
{
	uint32_t	*x, *y;
	size_t		 nx, ny;
	bool		 same;

	x = bare(a, strlen(a), &nx);
	y = bare(b, strlen(b), &ny);
	same = nx == ny && memcmp(x, y, nx * sizeof *x) == 0;
	free(x);
	free(y);
	return same;
}

bool
textcheck_is_draft(const struct report *r, int field)
{
	const char	*text = report_get(r, field), *p, *nl, *e;
	bool		 any = false;

	if (text == NULL)
		return false;
	if (field == F_S6)
		return same_bare(text, draft_s6) ||
		    same_bare(text, textcheck_draft(F_S6));
	if (field != F_S1 && field != F_S5)
		return false;
	e = text + strlen(text);
	for (p = text; p < e; p = nl + 1) {
		size_t	 n;
		uint32_t *b;

		if ((nl = memchr(p, '\n', (size_t)(e - p))) == NULL)
			nl = e;
		b = bare(p, (size_t)(nl - p), &n);
		free(b);
		if (n == 0)
			continue;
		switch (is_heading(p, nl)) {
		case 0:
			return false;
		case 1:
			any = true;
			break;
		}
		if (nl == e)
			break;
	}
	return any;
}

static void
check_w5(const struct report *r, int field, struct findings *fs)
{
	struct finding	*f;

	if (!textcheck_is_draft(r, field))
		return;
	f = findings_add(fs, "W5", SEV_INCOMPLETE, field_section(field), -1);
	f->fields[f->nfields++] = field;
	if (field == F_S6)
		f->message = xasprintf(_("%s：还是新报告的草稿句子，未按本年"
		    "情况填写"), field_heading(field));
	else
		f->message = xasprintf(_("%s：只有草稿的小标题，下面还没有"
		    "内容"), field_heading(field));
}

/* ---- X4 -------------------------------------------------------------- */

/* Edit distance of a and b if it is at most k, else k + 1 (a band of
 * width 2k+1 around the diagonal). */
static size_t
bounded_distance(const uint32_t *a, size_t na, const uint32_t *b, size_t nb,
    size_t k)
{
	size_t	*row, *prev, i, j, lo, hi, best, v, w = 2 * k + 3;
	size_t	 big = k + 1;

	if ((na > nb ? na - nb : nb - na) > k)
		return k + 1;
	/* Rows indexed by j - i + k + 1 (0 and w-1 are sentinels). */
	prev = xreallocarray(NULL, w, sizeof *prev);
	row = xreallocarray(NULL, w, sizeof *row);
	for (j = 0; j < w; j++)
		prev[j] = big;
	for (j = 0; j <= k && j <= nb; j++)
		prev[j + k + 1] = j;
	for (i = 1; i <= na; i++) {
		for (j = 0; j < w; j++)
			row[j] = big;
		lo = i > k ? i - k : 0;
		hi = i + k < nb ? i + k : nb;
		best = big;
		for (j = lo; j <= hi; j++) {
			size_t	 d = j + k + 1 - i;	/* index of (i, j) */

			if (j == 0)
				v = i;
			else {
				v = prev[d] + (a[i - 1] != b[j - 1]);	/* (i-1, j-1) */
				if (row[d - 1] + 1 < v)		/* (i, j-1) */
					v = row[d - 1] + 1;
			}
			if (d + 1 < w && prev[d + 1] + 1 < v)	/* (i-1, j) */
				v = prev[d + 1] + 1;
			if (v > big)
				v = big;
			row[d] = v;
			if (v < best)
				best = v;
		}
		if (best > k) {
			free(prev);
			free(row);
			return k + 1;
		}
		{
			size_t	*tmp = prev;

			prev = row;
			row = tmp;
		}
	}
	v = prev[nb + k + 1 - na];
	free(prev);
	free(row);
	return v > k ? k + 1 : v;
}

struct para {
	const char	*s, *e;
	uint32_t	*b;
	size_t		 n;
};

/* The paragraphs of a text with their bare forms. Caller frees with
 * paras_free. */
static struct para *
paras(const char *text, int *np)
{
	struct para	*v = NULL;
	const char	*p = text, *nl, *e = text + strlen(text);
	int		 n = 0, cap = 0;

	for (; p <= e; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(e - p))) == NULL)
			nl = e;
		if (n == cap) {
			cap = cap ? cap * 2 : 8;
			v = xreallocarray(v, (size_t)cap, sizeof *v);
		}
		v[n].s = p;
		v[n].e = nl;
		v[n].b = bare(p, (size_t)(nl - p), &v[n].n);
		if (v[n].n > 0)
			n++;
		else
			free(v[n].b);
		if (nl == e)
			break;
	}
	*np = n;
	return v;
}

static void
paras_free(struct para *v, int n)
{
	int	 i;

	for (i = 0; i < n; i++)
		free(v[i].b);
	free(v);
}

/* A paragraph shorter than this (once bare) is a heading, not prose. */
#define X4_MIN_CHARS	15

static void
check_x4(const struct report *r, int field, struct findings *fs)
{
	int		 prevf = schema_prev(field), nthis, nlast, i, j;
	const char	*text = report_get(r, field), *last;
	struct para	*a, *b;
	struct finding	*f;
	char		*q;

	if (text == NULL || prevf < 0 ||
	    (last = report_get(r, prevf)) == NULL)
		return;
	if (same_bare(text, last)) {
		f = findings_add(fs, "X4", SEV_WARNING, field_section(field), -1);
		f->fields[f->nfields++] = field;
		f->fields[f->nfields++] = prevf;
		f->message = xasprintf(_("%s：与上年报告的文字完全相同，"
		    "请按本年情况改写"), field_heading(field));
		f->note_key = xasprintf("note.X4.%s",
		    strchr(schema_field(field)->key, '.') + 1);
		f->pos = 0;
		f->len = (int)strlen(text);
		return;
	}
	a = paras(text, &nthis);
	b = paras(last, &nlast);
	for (i = 0; i < nthis; i++) {
		size_t	 k, best = SIZE_MAX;

		if (a[i].n < X4_MIN_CHARS)
			continue;
		for (j = 0; j < nlast && best != 0; j++) {
			size_t	 big = a[i].n > b[j].n ? a[i].n : b[j].n;
			size_t	 d;

			k = big / 10;	/* >= 90 % the same */
			d = bounded_distance(a[i].b, a[i].n, b[j].b, b[j].n, k);
			if (d <= k && d < best)
				best = d;
		}
		if (best == SIZE_MAX)
			continue;
		q = rules_quote(a[i].s, (size_t)(a[i].e - a[i].s));
		f = findings_add(fs, "X4", SEV_WARNING, field_section(field), -1);
		f->fields[f->nfields++] = field;
		f->fields[f->nfields++] = prevf;
		f->message = xasprintf(best == 0 ?
		    _("%s：第 %d 段与上年报告的文字相同（“%s”），请按本年情况改写") :
		    _("%s：第 %d 段与上年报告的文字几乎相同（“%s”），请按本年情况改写"),
		    field_heading(field), i + 1, q);
		f->note_key = xasprintf("note.X4.%s",
		    strchr(schema_field(field)->key, '.') + 1);
		f->pos = (int)(a[i].s - text);
		f->len = (int)(a[i].e - a[i].s);
		free(q);
	}
	paras_free(a, nthis);
	paras_free(b, nlast);
}

/* ---- X5 -------------------------------------------------------------- */

/* A year "YYYY年" (spaces allowed before 年) at p; its value, or -1. *end
 * gets the end of 年. */
static int
year_at(const char *p, const char *e, const char **end)
{
	int	 y = 0, i, d;
	size_t	 k;
	uint32_t c;

	for (i = 0; i < 4; i++) {
		if (p >= e || (d = digit_of(cp_at(p, (size_t)(e - p), &k))) < 0)
			return -1;
		y = y * 10 + d;
		p += k;
	}
	if (p < e && digit_of(cp_at(p, (size_t)(e - p), &k)) >= 0)
		return -1;
	while (p < e && is_blank(c = cp_at(p, (size_t)(e - p), &k)))
		p += k;
	if (e - p < 3 || memcmp(p, "年", 3) != 0)
		return -1;
	*end = p + 3;
	return y;
}

static void
x5_finding(int field, const char *text, const char *s, const char *e,
    int said, int year, struct findings *fs)
{
	struct finding	*f;
	char		*q = rules_quote(s, (size_t)(e - s));

	f = findings_add(fs, "X5", SEV_WARNING, field_section(field), -1);
	f->fields[f->nfields++] = field;
	f->fields[f->nfields++] = F_YEAR;
	f->message = xasprintf(_("%s：“%s”写的是 %d 年，本报告是 %d 年度的"
	    "（可能是上年的文字）"), field_heading(field), q, said, year);
	f->note_key = xasprintf("note.X5.%s",
	    strchr(schema_field(field)->key, '.') + 1);
	f->pos = (int)(s - text);
	f->len = (int)(e - s);
	free(q);
}

/* X5 in the sentences that state the period (统计期限 …): a year in one
 * that is not the report's, one finding a sentence. */
static void
x5_period(int field, const char *text, int64_t year, struct findings *fs)
{
	static const char period_words[] = "统计期限|统计时限|统计期间|"
	    "统计时间|统计周期|数据统计|所列数据|统计范围|统计口径";
	const char	*e = text + strlen(text), *p, *s, *se, *ye;
	size_t		 k;
	uint32_t	 c;
	int		 y;
	bool		 after_digit;

	for (s = text; s < e; s = se) {
		for (se = s; se < e; se += k)
			if (ends_sentence(cp_at(se, (size_t)(e - se), &k))) {
				se += k;
				break;
			}
		if (!has_any(s, se, period_words, NULL))
			continue;
		after_digit = false;
		for (p = s; p < se; p += k) {
			c = cp_at(p, (size_t)(se - p), &k);
			if (digit_of(c) < 0) {
				after_digit = false;
				continue;
			}
			if (!after_digit && (y = year_at(p, se, &ye)) >= 0 &&
			    y != year && y >= 1990 && y <= 2100) {
				x5_finding(field, text, s, se, y, (int)year, fs);
				break;
			}
			after_digit = true;
		}
	}
}

/* X5 on each paragraph that opens with a year not the report's (after an
 * item number, if any), unless it is a date or next year's plans. */
static void
x5_paragraphs(int field, const char *text, int64_t year, struct findings *fs)
{
	const char	*e = text + strlen(text), *p, *se, *ye, *x;
	size_t		 k;
	int		 y;

	for (p = text; p < e; p = x + 1) {
		const char	*q = p, *start;

		if ((x = memchr(p, '\n', (size_t)(e - p))) == NULL)
			x = e;
		while (q < x && is_blank(cp_at(q, (size_t)(x - q), &k)))
			q += k;
		start = q;
		/* An item number before it: "1.2024年度". */
		if (q + 2 < x && *q >= '1' && *q <= '9' &&
		    (q[1] == '.' || (x - q >= 4 && memcmp(q + 1, "、", 3) == 0)))
			q += q[1] == '.' ? 2 : 4;
		if ((y = year_at(q, x, &ye)) < 0 || y == year || y < 1990 ||
		    y > 2100)
			goto next;
		/* 2026年1月23日: a date (a signature), not last year's text. */
		if (!(x - ye >= 3 && memcmp(ye, "度", 3) == 0) && ye < x &&
		    digit_of(cp_at(ye, (size_t)(x - ye), &k)) >= 0)
			goto next;
		/* Next year's plans in 五: "2025年，我们将……". */
		if (y == year + 1) {
			for (se = q; se < x; se += k)
				if (ends_sentence(cp_at(se, (size_t)(x - se), &k)))
					break;
			if (has_any(q, se, "将|计划|拟|继续|力争|下一步|努力",
			    NULL))
				goto next;
		}
		for (se = q; se < x; se += k)
			if (ends_clause(cp_at(se, (size_t)(x - se), &k)))
				break;
		x5_finding(field, text, start, se, y, (int)year, fs);
next:
		if (x == e)
			break;
	}
}

/* X5 over one text: another year than the report's, by its place. */
static void
check_x5(const struct report *r, int field, struct findings *fs)
{
	const char	*text = report_get(r, field);
	int64_t		 year;

	if (text == NULL || !report_value(r, F_YEAR, &year))
		return;
	x5_period(field, text, year, fs);
	x5_paragraphs(field, text, year, fs);
}

void
textcheck_text(const struct report *r, int field, struct findings *fs)
{
	if (report_get(r, field) == NULL)
		return;
	check_w5(r, field, fs);
	check_w2(r, field, fs);
	if (field != F_PREAMBLE)
		check_x4(r, field, fs);
	check_x5(r, field, fs);
}
