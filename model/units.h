/*
 * units.h: the county office's table of units (gkreport sum --units): one
 * row per unit with its file, agency, year, status, the counts of its
 * findings by rule, about thirty key figures, five rates and their ranks.
 *
 * The key figures and rates are const tables in units.c: a figure is a sum
 * of cells (rows × columns of one table), a rate is a sum of figures over
 * a figure less another, written as a percentage with two decimals,
 * rounded half up, computed in integers. A figure whose cells are not all
 * valid is unknown (empty); a rate with an unknown part or a zero
 * denominator is empty, and so is its rank. Ranks are competition ranks
 * (1, 2, 2, 4) on the rate as written, best first.
 *
 * The table also counts reviewers' decisions per unit when a review store
 * is used (review.h), and keeps each unit's findings for the page when
 * asked (UNITS_KEEP_FINDINGS).
 */
#ifndef GK_UNITS_H
#define GK_UNITS_H

#include <stdbool.h>
#include <stdint.h>

#include "buf.h"
#include "report.h"
#include "rules.h"

enum unit_status {
	UNIT_CLEAN,
	UNIT_INCOMPLETE,
	UNIT_ERROR,
	UNIT_UNREADABLE,
	UNIT_DUPLICATE,		/* same agency and year as an earlier file */
	UNIT_REFUSED,		/* read and checked, but the sum refused it */
	UNIT_NSTATUS,
};

/* A reviewer's decision on a finding (review.h), and "resolved": a
 * decision kept for a finding that no longer stands. */
enum review_decision {
	REV_PENDING,		/* 待核 */
	REV_CONFIRMED,		/* 已确认 */
	REV_EXPLAINED,		/* 已说明 */
	REV_IGNORED,		/* 忽略 */
	REV_NDECISIONS,
};

#define UNITS_NFIGS	32
#define UNITS_NRATES	5

#define UNITS_KEEP_FINDINGS	0x1	/* keep each unit's findings */

/* One finding as the table keeps it: W1 (empty cells) is one entry per
 * unit, keyed "". */
struct unit_finding {
	const char	*rule;		/* static, from rules_info */
	enum severity	 sev;
	char		*key;		/* its note key (warnings), else the
					   field key of where it is, or "" */
	char		*message;
	int		 decision;	/* enum review_decision, -1 if no review */
};

struct unit {
	char		*file;
	char		*agency;	/* NULL when the file gave none */
	int		 year;		/* 0 when none */
	enum unit_status status;
	char		*why;		/* unreadable, duplicate: the reason */
	int		 nerror, nempty, nwarning;
	int		*by_rule;	/* rules_ninfo counts (empty cells for W1) */
	int64_t		 fig[UNITS_NFIGS];
	uint64_t	 have;		/* bit i: fig[i] is known */
	int		 rank[UNITS_NRATES];	/* 0: none */
	int		 ndecision[REV_NDECISIONS];
	int		 nresolved;
	int		 nfindings;
	struct unit_finding *findings;
	char		*export_path;	/* its own HTML page, or NULL */
};

struct units_fig {
	const char	*label;		/* N_("本年新收") */
	int		 table;
	const char	*rows;		/* "open" "deny_secret..deny_query" */
	const char	*cols;		/* "total" "biz..other" */
};

struct units_rate {
	const char	*label;		/* N_("公开率") */
	const char	*formula;	/* N_("(予以公开+部分公开)/(七)总计") */
	int		 num[3];	/* figures added, -1 ends */
	int		 den;		/* a figure */
	int		 den_less;	/* a figure subtracted from it, or -1 */
	bool		 low_is_best;	/* for the rank */
	bool		 ranked;
};

extern const struct units_fig	units_figs[UNITS_NFIGS];
extern const struct units_rate	units_rates[UNITS_NRATES];

struct units;

struct units	*units_new(int flags);
void		 units_free(struct units *);
/* Add a unit read from file: r and fs NULL when it could not be read (why
 * says why). Returns the row, borrowed until the next add. */
struct unit	*units_add(struct units *, const char *file,
		     const struct report *r, const struct findings *fs,
		     enum unit_status, const char *why);
int		 units_count(const struct units *);
/* Row i (0 <= i < units_count). Borrowed. */
struct unit	*units_get(const struct units *, int i);
/* Compute every unit's ranks (after the last add). */
void		 units_rank(struct units *);

/* The figures of a report into fig/have (have: bit i set when known). */
void		 units_figures(const struct report *, int64_t fig[UNITS_NFIGS],
		     uint64_t *have);
/* The value of rate k from figures: true with *num and *den (den > 0),
 * false when the rate is not defined. */
bool		 units_rate_parts(const int64_t fig[UNITS_NFIGS], uint64_t have,
		     int k, int64_t *num, int64_t *den);
/* num/den in hundredths of a percent, rounded half up. */
int64_t		 units_rate_bp(int64_t num, int64_t den);
/* Rate k of a unit as written ("66.67"), or "" when not defined.
 * Returns buf. */
char		*units_rate_text(const int64_t fig[UNITS_NFIGS], uint64_t have,
		     int k, char buf[32]);
/* Figure i as written (counts, the amount in 万元), "" when unknown.
 * Returns buf. */
char		*units_fig_text(const int64_t fig[UNITS_NFIGS], uint64_t have,
		     int i, char buf[32]);
/* A value v >= 0 of figure i as written. Returns buf. */
char		*units_value_text(int i, int64_t v, char buf[32]);
/* The status as people read it (完整无误 ...). Static. */
const char	*units_status_label(enum unit_status);
/* A decision as written in the review sheet (待核 ...). Static. */
const char	*units_decision_label(int decision);
/* The heading of rate k's column in every units table ("公开率(%)=…",
 * its formula after the =), or of its rank's column ("公开率排名").
 * Caller frees. */
char		*units_rate_heading(int k, bool rank);
/* The same untranslated (the sheet is read in either language). */
const char	*units_decision_msgid(int decision);

/* The header row of the units table, then each unit's row. The whole
 * table is Excel-clean: a UTF-8 byte-order mark, CRLF, typed text that a
 * spreadsheet would run as a formula neutralised with a leading '.
 * review says whether the decision columns are written. */
void		 units_csv(const struct units *, bool review, struct buf *);
/* One CSV field (csv_field: quoted when it must be, typed text guarded
 * against formulas) and its separator: ',' or CRLF when last. */
void		 units_csv_field(struct buf *, const char *s, bool typed,
		     bool last);
/* The workbook of `sum --xlsx` (units_xlsx.c): 汇总 (total's key figures),
 * 单位 (the units table, with the decision columns when review) and 问题清单
 * (one row per finding), written to path (libxlsxwriter creates or
 * truncates it: give it a temporary file). 0, or -1 with *err (caller
 * frees), which is always the case when the build has no xlsx. */
int		 units_xlsx_write(const struct units *,
		     const struct report *total, bool review, const char *path,
		     char **err);

/*
 * Duplicates: the same agency and year twice. Holds, per unit, two
 * independent 64-bit hashes of the key and where the file is (not the
 * agency): 32 bytes a unit, so a million units stay within a few tens of
 * MB, and two different keys pass for one with a chance of about 2^-128
 * per pair.
 */
struct dupset;

struct dupset	*dupset_new(void);
void		 dupset_free(struct dupset *);
/* Look the agency and year up; when absent, remember them with the
 * file's folder and name (both borrowed: they must outlive the set; dir
 * may be NULL) and return false. When present, return true with the
 * earlier file's dir and name (borrowed). */
bool		 dupset_check(struct dupset *, const char *agency, int year,
		     const char *dir, const char *name,
		     const char **first_dir, const char **first_name);

#endif
