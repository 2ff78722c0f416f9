"""Reads wrk --latency's report on standard input; prints requests/s, p50, p90, p99, max (ms) and the errors
(non-2xx answers, sockets' errors), tab-separated."""
import re, sys

text = sys.stdin.read()


def ms(value):
    number, unit = re.match(r'([\d.]+)(us|ms|s|m)', value).groups()
    return float(number) * {'us': 0.001, 'ms': 1, 's': 1000, 'm': 60000}[unit]


rate = float(re.search(r'Requests/sec:\s+([\d.]+)', text).group(1))
latency = re.search(r'Latency\s+(\S+)\s+(\S+)\s+(\S+)', text)
percentiles = {p: ms(v) for p, v in re.findall(r'^\s+(\d+)%\s+(\S+)', text, re.M)}
errors = sum(int(n) for n in re.findall(r'Non-2xx or 3xx responses:\s+(\d+)', text))
socket = re.search(r'Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)', text)
if socket:
    errors += sum(int(n) for n in socket.groups())
print('\t'.join([
    '%.0f' % rate, '%.1f' % percentiles['50'], '%.1f' % percentiles['90'], '%.1f' % percentiles['99'],
    '%.1f' % ms(latency.group(3)), str(errors)]))
