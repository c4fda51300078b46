/* cmd_sum.c: `gkreport sum` (not written yet). */
#include "config.h"

#include "cli.h"

int
cmd_sum(int argc, char **argv)
{
	(void)argc;
	cli_error("sum: not implemented yet");
	return EXIT_TROUBLE;
}
