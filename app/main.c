/* main.c: placeholder entry point, replaced by the real dispatcher. */
#include "config.h"

#include <stdio.h>

int
main(void)
{
	puts("gkreport");
	return 0;
}
