// The connection check: measures the device clock against the server's (a one-time code from an authenticator
// app is refused when the phone's clock is more than about 30 seconds off).
(function () {
    'use strict';
    var item = document.getElementById('check-clock');
    if (!item || !window.fetch) {
        return;
    }
    var text = item.querySelector('.check-clock__text');
    var sent = Date.now();
    fetch('/api/v1/check', {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
        .then(function (response) { return response.json(); })
        .then(function (report) {
            var received = Date.now();
            var offsetSeconds = Math.round(((sent + received) / 2 - report.serverTime) / 1000);
            var seconds = Math.abs(offsetSeconds);
            var ok = seconds <= 30;
            var template = ok ? text.dataset.ok : (offsetSeconds > 0 ? text.dataset.ahead : text.dataset.behind);
            text.textContent = template.replace('{0}', String(seconds));
            if (!ok) {
                item.classList.add('check--problem');
                var fix = document.createElement('p');
                fix.textContent = text.dataset.fixLabel + ' ' + text.dataset.fix;
                item.appendChild(fix);
            }
            item.dataset.ok = String(ok);
            item.dataset.offset = String(offsetSeconds);
            item.hidden = false;
        })
        .catch(function () { /* the rest of the check stands without it */ });
}());
