/*
 * schema.c: the const tables of the 2021 report format (spec §1-§4) and the
 * field list derived from them once, on first use.
 */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "schema.h"
#include "xmalloc.h"

/* Table 二. */
static const struct sch_col t2_cols_docs[] = {
	{ "issued",	"本年制发件数",	NULL, "制发" },
	{ "repealed",	"本年废止件数",	NULL, "废止" },
	{ "in_force",	"现行有效件数",	NULL, "现行有效" },
};
static const struct sch_col t2_cols_decisions[] = {
	{ "decisions",	"本年处理决定数量", NULL, "处理决定" },
};
static const struct sch_col t2_cols_fees[] = {
	{ "amount",	"本年收费金额（单位：万元）", NULL, "收费金额" },
};
static const struct sch_band t2_bands[] = {
	{ "第二十条第（一）项", "信息内容", NULL, 3, t2_cols_docs },
	{ "第二十条第（五）项", "信息内容", NULL, 1, t2_cols_decisions },
	{ "第二十条第（六）项", "信息内容", NULL, 1, t2_cols_decisions },
	{ "第二十条第（八）项", "信息内容", NULL, 1, t2_cols_fees },
};
static const struct sch_row t2_rows[] = {
	{ "rules",	"规章",		NULL, "规章",		"规章",	0 },
	{ "normative",	"行政规范性文件", NULL, "行政规范性文件", "行政规范性文件", 0 },
	{ "permit",	"行政许可",	NULL, "行政许可",	"行政许可", 1 },
	{ "penalty",	"行政处罚",	NULL, "行政处罚",	"行政处罚", 2 },
	{ "coercion",	"行政强制",	NULL, "行政强制",	"行政强制", 2 },
	{ "fees",	"行政事业性收费", NULL, "行政事业性收费", "行政事业性收费", 3 },
};

/* Table 三. */
#define T3_RESULT	"三、本年度办理结果"
#define T3_DENY		T3_RESULT "/（三）不予公开"
#define T3_UNABLE	T3_RESULT "/（四）无法提供"
#define T3_IGNORE	T3_RESULT "/（五）不予处理"
#define T3_OTHER	T3_RESULT "/（六）其他处理"
static const struct sch_col t3_cols[] = {
	{ "natural",	"自然人",	NULL,		  "自然人" },
	{ "biz",	"商业企业",	"法人或其他组织", "商业企业" },
	{ "research",	"科研机构",	"法人或其他组织", "科研机构" },
	{ "npo",	"社会公益组织",	"法人或其他组织", "公益组织" },
	{ "legal",	"法律服务机构",	"法人或其他组织", "法律服务" },
	{ "other",	"其他",		"法人或其他组织", "其他" },
	{ "total",	"总计",		NULL,		  "总计" },
};
static const struct sch_band t3_bands[] = {
	{ NULL, "", "申请人情况", 7, t3_cols },
};
static const struct sch_row t3_rows[] = {
	{ "new", "一、本年新收政府信息公开申请数量", NULL,
	  "一、本年新收", "一", 0 },
	{ "carry_in", "二、上年结转政府信息公开申请数量", NULL,
	  "二、上年结转", "二", 0 },
	{ "open", "（一）予以公开", T3_RESULT,
	  "（一）予以公开", "（一）予以公开", 0 },
	{ "partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
	  T3_RESULT, "（二）部分公开", "（二）部分公开", 0 },
	{ "deny_secret", "1.属于国家秘密", T3_DENY,
	  "（三）1.国家秘密", "（三）1.国家秘密", 0 },
	{ "deny_law", "2.其他法律行政法规禁止公开", T3_DENY,
	  "（三）2.法规禁止", "（三）2.法规禁止", 0 },
	{ "deny_safety", "3.危及“三安全一稳定”", T3_DENY,
	  "（三）3.三安全一稳定", "（三）3.三安全一稳定", 0 },
	{ "deny_third", "4.保护第三方合法权益", T3_DENY,
	  "（三）4.第三方权益", "（三）4.第三方权益", 0 },
	{ "deny_internal", "5.属于三类内部事务信息", T3_DENY,
	  "（三）5.内部事务", "（三）5.内部事务", 0 },
	{ "deny_process", "6.属于四类过程性信息", T3_DENY,
	  "（三）6.过程性信息", "（三）6.过程性信息", 0 },
	{ "deny_enforce", "7.属于行政执法案卷", T3_DENY,
	  "（三）7.执法案卷", "（三）7.执法案卷", 0 },
	{ "deny_query", "8.属于行政查询事项", T3_DENY,
	  "（三）8.查询事项", "（三）8.查询事项", 0 },
	{ "unable_nohold", "1.本机关不掌握相关政府信息", T3_UNABLE,
	  "（四）1.不掌握", "（四）1.不掌握", 0 },
	{ "unable_create", "2.没有现成信息需要另行制作", T3_UNABLE,
	  "（四）2.另行制作", "（四）2.另行制作", 0 },
	{ "unable_unclear", "3.补正后申请内容仍不明确", T3_UNABLE,
	  "（四）3.仍不明确", "（四）3.仍不明确", 0 },
	{ "ignore_petition", "1.信访举报投诉类申请", T3_IGNORE,
	  "（五）1.信访举报投诉", "（五）1.信访举报投诉", 0 },
	{ "ignore_repeat", "2.重复申请", T3_IGNORE,
	  "（五）2.重复申请", "（五）2.重复申请", 0 },
	{ "ignore_publication", "3.要求提供公开出版物", T3_IGNORE,
	  "（五）3.公开出版物", "（五）3.公开出版物", 0 },
	{ "ignore_mass", "4.无正当理由大量反复申请", T3_IGNORE,
	  "（五）4.大量反复", "（五）4.大量反复", 0 },
	{ "ignore_confirm", "5.要求行政机关确认或重新出具已获取信息", T3_IGNORE,
	  "（五）5.确认或重出", "（五）5.确认或重出", 0 },
	{ "other_nocorrect",
	  "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
	  T3_OTHER, "（六）1.逾期不补正", "（六）1.逾期不补正", 0 },
	{ "other_nofee",
	  "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
	  T3_OTHER, "（六）2.逾期未缴费", "（六）2.逾期未缴费", 0 },
	{ "other_other", "3.其他", T3_OTHER,
	  "（六）3.其他", "（六）3.其他", 0 },
	{ "result_total", "（七）总计", T3_RESULT,
	  "（七）总计", "三(七)总计", 0 },
	{ "carry_out", "四、结转下年度继续办理", NULL,
	  "四、结转下年度", "四", 0 },
};

/* Table 四. */
static const struct sch_col t4_cols[] = {
	{ "maintain",	"结果维持",	NULL, "维持" },
	{ "correct",	"结果纠正",	NULL, "纠正" },
	{ "other",	"其他结果",	NULL, "其他" },
	{ "pending",	"尚未审结",	NULL, "尚未审结" },
	{ "total",	"总计",		NULL, "总计" },
};
static const struct sch_band t4_bands[] = {
	{ NULL, "", NULL, 5, t4_cols },
};
static const struct sch_row t4_rows[] = {
	{ "review", "行政复议", NULL, "行政复议", "行政复议", 0 },
	{ "suit_direct", "未经复议直接起诉", "行政诉讼",
	  "直接起诉", "行政诉讼 未经复议直接起诉", 0 },
	{ "suit_after_review", "复议后起诉", "行政诉讼",
	  "复议后起诉", "行政诉讼 复议后起诉", 0 },
};

#define NELEM(a)	((int)(sizeof(a) / sizeof((a)[0])))

const struct sch_table sch_tables[SCH_NTABLES] = {
	{ "t2", "表二", SCH_S2, NULL,
	  NELEM(t2_rows), t2_rows, NELEM(t2_bands), t2_bands,
	  10, F_FIRST_CELL },
	{ "t3", "表三", SCH_S3,
	  "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
	  NELEM(t3_rows), t3_rows, NELEM(t3_bands), t3_bands,
	  175, F_FIRST_CELL + 10 },
	{ "t4", "表四", SCH_S4, NULL,
	  NELEM(t4_rows), t4_rows, NELEM(t4_bands), t4_bands,
	  15, F_FIRST_CELL + 185 },
};

const struct sch_section sch_sections[SCH_NSECTIONS] = {
	{ "一", "一、总体情况", -1, F_S1 },
	{ "二", "二、主动公开政府信息情况", SCH_T2, -1 },
	{ "三", "三、收到和处理政府信息公开申请情况", SCH_T3, -1 },
	{ "四", "四、政府信息公开行政复议、行政诉讼情况", SCH_T4, -1 },
	{ "五", "五、存在的主要问题及改进情况", -1, F_S5 },
	{ "六", "六、其他需要报告的事项", -1, F_S6 },
};

/* Fields that are not cells: key, label, class, kind, required. */
static const struct {
	int		 field;
	const char	*key;
	const char	*label;
	enum sch_class	 cls;
	enum sch_kind	 kind;
	bool		 required;
} fixed[] = {
	{ F_FORMAT, "meta.format", "格式", SC_META, SK_TEXT, false },
	{ F_AGENCY, "meta.agency", "报告单位", SC_META, SK_TEXT, true },
	{ F_YEAR, "meta.year", "报告年度", SC_META, SK_YEAR, true },
	{ F_PERIOD_START, "meta.period_start", "统计起始日期", SC_META,
	  SK_DATE, false },
	{ F_PERIOD_END, "meta.period_end", "统计截止日期", SC_META,
	  SK_DATE, false },
	{ F_PREAMBLE, "text.preamble", "报告前言", SC_TEXT, SK_TEXT, false },
	{ F_S1, "text.s1", "一、总体情况", SC_TEXT, SK_TEXT, true },
	{ F_S5, "text.s5", "五、存在的主要问题及改进情况", SC_TEXT, SK_TEXT,
	  true },
	{ F_S6, "text.s6", "六、其他需要报告的事项", SC_TEXT, SK_TEXT, true },
};

/* Last year's texts: the field each mirrors, its key and label. */
static const struct {
	int		 field;
	int		 text;
	const char	*key;
	const char	*label;
} prev_texts[] = {
	{ F_PREV_PREAMBLE, F_PREAMBLE, "prev.text.preamble", "上年报告/报告前言" },
	{ F_PREV_S1, F_S1, "prev.text.s1", "上年报告/一、总体情况" },
	{ F_PREV_S5, F_S5, "prev.text.s5",
	  "上年报告/五、存在的主要问题及改进情况" },
	{ F_PREV_S6, F_S6, "prev.text.s6", "上年报告/六、其他需要报告的事项" },
};

static struct sch_field	 fields[SCH_NFIELDS];
static const char	*display[SCH_NFIELDS];
static int		 sorted[SCH_NFIELDS];	/* field numbers by key */
static bool		 ready;

/* The strings given, NULL-terminated, joined into a new one: the schema's
 * 400 keys and labels are made at every start, so no printf. Caller
 * frees. */
static char *
cat(const char *s, ...)
{
	va_list		 ap;
	const char	*p;
	size_t		 n = 0, k;
	char		*out, *o;

	va_start(ap, s);
	for (p = s; p != NULL; p = va_arg(ap, const char *))
		n += strlen(p);
	va_end(ap);
	o = out = xmalloc(n + 1);
	va_start(ap, s);
	for (p = s; p != NULL; p = va_arg(ap, const char *)) {
		k = strlen(p);
		memcpy(o, p, k);
		o += k;
	}
	va_end(ap);
	*o = '\0';
	return out;
}

/* The '/'-joined path of a cell below its table: caption, path, row, col. */
static char *
cell_path(const struct sch_table *t, int r, int c, const char *sep)
{
	const struct sch_row	*row = &t->rows[r];
	const struct sch_band	*b = &t->bands[row->band];
	char			*path, *p, *out;
	size_t			 seplen = strlen(sep);

	path = xstrdup(row->path != NULL ? row->path : "");
	if (strcmp(sep, "/") != 0 && *path != '\0') {
		/* Paths are stored '/'-separated; respell for people. */
		size_t	 n = 1;

		for (p = path; *p != '\0'; p++)
			n += (*p == '/') ? seplen : 1;
		out = xmalloc(n);
		n = 0;
		for (p = path; *p != '\0'; p++) {
			if (*p == '/') {
				memcpy(out + n, sep, seplen);
				n += seplen;
			} else
				out[n++] = *p;
		}
		out[n] = '\0';
		free(path);
		path = out;
	}
	out = cat(t->name, b->caption != NULL ? sep : "",
	    b->caption != NULL ? b->caption : "", *path != '\0' ? sep : "",
	    path, sep, row->label, sep, b->cols[c].label, (char *)NULL);
	free(path);
	return out;
}

static int
cmp_key(const void *a, const void *b)
{
	return strcmp(fields[*(const int *)a].key, fields[*(const int *)b].key);
}

/* The fields of the cover, the texts and the format: from fixed[]. */
static void
init_fixed(void)
{
	int	 i;

	for (i = 0; i < NELEM(fixed); i++) {
		struct sch_field	*f = &fields[fixed[i].field];

		f->key = fixed[i].key;
		f->label = fixed[i].label;
		f->cls = fixed[i].cls;
		f->kind = fixed[i].kind;
		f->table = f->row = f->col = f->cell = -1;
		f->required = fixed[i].required;
		display[fixed[i].field] = fixed[i].label;
	}
}

/* A field for each cell of each table, keyed table.row.column. */
static void
init_cells(void)
{
	int	 t, r, c, n;

	n = F_FIRST_CELL;
	for (t = 0; t < SCH_NTABLES; t++) {
		const struct sch_table	*tb = &sch_tables[t];

		for (r = 0; r < tb->nrows; r++) {
			const struct sch_band	*b = &tb->bands[tb->rows[r].band];

			for (c = 0; c < b->ncols; c++) {
				struct sch_field	*f = &fields[n];

				f->key = cat(tb->key, ".", tb->rows[r].key,
				    ".", b->cols[c].key, (char *)NULL);
				f->label = cell_path(tb, r, c, "/");
				f->cls = SC_CELL;
				f->kind = strcmp(b->cols[c].key, "amount") == 0 ?
				    SK_AMOUNT : SK_COUNT;
				f->table = t;
				f->row = r;
				f->col = c;
				f->cell = -1;
				f->required = true;
				display[n] = cell_path(tb, r, c, " › ");
				n++;
			}
		}
	}
}

/* Last year's figures, in the order of the cells they mirror:
 * "上年报告/表三/<headings>/<row>/<column>" (the caption of table 二
 * is left out, as the spec's example spells it); shown to people as
 * "上年报告 › " and the cell. */
static void
init_prev(void)
{
	int	 i;

	for (i = 0; i < SCH_NCELLS; i++) {
		struct sch_field	*f = &fields[F_FIRST_PREV + i];
		const struct sch_field	*cf = &fields[F_FIRST_CELL + i];
		const struct sch_table	*tb = &sch_tables[cf->table];
		const struct sch_row	*row = &tb->rows[cf->row];
		const char		*col;

		col = tb->bands[row->band].cols[cf->col].label;
		f->key = cat("prev.", cf->key, (char *)NULL);
		if (row->path != NULL)
			f->label = cat("上年报告/", tb->name, "/", row->path,
			    "/", row->label, "/", col, (char *)NULL);
		else
			f->label = cat("上年报告/", tb->name, "/", row->label,
			    "/", col, (char *)NULL);
		display[F_FIRST_PREV + i] = cat("上年报告 › ",
		    display[F_FIRST_CELL + i], (char *)NULL);
		f->cls = SC_PREV;
		f->kind = cf->kind;
		f->table = cf->table;
		f->row = cf->row;
		f->col = cf->col;
		f->cell = F_FIRST_CELL + i;
		f->required = false;
	}
	for (i = 0; i < NELEM(prev_texts); i++) {
		struct sch_field	*f = &fields[prev_texts[i].field];

		f->key = prev_texts[i].key;
		f->label = prev_texts[i].label;
		f->cls = SC_PREV;
		f->kind = SK_TEXT;
		f->table = f->row = f->col = -1;
		f->cell = prev_texts[i].text;
		f->required = false;
		display[prev_texts[i].field] = prev_texts[i].label;
	}
}

static void
init(void)
{
	int	 i;

	if (ready)
		return;
	init_fixed();
	init_cells();
	init_prev();
	for (i = 0; i < SCH_NFIELDS; i++)
		sorted[i] = i;
	ready = true;
	qsort(sorted, SCH_NFIELDS, sizeof sorted[0], cmp_key);
}

const struct sch_field *
schema_field(int i)
{
	init();
	if (i < 0 || i >= SCH_NFIELDS)
		return NULL;
	return &fields[i];
}

int
schema_find(const char *key)
{
	int	 lo = 0, hi = SCH_NFIELDS - 1;

	init();
	while (lo <= hi) {
		int	 mid = (lo + hi) / 2;
		int	 c = strcmp(key, fields[sorted[mid]].key);

		if (c == 0)
			return sorted[mid];
		if (c < 0)
			hi = mid - 1;
		else
			lo = mid + 1;
	}
	return -1;
}

int
schema_row(int table, const char *rowkey)
{
	int	 r;

	if (table < 0 || table >= SCH_NTABLES)
		return -1;
	for (r = 0; r < sch_tables[table].nrows; r++)
		if (strcmp(sch_tables[table].rows[r].key, rowkey) == 0)
			return r;
	return -1;
}

const struct sch_band *
schema_band(int table, int row)
{
	const struct sch_table	*t = &sch_tables[table];

	return &t->bands[t->rows[row].band];
}

int
schema_cell(int table, int row, int col)
{
	const struct sch_table	*t;
	int			 r, n;

	if (table < 0 || table >= SCH_NTABLES)
		return -1;
	t = &sch_tables[table];
	if (row < 0 || row >= t->nrows || col < 0 ||
	    col >= t->bands[t->rows[row].band].ncols)
		return -1;
	n = t->first_cell;
	for (r = 0; r < row; r++)
		n += t->bands[t->rows[r].band].ncols;
	return n + col;
}

int
schema_cell_key(int table, const char *rowkey, const char *colkey)
{
	const struct sch_band	*b;
	int			 r, c;

	if ((r = schema_row(table, rowkey)) == -1)
		return -1;
	b = schema_band(table, r);
	for (c = 0; c < b->ncols; c++)
		if (strcmp(b->cols[c].key, colkey) == 0)
			return schema_cell(table, r, c);
	return -1;
}

int
schema_prev(int field)
{
	int	 i;

	if (field >= F_FIRST_CELL && field < F_FIRST_CELL + SCH_NCELLS)
		return F_FIRST_PREV + (field - F_FIRST_CELL);
	for (i = 0; i < NELEM(prev_texts); i++)
		if (prev_texts[i].text == field)
			return prev_texts[i].field;
	return -1;
}

const char *
schema_display_label(int field)
{
	init();
	if (field < 0 || field >= SCH_NFIELDS)
		return "";
	return display[field];
}
