"""Reads the statistics table of a Gatling HTML report (index.html) and prints it as Markdown: each request, then all
requests, with count, failures, per second, p50/p75/p95/p99/max (ms). Usage: morning-report.py REPORT_DIR"""
import html, re, sys

page = open(sys.argv[1] + '/index.html', encoding='utf-8').read()
rows = []
for row in re.findall(r'<tr id="(?:ROOT|req_[^"]+)"[^>]*>(.*?)</tr>', page, re.S):
    name = re.search(r'class="ellipsed-name">([^<]+)<', row).group(1)
    cells = dict(re.findall(r'<td class="value [a-z]+ col-(\d+)">([^<]*)</td>', row))
    rows.append((html.unescape(name), cells))
print('| request | count | failed | per second | p50 | p75 | p95 | p99 | max (ms) |')
print('|---|---|---|---|---|---|---|---|---|')
for name, c in rows[1:] + rows[:1]:
    print('| %s | %s | %s | %s | %s | %s | %s | %s | %s |' % (
        name if name != 'All Requests' else '**all requests**', c.get('2'), c.get('4'), c.get('6'), c.get('8'),
        c.get('9'), c.get('10'), c.get('11'), c.get('12')))
