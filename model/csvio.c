/* csvio.c: the report file (being written). */
#include "config.h"

#include <stdlib.h>

#include "csvio.h"
#include "xmalloc.h"

struct report *
csvio_load(const char *path, struct csvio_info *info, char **err)
{
	(void)info;
	*err = xasprintf("%s: not implemented yet", path);
	return NULL;
}
