"""Turns one run of bench/versus-keycloak.sh (its TSV) into the Markdown section appended to bench/README.md: the
machine, the ceiling, then each scenario side by side with the ratio Guichet / Keycloak and, for sign-ins, the share
of each one's own Argon2id ceiling.

Usage: report.py RESULTS.tsv KEYCLOAK_VERSION GUICHET_JAVA_OPTS CREDENTIAL_LINE
"""
import datetime, os, platform, subprocess, sys

results, kc_version, java_opts, credential = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
rows = [line.rstrip('\n').split('\t') for line in open(results) if line.strip()]


def cpu():
    for line in open('/proc/cpuinfo'):
        if line.startswith('model name'):
            return line.split(':', 1)[1].strip()
    return platform.processor()


def memory_gib():
    for line in open('/proc/meminfo'):
        if line.startswith('MemTotal'):
            return int(line.split()[1]) / 1024 / 1024
    return 0


java = os.path.join(os.environ.get('JAVA_HOME', '/usr'), 'bin', 'java')
java_version = subprocess.run([java, '-version'], capture_output=True, text=True).stderr.splitlines()[0]
ceiling = {r[1]: (float(r[2]), r[3]) for r in rows if r[0] == 'ceiling'}
databases = []
for r in rows:
    if r[0] in ('signin', 'start') and r[2] not in databases:
        databases.append(r[2])
names = {'h2': 'embedded (Guichet: H2 file; Keycloak: dev-file H2)', 'postgres': 'PostgreSQL on the same machine'}


def ratio(a, b):
    return '%.2f' % (a / b) if b else '—'


out = ['']
out.append('### Guichet and Keycloak %s side by side (`bench/versus-keycloak.sh`), %s' % (
    kc_version, datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')))
out.append('')
out.append('Machine: %s, %d cores, %.0f GiB; %s; Guichet `java -jar`%s, Keycloak `kc.sh start --optimized` as shipped. '
           'Keycloak\'s %s. Same load client (`SideBySide`), one system at a time.' % (
               cpu(), os.cpu_count(), memory_gib(), java_version,
               ((' with `%s`' % java_opts.strip()) + (' (the jar extracted, the cache from a training start)' if 'AOTCache' in java_opts else '')) if java_opts.strip() else ' with no option', credential))
out.append('')
out.append('Raw Argon2id ceiling (m = 19 MiB, t = 2, p = 1, 2 threads, `Argon2Ceiling`, median of three rounds): Guichet\'s Bouncy Castle %s '
           '%.1f hashes/s; Keycloak\'s %s %.1f hashes/s.' % (
               ceiling['guichet'][1], ceiling['guichet'][0], ceiling['keycloak'][1], ceiling['keycloak'][0]))
out.append('')
for db in databases:
    out.append('**%s**' % names.get(db, db))
    out.append('')
    out.append('| scenario | Guichet | Keycloak | Guichet / Keycloak |')
    out.append('|---|---|---|---|')
    for run in ('first', 'restart'):
        s = {r[1]: int(r[4]) for r in rows if r[0] == 'start' and r[2] == db and r[3] == run}
        if s:
            out.append('| ready after start, %s (ms) | %s | %s | %s |' % (
                'new database' if run == 'first' else 'restart', s.get('guichet', '—'), s.get('keycloak', '—'),
                ratio(s.get('guichet', 0), s.get('keycloak', 0))))
    for users in ('2', '4', '8'):
        s = {r[1]: r[4:] for r in rows if r[0] == 'signin' and r[2] == db and r[3] == users}
        if len(s) < 2:
            continue
        g, k = s['guichet'], s['keycloak']
        out.append('| sign-ins/s at %s users (%% of own ceiling) | %s (%.0f %%) | %s (%.0f %%) | %s |' % (
            users, g[1], 100 * float(g[1]) / ceiling['guichet'][0], k[1], 100 * float(k[1]) / ceiling['keycloak'][0],
            ratio(float(g[1]), float(k[1]))))
        out.append('| sign-in p50 / p90 / p99 / max at %s users (ms) | %s / %s / %s / %s | %s / %s / %s / %s | |' % (
            users, g[2], g[3], g[4], g[5], k[2], k[3], k[4], k[5]))
        if g[6] != '0' or k[6] != '0':
            out.append('| failed sign-ins at %s users | %s | %s | |' % (users, g[6], k[6]))
        if users == '8' and len(g) >= 10 and len(k) >= 10:
            # the machine's two cores give 2,000 ms of CPU a second: a sign-in's CPU decides the most there can be, and
            # the hash's part of it (2,000 / ceiling ms) is the share of the ceiling that can be reached at best
            def cpu(x, system):
                total = float(x[7]) + float(x[8]) + float(x[9])
                return total, 100 * (2000 / ceiling[system][0]) / total if total else 0
            gt, gs = cpu(g, 'guichet')
            kt, ks = cpu(k, 'keycloak')
            out.append('| CPU per sign-in at 8 users: load client + server + database (ms) | %s + %s + %s = %.1f | %s + %s + %s = %.1f | %s |' % (
                g[7], g[8], g[9], gt, k[7], k[8], k[9], kt, ratio(gt, kt)))
            out.append('| the hash\'s share of that CPU (the most of the ceiling the machine allows) | %.0f %% | %.0f %% | |' % (gs, ks))
    s = {r[1]: r[3:] for r in rows if r[0] == 'cheap' and r[2] == db}
    if len(s) == 2:
        g, k = s['guichet'], s['keycloak']
        out.append('| `/api/v1/me` vs userinfo, requests/s (wrk, 8 connections) | %s | %s | %s |' % (
            g[0], k[0], ratio(float(g[0]), float(k[0]))))
        out.append('| same, p50 / p90 / p99 / max (ms) | %s / %s / %s / %s | %s / %s / %s / %s | |' % (
            g[1], g[2], g[3], g[4], k[1], k[2], k[3], k[4]))
        if g[5] != '0' or k[5] != '0':
            out.append('| same, errors | %s | %s | |' % (g[5], k[5]))
    s = {r[1]: r[3:] for r in rows if r[0] == 'floor' and r[2] == db}
    if len(s) == 2:
        g, k = s['guichet'], s['keycloak']
        out.append('| floor, no session and no database: liveness vs discovery document, requests/s (wrk, 8 connections) | %s | %s | %s |' % (
            g[0], k[0], ratio(float(g[0]), float(k[0]))))
    for when in ('after start (restart)', 'after load'):
        s = {r[1]: int(r[4]) for r in rows if r[0] == 'rss' and r[2] == db and r[3] == when}
        if len(s) == 2:
            out.append('| RSS %s (MiB) | %d | %d | %s |' % (
                when.replace(' (restart)', ''), s['guichet'], s['keycloak'], ratio(s['guichet'], s['keycloak'])))
    out.append('')
print('\n'.join(out))
