/*
 * textin.c: reading someone else's small text file (see textin.h).
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nls.h"
#include "safeio.h"
#include "textin.h"
#include "utf8.h"
#include "xmalloc.h"

/* Larger than any roster or review sheet a county keeps. */
#define TEXTIN_MAX	(256L << 20)

char *
textin_read(const char *path, bool missing_ok, size_t *lenp, bool *converted,
    char **err)
{
	struct stat	 st;
	char		*buf, *conv;
	size_t		 len = 0, cap, n8;
	ssize_t		 n;
	int		 fd;

	if (converted != NULL)
		*converted = false;
	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) == -1) {
		if (errno == ENOENT && missing_ok) {
			*lenp = 0;
			return xstrdup("");
		}
		*err = xasprintf(_("%s: 无法打开：%s"), path, safeio_why(errno));
		return NULL;
	}
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		*err = xasprintf(_("%s: 不是普通文件"), path);
		close(fd);
		return NULL;
	}
	if (st.st_size > TEXTIN_MAX) {
		*err = xasprintf(_("%s: 文件太大"), path);
		close(fd);
		return NULL;
	}
	cap = (size_t)st.st_size + 1;
	buf = xmalloc(cap + 1);
	for (;;) {
		if (len == cap) {
			if (cap > (size_t)TEXTIN_MAX) {
				*err = xasprintf(_("%s: 文件太大"), path);
				free(buf);
				close(fd);
				return NULL;
			}
			cap *= 2;
			buf = xrealloc(buf, cap + 1);
		}
		n = read(fd, buf + len, cap - len);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			*err = xasprintf(_("%s: 读取失败：%s"), path,
			    safeio_why(errno));
			free(buf);
			close(fd);
			return NULL;
		}
		if (n == 0)
			break;
		len += (size_t)n;
	}
	close(fd);
	buf[len] = '\0';
	if (memchr(buf, '\0', len) != NULL) {
		*err = xasprintf(_("%s: 这不是文本文件（含有 NUL 字节）"), path);
		free(buf);
		return NULL;
	}
	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0) {
		memmove(buf, buf + 3, len - 2);
		len -= 3;
	}
	if ((conv = utf8_from("UTF-8", buf, len, &n8)) == NULL) {
		if ((conv = utf8_from("GB18030", buf, len, &n8)) == NULL) {
			*err = xasprintf(_("%s: 文件的编码既不是 UTF-8 也不是 "
			    "GB18030，无法读取"), path);
			free(buf);
			return NULL;
		}
		if (converted != NULL)
			*converted = true;
	}
	free(buf);
	*lenp = n8;
	return conv;
}
