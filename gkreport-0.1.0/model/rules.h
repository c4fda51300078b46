/*
 * rules.h: the checks of spec §5 (勾稽关系 and completeness) and §5a (what
 * reviewers find).
 *
 * Identities are declared as data in rules.c ("these cells summed equal
 * those cells summed") and one evaluator runs them all, with the field
 * checks R5 and W1, the period (P1), the jumps against last year (X3) and
 * the text checks W3 and W4; textcheck.c reads the texts (W2, W5, X4, X5).
 * An identity is pending, not failing, until every one of its cells holds
 * a valid value.
 */
#ifndef GK_RULES_H
#define GK_RULES_H

#include <stdbool.h>

#include "report.h"

enum severity {
	SEV_ERROR,
	SEV_INCOMPLETE,
	SEV_WARNING,
};

#define FINDING_MAXFIELDS	32

struct finding {
	const char	*rule;		/* "R1" ... "X5" */
	enum severity	 sev;
	int		 section;	/* enum sch_section_id, or -1 for the particulars */
	int		 table;		/* enum sch_table_id, or -1 */
	int		 nfields;
	int		 fields[FINDING_MAXFIELDS];	/* all of the identity; [0] is where to go */
	char		*message;	/* Chinese, with the numbers */
	char		*note_key;	/* warnings: the note.* key for a 说明, else NULL */
	int		 pos, len;	/* text findings: the bytes of fields[0]'s
					   text it quotes (a phrase, a paragraph);
					   else pos -1 */
};

struct findings {
	int		 n;
	struct finding	*v;
	int		 nerror;	/* R1-R5, P1 */
	int		 nincomplete;	/* W1, W5, an empty period */
	int		 nwarning;	/* X1-X5, W2-W4 */
};

#define RULES_BLANK_AS_ZERO	0x1	/* empty cells count as 0, no W1 for them */

/* Check a report. Findings come in report order: particulars, 一, 二 ... 六.
 * Caller frees with findings_free. */
struct findings	*rules_check(const struct report *, int flags);
void		 findings_free(struct findings *);
/* The first finding of severity sev (or any, with -1) that involves field,
 * or NULL. Borrowed from fs. */
const struct finding *findings_for_field(const struct findings *, int field,
		     int sev);
/* The first finding that quotes the text of field at byte offset pos, or
 * NULL. Borrowed from fs. */
const struct finding *findings_for_text(const struct findings *, int field,
		     size_t pos);
/* Add a finding to fs (for the rule modules); fields, message, note_key
 * and pos/len are the caller's to fill. Borrowed from fs. */
struct finding	*findings_add(struct findings *, const char *rule,
		     enum severity, int section, int table);
/* len bytes of text as a message quotes them (show_dup: controls shown,
 * cut after 40 characters with "……"). Caller frees. */
char		*rules_quote(const char *s, size_t len);
/* The year the checks take as this year, by the clock (P1: a report of
 * a later year is an error). */
int		 rules_this_year(void);
/* What a finding is listed under: its table's name, its section's
 * heading, or 封面 for the particulars. Static. */
const char	*finding_group(const struct finding *);
/* "error", "incomplete" or "warning". */
const char	*severity_name(enum severity);
/* The severity in Chinese: 错误, 未填, 提示. */
const char	*severity_label(enum severity);
/* A rule in a clerk's words, for the screens ("复议诉讼合计" for R4); the
 * code itself for a rule it does not know. The codes stay in --format=csv. */
const char	*rules_name(const char *rule);
/* A total and its parts: an identity whose one side is a single cell and
 * whose other side sums cells of this year (R2, R3, R4). What F5 fills. */
struct rule_total {
	const char	*rule;		/* "R2" */
	int		 total;		/* field */
	int		 nparts;
	int		 parts[FINDING_MAXFIELDS];
};
/* The totals of a table (enum sch_table_id), in the order of the
 * identities; *n gets their number (0: the table has none). Static. */
const struct rule_total *rules_totals(int table, int *n);
/* Every rule that can give a finding: its code, severity and name (in
 * the clerk's words, untranslated). Tables that count findings by rule
 * (sum --units) walk it: a new rule is one row and appears there by
 * itself; a finding of a rule without its row is a broken invariant. */
struct rule_info {
	const char	*id;		/* "R1" */
	enum severity	 sev;
	const char	*name;		/* N_("收到与办理相符") */
};
extern const struct rule_info	rules_info[];
extern const int		rules_ninfo;
/* The index of a rule id in rules_info, or -1. */
int		 rules_index(const char *id);
/* Number of identities of a rule id (R1..R4, X1, X2); for tests. */
int		 rules_count_identities(const char *rule);

#endif
