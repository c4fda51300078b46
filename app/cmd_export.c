/* cmd_export.c: `gkreport export` (not written yet). */
#include "config.h"

#include "cli.h"

int
cmd_export(int argc, char **argv)
{
	(void)argc;
	cli_error("export: not implemented yet");
	return EXIT_TROUBLE;
}
