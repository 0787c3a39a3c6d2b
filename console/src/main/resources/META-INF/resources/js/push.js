// 开启通知: subscribes this browser with the Push API and registers the subscription with notification-service
// through the console (POST /push/subscription); off removes it. No inline script (Content-Security-Policy).
(function () {
  'use strict';
  var status = document.getElementById('push-status');
  var token = document.querySelector('meta[name="csrf-token"]').content;
  var SUBSCRIBE_WAIT_SECONDS = 20;

  function say(key) { status.textContent = status.dataset[key]; }

  // allowed notifications, but this browser's push service refused or could not be reached (Chromium's needs
  // Google's servers): open console pages still show reminders as notifications; what the browser said is kept
  function failed(error) {
    status.dataset.error = error.name + ': ' + error.message;
    status.textContent = status.dataset.failed + ' (' + status.dataset.error + ')';
  }

  function keyBytes(base64) {
    var padded = (base64 + '==='.slice((base64.length + 3) % 4)).replace(/-/g, '+').replace(/_/g, '/');
    var raw = window.atob(padded);
    return Uint8Array.from(raw, function (c) { return c.charCodeAt(0); });
  }

  function send(method, url, body) {
    return fetch(url, { method: method, credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': token },
      body: body ? JSON.stringify(body) : undefined }).then(function (response) {
      if (!response.ok) { throw new Error(response.status); }
      return response;
    });
  }

  if (!('serviceWorker' in navigator) || !('PushManager' in window)) {
    say('unsupported');
    return;
  }

  document.getElementById('push-on').addEventListener('click', function () {
    Notification.requestPermission().then(function (permission) {
      if (permission !== 'granted') { say('denied'); return null; }
      return fetch('/push/vapid-key', { credentials: 'same-origin' }).then(function (r) { return r.json(); })
        .then(function (key) {
          return navigator.serviceWorker.ready.then(function (registration) {
            // a Chromium that cannot reach Google's push service never answers (ConsoleIT waited minutes): say so
            // after a while, and still finish if the answer comes later
            var unanswered = setTimeout(function () {
              failed(new DOMException('no answer from the push service in ' + SUBSCRIBE_WAIT_SECONDS + ' s',
                'TimeoutError'));
            }, SUBSCRIBE_WAIT_SECONDS * 1000);
            return registration.pushManager.subscribe({ userVisibleOnly: true,
              applicationServerKey: keyBytes(key.publicKey) }).then(function (subscription) {
              clearTimeout(unanswered);
              return send('POST', '/push/subscription', subscription.toJSON()).then(function () { say('enabled'); });
            }, function (error) {
              clearTimeout(unanswered);
              failed(error);
            });
          });
        });
    }).catch(function () { say('unsupported'); });
  });

  document.getElementById('push-off').addEventListener('click', function () {
    navigator.serviceWorker.ready.then(function (registration) { return registration.pushManager.getSubscription(); })
      .then(function (subscription) {
        if (!subscription) { return null; }
        var endpoint = subscription.endpoint;
        return subscription.unsubscribe().then(function () {
          return send('DELETE', '/push/subscription?endpoint=' + encodeURIComponent(endpoint));
        });
      })
      .then(function () { say('disabled'); });
  });
})();
