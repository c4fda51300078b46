/*
 * export_svg.h: the 图解, a one-page illustrated summary of the report's
 * figures as a standalone SVG (export -f svg, F7 G).
 */
#ifndef GK_EXPORT_SVG_H
#define GK_EXPORT_SVG_H

#include "buf.h"
#include "report.h"

/* Append the 图解 of the report to b (UTF-8 SVG, one file, no external
 * fonts or images). */
void	 export_svg_render(struct buf *, const struct report *);
/* The estimated width of s in em of a sans-serif face (CJK 1, digits and
 * Latin about 0.6, narrow punctuation 0.3). */
double	 svg_text_em(const char *s);

#endif
