/*
 * ptybench.c: run a terminal program on a pseudo-terminal and measure what
 * a clerk's terminal would receive: the time to the first complete screen,
 * the bytes each keystroke costs, and the program's peak memory.
 *
 *	ptybench [-v] [-r ROWS] [-c COLS] [-m MARKER] [-q QUIET_MS]
 *	    [-t TIMEOUT_MS] [-s NAME=KEYS]... -- PROGRAM [ARG]...
 *
 * The first screen is complete when MARKER has appeared in the output
 * (escape sequences stripped) and the output has then been quiet for
 * QUIET_MS; the launch time is that of its last byte. Each -s step then
 * sends KEYS (C escapes: \t \r \n \e \xHH \\) and counts the bytes that
 * come back until the output is quiet again. At the end the program gets
 * SIGHUP, as when a terminal closes, and its peak resident memory is read
 * from getrusage (only when the screen came). Output, one figure a line:
 *
 *	launch_ms 9.81
 *	step digit bytes 23 ms 1.20
 *	maxrss_kb 4312
 */
#include "config.h"

#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>

#include <errno.h>
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
};

static int	 quiet_ms = 60;
static int	 timeout_ms = 5000;
static int	 verbose;	/* -v: each read's time and size on stderr */
static double	 t_start;
static int	 ended;		/* the program closed the terminal */

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
		case 'x':
			out[n++] = (char)strtol(s + 1, (char **)&s, 16);
			break;
		default: out[n++] = *s++; break;
		}
	}
	return n;
}

static void
usage(void)
{
	fprintf(stderr, "usage: ptybench [-r ROWS] [-c COLS] [-m MARKER] "
	    "[-q QUIET_MS] [-t TIMEOUT_MS] [-s NAME=KEYS]... -- PROGRAM "
	    "[ARG]...\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	struct winsize	 ws = { 40, 120, 0, 0 };
	struct step	 steps[MAXSTEPS];
	struct rusage	 ru;
	const char	*marker = NULL;
	char		*eq;
	double		 t0, last, sent;
	long		 bytes;
	pid_t		 pid;
	int		 c, fd, i, nsteps = 0, status, rc = 0;

	while ((c = getopt(argc, argv, "r:c:m:q:t:s:v")) != -1) {
		switch (c) {
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
			nsteps++;
			break;
		default:
			usage();
		}
	}
	if (optind >= argc)
		usage();

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
	}
out:
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
	if (rc == 0 && getrusage(RUSAGE_CHILDREN, &ru) == 0)
		printf("maxrss_kb %ld\n", ru.ru_maxrss);
	fflush(stdout);
	return rc;
}
