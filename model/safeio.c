/*
 * safeio.c: opening files beside a report, and the one atomic writer of
 * every output. See safeio.h.
 */
#include "config.h"

#include <sys/stat.h>
#include <sys/types.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nls.h"
#include "safeio.h"
#include "xmalloc.h"

#define TMP_TAG		".gk-"		/* .NAME.gk-XXXXXX */
#define MAXLINKS	40

ssize_t	(*safeio_write_fn)(int, const void *, size_t) = write;

const char *
safeio_why(int e)
{
	static char	 other[64];

	switch (e) {
	case ENOSPC:
		return _("磁盘已满");
	case EDQUOT:
		return _("磁盘配额已用完");
	case EROFS:
		return _("文件夹是只读的");
	case EACCES:
	case EPERM:
		return _("没有权限（文件或文件夹属于他人，或是只读的）");
	case ENOENT:
		return _("文件或文件夹不存在");
	case ENOTDIR:
		return _("路径中有一段不是文件夹");
	case EISDIR:
		return _("这是一个文件夹");
	case ELOOP:
		return _("是符号链接，或符号链接太多层");
	case ENAMETOOLONG:
		return _("文件名太长");
	case EEXIST:
		return _("文件已存在");
	case EBUSY:
	case ETXTBSY:
		return _("文件正被占用");
	case EAGAIN:
		return _("文件暂时不能使用，请稍后再试");
	case EMFILE:
	case ENFILE:
		return _("打开的文件太多");
	case ENOMEM:
		return _("内存不足");
	case EFBIG:
		return _("文件太大");
	case EXDEV:
		return _("不能跨磁盘移动文件");
	case EIO:
		return _("读写出错（磁盘或网络故障）");
	case ESTALE:
		return _("网络文件夹已断开，请重新连接");
	case ENXIO:
	case ENODEV:
		return _("不是普通文件（设备或命名管道）");
	case EINVAL:
		return _("参数无效（文件系统不支持此操作）");
	case EMLINK:
		return _("链接太多");
	case ENOTEMPTY:
		return _("文件夹不是空的");
	default:
		snprintf(other, sizeof other, _("系统错误（编号 %d）"), e);
		return other;
	}
}

/* What a file that is not a regular file is, for a message. */
static const char *
kind(mode_t m)
{
	if (S_ISDIR(m))
		return _("是一个文件夹");
	if (S_ISLNK(m))
		return _("是一个符号链接");
	if (S_ISFIFO(m))
		return _("是一个命名管道（FIFO）");
	if (S_ISSOCK(m))
		return _("是一个套接字");
	if (S_ISCHR(m) || S_ISBLK(m))
		return _("是一个设备");
	return _("不是普通文件");
}

int
safeio_open_own(const char *path, int flags, mode_t mode, char **err)
{
	struct stat	 st;
	int		 fd, fl, e;

	fd = open(path, flags | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC |
	    O_NOCTTY, mode);
	if (fd == -1) {
		e = errno;
		if (e == ELOOP || e == EMLINK)
			*err = xasprintf(_("%s: 是一个符号链接，本程序不跟随它，"
			    "不读也不写"), path);
		else if (e == ENXIO)
			*err = xasprintf(_("%s: %s，不读也不写"), path,
			    _("是一个命名管道（FIFO）"));
		else if (e == EISDIR)
			*err = xasprintf(_("%s: %s，不读也不写"), path,
			    _("是一个文件夹"));
		else
			*err = xasprintf(_("%s: 无法打开：%s"), path,
			    safeio_why(e));
		errno = e == EMLINK || e == ENXIO || e == EISDIR ? ELOOP : e;
		return -1;
	}
	if (fstat(fd, &st) == -1) {
		e = errno;
		*err = xasprintf(_("%s: 无法打开：%s"), path, safeio_why(e));
		close(fd);
		errno = e;
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		*err = xasprintf(_("%s: %s，不读也不写"), path,
		    kind(st.st_mode));
		close(fd);
		errno = ELOOP;
		return -1;
	}
	if (st.st_uid != geteuid()) {
		*err = xasprintf(_("%s: 属于另一个用户（编号 %ld），"
		    "本程序只用自己建立的文件"), path, (long)st.st_uid);
		close(fd);
		errno = ELOOP;
		return -1;
	}
	if ((fl = fcntl(fd, F_GETFL)) != -1)
		(void)fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
	return fd;
}

/* The folder part of path ("." when none). Caller frees. */
static char *
folder(const char *path)
{
	const char	*slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xasprintf("%.*s", (int)(slash - path), path);
}

static const char *
base(const char *path)
{
	const char	*slash = strrchr(path, '/');

	return slash != NULL ? slash + 1 : path;
}

char *
safeio_resolve(const char *path)
{
	char	*p = xstrdup(path), *dir, *real, *out;
	char	 link[PATH_MAX];
	ssize_t	 n;
	int	 i;

	for (i = 0; i < MAXLINKS; i++) {
		if ((n = readlink(p, link, sizeof link - 1)) == -1)
			break;
		link[n] = '\0';
		if (link[0] == '/' || strchr(p, '/') == NULL) {
			free(p);
			p = xstrdup(link);
		} else {
			dir = folder(p);
			free(p);
			p = xasprintf("%s/%s", dir, link);
			free(dir);
		}
	}
	if (*base(p) == '\0')
		return p;
	dir = folder(p);
	real = realpath(dir, NULL);
	free(dir);
	if (real == NULL)
		return p;
	out = xasprintf("%s/%s", strcmp(real, "/") == 0 ? "" : real, base(p));
	free(real);
	free(p);
	return out;
}

bool
safeio_is_report(const char *path)
{
	struct stat	 st;
	char		 head[32];
	const char	*s = head;
	ssize_t		 n;
	int		 fd;

	fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC |
	    O_NOCTTY);
	if (fd == -1)
		return false;
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		close(fd);
		return false;
	}
	n = read(fd, head, sizeof head - 1);
	close(fd);
	if (n <= 0)
		return false;
	head[n] = '\0';
	if (strncmp(s, "\xef\xbb\xbf", 3) == 0)
		s += 3;
	return strncmp(s, "key,label,value", 15) == 0;
}

char *
safeio_keep_aside(const char *path)
{
	struct stat	 st;
	char		*to;
	int		 i;

	for (i = 1; i < 1000; i++) {
		to = i == 1 ? xasprintf("%s.unreadable", path) :
		    xasprintf("%s.unreadable.%d", path, i);
		if (lstat(to, &st) == -1 && errno == ENOENT) {
			if (rename(path, to) == 0)
				return to;
			free(to);
			return NULL;
		}
		free(to);
	}
	errno = EEXIST;
	return NULL;
}

int
safeio_trylock(int fd)
{
	struct flock	 fl;

	memset(&fl, 0, sizeof fl);
	fl.l_type = F_WRLCK;
	fl.l_whence = SEEK_SET;
	return fcntl(fd, F_SETLK, &fl);
}

/* Remove the temporary files that crashed saves of name left in dir:
 * ".NAME.gk-XXXXXX", regular, ours, and not locked by a save under way. */
static void
sweep(const char *dir, const char *name)
{
	struct dirent	*d;
	DIR		*dp;
	char		*prefix, *p, *err;
	size_t		 n;
	int		 fd;

	if ((dp = opendir(dir)) == NULL)
		return;
	prefix = xasprintf(".%s" TMP_TAG, name);
	n = strlen(prefix);
	while ((d = readdir(dp)) != NULL) {
		if (strncmp(d->d_name, prefix, n) != 0 ||
		    strlen(d->d_name) != n + 6)
			continue;
		p = xasprintf("%s/%s", dir, d->d_name);
		err = NULL;
		if ((fd = safeio_open_own(p, O_RDWR, 0, &err)) == -1) {
			free(err);
			free(p);
			continue;
		}
		if (safeio_trylock(fd) == 0)
			unlink(p);
		close(fd);
		free(p);
	}
	free(prefix);
	closedir(dp);
}

int
safeio_write_all(int fd, const void *p, size_t n,
    ssize_t (*wr)(int, const void *, size_t))
{
	const char	*s = p;
	ssize_t		 w;

	while (n > 0) {
		if ((w = wr(fd, s, n)) == -1 && errno == EINTR)
			continue;
		if (w <= 0) {
			if (w == 0)
				errno = ENOSPC;
			return -1;
		}
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Refuse a target the writer must not replace; 0 when it may. */
static int
check_target(const char *path, const char *target, bool *exists,
    mode_t *mode, const struct safeio_out *o, char **err)
{
	struct stat	 st, si;
	int		 i;

	*exists = false;
	if (lstat(target, &st) == -1) {
		if (errno == ENOENT)
			return 0;
		*err = xasprintf(_("无法写入 %s：%s"), path, safeio_why(errno));
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		*err = xasprintf(_("%s: %s，不能写入或替换它"), path,
		    kind(st.st_mode));
		return -1;
	}
	*exists = true;
	*mode = st.st_mode & 07777;
	for (i = 0; o->inputs != NULL && o->inputs[i] != NULL; i++)
		if (stat(o->inputs[i], &si) == 0 && si.st_dev == st.st_dev &&
		    si.st_ino == st.st_ino) {
			*err = xasprintf(_("%s: 这是正在读取的文件 %s，"
			    "不能用输出替换它"), path, o->inputs[i]);
			return -1;
		}
	if (o->flags & SAFEIO_NEW) {
		*err = xasprintf(_("%s: 文件已存在，没有覆盖；确要覆盖请加 "
		    "--force"), path);
		return -1;
	}
	if (!(o->flags & (SAFEIO_REPORT | SAFEIO_FORCE)) &&
	    safeio_is_report(target)) {
		*err = xasprintf(_("%s: 这是一份报告文件，不能用导出的内容替换它；"
		    "请换一个文件名"), path);
		return -1;
	}
	return 0;
}

/* safeio_save's bytes, as a fill function. */
struct bytes {
	const void	*data;
	size_t		 len;
};

static int
fill_bytes(int fd, const char *tmp, void *arg, char **err)
{
	const struct bytes	*b = arg;

	return safeio_write_all(fd, b->data, b->len, safeio_write_fn);
}

int
safeio_save(const char *path, const void *data, size_t len,
    const struct safeio_out *o, char **err)
{
	struct bytes	 b = { data, len };

	return safeio_save_with(path, fill_bytes, &b, o, err);
}

/* Fill the temporary file and make it whole on disk with its final mode.
 * Locked while written: a save that finds it unlocked knows its writer
 * died and removes it (sweep). -1 with errno set (and *why if fill said
 * why). */
static int
write_tmp(int fd, const char *tmp, mode_t mode, int (*fill)(int,
    const char *, void *, char **), void *arg, char **why)
{
	(void)safeio_trylock(fd);
	if (fill(fd, tmp, arg, why) == -1 || fchmod(fd, mode) == -1 ||
	    fsync(fd) == -1)
		return -1;
	return 0;
}

/* Keep the previous version as NAME~ (a second name for it, so that NAME
 * itself never goes missing); *moved if it could only be renamed, and
 * must be put back should the save fail. -1 with errno set. */
static int
keep_previous(const char *target, const char *bak, bool *moved)
{
	if (unlink(bak) == -1 && errno != ENOENT)
		return -1;
	if (link(target, bak) == 0)
		*moved = false;
	else if (rename(target, bak) == 0)
		*moved = true;
	else
		return -1;
	return 0;
}

/* Sync the folder dir, so that a rename in it survives a crash. */
static void
sync_dir(const char *dir)
{
	int	 dfd;

	if ((dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) != -1) {
		fsync(dfd);
		close(dfd);
	}
}

int
safeio_save_with(const char *path, int (*fill)(int, const char *, void *,
    char **), void *arg, const struct safeio_out *o, char **err)
{
	char		*why = NULL;
	char		*target, *dir, *tmp, *bak;
	mode_t		 mode = 0, mask;
	bool		 exists, moved = false;
	int		 fd, e;

	target = safeio_resolve(path);
	if (check_target(path, target, &exists, &mode, o, err) == -1) {
		free(target);
		return -1;
	}
	if (!exists) {
		mask = umask(0);
		umask(mask);
		mode = o->mode & ~mask;
	}
	dir = folder(target);
	sweep(dir, base(target));
	tmp = xasprintf("%s/.%s" TMP_TAG "XXXXXX", dir, base(target));
	bak = xasprintf("%s~", target);

	if ((fd = mkostemp(tmp, O_CLOEXEC)) == -1) {
		e = errno;
		*err = xasprintf(_("无法保存 %s：不能在文件夹 %s 里建立临时文件"
		    "（%s）；原文件未改动"), path, dir, safeio_why(e));
		goto fail_early;
	}
	if (write_tmp(fd, tmp, mode, fill, arg, &why) == -1 ||
	    (exists && keep_previous(target, bak, &moved) == -1)) {
		e = errno;
		close(fd);
		goto fail;
	}
	if (rename(tmp, target) == -1) {
		e = errno;
		if (moved)
			rename(bak, target);
		close(fd);
		goto fail;
	}
	close(fd);	/* synced already */
	sync_dir(dir);
	free(target);
	free(dir);
	free(tmp);
	free(bak);
	return 0;

fail:
	unlink(tmp);
	*err = xasprintf(_("无法保存 %s：%s；原文件未改动"), path,
	    why != NULL ? why : safeio_why(e));
	free(why);
fail_early:
	free(target);
	free(dir);
	free(tmp);
	free(bak);
	return -1;
}
