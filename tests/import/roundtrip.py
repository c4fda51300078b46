#!/usr/bin/env python3
"""roundtrip.py: every figure of a report must survive its HTML export, a
real converter's text and gkreport import (issue 15).

    roundtrip.py GKREPORT TOP_SRCDIR WORKDIR [SEED]

Reports: examples/*.csv, the samples of tests/data/import imported, and
generated reports with random figures and blank cells (fixed seed). Each
is exported with `gkreport export -f html`, turned into text by w3m (with
and without table borders), lynx, pandoc, html2text at several widths and
by a browser-style copy (browsercopy.py), and by pdflayout.py (tables as
`pdftotext -layout` prints them), then imported. Prints figures right /
figures total per converter and width; exits 1 when one is below 100 %
or a blank cell came back filled; a missing converter is skipped with a
message.

The export shows an unfilled cell as a dash (titled 未填), so lynx, which
prints an empty cell as nothing, and pandoc, which drops merged cells'
spans, keep every cell: they are held to 100 % like the others. pandoc
prints [TABLE] instead of a grid too wide for its width (the figures
are not in the text at all): those texts are counted apart. html2text
1.3.2a lays tables out by bytes: a Chinese label runs over the figures
beside it and characters are cut in half, even at -width 400 (table 二's
"行政规范性文件 3 0 8" comes out as "行政�3范性0��件 8"), so the figures
themselves are destroyed: its texts must be refused, never give a wrong
figure.
"""
import csv
import os
import random
import shutil
import subprocess
import sys

GK, TOP, WORK = sys.argv[1], sys.argv[2], sys.argv[3]
SEED = int(sys.argv[4]) if len(sys.argv) > 4 else 2024
HERE = os.path.join(TOP, "tests", "import")
ENV = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8")
ENV.pop("LANGUAGE", None)


def read_report(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    return [(r[0], r[1], r[2] if len(r) > 2 else "") for r in rows[1:] if r]


def figures(path):
    return {k: v for k, _, v in read_report(path)
            if k.startswith(("t2.", "t3.", "t4."))}


def write_report(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(["key", "label", "value"])
        for r in rows:
            w.writerow(r)


def generate(base, n, rnd):
    """n reports like base with random figures, some cells blank."""
    rows = read_report(base)
    out = []
    for i in range(n):
        blank = [0.0, 0.05, 0.15, 0.3][i % 4]
        new = []
        for k, label, v in rows:
            if k.startswith(("t2.", "t3.", "t4.")):
                if rnd.random() < blank:
                    v = ""
                elif k.startswith("t2.") and "fee" in k:
                    v = rnd.choice(["0", "12.5", "7545", "0.35", "120000"])
                else:
                    v = str(rnd.choice([0, 0, 0, 1, 2, 7, 13, 95, 408,
                                        1295, 20031, rnd.randint(0, 99999)]))
            elif k == "meta.agency":
                v = "随机生成第%d号单位" % (i + 1)
            new.append((k, label, v))
        path = os.path.join(WORK, "gen%02d.csv" % (i + 1))
        write_report(path, new)
        out.append(path)
    return out


def run(args, stdout=None, stdin=None):
    return subprocess.run(args, stdout=stdout or subprocess.PIPE,
                          stderr=subprocess.PIPE, stdin=stdin, env=ENV)


def have(prog):
    return shutil.which(prog) is not None


# What a converter loses (see above): None or "cjk".
LOSSY = {"html2text": "cjk"}


def converters():
    py = sys.executable
    c = []
    for w in (60, 80, 120):
        c.append(("w3m", w, "w3m", lambda h, w=w: [
            "w3m", "-dump", "-cols", str(w), "-T", "text/html",
            "-O", "UTF-8", "-I", "UTF-8", h]))
        c.append(("w3m-border", w, "w3m", lambda h, w=w: [
            "w3m", "-dump", "-cols", str(w), "-T", "text/html",
            "-O", "UTF-8", "-I", "UTF-8", h + ".border.html"]))
        c.append(("lynx", w, "lynx", lambda h, w=w: [
            "lynx", "-dump", "-nolist", "-width=%d" % w,
            "-assume_charset=utf-8", "-display_charset=utf-8", h]))
        c.append(("pandoc", w, "pandoc", lambda h, w=w: [
            "pandoc", "-f", "html", "-t", "plain", "--columns=%d" % w, h]))
        c.append(("pandoc-grid", w, "pandoc", lambda h, w=w: [
            "pandoc", "-f", "html", "-t", "plain", "--columns=%d" % w,
            h + ".grid.html"]))
        c.append(("html2text", w, "html2text", lambda h, w=w: [
            "html2text", "-utf8", "-width", str(w), h]))
        c.append(("pdf-layout", w, None, lambda h, w=w: [
            py, os.path.join(HERE, "pdflayout.py"), str(w), h]))
    c.append(("browser-copy", 0, None, lambda h: [
        py, os.path.join(HERE, "browsercopy.py"), h]))
    return c


def main():
    os.makedirs(WORK, exist_ok=True)
    rnd = random.Random(SEED)
    reports = sorted(os.path.join(TOP, "examples", f)
                     for f in os.listdir(os.path.join(TOP, "examples"))
                     if f.endswith(".csv"))
    sdir = os.path.join(TOP, "tests", "data", "import")
    for f in sorted(os.listdir(sdir)):
        if f.endswith(".txt"):
            out = os.path.join(WORK, "sample-" + f[:-4] + ".csv")
            r = run([GK, "import", "--force", "-o", out,
                     os.path.join(sdir, f)])
            if r.returncode != 0:
                print("sample %s does not import: %s" %
                      (f, r.stderr.decode("utf-8", "replace")[-300:]))
                return 1
            reports.append(out)
    reports += generate(reports[0], int(os.environ.get("ROUNDTRIP_N", "8")),
                        rnd)
    htmls = []
    for rep in reports:
        h = os.path.join(WORK, os.path.basename(rep)[:-4] + ".html")
        r = run([GK, "export", "-f", "html", "--force", "-o", h, rep])
        if r.returncode != 0:
            r = run([GK, "export", "-f", "html", "-o", h, rep])
        if r.returncode != 0:
            print("export of %s failed: %s" % (rep, r.stderr.decode("utf-8", "replace")))
            return 1
        with open(h, encoding="utf-8") as f:
            page = f.read()
        with open(h + ".border.html", "w", encoding="utf-8") as f:
            f.write(page.replace("<table", '<table border="1"'))
        # Two paragraphs in a cell make pandoc draw a bordered grid.
        with open(h + ".grid.html", "w", encoding="utf-8") as f:
            f.write(page.replace("第一项加第二项之和，", "第一项加第二项之和，</p><p>")
                    .replace("（本列数据的勾稽关系为：", "<p>（本列数据的勾稽关系为："))
        htmls.append((rep, h))

    bad = 0
    skipped = set()
    print("%-14s %5s %15s %8s %9s  %s" % ("converter", "width",
          "figures right", "", "wrong", "texts refused"))
    for name, width, prog, cmd in converters():
        if prog is not None and not have(prog):
            if prog not in skipped:
                print("%-14s skipped: %s is not installed" % (name, prog))
                skipped.add(prog)
            continue
        right = total = invented = refused = 0
        why = ""
        dropped = 0     # texts where the converter wrote [TABLE]
        notes = []
        for rep, h in htmls:
            base = os.path.join(WORK, "%s-%s-%d" % (
                os.path.basename(h)[:-5], name, width))
            r = run(cmd(h))
            if r.returncode != 0:
                notes.append("%s: converter failed" % os.path.basename(h))
                refused += 1
                continue
            with open(base + ".txt", "wb") as f:
                f.write(r.stdout)
            if b"[TABLE]" in r.stdout:
                # pandoc gave up on a table too wide for its grid: the
                # figures are not in the text at all.
                dropped += 1
                continue
            r = run([GK, "import", "--force", "-o", base + ".csv",
                     base + ".txt"])
            want = figures(rep)
            n = sum(1 for v in want.values() if v != "")
            total += n
            if r.returncode != 0:
                refused += 1
                notes.append("%s: %s" % (os.path.basename(base + ".txt"),
                             r.stderr.decode("utf-8", "replace").strip().splitlines()[-1]))
                continue
            got = figures(base + ".csv")
            for k, v in want.items():
                g = got.get(k, "")
                if v != "" and g == v:
                    right += 1
                elif v == "" and g != "":
                    invented += 1
                    notes.append("%s: %s invented %s" % (
                        os.path.basename(base), k, g))
                elif v != "":
                    if g != "":
                        invented += 1
                    notes.append("%s: %s is '%s', should be %s" % (
                        os.path.basename(base), k, g, v))
        if dropped:
            why += "  (%d texts skipped: the converter printed [TABLE])" % \
                dropped
        pct = 100.0 * right / total if total else 0.0
        ok = right == total and invented == 0 and refused == 0
        if LOSSY.get(name) == "cjk":
            ok = invented == 0
            why += "  (html2text 1.3.2a cuts Chinese characters and " \
                "writes labels over figures: refused, never a wrong figure)"
        print("%-14s %5s %7d / %-5d %7.1f%% %9d  %d%s%s" % (
            name, width or "-", right, total, pct, invented, refused,
            why, "" if ok else "   <-- FAIL"))
        if not ok:
            bad += 1
            for n in notes[:8]:
                print("      " + n)
    return 1 if bad else 0


sys.exit(main())
