/* cmd_new.c: `gkreport new` (not written yet). */
#include "config.h"

#include "cli.h"

int
cmd_new(int argc, char **argv)
{
	(void)argc;
	cli_error("new: not implemented yet");
	return EXIT_TROUBLE;
}
