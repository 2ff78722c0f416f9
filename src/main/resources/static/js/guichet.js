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

// The mailbox's unread count, on its tile of the home page and beside the bell in the header, asked once the page is
// shown: a slow mail server never slows a page, and without scripts there is simply no count. The count is kept a
// minute in the tab (not asked of the mail server at every page), asked afresh on the webmail's own pages, and forgotten
// at sign-out.
(function () {
    'use strict';
    var tile = document.querySelector('#service-messaging[data-allowed="true"]');
    var links = document.querySelectorAll('[data-mail-link]');
    if ((!tile && !links.length) || !window.fetch || !window.sessionStorage) {
        return;
    }
    var KEY = 'guichet.mail.unread';
    var context = document.documentElement.getAttribute('data-context') || '/';
    Array.prototype.forEach.call(document.querySelectorAll('form[action$="/logout"]'), function (form) {
        form.addEventListener('submit', function () { sessionStorage.removeItem(KEY); });
    });
    function show(unread) {
        Array.prototype.forEach.call(links, function (link) {
            var count = link.querySelector('.bell__count');
            count.textContent = String(unread);
            count.hidden = unread < 1;
            link.setAttribute('aria-label', unread === 0 ? link.getAttribute('data-none')
                : unread === 1 ? link.getAttribute('data-one')
                : link.getAttribute('data-many').replace('2', String(unread)));
            link.hidden = false;
        });
        if (tile && unread > 0 && !document.getElementById('mail-unread')) {
            var badge = document.createElement('span');
            badge.className = 'badge';
            badge.id = 'mail-unread';
            badge.textContent = unread === 1
                ? tile.getAttribute('data-unread-one')
                : tile.getAttribute('data-unread-many').replace('2', String(unread));
            tile.querySelector('.tile__title').appendChild(badge);
        }
    }
    var onMail = window.location.pathname.indexOf(context + 'mail') === 0;
    var kept = null;
    try { kept = JSON.parse(sessionStorage.getItem(KEY)); } catch (e) { kept = null; }
    if (!onMail && kept && Date.now() - kept.at < 60000) {
        if (kept.unread !== null) {
            show(kept.unread);
        }
        return;
    }
    fetch(context + 'api/v1/mail/folders', {headers: {Accept: 'application/json'}, credentials: 'same-origin'})
        .then(function (answer) { return answer.ok ? answer.json() : null; })
        .then(function (folders) {
            var inbox = folders && folders.filter(function (folder) { return folder.name === 'INBOX'; })[0];
            var unread = folders ? (inbox ? inbox.unread : 0) : null;
            sessionStorage.setItem(KEY, JSON.stringify({at: Date.now(), unread: unread}));
            if (unread !== null) {
                show(unread);
            }
        })
        .catch(function () { /* no count: the tile and the header are enough */ });
})();

// The weight of the files attached to a message, told as they are chosen: too heavy, said before sending; heavy, a
// warning that a slow connection will take minutes.
(function () {
    'use strict';
    var input = document.querySelector('input[type="file"][data-largest]');
    var out = document.getElementById('files-weight');
    if (!input || !out) {
        return;
    }
    input.addEventListener('change', function () {
        var total = 0;
        Array.prototype.forEach.call(input.files || [], function (file) { total += file.size; });
        var megabytes = (total / 1048576).toFixed(1).replace('.', document.documentElement.lang === 'fr' ? ',' : '.');
        var connection = navigator.connection || {};
        var slow = /(^|-)2g$|^3g$/.test(connection.effectiveType || '');
        out.classList.remove('field__error');
        if (total > Number(input.getAttribute('data-largest'))) {
            out.textContent = input.getAttribute('data-too-large');
            out.classList.add('field__error');
        } else if (total > (slow ? 1048576 : 5242880)) {
            out.textContent = input.getAttribute('data-slow').replace('{0}', megabytes);
        } else {
            out.textContent = '';
        }
    });
})();


// The installable app: the service worker keeps only the application's shell (never a page or personal data), so
// that the app installed on a phone opens, and says it is offline, without a network. Only at the site's root: a
// deployment under a context path serves no service worker.
(function () {
    if (!('serviceWorker' in navigator) || document.documentElement.getAttribute('data-context') !== '/') {
        return;
    }
    window.addEventListener('load', function () {
        navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(function () {
            // without a service worker the portal works the same, online
        });
    });
})();
