/*
 * Guichet: passkeys (WebAuthn) through Spring Security's endpoints.
 * - [data-passkey-register]: creates a passkey (POST /webauthn/register/options, navigator.credentials.create,
 *   POST /webauthn/register with the label typed in [data-label]), then submits the form named by data-done;
 * - [data-passkey-use]: proves one of the agent's passkeys (POST /webauthn/authenticate/options,
 *   navigator.credentials.get, POST /login/webauthn), then goes to data-next.
 * Messages come from the page (data-error-*), in the agent's language; the status region announces them.
 */
(function () {
    'use strict';

    var context = (document.documentElement.getAttribute('data-context') || '/').replace(/\/$/, '');

    function meta(name) {
        var element = document.querySelector('meta[name="' + name + '"]');
        return element ? element.getAttribute('content') : null;
    }

    function headers() {
        var result = {'Content-Type': 'application/json'};
        if (meta('_csrf') && meta('_csrf_header')) {
            result[meta('_csrf_header')] = meta('_csrf');
        }
        return result;
    }

    function toBase64Url(buffer) {
        var bytes = new Uint8Array(buffer);
        var text = '';
        for (var i = 0; i < bytes.length; i++) {
            text += String.fromCharCode(bytes[i]);
        }
        return window.btoa(text).replace(/=/g, '').replace(/\+/g, '-').replace(/\//g, '_');
    }

    function fromBase64Url(value) {
        var text = window.atob(value.replace(/-/g, '+').replace(/_/g, '/'));
        var bytes = new Uint8Array(text.length);
        for (var i = 0; i < text.length; i++) {
            bytes[i] = text.charCodeAt(i);
        }
        return bytes.buffer;
    }

    function post(path, body) {
        return fetch(context + path, {
            method: 'POST',
            headers: headers(),
            credentials: 'same-origin',
            body: body === undefined ? undefined : JSON.stringify(body)
        }).then(function (response) {
            if (!response.ok) {
                var error = new Error('HTTP ' + response.status);
                error.status = response.status;
                throw error;
            }
            return response.json();
        });
    }

    function descriptors(list) {
        return (list || []).map(function (credential) {
            return Object.assign({}, credential, {id: fromBase64Url(credential.id)});
        });
    }

    function register(label) {
        return post('/webauthn/register/options').then(function (options) {
            var publicKey = Object.assign({}, options, {
                challenge: fromBase64Url(options.challenge),
                user: Object.assign({}, options.user, {id: fromBase64Url(options.user.id)}),
                excludeCredentials: descriptors(options.excludeCredentials)
            });
            return navigator.credentials.create({publicKey: publicKey});
        }).then(function (credential) {
            var response = credential.response;
            return post('/webauthn/register', {
                publicKey: {
                    label: label,
                    credential: {
                        id: credential.id,
                        rawId: toBase64Url(credential.rawId),
                        type: credential.type,
                        response: {
                            attestationObject: toBase64Url(response.attestationObject),
                            clientDataJSON: toBase64Url(response.clientDataJSON),
                            transports: response.getTransports ? response.getTransports() : []
                        },
                        clientExtensionResults: credential.getClientExtensionResults(),
                        authenticatorAttachment: credential.authenticatorAttachment
                    }
                }
            });
        }).then(function (result) {
            if (!result || !result.success) {
                throw new Error('Registration refused');
            }
        });
    }

    function authenticate() {
        return post('/webauthn/authenticate/options').then(function (options) {
            var publicKey = Object.assign({}, options, {
                challenge: fromBase64Url(options.challenge),
                allowCredentials: descriptors(options.allowCredentials)
            });
            return navigator.credentials.get({publicKey: publicKey});
        }).then(function (credential) {
            var response = credential.response;
            return post('/login/webauthn', {
                id: credential.id,
                rawId: toBase64Url(credential.rawId),
                type: credential.type,
                response: {
                    authenticatorData: toBase64Url(response.authenticatorData),
                    clientDataJSON: toBase64Url(response.clientDataJSON),
                    signature: toBase64Url(response.signature),
                    userHandle: response.userHandle ? toBase64Url(response.userHandle) : undefined
                },
                clientExtensionResults: credential.getClientExtensionResults(),
                authenticatorAttachment: credential.authenticatorAttachment
            });
        }).then(function (result) {
            if (!result || !result.authenticated) {
                throw new Error('Authentication refused');
            }
        });
    }

    /** The page's message for this failure: cancelled or timed out, refused by the server, or anything else. */
    function message(button, error) {
        if (error && (error.name === 'NotAllowedError' || error.name === 'AbortError')) {
            return button.getAttribute('data-error-cancelled');
        }
        if (error && error.name === 'InvalidStateError') {
            return button.getAttribute('data-error-exists') || button.getAttribute('data-error-other');
        }
        if (error && (error.status === 401 || error.status === 403)) {
            return button.getAttribute('data-error-refused');
        }
        return button.getAttribute('data-error-other');
    }

    function wire(button, ceremony, done) {
        var status = document.getElementById(button.getAttribute('data-status'));
        if (!window.PublicKeyCredential || !navigator.credentials) {
            button.disabled = true;
            if (status) {
                status.textContent = button.getAttribute('data-error-unsupported');
                status.hidden = false;
            }
            return;
        }
        button.addEventListener('click', function () {
            if (status) {
                status.hidden = true;
                status.textContent = '';
            }
            button.disabled = true;
            button.setAttribute('aria-busy', 'true');
            ceremony().then(done, function (error) {
                button.disabled = false;
                button.removeAttribute('aria-busy');
                if (status) {
                    status.textContent = message(button, error);
                    status.hidden = false;
                    status.focus();
                }
            });
        });
    }

    document.querySelectorAll('[data-passkey-register]').forEach(function (button) {
        wire(button, function () {
            var input = document.getElementById(button.getAttribute('data-label'));
            var label = input && input.value.trim() ? input.value.trim() : button.getAttribute('data-default-label');
            return register(label);
        }, function () {
            document.getElementById(button.getAttribute('data-done')).submit();
        });
    });

    document.querySelectorAll('[data-passkey-use]').forEach(function (button) {
        wire(button, authenticate, function () {
            window.location.assign(button.getAttribute('data-next'));
        });
    });
}());
