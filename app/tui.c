/* tui.c: the application (not written yet). */
#include "config.h"

#include "cli.h"

int
tui_main(const char *path, bool readonly)
{
	(void)path;
	(void)readonly;
	cli_error("the application is not written yet");
	return EXIT_TROUBLE;
}
