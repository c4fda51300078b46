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

/* Stand-ins until the reader and writer land, so that the commands that
 * call them link (added by E; replace freely). */
void
csvio_info_free(struct csvio_info *info)
{
	int	 i;

	if (info == NULL)
		return;
	for (i = 0; i < info->nwarnings; i++)
		free(info->warnings[i]);
	free(info->warnings);
	info->warnings = NULL;
	info->nwarnings = 0;
}

int
csvio_save(const struct report *r, const char *path, char **err)
{
	(void)r;
	*err = xasprintf("%s: not implemented yet", path);
	return -1;
}
