/* cmd_check.c: `gkreport check` (not written yet). */
#include "config.h"

#include "cli.h"

int
cmd_check(int argc, char **argv)
{
	(void)argc;
	cli_error("check: not implemented yet");
	return EXIT_TROUBLE;
}
