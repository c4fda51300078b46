/* nls.h: message translation. Message ids are the Chinese interface text;
 * catalogs (po/) give English under LANGUAGE=en. */
#ifndef GK_NLS_H
#define GK_NLS_H

#ifdef ENABLE_NLS
#include <libintl.h>
#define _(s)	gettext(s)
#else
#define _(s)	(s)
#endif
#define N_(s)	(s)

#endif
