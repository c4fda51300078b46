/*
 * place.h: where the clerk left each report (the screen and the cell), so
 * that reopening it goes back there. One small file for all reports,
 * $XDG_STATE_HOME/gkreport/places (else ~/.local/state/gkreport/places):
 * a line per report, "PLACE<TAB>ABSOLUTE-PATH", the most recent first.
 * PLACE is the application's own words (no tab or newline). Nothing here
 * ever stops the clerk: a place that cannot be read or kept is forgotten.
 */
#ifndef GK_PLACE_H
#define GK_PLACE_H

#include <stdbool.h>
#include <stddef.h>

/* The place kept for a report file, or NULL. Caller frees. */
char	*place_get(const char *report_path);
/* Keep the place of a report file; -1 with *err (caller frees) when the
 * state file cannot be written. */
int	 place_put(const char *report_path, const char *place, char **err);

/* The files gkreport exported, in $XDG_STATE_HOME/gkreport/exports, a line
 * per file: "DEVICE INODE SIZE MTIME<TAB>ABSOLUTE-PATH". An export may
 * replace only a file noted here and unchanged since (the published text
 * a report was imported from, a file someone edited: never). */
/* Note that gkreport has just written path as an export. */
void	 place_exported(const char *path);
/* Whether path is a file gkreport exported, unchanged since. */
bool	 place_is_export(const char *path);

#endif
