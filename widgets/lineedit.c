/* lineedit.c: one-line field (being written). */
#include "config.h"

#include "lineedit.h"
