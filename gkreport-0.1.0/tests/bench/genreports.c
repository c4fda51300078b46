/*
 * genreports.c: write N varied unit reports into a folder, for the
 * benchmarks of check and sum (and for test fixtures).
 *
 *	genreports [-s SEED] [-y YEAR] DIR N
 *
 * Most units balance (every identity of table 三 and 四 holds, last year's
 * figures match); some have an error (one figure of table 三 off by one),
 * some leave cells empty, some hold an invalid value, some only a warning.
 * The same seed gives the same files. The files are written in the report
 * file format of spec §6 directly (key,label,value; CRLF; minimal
 * quoting), so this program does not depend on the file module it helps
 * to measure. On stdout: how many units of each kind were written.
 */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "number.h"
#include "report.h"
#include "schema.h"

enum variant { V_CLEAN, V_ERROR, V_EMPTY, V_INVALID, V_WARNING, NVARIANTS };

static const char *const variant_names[NVARIANTS] = {
	"clean", "error", "incomplete", "invalid", "warning"
};

static const char *const depts[] = {
	"人民政府办公室", "发展和改革委员会", "教育局", "科学技术局",
	"公安局", "民政局", "司法局", "财政局", "人力资源和社会保障局",
	"自然资源局", "住房和城乡建设局", "交通运输局", "水利局",
	"农业农村局", "商务局", "文化广电和旅游局", "卫生健康委员会",
	"应急管理局", "审计局", "市场监督管理局", "统计局", "医疗保障局",
	"城关镇人民政府", "东关街道办事处", "杜关镇人民政府",
};

static uint64_t	 rng_state;

/* splitmix64: small, fast, and the same everywhere. */
static uint64_t
rng(void)
{
	uint64_t	 z = (rng_state += UINT64_C(0x9e3779b97f4a7c15));

	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

static int64_t
pick(int64_t n)
{
	return (int64_t)(rng() % (uint64_t)n);
}

/* A small count, mostly 0, now and then larger. */
static int64_t
small(void)
{
	int64_t	 r = pick(100);

	return r < 60 ? 0 : r < 90 ? pick(5) : pick(200);
}

static void
set(struct report *r, int table, const char *row, const char *col,
    int64_t v)
{
	report_set_value(r, schema_cell_key(table, row, col), v);
}

static int64_t
get(const struct report *r, int table, const char *row, const char *col)
{
	int64_t	 v = 0;

	report_value(r, schema_cell_key(table, row, col), &v);
	return v;
}

/* Table 三 balanced: each applicant column, then the total column. */
static void
fill_t3(struct report *r)
{
	const struct sch_table	*t = &sch_tables[SCH_T3];
	const struct sch_band	*b = &t->bands[0];
	int			 row, col, first, last;
	int64_t			 res, cin, cout, v;

	first = schema_row(SCH_T3, "open");
	last = schema_row(SCH_T3, "other_other");
	for (col = 0; col < b->ncols - 1; col++) {
		res = 0;
		for (row = first; row <= last; row++) {
			v = small();
			report_set_value(r, schema_cell(SCH_T3, row, col), v);
			res += v;
		}
		cout = pick(100) < 70 ? 0 : pick(10);
		cin = pick(res + cout + 1);
		set(r, SCH_T3, "result_total", b->cols[col].key, res);
		set(r, SCH_T3, "carry_out", b->cols[col].key, cout);
		set(r, SCH_T3, "carry_in", b->cols[col].key, cin);
		set(r, SCH_T3, "new", b->cols[col].key, res + cout - cin);
		report_set_value(r, schema_find("prev.t3.carry_out.natural") +
		    col, cin);
	}
	for (row = 0; row < t->nrows; row++) {
		v = 0;
		for (col = 0; col < b->ncols - 1; col++)
			v += get(r, SCH_T3, t->rows[row].key, b->cols[col].key);
		set(r, SCH_T3, t->rows[row].key, "total", v);
	}
	report_set_value(r, schema_find("prev.t3.carry_out.total"),
	    get(r, SCH_T3, "carry_in", "total"));
}

static void
fill_t4(struct report *r)
{
	static const char *const groups[] = { "review", "suit_direct",
	    "suit_after_review" };
	static const char *const cols[] = { "maintain", "correct", "other",
	    "pending" };
	int	 g, c;
	int64_t	 v, sum;

	for (g = 0; g < 3; g++) {
		sum = 0;
		for (c = 0; c < 4; c++) {
			v = pick(100) < 80 ? 0 : pick(4);
			set(r, SCH_T4, groups[g], cols[c], v);
			sum += v;
		}
		set(r, SCH_T4, groups[g], "total", sum);
	}
}

static void
fill_t2(struct report *r)
{
	static const char *const docs[] = { "rules", "normative" };
	char	 key[64];
	int	 i;
	int64_t	 prev, issued, repealed;

	for (i = 0; i < 2; i++) {
		prev = pick(60);
		issued = pick(8);
		repealed = pick(prev + 1 < 5 ? prev + 1 : 5);
		set(r, SCH_T2, docs[i], "issued", issued);
		set(r, SCH_T2, docs[i], "repealed", repealed);
		set(r, SCH_T2, docs[i], "in_force", prev + issued - repealed);
		snprintf(key, sizeof key, "prev.t2.%s.in_force", docs[i]);
		report_set_value(r, schema_find(key), prev);
	}
	set(r, SCH_T2, "permit", "decisions", pick(3000));
	set(r, SCH_T2, "penalty", "decisions", pick(500));
	set(r, SCH_T2, "coercion", "decisions", pick(20));
	/* 0.0001 万元 = 1 元: up to 9999.9999 万元, all four places in use. */
	set(r, SCH_T2, "fees", "amount", pick(100) < 50 ? 0 :
	    pick(INT64_C(100000000)));
}

static void
fill_texts(struct report *r, int unit, int year)
{
	char	 buf[4096];
	int	 n;

	n = snprintf(buf, sizeof buf,
	    "%d 年，本单位认真贯彻落实《中华人民共和国政府信息公开条例》，"
	    "坚持以公开为常态、不公开为例外，推进行政决策、执行、管理、服务、"
	    "结果公开。\n（一）主动公开。全年主动公开政府信息 %d 条。\n"
	    "（二）依申请公开。依法办理政府信息公开申请，按时答复。\n"
	    "（三）政府信息管理。规范信息发布审核流程。\n"
	    "（四）政府信息公开平台建设。持续优化政府网站栏目。\n"
	    "（五）监督保障。开展政务公开培训 %d 次。",
	    year, 100 + (int)pick(900), 1 + (int)pick(5));
	(void)n;
	report_set(r, F_S1, buf);
	report_set(r, F_S5, unit % 7 == 0 ? "无。" :
	    "一是公开内容不够全面；二是解读形式较为单一。"
	    "下一步将加强培训，丰富解读形式。");
	report_set(r, F_S6, "本年度未收取信息处理费。");
}

/* One field as CSV: quoted only when it must be. */
static void
put_field(FILE *fp, const char *s)
{
	const char	*p;

	if (s == NULL)
		return;
	if (strpbrk(s, ",\"\r\n") == NULL && *s != ' ') {
		fputs(s, fp);
		return;
	}
	putc('"', fp);
	for (p = s; *p != '\0'; p++) {
		if (*p == '"')
			putc('"', fp);
		putc(*p, fp);
	}
	putc('"', fp);
}

static int
write_report(const struct report *r, const char *path)
{
	FILE	*fp;
	int	 f;

	if ((fp = fopen(path, "w")) == NULL)
		return -1;
	fputs("key,label,value\r\n", fp);
	for (f = 0; f < SCH_NFIELDS; f++) {
		put_field(fp, schema_field(f)->key);
		putc(',', fp);
		put_field(fp, schema_field(f)->label);
		putc(',', fp);
		put_field(fp, report_get(r, f));
		fputs("\r\n", fp);
	}
	return fclose(fp);
}

static struct report *
make_unit(int unit, int year, enum variant *vp)
{
	struct report	*r = report_new();
	char		 buf[128];
	int64_t		 roll = pick(100), v;
	enum variant	 var;
	int		 f, i;

	report_set(r, F_FORMAT, SCH_FORMAT);
	snprintf(buf, sizeof buf, "某县%s（%05d）",
	    depts[pick(sizeof depts / sizeof depts[0])], unit);
	report_set(r, F_AGENCY, buf);
	snprintf(buf, sizeof buf, "%d", year);
	report_set(r, F_YEAR, buf);
	snprintf(buf, sizeof buf, "%d-01-01", year);
	report_set(r, F_PERIOD_START, buf);
	snprintf(buf, sizeof buf, "%d-12-31", year);
	report_set(r, F_PERIOD_END, buf);
	fill_texts(r, unit, year);
	fill_t2(r);
	fill_t3(r);
	fill_t4(r);

	var = roll < 80 ? V_CLEAN : roll < 88 ? V_ERROR : roll < 95 ? V_EMPTY :
	    roll < 98 ? V_INVALID : V_WARNING;
	f = schema_cell(SCH_T3, (int)pick(sch_tables[SCH_T3].nrows),
	    (int)pick(7));
	switch (var) {
	case V_CLEAN:
		break;
	case V_ERROR:
		report_value(r, f, &v);
		report_set_value(r, f, v + 1);
		break;
	case V_EMPTY:
		for (i = 0; i < 1 + pick(3); i++)
			report_set(r, F_FIRST_CELL + (int)pick(SCH_NCELLS),
			    NULL);
		break;
	case V_INVALID:
		report_set(r, f, "5x");
		break;
	case V_WARNING:
		report_value(r, schema_find("prev.t3.carry_out.total"), &v);
		report_set_value(r, schema_find("prev.t3.carry_out.total"),
		    v + 1);
		break;
	default:
		break;
	}
	*vp = var;
	return r;
}

static void
usage(void)
{
	fprintf(stderr, "usage: genreports [-s SEED] [-y YEAR] DIR N\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	struct report	*r;
	enum variant	 var;
	int		 c, i, n, year = 2024, count[NVARIANTS] = { 0 };
	char		 path[4096];

	rng_state = 1;
	while ((c = getopt(argc, argv, "s:y:")) != -1) {
		switch (c) {
		case 's':
			rng_state = strtoull(optarg, NULL, 10);
			break;
		case 'y':
			year = atoi(optarg);
			break;
		default:
			usage();
		}
	}
	if (argc - optind != 2 || (n = atoi(argv[optind + 1])) <= 0)
		usage();
	if (mkdir(argv[optind], 0777) == -1 && errno != EEXIST) {
		perror(argv[optind]);
		return 2;
	}
	for (i = 1; i <= n; i++) {
		r = make_unit(i, year, &var);
		snprintf(path, sizeof path, "%s/unit-%05d.csv", argv[optind], i);
		if (write_report(r, path) != 0) {
			perror(path);
			return 2;
		}
		count[var]++;
		report_free(r);
	}
	for (i = 0; i < NVARIANTS; i++)
		printf("%s%s %d", i ? ", " : "", variant_names[i], count[i]);
	putchar('\n');
	return 0;
}
