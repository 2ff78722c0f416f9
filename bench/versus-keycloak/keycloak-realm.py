"""Creates Keycloak's side of bench/versus-keycloak.sh through its admin API: the realm "bench" (Argon2id, no brute-force
protection, hour-long tokens), its confidential client "bench", the agents with the demo password; then checks that
each stored credential says Guichet's Argon2id parameters, and stops the run if one does not.

Usage: keycloak-realm.py BASE USERS PASSWORD MEMORY_KIB ITERATIONS (the bootstrap admin is admin / admin-bench-2026).
"""
import json, sys, urllib.request, urllib.parse
base = sys.argv[1]; users = sys.argv[2].split(','); password = sys.argv[3]; memory = int(sys.argv[4]); iterations = int(sys.argv[5])
def call(method, path, body=None, token=None, form=None):
    data = None; headers = {}
    if form is not None:
        data = urllib.parse.urlencode(form).encode(); headers['Content-Type'] = 'application/x-www-form-urlencoded'
    elif body is not None:
        data = json.dumps(body).encode(); headers['Content-Type'] = 'application/json'
    if token: headers['Authorization'] = 'Bearer ' + token
    req = urllib.request.Request(base + path, data=data, method=method, headers=headers)
    with urllib.request.urlopen(req) as r:
        text = r.read().decode()
        return json.loads(text) if text else None
token = call('POST', '/realms/master/protocol/openid-connect/token', form={'grant_type': 'password', 'client_id': 'admin-cli', 'username': 'admin', 'password': 'admin-bench-2026'})['access_token']
realms = [r['realm'] for r in call('GET', '/admin/realms', token=token)]
if 'bench' not in realms:
    call('POST', '/admin/realms', {'realm': 'bench', 'enabled': True, 'accessTokenLifespan': 3600, 'ssoSessionIdleTimeout': 3600,
                                   'passwordPolicy': 'hashAlgorithm(argon2)', 'bruteForceProtected': False}, token)
    call('POST', '/admin/realms/bench/clients', {'clientId': 'bench', 'secret': 'bench-secret', 'publicClient': False,
        'standardFlowEnabled': True, 'directAccessGrantsEnabled': False, 'redirectUris': ['http://127.0.0.1:9/cb']}, token)
    for u in users:
        call('POST', '/admin/realms/bench/users', {'username': u, 'enabled': True, 'email': u + '@ville.example', 'emailVerified': True,
            'firstName': u.split('.')[0].capitalize(), 'lastName': u.split('.')[-1].capitalize(),
            'credentials': [{'type': 'password', 'value': password, 'temporary': False}]}, token)
# the stored credential must say Guichet's parameters
for u in users:
    uid = call('GET', '/admin/realms/bench/users?exact=true&username=' + urllib.parse.quote(u), token=token)[0]['id']
    cred = [c for c in call('GET', '/admin/realms/bench/users/%s/credentials' % uid, token=token) if c['type'] == 'password'][0]
    data = json.loads(cred['credentialData'])
    params = data.get('additionalParameters', {})
    got = (data.get('algorithm'), data.get('hashIterations'), params.get('memory'), params.get('parallelism'), params.get('type'))
    want = ('argon2', iterations, [str(memory)], ['1'], ['id'])
    if got != want:
        sys.exit('%s: stored credential %s, expected %s' % (u, got, want))
print('credential: argon2 %s, memory %s KiB, iterations %s, parallelism %s' % (params.get('type')[0], params['memory'][0], data['hashIterations'], params['parallelism'][0]))
