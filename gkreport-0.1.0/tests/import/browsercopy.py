#!/usr/bin/env python3
"""browsercopy.py PAGE.html: the page's text as a browser copies it (select
all, copy, paste into a text editor): one line per heading or paragraph,
a table row as its cells joined by tabs, a merged cell only in the row
where it starts (never repeated), line breaks inside a cell kept.

The parser (blocks()) is shared with pdflayout.py."""
import html.parser
import sys

BLOCK = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "div", "li", "title",
         "caption"}


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks = []        # ("p", text) | ("table", rows)
        self.text = None        # text of the current block or cell
        self.table = None       # rows of the current table
        self.cell = None
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("style", "script", "head"):
            self.skip += 1
        elif tag == "table":
            self.flush()
            self.table = []
        elif tag == "tr" and self.table is not None:
            self.table.append([])
        elif tag in ("td", "th") and self.table is not None:
            self.cell = {"text": "", "rows": int(a.get("rowspan", 1)),
                         "cols": int(a.get("colspan", 1)),
                         "head": tag == "th" and "lab" not in
                         (a.get("class") or "")}
        elif tag == "br":
            if self.cell is not None:
                self.cell["text"] += "\n"
            elif self.text is not None:
                self.text += "\n"
        elif tag in BLOCK and self.table is None:
            self.flush()
            self.text = ""

    def handle_endtag(self, tag):
        if tag in ("style", "script", "head"):
            self.skip -= 1
        elif tag == "table":
            self.blocks.append(("table", self.table))
            self.table = None
        elif tag in ("td", "th") and self.cell is not None:
            self.cell["text"] = self.cell["text"].strip()
            self.table[-1].append(self.cell)
            self.cell = None
        elif tag in BLOCK and self.table is None:
            self.flush()

    def handle_data(self, data):
        if self.skip:
            return
        if self.cell is not None:
            self.cell["text"] += data
        elif self.table is None:
            if self.text is None:
                self.text = ""
            self.text += data

    def flush(self):
        if self.text is not None and self.text.strip():
            self.blocks.append(("p", self.text.strip()))
        self.text = None


def blocks(path):
    p = Page()
    with open(path, encoding="utf-8") as f:
        p.feed(f.read())
    p.flush()
    return p.blocks


def main():
    out = []
    for kind, b in blocks(sys.argv[1]):
        if kind == "p":
            out.append(b)
        else:
            for row in b:
                out.append("\t".join(c["text"] for c in row))
        out.append("")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
