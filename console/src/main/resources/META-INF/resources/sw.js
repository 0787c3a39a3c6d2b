// Reform Desk console's service worker: keeps the app's shell (styles, scripts, icons) for a phone with a weak
// signal, always asks the network for pages and data (they are the person's own, and change), and shows pushed
// reminders.
'use strict';
var SHELL = 'reform-desk-shell-v2';
var SHELL_FILES = ['/css/console.css', '/js/console.js', '/webjars/htmx.org/2.0.4/dist/htmx.min.js',
  '/webjars/htmx-ext-sse/2.2.2/sse.js', '/icons/icon-192.png', '/icons/icon.svg', '/manifest.webmanifest'];

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(SHELL).then(function (cache) { return cache.addAll(SHELL_FILES); }));
  self.skipWaiting();
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) { return name !== SHELL; })
      .map(function (name) { return caches.delete(name); }));
  }));
  self.clients.claim();
});

self.addEventListener('fetch', function (event) {
  var url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) {
    return;
  }
  if (SHELL_FILES.indexOf(url.pathname) >= 0 || url.pathname.indexOf('/webjars/') === 0) {
    event.respondWith(caches.match(event.request).then(function (hit) {
      return hit || fetch(event.request);
    }));
  }
});

// A reminder as a system notification, whichever way it came: a Web Push message from notification-service (its
// payload: title, body, url, reminderId) or an open console page that got it on the live stream (console.js). The
// reminder's id is the tag, so the same reminder from both ways, or from several open pages, shows once.
function showReminder(reminder) {
  return self.registration.showNotification(reminder.title || '改革工作平台', {
    body: reminder.body || '', icon: '/icons/icon-192.png', badge: '/icons/icon-192.png',
    data: { url: reminder.url || '/inbox' }, tag: reminder.reminderId || undefined
  });
}

self.addEventListener('push', function (event) {
  var reminder = {};
  try { reminder = event.data ? event.data.json() : {}; } catch (e) { reminder = { body: event.data.text() }; }
  event.waitUntil(showReminder(reminder));
});

self.addEventListener('message', function (event) {
  if (event.data && event.data.reminder) {
    event.waitUntil(showReminder(event.data.reminder));
  }
});

// a click brings an open console window to the reminder's page, or opens one
self.addEventListener('notificationclick', function (event) {
  event.notification.close();
  var url = new URL((event.notification.data && event.notification.data.url) || '/inbox', self.location.origin);
  event.waitUntil(self.clients.matchAll({ type: 'window' }).then(function (windows) {
    var open = windows.filter(function (client) { return new URL(client.url).origin === url.origin; })[0];
    if (open) {
      return open.focus().then(function (client) { return client.navigate(url.href); });
    }
    return self.clients.openWindow(url.href);
  }));
});
