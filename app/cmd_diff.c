/* cmd_diff.c: `gkreport diff` (not written yet). */
#include "config.h"

#include "cli.h"

int
cmd_diff(int argc, char **argv)
{
	(void)argc;
	cli_error("diff: not implemented yet");
	return EXIT_TROUBLE;
}
