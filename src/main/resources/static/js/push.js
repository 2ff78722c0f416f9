// Notifications by Web Push on this device, for the subjects ticked: shown only where the browser can do it (a
// service worker and the Push API); the subscription is made with Guichet's key and handed to Guichet with the
// subjects; turning it off removes it at both ends.
(function () {
    var form = document.getElementById('push');
    if (!form || !('serviceWorker' in navigator) || !('PushManager' in window)) {
        return;
    }
    form.hidden = false;
    var on = document.getElementById('push-on');
    var off = document.getElementById('push-off');
    var state = document.getElementById('push-state');
    var csrf = document.querySelector('meta[name="_csrf"]');

    function say(id) {
        state.textContent = document.getElementById(id).textContent;
    }

    function headers() {
        var all = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
        if (csrf) {
            all['X-CSRF-TOKEN'] = csrf.getAttribute('content');
        }
        return all;
    }

    function base64UrlToBytes(text) {
        var padded = (text + '==='.slice((text.length + 3) % 4)).replace(/-/g, '+').replace(/_/g, '/');
        var raw = atob(padded);
        var bytes = new Uint8Array(raw.length);
        for (var i = 0; i < raw.length; i++) {
            bytes[i] = raw.charCodeAt(i);
        }
        return bytes;
    }

    navigator.serviceWorker.ready.then(function (registration) {
        return registration.pushManager.getSubscription();
    }).then(function (existing) {
        off.hidden = !existing;
    });

    form.addEventListener('submit', function (event) {
        event.preventDefault();
        var categories = Array.prototype.slice.call(form.querySelectorAll('input[name="push"]:checked'))
            .map(function (box) { return box.value; });
        fetch(form.getAttribute('data-key-url'), { headers: headers(), credentials: 'same-origin' })
            .then(function (response) { return response.json(); })
            .then(function (key) {
                return navigator.serviceWorker.ready.then(function (registration) {
                    return registration.pushManager.subscribe({
                        userVisibleOnly: true,
                        applicationServerKey: base64UrlToBytes(key.applicationServerKey)
                    });
                });
            })
            .then(function (subscription) {
                var json = subscription.toJSON();
                return fetch(form.getAttribute('data-subscriptions-url'), {
                    method: 'POST',
                    headers: headers(),
                    credentials: 'same-origin',
                    body: JSON.stringify({ endpoint: json.endpoint, keys: json.keys, categories: categories })
                });
            })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error(String(response.status));
                }
                off.hidden = false;
                say('push-done');
            })
            .catch(function () {
                say('push-refused');
            });
    });

    off.addEventListener('click', function () {
        navigator.serviceWorker.ready.then(function (registration) {
            return registration.pushManager.getSubscription();
        }).then(function (subscription) {
            if (!subscription) {
                return null;
            }
            var endpoint = subscription.endpoint;
            return subscription.unsubscribe().then(function () {
                return fetch(form.getAttribute('data-subscriptions-url') + '?endpoint=' + encodeURIComponent(endpoint), {
                    method: 'DELETE',
                    headers: headers(),
                    credentials: 'same-origin'
                });
            });
        }).then(function () {
            off.hidden = true;
            say('push-stopped');
        });
    });
})();
