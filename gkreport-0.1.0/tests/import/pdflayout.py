#!/usr/bin/env python3
"""pdflayout.py WIDTH PAGE.html: the page as `pdftotext -layout` prints a
PDF of it: paragraphs wrapped at WIDTH display columns; each table in
fixed-width columns separated by spaces, labels wrapped inside their
column, a row's figures on the middle or the last line of its wrapped
label (alternating), a label spanning several rows printed vertically
(a few characters a line, so its fragments stand in front of the item
labels), and in table 三 a page footer and a form feed between two rows.
Deterministic: the same page and width give the same text."""
import sys
import unicodedata

from browsercopy import blocks


def cw(ch):
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def width(s):
    return sum(cw(c) for c in s)


def wrap(s, w):
    """s cut into lines of at most w display columns (at least one char)."""
    lines, cur = [], ""
    for ch in s.replace("\n", ""):
        if cur and width(cur) + cw(ch) > w:
            lines.append(cur)
            cur = ""
        cur += ch
    if cur or not lines:
        lines.append(cur)
    return lines


def grid(rows):
    """Place cells: a dict (r, c) -> cell for each cell's top-left corner,
    and the number of columns."""
    taken, origin, ncols = set(), {}, 0
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            origin[(r, c)] = cell
            for dr in range(cell["rows"]):
                for dc in range(cell["cols"]):
                    taken.add((r + dr, c + dc))
            c += cell["cols"]
            ncols = max(ncols, c)
    return origin, ncols


def is_number(s):
    return s != "" and all(ch.isdigit() or ch in ".," for ch in s)


def table(rows, total, serial):
    origin, ncols = grid(rows)
    nrows = len(rows)
    # A column holds values if a value cell (td) starts in it alone.
    value = [False] * ncols
    numw = [0] * ncols
    for (r, c), cell in origin.items():
        if not cell["head"] and cell["cols"] == 1 and \
                (is_number(cell["text"]) or cell["text"] == ""):
            value[c] = True
            numw[c] = max(numw[c], width(cell["text"]))
    # Columns whose labels span rows are group columns (vertical labels).
    group = [False] * ncols
    for (r, c), cell in origin.items():
        if cell["rows"] > 1 and not value[c] and r > 0 and \
                not cell["head"]:
            group[c] = True
    colw = [0] * ncols
    for c in range(ncols):
        if value[c]:
            colw[c] = max(4, numw[c] + 1)
        elif group[c]:
            colw[c] = 6
    rest = total - sum(colw) - 2 * (ncols - 1)
    free = [c for c in range(ncols) if colw[c] == 0]
    for c in free:
        colw[c] = max(10, rest // max(1, len(free)))
    left = [0] * ncols
    for c in range(1, ncols):
        left[c] = left[c - 1] + colw[c - 1] + 2

    def span_width(c, n):
        return sum(colw[c:c + n]) + 2 * (n - 1)

    # Row heights from the cells of one row; vertical labels fit after.
    height = [1] * nrows
    for (r, c), cell in origin.items():
        if cell["rows"] == 1:
            w = span_width(c, cell["cols"])
            height[r] = max(height[r], len(wrap(cell["text"], w)))
    for (r, c), cell in origin.items():
        if cell["rows"] > 1 and group[c]:
            per = max(1, (span_width(c, cell["cols"]) - 2) // 2)
            need = len(wrap(cell["text"], per * 2))
            have = sum(height[r:r + cell["rows"]])
            if need > have:
                height[r + cell["rows"] - 1] += need - have
    start = [0] * (nrows + 1)
    for r in range(nrows):
        start[r + 1] = start[r] + height[r]
    canvas = [dict() for _ in range(start[nrows])]

    def put(line, col, text):
        canvas[line][col] = text

    for (r, c), cell in origin.items():
        w = span_width(c, cell["cols"])
        text = cell["text"]
        if cell["rows"] > 1 and group[c]:
            per = max(1, (w - 2) // 2)
            parts = wrap(text, per * 2)
            span = start[r + cell["rows"]] - start[r]
            top = start[r] + max(0, (span - len(parts)) // 2)
            for i, p in enumerate(parts):
                put(top + i, left[c], p)
        elif not cell["head"] and (is_number(text) or text == ""):
            # The figure: on the middle or the last line of its row,
            # centred in its column(s).
            h = height[r]
            line = start[r] + ((h - 1) // 2 if (r + serial) % 2 else h - 1)
            if text:
                pad = max(0, (w - width(text)) // 2)
                put(line, left[c] + pad, text)
        else:
            for i, p in enumerate(wrap(text, w)):
                pad = max(0, (w - width(p)) // 2) if cell["head"] else 0
                put(start[r] + i, left[c] + pad, p)
    out = []
    footer_after = start[nrows // 2] if nrows > 20 else -1
    for i, cells in enumerate(canvas):
        if i == footer_after:
            out.append("")
            out.append(" " * (total // 2 - 3) + "- %d -" % (serial + 1))
            out.append("\f")
        s = ""
        for col in sorted(cells):
            if width(s) < col:
                s += " " * (col - width(s))
            elif s:
                s += " "
            s += cells[col]
        out.append(s.rstrip())
    # pdftotext puts the form feed in front of the next page's first line.
    text = "\n".join(out).replace("\f\n", "\f")
    return text.split("\n")


def main():
    total = int(sys.argv[1])
    out, serial = [], 0
    for kind, b in blocks(sys.argv[2]):
        if kind == "p":
            for para in b.split("\n"):
                out += ["  " + l for l in wrap(para, total - 2)]
        else:
            out += table(b, total, serial)
            serial += 1
        out.append("")
    sys.stdout.write("\n".join(out) + "\n\f")


if __name__ == "__main__":
    main()
