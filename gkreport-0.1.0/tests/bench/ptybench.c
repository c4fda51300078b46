/*
 * ptybench.c: run a terminal program on a pseudo-terminal and measure what
 * a clerk's terminal would receive: the time to the first complete screen,
 * the bytes each keystroke costs, and the program's peak memory.
 *
 *	ptybench [-v] [-r ROWS] [-c COLS] [-m MARKER] [-q QUIET_MS]
 *	    [-t TIMEOUT_MS] [-d DIR] [-s NAME=KEYS]... [-x NAME=MARKER]...
 *	    -- PROGRAM [ARG]...
 *	ptybench -w -- PROGRAM [ARG]...
 *	ptybench -W MARKER [-q QUIET_MS] [-t TIMEOUT_MS]
 *
 * The first screen is complete when MARKER has appeared in the output
 * (escape sequences stripped) and the output has then been quiet for
 * QUIET_MS; the launch time is that of its last byte. Each -s step then
 * sends KEYS (C escapes: \t \r \n \e \xHH \\) and counts the bytes that
 * come back until the output is quiet again; -x NAME=MARKER makes it an
 * error when MARKER does not appear in what step NAME brings (a key
 * sequence that lands on the wrong screen must not give figures). -d DIR
 * keeps the raw bytes: DIR/launch.out and DIR/NAME.out. At the end the
 * program gets SIGHUP, as when a terminal closes, and its peak resident
 * memory and CPU time are read from getrusage (only when the screen
 * came). Output, one figure a line:
 *
 *	launch_ms 9.81
 *	launch_bytes 2843
 *	step digit bytes 23 ms 1.20
 *	maxrss_kb 4312
 *	cpu_ms 7.90
 *
 * -w runs a command without a terminal (output to /dev/null) and prints
 * "wall_s S maxrss_kb K exit N cpu_s C": the figures of GNU time,
 * without needing it.
 *
 * -W watches a terminal's output on stdin (tmux pipe-pane -O): it prints
 * "ready" when it starts reading and, once MARKER has shown and the output
 * has been quiet, "end_ns N": the wall-clock time (CLOCK_REALTIME, like
 * date +%s%N) of the last byte.
 */
#include "config.h"

#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define MAXSTEPS	32
#define STRIPPED_MAX	65536

struct step {
	const char	*name;
	char		 keys[256];
	size_t		 nkeys;
	const char	*expect;	/* -x: must appear in the answer */
};

static int	 quiet_ms = 60;
static int	 timeout_ms = 5000;
static int	 verbose;	/* -v: each read's time and size on stderr */
static double	 t_start;
static int	 ended;		/* the program closed the terminal */
static int	 save_fd = -1;	/* -d: where the raw bytes of a step go */

/* What has been seen since the start, with escape sequences removed. */
static char	 stripped[STRIPPED_MAX];
static size_t	 nstripped;
static int	 esc_state;	/* 0 text, 1 after ESC, 2 CSI, 3 OSC, 4 charset */

static double
now_ms(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Keep the printable text of the output, for the marker. */
static void
strip(const unsigned char *p, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		unsigned char	 c = p[i];

		switch (esc_state) {
		case 1:
			esc_state = c == '[' ? 2 : c == ']' ? 3 :
			    (c >= 0x20 && c <= 0x2f) ? 4 : 0;
			continue;
		case 2:
			if (c >= 0x40 && c <= 0x7e)
				esc_state = 0;
			continue;
		case 3:
			if (c == 0x07)
				esc_state = 0;
			else if (c == 0x1b)
				esc_state = 1;
			continue;
		case 4:
			esc_state = 0;
			continue;
		}
		if (c == 0x1b) {
			esc_state = 1;
			continue;
		}
		if (c < 0x20 || c == 0x7f)
			continue;
		if (nstripped == STRIPPED_MAX) {
			memmove(stripped, stripped + STRIPPED_MAX / 2,
			    STRIPPED_MAX / 2);
			nstripped = STRIPPED_MAX / 2;
		}
		stripped[nstripped++] = (char)c;
	}
}

static bool
seen(const char *marker)
{
	return memmem(stripped, nstripped, marker, strlen(marker)) != NULL;
}

/* Read what the program writes until it has been quiet for quiet_ms
 * after the first byte (and, with a marker, after the marker), or until
 * the timeout. Returns the bytes read; *last gets the time of the last
 * byte. -1 on timeout or end of output. */
static long
drain(int fd, const char *marker, int timeout, double *last)
{
	unsigned char	 buf[65536];
	struct pollfd	 pfd = { fd, POLLIN, 0 };
	double		 start = now_ms(), t;
	long		 total = 0;
	bool		 ready = false;
	ssize_t		 n;
	int		 wait;

	*last = start;
	for (;;) {
		t = now_ms();
		if (!ready)
			wait = (int)(start + timeout - t);
		else
			wait = (int)(*last + quiet_ms - t);
		if (wait <= 0)
			return ready ? total : -1;
		if (poll(&pfd, 1, wait) == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (!(pfd.revents & (POLLIN | POLLHUP | POLLERR)))
			continue;
		if ((n = read(fd, buf, sizeof buf)) <= 0) {
			ended = 1;
			return ready ? total : -1;
		}
		*last = now_ms();
		total += n;
		if (verbose)
			fprintf(stderr, "ptybench: %8.2f ms %6zd bytes\n",
			    *last - t_start, n);
		strip(buf, (size_t)n);
		if (save_fd != -1 && write(save_fd, buf, (size_t)n) != n)
			perror("ptybench: -d");
		if (!ready && (marker == NULL || seen(marker)))
			ready = true;
	}
}

/* Decode C escapes into keys. */
static size_t
unescape(const char *s, char *out, size_t max)
{
	size_t	 n = 0;

	while (*s != '\0' && n < max) {
		if (*s != '\\' || s[1] == '\0') {
			out[n++] = *s++;
			continue;
		}
		s++;
		switch (*s) {
		case 't': out[n++] = '\t'; s++; break;
		case 'r': out[n++] = '\r'; s++; break;
		case 'n': out[n++] = '\n'; s++; break;
		case 'e': out[n++] = 0x1b; s++; break;
		case 'x': {
			char	*end;

			out[n++] = (char)strtol(s + 1, &end, 16);
			s = end;
			break;
		}
		default: out[n++] = *s++; break;
		}
	}
	return n;
}

static void
usage(void)
{
	fprintf(stderr, "usage: ptybench [-v] [-r ROWS] [-c COLS] [-m MARKER] "
	    "[-q QUIET_MS] [-t TIMEOUT_MS] [-d DIR] [-s NAME=KEYS]... "
	    "[-x NAME=MARKER]... -- PROGRAM [ARG]...\n"
	    "       ptybench -w -- PROGRAM [ARG]...\n"
	    "       ptybench -W MARKER [-q QUIET_MS] [-t TIMEOUT_MS]\n");
	exit(2);
}

/* -w: run argv without a terminal; its wall time, peak memory, status. */
static int
run_plain(char **argv)
{
	struct rusage	 ru;
	double		 t0 = now_ms();
	pid_t		 pid;
	int		 status, fd;

	if ((pid = fork()) == -1) {
		perror("fork");
		return 2;
	}
	if (pid == 0) {
		if ((fd = open("/dev/null", O_RDWR)) != -1) {
			dup2(fd, 0);
			dup2(fd, 1);
			dup2(fd, 2);
		}
		execvp(argv[0], argv);
		_exit(127);
	}
	while (waitpid(pid, &status, 0) == -1)
		if (errno != EINTR) {
			perror("waitpid");
			return 2;
		}
	getrusage(RUSAGE_CHILDREN, &ru);
	printf("wall_s %.4f maxrss_kb %ld exit %d cpu_s %.4f\n",
	    (now_ms() - t0) / 1e3, ru.ru_maxrss, WIFEXITED(status) ?
	    WEXITSTATUS(status) : 128 + WTERMSIG(status),
	    (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
	    (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6);
	return 0;
}

/* -W: the time of the last byte of the first screen seen on stdin. */
static int
watch(const char *marker)
{
	struct timespec	 ts;
	double		 last, mono;
	long		 n;

	/* Say when reading starts: a watcher that comes late would time
	 * bytes that waited in the pipe. */
	printf("ready\n");
	fflush(stdout);
	mono = now_ms();
	clock_gettime(CLOCK_REALTIME, &ts);
	if ((n = drain(0, marker, timeout_ms, &last)) == -1) {
		fprintf(stderr, "ptybench: -W: no %s within %d ms\n", marker,
		    timeout_ms);
		return 1;
	}
	/* the realtime clock at the last byte, through the monotonic one */
	printf("end_ns %.0f\n", (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec +
	    (last - mono) * 1e6);
	return 0;
}

/* -d: send what comes next to DIR/NAME.out. */
static void
save_to(const char *dir, const char *name)
{
	char	 path[4096];

	if (save_fd != -1)
		close(save_fd);
	save_fd = -1;
	if (dir == NULL)
		return;
	snprintf(path, sizeof path, "%s/%s.out", dir, name);
	if ((save_fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
	    0666)) == -1)
		perror(path);
}

int
main(int argc, char **argv)
{
	struct winsize	 ws = { 40, 120, 0, 0 };
	struct step	 steps[MAXSTEPS];
	struct rusage	 ru;
	const char	*marker = NULL, *dir = NULL;
	char		*eq;
	double		 t0, last, sent;
	long		 bytes;
	pid_t		 pid;
	const char	*watching = NULL;
	int		 c, fd, i, nsteps = 0, status, rc = 0, plain = 0;

	while ((c = getopt(argc, argv, "r:c:m:q:t:s:x:d:vwW:")) != -1) {
		switch (c) {
		case 'W':
			watching = optarg;
			break;
		case 'w':
			plain = 1;
			break;
		case 'v':
			verbose = 1;
			break;
		case 'r':
			ws.ws_row = (unsigned short)atoi(optarg);
			break;
		case 'c':
			ws.ws_col = (unsigned short)atoi(optarg);
			break;
		case 'm':
			marker = optarg;
			break;
		case 'q':
			quiet_ms = atoi(optarg);
			break;
		case 't':
			timeout_ms = atoi(optarg);
			break;
		case 's':
			if (nsteps == MAXSTEPS || (eq = strchr(optarg, '=')) ==
			    NULL)
				usage();
			*eq = '\0';
			steps[nsteps].name = optarg;
			steps[nsteps].nkeys = unescape(eq + 1, steps[nsteps].keys,
			    sizeof steps[nsteps].keys);
			steps[nsteps].expect = NULL;
			nsteps++;
			break;
		case 'x':
			if ((eq = strchr(optarg, '=')) == NULL)
				usage();
			*eq = '\0';
			for (i = 0; i < nsteps; i++)
				if (strcmp(steps[i].name, optarg) == 0)
					break;
			if (i == nsteps)	/* -x after its -s */
				usage();
			steps[i].expect = eq + 1;
			break;
		case 'd':
			dir = optarg;
			break;
		default:
			usage();
		}
	}
	if (watching != NULL)
		return watch(watching);
	if (optind >= argc)
		usage();
	if (plain)
		return run_plain(argv + optind);

	save_to(dir, "launch");
	t_start = t0 = now_ms();
	if ((pid = forkpty(&fd, NULL, NULL, &ws)) == -1) {
		perror("forkpty");
		return 2;
	}
	if (pid == 0) {
		execvp(argv[optind], argv + optind);
		fprintf(stderr, "ptybench: %s: %s\n", argv[optind],
		    strerror(errno));
		_exit(127);
	}
	if ((bytes = drain(fd, marker, timeout_ms, &last)) == -1) {
		if (ended)
			fprintf(stderr, "ptybench: %s ended before a complete "
			    "screen%s%s; it wrote:\n", argv[optind],
			    marker ? " showing " : "", marker ? marker : "");
		else
			fprintf(stderr, "ptybench: no complete screen within %d "
			    "ms%s%s; it wrote:\n", timeout_ms,
			    marker ? " showing " : "", marker ? marker : "");
		fwrite(stripped, 1, nstripped < 2000 ? nstripped : 2000, stderr);
		fputc('\n', stderr);
		rc = 1;
		goto out;
	}
	printf("launch_ms %.2f\nlaunch_bytes %ld\n", last - t0, bytes);
	for (i = 0; i < nsteps; i++) {
		save_to(dir, steps[i].name);
		nstripped = 0;
		sent = now_ms();
		if (write(fd, steps[i].keys, steps[i].nkeys) !=
		    (ssize_t)steps[i].nkeys) {
			perror("write");
			rc = 1;
			goto out;
		}
		bytes = drain(fd, NULL, 1000, &last);
		printf("step %s bytes %ld ms %.2f\n", steps[i].name,
		    bytes < 0 ? 0 : bytes, bytes < 0 ? 0.0 : last - sent);
		if (steps[i].expect != NULL && !seen(steps[i].expect)) {
			fprintf(stderr, "ptybench: after step %s the screen does "
			    "not show %s; it wrote:\n", steps[i].name,
			    steps[i].expect);
			fwrite(stripped, 1, nstripped < 2000 ? nstripped : 2000,
			    stderr);
			fputc('\n', stderr);
			rc = 1;
			goto out;
		}
	}
out:
	save_to(NULL, NULL);
	kill(pid, SIGHUP);
	/* Keep reading so the program never blocks on a full pty. */
	for (i = 0; waitpid(pid, &status, WNOHANG) != pid; i++) {
		unsigned char	 buf[4096];
		struct pollfd	 pfd = { fd, POLLIN, 0 };

		if (i == 100)
			kill(pid, SIGKILL);
		if (poll(&pfd, 1, 10) > 0 && read(fd, buf, sizeof buf) <= 0)
			usleep(10000);
	}
	/* Only a program that showed its screen has a memory figure. */
	if (rc == 0 && getrusage(RUSAGE_CHILDREN, &ru) == 0) {
		printf("maxrss_kb %ld\n", ru.ru_maxrss);
		printf("cpu_ms %.2f\n", (double)(ru.ru_utime.tv_sec +
		    ru.ru_stime.tv_sec) * 1e3 + (double)(ru.ru_utime.tv_usec +
		    ru.ru_stime.tv_usec) / 1e3);
	}
	fflush(stdout);
	return rc;
}
