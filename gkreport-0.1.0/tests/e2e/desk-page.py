#!/usr/bin/env python3
"""desk-page.py PAGE.html UNITS.csv: the page of gkreport sum --html read
back with html.parser and held against the units table: every unit's cell
on the page equals the table's cell under the same heading; the totals
equal the units' figures added up (where every unit gave the figure and
was added); the status counts, each rate's quartiles (recomputed here with
exact fractions, QUARTILE.INC, rounded half up) and its highest and lowest
units, and the units listed under each rule agree with the table.
Prints one line per failure and exits 1 on any."""
import csv
import sys
from fractions import Fraction
from html.parser import HTMLParser


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.tables = {}        # id -> list of rows (list of cell texts)
        self.heads = {}         # id -> data-h of each th
        self.table = None
        self.row = None
        self.cell = None
        self.ids = {}
        self.rule = None
        self.rule_units = {}    # rule -> hrefs of units
        self.cards = []
        self.card = None
        self.rate = None
        self.lists = {}         # rate id -> [[(href, text)], ...]
        self.li = None
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == 'script':
            self.scripts += 1
            if 'src' in a:
                print('FAIL: a script from elsewhere:', a['src'])
        if tag in ('link', 'img', 'iframe'):
            print('FAIL: an outside resource:', tag, a)
        if tag == 'table' and a.get('id'):
            self.table = a['id']
            self.tables[self.table] = []
            self.heads[self.table] = []
        elif tag == 'table':
            self.table = None
        if tag == 'tr' and self.table:
            self.row = []
        if tag in ('td', 'th') and self.row is not None:
            self.cell = ''
            if tag == 'th' and 'data-h' in a:
                self.heads[self.table].append(a['data-h'])
        if tag == 'details' and a.get('id', '').startswith('rule-'):
            self.rule = a['id'][5:]
            self.rule_units[self.rule] = []
        if tag == 'a' and self.rule and 'href' in a:
            self.rule_units[self.rule].append(a['href'])
        if tag == 'div' and 'card' in a.get('class', ''):
            self.card = ''
        if tag == 'div' and a.get('id', '').startswith('rate-'):
            self.rate = a['id']
            self.lists[self.rate] = []
        if tag == 'ol' and self.rate:
            self.lists[self.rate].append([])
        if tag == 'li' and self.rate:
            self.li = ''
        if tag == 'a' and self.li is not None:
            self.li_href = a.get('href')

    def handle_endtag(self, tag):
        if tag in ('td', 'th') and self.cell is not None:
            self.row.append(self.cell.strip())
            self.cell = None
        if tag == 'tr' and self.row is not None:
            self.tables[self.table].append(self.row)
            self.row = None
        if tag == 'table':
            self.table = None
        if tag == 'details':
            self.rule = None
        if tag == 'div' and self.card is not None:
            self.cards.append(self.card)
            self.card = None
        if tag == 'li' and self.li is not None:
            self.lists[self.rate][-1].append((self.li_href, self.li))
            self.li = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data
        if self.card is not None:
            self.card += data
        if self.li is not None:
            self.li += data


def bp(s):
    """'57.14' -> 5714"""
    whole, frac = s.split('.')
    return int(whole) * 100 + int(frac)


def quartile(v, q):
    pos = Fraction(q * (len(v) - 1), 4)
    i = int(pos)
    f = pos - i
    x = v[i] if f == 0 else v[i] + f * (v[i + 1] - v[i])
    return int(x + Fraction(1, 2)) if x >= 0 else -int(-x + Fraction(1, 2))


def main():
    fails = 0

    def bad(*msg):
        nonlocal fails
        fails += 1
        print('FAIL:', *msg)

    page = Page()
    with open(sys.argv[1], encoding='utf-8') as f:
        page.feed(f.read())
    with open(sys.argv[2], encoding='utf-8-sig', newline='') as f:
        rows = list(csv.reader(f))
    head, units = rows[0], rows[1:]
    col = {h: i for i, h in enumerate(head)}

    ph = page.heads.get('units-table', [])
    prow = page.tables.get('units-table', [])[1:]
    if len(prow) != len(units):
        bad('the page has', len(prow), 'units, the table', len(units))
    checked = 0
    for r in prow:
        u = units[int(r[0]) - 1]
        for h, v in zip(ph, r):
            if h not in col:
                bad('page heading not in the units table:', h)
                continue
            if u[col[h]] != v:
                bad('unit', r[0], h, 'page', repr(v), 'table',
                    repr(u[col[h]]))
            checked += 1

    # status cards: "40份报告", "31完整无误", ...
    status = col['状态']
    for c in page.cards:
        n = int(''.join(ch for ch in c if ch.isdigit()))
        label = ''.join(ch for ch in c if not ch.isdigit())
        want = len(units) if label == '份报告' else \
            sum(1 for u in units if u[status] == label)
        if n != want:
            bad('status card', c, 'the table has', want)

    # totals: each figure added up over the units that were added
    added = [u for u in units if u[status] in ('完整无误', '未填完', '有错误')]
    # with last year (--prev): the change is this year's less last year's
    for r in page.tables.get('totals-table', [])[1:]:
        if len(r) == 5 and r[1] != '' and r[2] != '':
            d = Fraction(r[1]) - Fraction(r[2])
            if r[3] == '' or Fraction(r[3]) != d:
                bad('change of', r[0], 'page', r[3], 'computed', d)
            if Fraction(r[2]) > 0:
                pct = d * 100 / Fraction(r[2])
                want = int(abs(pct) * 100 + Fraction(1, 2))
                if bp(r[4].lstrip('+-')) != want:
                    bad('change rate of', r[0], 'page', r[4], 'computed',
                        float(pct))
            checked += 1
    for r in page.tables.get('totals-table', [])[1:]:
        name, total = r[0], r[1]
        vals = [u[col[name]] for u in added]
        if any(v == '' for v in vals) or len(added) < len(units):
            continue
        want = sum(Fraction(v) for v in vals)
        if Fraction(total) != want:
            bad('total of', name, 'page', total, 'units added up', want)
        checked += 1

    # rates: quartiles (in the raw text: each rate's block holds one
    # quartile table) and the highest and lowest lists
    import re
    with open(sys.argv[1], encoding='utf-8') as f:
        text = f.read()
    blocks = dict(re.findall(
        r'<div class="rate" id="rate-(\d+)">(.*?)</div>', text, re.S))
    rate_heads = [h for h in head if '(%)=' in h]
    if len(blocks) != len(rate_heads):
        bad('the page has', len(blocks), 'rates, the table',
            len(rate_heads))
    for k, h in enumerate(rate_heads):
        rid = 'rate-%d' % (k + 1)
        vals = sorted(bp(u[col[h]]) for u in units if u[col[h]] != '' and
                      u[status] not in ('无法读取', '重复'))
        lists = page.lists.get(rid, [])
        m = re.search(r'<table class="list quart">.*?</tr><tr>(.*?)</tr>',
                      blocks.get(str(k + 1), ''), re.S)
        if not vals:
            if lists or m:
                bad(rid, 'shows a distribution of no units')
            continue
        got = [bp(x) for x in re.findall(r'<td>([0-9.]+)</td>',
                                         m.group(1))] if m else None
        want = [quartile(vals, q) for q in range(5)]
        if got != want:
            bad(rid, 'quartiles page', got, 'recomputed', want)
        if len(lists) != 2:
            bad(rid, 'has', len(lists), 'lists')
            continue
        top, low = lists
        if [bp(t.split()[-1]) for _, t in top] != \
                vals[::-1][:min(10, len(vals))]:
            bad(rid, 'highest', top)
        if [bp(t.split()[-1]) for _, t in low] != vals[:min(10, len(vals))]:
            bad(rid, 'lowest', low)
        checked += 1

    # findings by rule: the units listed are those the table counts
    for rule, hrefs in page.rule_units.items():
        want = ['#u%d' % (i + 1) for i, u in enumerate(units)
                if int(u[col[rule]]) > 0]
        if hrefs != want:
            bad('rule', rule, 'lists', hrefs[:5], 'table', want[:5])
    if page.scripts > 1:
        bad('more than one script')
    print('checked %d figures, %d failures' % (checked, fails))
    return 1 if fails else 0


sys.exit(main())
