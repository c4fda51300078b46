/*
 * schema.h: the 2021 national format of the 政府信息公开工作年度报告 as data.
 *
 * Every section, table, row, column, field key and label lives in the const
 * tables of schema.c; checks, files, exports, import and screens walk them.
 * Nothing else spells a key or a label a second time.
 *
 * A "field" is one record of the report file with a fixed key: the meta
 * particulars, the texts, the 200 number cells and last year's report
 * (prev.*: all 200 figures, then the four texts, for X1-X5). Fields are
 * numbered 0 .. SCH_NFIELDS-1 in file order.
 * Notes (note.*) and unknown keys are not fields: the report keeps them as
 * extras.
 */
#ifndef GK_SCHEMA_H
#define GK_SCHEMA_H

#include <stdbool.h>

/* What a field belongs to. */
enum sch_class {
	SC_META,
	SC_TEXT,
	SC_CELL,	/* one of the 200 number cells of tables 二, 三, 四 */
	SC_PREV,	/* last year's figure or text, for X1-X5 */
};

/* What a field holds. */
enum sch_kind {
	SK_TEXT,	/* free UTF-8 text */
	SK_COUNT,	/* integer >= 0 */
	SK_AMOUNT,	/* decimal >= 0 with at most 4 places (万元) */
	SK_YEAR,	/* four-digit year */
	SK_DATE,	/* YYYY-MM-DD */
};

enum sch_table_id {
	SCH_T2,
	SCH_T3,
	SCH_T4,
	SCH_NTABLES,
};

/* The report's sections in the official order (the screens add 封面 and 检查). */
enum sch_section_id {
	SCH_S1,
	SCH_S2,
	SCH_S3,
	SCH_S4,
	SCH_S5,
	SCH_S6,
	SCH_NSECTIONS,
};

struct sch_section {
	const char	*numeral;	/* "一" */
	const char	*heading;	/* "一、总体情况" */
	int		 table;		/* enum sch_table_id, or -1 for a text section */
	int		 text_field;	/* field of its text, or -1 */
};

struct sch_col {
	const char	*key;		/* "natural" */
	const char	*label;		/* "自然人" */
	const char	*group;		/* "法人或其他组织", or NULL */
	const char	*brief;		/* short form for narrow screens and messages */
};

/* A band is a run of rows sharing a caption and column headings. Table 二
 * has four bands; tables 三 and 四 have one each. */
struct sch_band {
	const char		*caption;	/* "第二十条第（一）项", or NULL */
	const char		*corner;	/* heading over the label column */
	const char		*group;		/* heading above the columns, or NULL */
	int			 ncols;
	const struct sch_col	*cols;
};

struct sch_row {
	const char	*key;		/* "deny_secret" */
	const char	*label;		/* "1.属于国家秘密" */
	const char	*path;		/* headings above it, '/'-separated, or NULL */
	const char	*brief;		/* short form for narrow screens */
	const char	*abbr;		/* the row in identity messages: "一", "三(七)总计" */
	int		 band;
};

struct sch_table {
	const char		*key;		/* "t3" */
	const char		*name;		/* "表三" */
	int			 section;	/* enum sch_section_id */
	const char		*corner_note;	/* table 三's note, or NULL */
	int			 nrows;
	const struct sch_row	*rows;
	int			 nbands;
	const struct sch_band	*bands;
	int			 ncells;
	int			 first_cell;	/* field of its first cell */
};

struct sch_field {
	const char	*key;		/* "t3.carry_in.natural" */
	const char	*label;		/* "表三/二、上年结转政府信息公开申请数量/自然人" */
	enum sch_class	 cls;
	enum sch_kind	 kind;
	int		 table;		/* cells and prev: the table, else -1 */
	int		 row;		/* cells and prev: index into table rows */
	int		 col;		/* cells and prev: index into the row's band cols */
	int		 cell;		/* prev: the field it mirrors last year; else -1 */
	bool		 required;	/* W1 when empty */
};

/* Fixed field numbers used by name in the code. */
enum {
	F_FORMAT,
	F_AGENCY,
	F_YEAR,
	F_PERIOD_START,
	F_PERIOD_END,
	F_PREAMBLE,
	F_S1,
	F_FIRST_CELL,			/* t2.rules.issued */
	F_S5 = F_FIRST_CELL + 200,
	F_S6,
	F_FIRST_PREV,			/* prev.t2.rules.issued */
	F_PREV_PREAMBLE = F_FIRST_PREV + 200,	/* prev.text.preamble */
	F_PREV_S1,
	F_PREV_S5,
	F_PREV_S6,
	SCH_NFIELDS,
};

#define SCH_NCELLS	200
#define SCH_FORMAT	"2021"

extern const struct sch_section	sch_sections[SCH_NSECTIONS];
extern const struct sch_table	sch_tables[SCH_NTABLES];

/* The field with number i (0 <= i < SCH_NFIELDS). */
const struct sch_field	*schema_field(int i);
/* The field number of a key, or -1. */
int			 schema_find(const char *key);
/* The field number of cell (row, col) of a table, or -1. */
int			 schema_cell(int table, int row, int col);
/* The same by keys: schema_cell_key(SCH_T3, "new", "total"); -1 if none. */
int			 schema_cell_key(int table, const char *row, const char *col);
/* The row index of a row key in a table, or -1. */
int			 schema_row(int table, const char *rowkey);
/* The columns of a table row. */
const struct sch_band	*schema_band(int table, int row);
/* Last year's field (prev.*) of a cell or a text of this year, or -1. */
int			 schema_prev(int field);
/* The label for people, table › row path › row › column. Borrowed, static. */
const char		*schema_display_label(int field);

#endif
