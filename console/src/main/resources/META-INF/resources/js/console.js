// Reform Desk console: the little script the pages need. No inline script anywhere (Content-Security-Policy).
(function () {
  'use strict';
  var token = document.querySelector('meta[name="csrf-token"]');

  // every htmx write carries the sign-in's anti-forgery token
  document.addEventListener('htmx:configRequest', function (event) {
    if (token) {
      event.detail.headers['X-CSRF-Token'] = token.content;
    }
  });

  // a session that expired answers an htmx request with 499 (no redirect it could follow): sign in again
  document.addEventListener('htmx:responseError', function (event) {
    if (event.detail.xhr && event.detail.xhr.status === 499) {
      window.location.reload();
    }
  });

  // charts: each element with data-chart holds its ECharts option as JSON in data-option
  function drawCharts(root) {
    if (!window.echarts) {
      return;
    }
    root.querySelectorAll('[data-chart]').forEach(function (element) {
      if (element.dataset.drawn) {
        return;
      }
      element.dataset.drawn = '1';
      var option = JSON.parse(element.dataset.option);
      var chart = window.echarts.init(element, null, { renderer: 'svg' });
      chart.setOption(option);
      // a click on a bar or point opens the list behind it
      var links = element.dataset.links ? JSON.parse(element.dataset.links) : null;
      if (links) {
        chart.on('click', function (params) {
          var href = links[params.name];
          if (href) {
            window.location.href = href;
          }
        });
      }
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }
  document.addEventListener('DOMContentLoaded', function () { drawCharts(document); });
  document.addEventListener('htmx:afterSettle', function (event) { drawCharts(event.target); });

  // A reminder on the live stream (the body's sse-connect, on every page): the page's own listeners hear
  // "reminder-arrived" on the body (the header's unread count, the inbox's total), and the service worker shows it as
  // a system notification where the person allowed notifications (开启通知).
  function reminderOf(html) {
    var template = document.createElement('template');
    template.innerHTML = html;
    var item = template.content.querySelector('li[data-reminder]');
    return { reminderId: item.dataset.reminder, title: item.querySelector('.title').textContent,
      body: item.querySelector('.body').textContent, url: '/inbox' };
  }

  function notify(reminder) {
    if (!('serviceWorker' in navigator) || !window.Notification || window.Notification.permission !== 'granted') {
      return;
    }
    navigator.serviceWorker.ready.then(function (registration) {
      registration.active.postMessage({ reminder: reminder });
    });
  }

  document.addEventListener('htmx:sseOpen', function (event) {
    event.detail.source.addEventListener('reminder', function (message) {
      var reminder = reminderOf(message.data);
      document.body.dispatchEvent(new CustomEvent('reminder-arrived', { detail: reminder }));
      notify(reminder);
    });
  });

  // the installed app works offline for its shell
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/sw.js').catch(function () { /* not on http outside localhost */ });
  }
})();
