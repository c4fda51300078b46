/* test_model.c: the schema against the spec. */
#include <criterion/criterion.h>
#include <string.h>

#include "schema.h"

Test(schema, has_218_fields)
{
	cr_assert_eq(schema_find("t2.rules.issued"), F_FIRST_CELL);
	cr_assert_eq(schema_find("t4.suit_after_review.total"), F_S5 - 1);
	cr_assert_eq(schema_find("prev.t3.carry_out.natural"), F_FIRST_PREV);
	cr_assert_eq(schema_find("prev.t2.normative.in_force"), SCH_NFIELDS - 1);
}
