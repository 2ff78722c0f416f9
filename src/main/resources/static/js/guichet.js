/*
 * Guichet: small progressive enhancements. Every page works without this script.
 * - moves the focus to a form's error summary, so screen readers announce it;
 * - shows a live, accessible strength meter under new-password fields;
 * - warns before the session expires and offers to stay signed in (in step across tabs).
 */
(function () {
    'use strict';

    function meta(name) {
        var element = document.querySelector('meta[name="' + name + '"]');
        return element ? element.getAttribute('content') : null;
    }

    function csrfHeaders() {
        var headers = {};
        var token = meta('_csrf');
        var header = meta('_csrf_header');
        if (token && header) {
            headers[header] = token;
        }
        return headers;
    }

    // --- Error summary -------------------------------------------------------------------------------------------
    var summary = document.getElementById('error-summary') || document.getElementById('login-error');
    if (summary) {
        summary.focus();
    }

    // --- Print buttons (shown only with this script) ----------------------------------------------------------
    document.querySelectorAll('[data-print]').forEach(function (button) {
        button.hidden = false;
        button.addEventListener('click', function () {
            window.print();
        });
    });

    // --- Password strength meter -------------------------------------------------------------------------------
    document.querySelectorAll('[data-password-meter]').forEach(function (meter) {
        var input = document.getElementById(meter.getAttribute('data-for'));
        if (!input) {
            return;
        }
        var gauge = meter.querySelector('meter');
        var label = meter.querySelector('.meter__label');
        var problems = meter.querySelector('.meter__problems');
        var timer = null;
        var latest = 0;

        function show(result) {
            meter.hidden = false;
            gauge.value = result.score;
            label.textContent = meter.getAttribute('data-title') + ' ' + meter.getAttribute('data-label-' + result.score);
            problems.textContent = '';
            result.problems.map(function (problem) { return problem.message; })
                .concat(result.acceptable ? [] : result.hints)
                .forEach(function (text) {
                    var item = document.createElement('li');
                    item.textContent = text;
                    problems.appendChild(item);
                });
        }

        function check() {
            var value = input.value;
            if (!value) {
                meter.hidden = true;
                return;
            }
            var request = ++latest;
            var headers = csrfHeaders();
            headers['Content-Type'] = 'application/json';
            headers.Accept = 'application/json';
            var language = encodeURIComponent(document.documentElement.lang || 'fr');
            fetch(document.documentElement.getAttribute('data-context') + 'api/v1/password/check?lang=' + language, {
                method: 'POST',
                credentials: 'same-origin',
                headers: headers,
                body: JSON.stringify({password: value})
            }).then(function (response) {
                return response.ok ? response.json() : null;
            }).then(function (result) {
                if (result && request === latest) {
                    show(result);
                }
            }).catch(function () { /* the server checks again on submit */ });
        }

        input.addEventListener('input', function () {
            clearTimeout(timer);
            timer = setTimeout(check, 350);
        });
    });

    // --- Idle warning ------------------------------------------------------------------------------------------
    var dialog = document.getElementById('idle-dialog');
    var timeout = Number(meta('guichet-session-timeout'));
    var warning = Number(meta('guichet-session-warning'));
    if (!dialog || !timeout || typeof dialog.showModal !== 'function') {
        return;
    }
    var KEY = 'guichet.lastActivity';
    var text = document.getElementById('idle-text');
    var context = document.documentElement.getAttribute('data-context');

    function touch() {
        try {
            localStorage.setItem(KEY, String(Date.now()));
        } catch (e) { /* private browsing: this tab still counts on its own */ }
        lastLocal = Date.now();
    }

    function lastActivity() {
        var shared = 0;
        try {
            shared = Number(localStorage.getItem(KEY)) || 0;
        } catch (e) { /* ignore */ }
        return Math.max(shared, lastLocal);
    }

    function stay() {
        fetch(context + 'session/keepalive', {method: 'POST', credentials: 'same-origin', headers: csrfHeaders()})
            .then(function (response) {
                if (response.ok) {
                    touch();
                    if (dialog.open) {
                        dialog.close();
                    }
                } else {
                    window.location.reload();
                }
            });
    }

    var lastLocal = 0;
    touch();
    dialog.querySelector('[data-idle-stay]').addEventListener('click', stay);
    dialog.addEventListener('cancel', function (event) {
        event.preventDefault();
        stay();
    });

    setInterval(function () {
        var idle = (Date.now() - lastActivity()) / 1000;
        if (idle >= timeout) {
            window.location.reload();
        } else if (idle >= timeout - warning) {
            var minutes = Math.max(1, Math.ceil((timeout - idle) / 60));
            text.textContent = text.getAttribute('data-template').replace('{0}', String(minutes));
            if (!dialog.open) {
                dialog.showModal();
                dialog.querySelector('[data-idle-stay]').focus();
            }
        } else if (dialog.open) {
            dialog.close();
        }
    }, 5000);
}());

// The mailbox's unread count on its tile of the home page, asked once the page is shown: a slow mail server never
// slows the home page, and without scripts the tile is simply without a count.
(function () {
    'use strict';
    var tile = document.querySelector('#service-messaging[data-allowed="true"]');
    if (!tile || !window.fetch) {
        return;
    }
    var context = document.documentElement.getAttribute('data-context') || '/';
    fetch(context + 'api/v1/mail/folders', {headers: {Accept: 'application/json'}, credentials: 'same-origin'})
        .then(function (answer) { return answer.ok ? answer.json() : []; })
        .then(function (folders) {
            var inbox = folders.filter(function (folder) { return folder.name === 'INBOX'; })[0];
            if (!inbox || inbox.unread < 1) {
                return;
            }
            var badge = document.createElement('span');
            badge.className = 'badge';
            badge.id = 'mail-unread';
            badge.textContent = inbox.unread === 1
                ? tile.getAttribute('data-unread-one')
                : tile.getAttribute('data-unread-many').replace('2', String(inbox.unread));
            tile.querySelector('.tile__title').appendChild(badge);
        })
        .catch(function () { /* no count: the tile is enough */ });
})();

