/*
 * replay.c: runs a fuzz target's LLVMFuzzerTestOneInput over every file
 * of a folder once, without libFuzzer, so that the inputs fuzzing once
 * found wrong (tests/fuzz/regress/TARGET/) are checked by every make
 * check, with any compiler. A target aborts on a failure, which fails
 * the test; the input's name is printed first.
 *
 * replay_TARGET [FILE|FOLDER ...]   (no argument: REPLAY_DIR)
 */
#include "config.h"

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
one(const char *path)
{
	FILE		*fp;
	uint8_t		*buf = NULL;
	size_t		 len = 0, cap = 0, n;

	if ((fp = fopen(path, "rb")) == NULL) {
		perror(path);
		return 1;
	}
	do {
		if (len == cap && (buf = realloc(buf, cap = 2 * cap + 4096)) ==
		    NULL)
			abort();
		n = fread(buf + len, 1, cap - len, fp);
		len += n;
	} while (n > 0);
	fclose(fp);
	printf("replay: %s (%zu bytes)\n", path, len);
	fflush(stdout);
	LLVMFuzzerTestOneInput(buf, len);
	free(buf);
	return 0;
}

static int
folder(const char *dir, int *count)
{
	DIR		*d;
	struct dirent	*de;
	char		**names = NULL, *p;
	size_t		 n = 0, i;
	struct stat	 st;
	int		 rc = 0;

	if ((d = opendir(dir)) == NULL) {
		perror(dir);
		return 1;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		if ((names = realloc(names, (n + 1) * sizeof *names)) == NULL ||
		    asprintf(&p, "%s/%s", dir, de->d_name) == -1)
			abort();
		names[n++] = p;
	}
	closedir(d);
	qsort(names, n, sizeof *names, by_name);
	for (i = 0; i < n; i++) {
		if (stat(names[i], &st) == 0 && S_ISREG(st.st_mode)) {
			rc |= one(names[i]);
			(*count)++;
		}
		free(names[i]);
	}
	free(names);
	return rc;
}

int
main(int argc, char **argv)
{
	const char	*arg;
	struct stat	 st;
	int		 i, count = 0, rc = 0;

	for (i = 1; i < argc || i == 1; i++) {
		arg = argc > 1 ? argv[i] : REPLAY_DIR;
		if (stat(arg, &st) == 0 && S_ISDIR(st.st_mode))
			rc |= folder(arg, &count);
		else {
			rc |= one(arg);
			count++;
		}
	}
	printf("replay: %d inputs, %s\n", count, rc ? "some unreadable" :
	    "no failure");
	return rc;
}
