/* cmd_import.c: `gkreport import` (not written yet). */
#include "config.h"

#include "cli.h"

int
cmd_import(int argc, char **argv)
{
	(void)argc;
	cli_error("import: not implemented yet");
	return EXIT_TROUBLE;
}
