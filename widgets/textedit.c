/* textedit.c: multi-line editor (being written). */
#include "config.h"

#include "textedit.h"
