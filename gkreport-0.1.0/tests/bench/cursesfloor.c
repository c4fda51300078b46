/*
 * cursesfloor.c: the least a curses program can do, for the launch
 * benchmark: start curses, fill the screen with TEXT, wait for a key.
 * Beside gkreport it shows how much of a launch is the terminal, curses
 * and tmux rather than the application.
 *
 *	cursesfloor TEXT [ARG]...	(further arguments are ignored)
 */
#include "config.h"

#include <locale.h>
#include <ncurses.h>
#include <string.h>

int
main(int argc, char **argv)
{
	int	 y;

	if (argc < 2)
		return 2;
	setlocale(LC_ALL, "");
	initscr();
	raw();
	noecho();
	for (y = 0; y < LINES; y++) {
		move(y, 0);
		while (getcurx(stdscr) + (int)strlen(argv[1]) < COLS &&
		    addstr(argv[1]) == OK && getcury(stdscr) == y)
			addch(' ');
	}
	refresh();
	getch();
	endwin();
	return 0;
}
