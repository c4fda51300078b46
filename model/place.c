/*
 * place.c: the state file of where each report was left (format in
 * place.h). Read only as a regular file of the user's (never through a
 * symlink, never waiting on a FIFO), no more than PLACE_MAX bytes; written
 * by the one atomic writer, so a crash leaves the old or the new one.
 */
#include "config.h"

#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "nls.h"
#include "place.h"
#include "safeio.h"
#include "xmalloc.h"

#define PLACE_MAX	(64 * 1024)	/* bytes of the state file read */
#define PLACE_KEEP	200		/* reports remembered */

/* The state folder, made if missing (mode 0700); NULL without a home.
 * Caller frees. */
static char *
state_dir(bool make)
{
	const char	*x = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
	char		*base, *dir;

	if (x != NULL && x[0] == '/')
		base = xstrdup(x);
	else if (home != NULL && home[0] == '/')
		base = xasprintf("%s/.local/state", home);
	else
		return NULL;
	dir = xasprintf("%s/gkreport", base);
	if (make) {
		char	*p;

		/* mkdir -p; an existing folder is fine. */
		for (p = base + 1; *p != '\0'; p++) {
			if (*p != '/')
				continue;
			*p = '\0';
			(void)mkdir(base, 0700);
			*p = '/';
		}
		(void)mkdir(base, 0700);
		(void)mkdir(dir, 0700);
	}
	free(base);
	return dir;
}

/* The absolute name of a report, so that "x.csv" and "./x.csv" are one.
 * Caller frees. */
static char *
absolute(const char *path)
{
	char	*r = realpath(path, NULL), *d, *slash, *dr;

	if (r != NULL)
		return r;
	/* Not there (yet): its folder made absolute, then its name. */
	d = xstrdup(path);
	slash = strrchr(d, '/');
	if (slash == d)
		dr = xstrdup("/");
	else {
		if (slash != NULL)
			*slash = '\0';
		dr = realpath(slash != NULL ? d : ".", NULL);
	}
	r = dr != NULL ? xasprintf("%s/%s", strcmp(dr, "/") == 0 ? "" : dr,
	    slash != NULL ? slash + 1 : path) : xstrdup(path);
	free(dr);
	free(d);
	return r;
}

/* The state file's text (at most PLACE_MAX bytes), or NULL. Never follows
 * a symlink nor opens anything but a regular file. Caller frees. */
static char *
read_state(const char *file)
{
	char	*err = NULL, *s;
	int	 fd = safeio_open_own(file, O_RDONLY, 0, &err);
	ssize_t	 n;
	size_t	 got = 0;

	free(err);
	if (fd < 0)
		return NULL;
	s = xmalloc(PLACE_MAX + 1);
	while (got < PLACE_MAX &&
	    (n = read(fd, s + got, PLACE_MAX - got)) > 0)
		got += (size_t)n;
	close(fd);
	s[got] = '\0';
	return s;
}

char *
place_get(const char *report_path)
{
	char	*dir = state_dir(false), *file, *s, *me, *line, *next, *tab;
	char	*found = NULL;

	if (dir == NULL)
		return NULL;
	file = xasprintf("%s/places", dir);
	s = read_state(file);
	me = absolute(report_path);
	for (line = s; line != NULL && *line != '\0'; line = next) {
		next = strchr(line, '\n');
		if (next == NULL)
			break;		/* a cut last line is not trusted */
		*next++ = '\0';
		tab = strchr(line, '\t');
		if (tab != NULL && strcmp(tab + 1, me) == 0) {
			*tab = '\0';
			found = xstrdup(line);
			break;
		}
	}
	free(me);
	free(s);
	free(file);
	free(dir);
	return found;
}

/*
 * Rewrites the state file FILE with the line "HEAD\tME" first, then up to
 * KEEP - 1 of its other lines, leaving out the old line of ME.
 */
static int
remember(const char *file, const char *head, const char *me, int keep,
    char **err)
{
	char			*s, *line, *next, *tab;
	struct buf		 b = { NULL, 0, 0 };
	struct safeio_out	 out = { 0600, 0, NULL };
	int			 kept = 1, rc;

	buf_addf(&b, "%s\t%s\n", head, me);
	s = read_state(file);
	for (line = s; line != NULL && kept < keep; line = next) {
		if ((next = strchr(line, '\n')) == NULL)
			break;
		*next++ = '\0';
		tab = strchr(line, '\t');
		if (tab == NULL || strcmp(tab + 1, me) == 0)
			continue;
		buf_addf(&b, "%s\n", line);
		kept++;
	}
	free(s);
	rc = safeio_save(file, b.s, b.len, &out, err);
	free(b.s);
	return rc;
}

int
place_put(const char *report_path, const char *place, char **err)
{
	char	*dir, *file, *me;
	int	 rc;

	if (strpbrk(place, "\t\n") != NULL) {
		*err = xstrdup("place: a tab or newline");
		return -1;
	}
	if ((dir = state_dir(true)) == NULL) {
		*err = xstrdup(_("没有主目录（HOME），记不住看到哪里"));
		return -1;
	}
	file = xasprintf("%s/places", dir);
	me = absolute(report_path);
	rc = remember(file, place, me, PLACE_KEEP, err);
	free(me);
	free(file);
	free(dir);
	return rc;
}

#define EXPORTS_KEEP	500		/* exports remembered */

/* A file's identity as an export line starts: "DEV INO SIZE MTIME". */
static bool
file_id(const char *path, char *buf, size_t len)
{
	struct stat	 st;

	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return false;
	snprintf(buf, len, "%llu %llu %lld %lld.%09ld",
	    (unsigned long long)st.st_dev, (unsigned long long)st.st_ino,
	    (long long)st.st_size, (long long)st.st_mtim.tv_sec,
	    (long)st.st_mtim.tv_nsec);
	return true;
}

void
place_exported(const char *path)
{
	char	*dir, *file, *me, *err = NULL;
	char	 id[128];

	if (!file_id(path, id, sizeof id) || (dir = state_dir(true)) == NULL)
		return;
	file = xasprintf("%s/exports", dir);
	me = absolute(path);
	if (remember(file, id, me, EXPORTS_KEEP, &err) == -1)
		free(err);	/* forgotten: the next export picks a new name */
	free(me);
	free(file);
	free(dir);
}

bool
place_is_export(const char *path)
{
	char	*dir = state_dir(false), *file, *s, *me, *line, *next, *tab;
	char	 id[128];
	bool	 ours = false;

	if (dir == NULL || !file_id(path, id, sizeof id)) {
		free(dir);
		return false;
	}
	file = xasprintf("%s/exports", dir);
	s = read_state(file);
	me = absolute(path);
	for (line = s; line != NULL && !ours; line = next) {
		if ((next = strchr(line, '\n')) == NULL)
			break;
		*next++ = '\0';
		tab = strchr(line, '\t');
		ours = tab != NULL && strcmp(tab + 1, me) == 0 &&
		    (size_t)(tab - line) == strlen(id) &&
		    strncmp(line, id, strlen(id)) == 0;
	}
	free(me);
	free(s);
	free(file);
	free(dir);
	return ours;
}
