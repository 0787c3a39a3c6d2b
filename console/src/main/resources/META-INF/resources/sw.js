// Reform Desk console's service worker: keeps the app's shell (styles, scripts, icons) for a phone with a weak
// signal, always asks the network for pages and data (they are the person's own, and change), and shows pushed
// reminders.
'use strict';
var SHELL = 'reform-desk-shell-v1';
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

self.addEventListener('push', function (event) {
  var reminder = {};
  try { reminder = event.data ? event.data.json() : {}; } catch (e) { reminder = { body: event.data.text() }; }
  event.waitUntil(self.registration.showNotification(reminder.title || '改革工作平台', {
    body: reminder.body || '', icon: '/icons/icon-192.png', badge: '/icons/icon-192.png',
    data: { url: '/inbox' }, tag: reminder.id || undefined
  }));
});

self.addEventListener('notificationclick', function (event) {
  event.notification.close();
  event.waitUntil(self.clients.openWindow((event.notification.data && event.notification.data.url) || '/inbox'));
});
