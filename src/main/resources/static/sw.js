// Guichet's service worker: keeps the application's shell (styles, scripts, icons, the offline page) so that the
// installed app opens and explains itself without a network. It never keeps a page or an API answer: payslips and
// every personal datum are fetched from the network each time, and answered "no-store" by Guichet.
'use strict';

const SHELL = 'guichet-shell-v1';
const OFFLINE = '/offline.html';
const SHELL_FILES = [
  OFFLINE,
  '/css/guichet.css',
  '/js/guichet.js',
  '/images/favicon.svg',
  '/icons/guichet-192.png',
  '/icons/guichet-512.png'
];

// Only these paths are ever kept: the shell's own files, never anything an agent's session produced.
function isShell(url) {
  return url.origin === self.location.origin
    && (url.pathname === OFFLINE
      || url.pathname.startsWith('/css/')
      || url.pathname.startsWith('/js/')
      || url.pathname.startsWith('/images/')
      || url.pathname.startsWith('/icons/'));
}

self.addEventListener('install', (event) => {
  // the shell is fetched without cookies: nothing personal can slip into it
  event.waitUntil(caches.open(SHELL)
    .then((cache) => cache.addAll(SHELL_FILES.map((path) => new Request(path, { credentials: 'omit' }))))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((name) => name !== SHELL).map((name) => caches.delete(name))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') {
    return;
  }
  const url = new URL(request.url);
  if (isShell(url)) {
    // the shell: from the cache, refreshed from the network when it answers
    event.respondWith(caches.open(SHELL).then((cache) => cache.match(request).then((kept) => {
      const fresh = fetch(request).then((response) => {
        if (response.ok && response.type === 'basic') {
          cache.put(request, response.clone());
        }
        return response;
      }).catch(() => kept);
      return kept || fresh;
    })));
    return;
  }
  if (request.mode === 'navigate') {
    // a page: always the network; without one, the offline page (never a page kept from before)
    event.respondWith(fetch(request).catch(() => caches.match(OFFLINE)));
  }
  // anything else (the API, documents): the network only, never kept
});

// A notification Guichet pushed (Web Push, for the categories the agent chose on this device): shown, and opened on
// the page it is about. The message holds a title, a line and a portal path, nothing more.
self.addEventListener('push', (event) => {
  let message = {};
  try {
    message = event.data ? event.data.json() : {};
  } catch (unreadable) {
    message = {};
  }
  const link = typeof message.link === 'string' && message.link.startsWith('/') ? message.link : '/notifications';
  event.waitUntil(self.registration.showNotification(message.title || 'Guichet', {
    body: message.body || '',
    icon: '/icons/guichet-192.png',
    data: { link: link }
  }));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil(self.clients.openWindow(event.notification.data && event.notification.data.link
    ? event.notification.data.link : '/notifications'));
});
