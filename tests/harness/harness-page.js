/*
 * The harness page: a simulated Outlook window. It owns the state the office.js stand-in reads (window.__outlookHarness)
 * and fires the events Outlook would fire in the pinned task pane. Plain browser JS, no build step.
 */
(function () {
  'use strict';
  var boot = window.__HARNESS_BOOT__;
  var THEMES = {
    light: { bodyBackgroundColor: '#FFFFFF', bodyForegroundColor: '#242424', controlBackgroundColor: '#FFFFFF', controlForegroundColor: '#242424' },
    dark: { bodyBackgroundColor: '#292929', bodyForegroundColor: '#FFFFFF', controlBackgroundColor: '#1F1F1F', controlForegroundColor: '#FFFFFF' },
    highContrast: { bodyBackgroundColor: '#000000', bodyForegroundColor: '#FFFFFF', controlBackgroundColor: '#000000', controlForegroundColor: '#FFFF00' },
  };

  var emails = JSON.parse(JSON.stringify(boot.emails));
  var state = {
    currentId: boot.initialEmail,
    theme: THEMES[boot.initialTheme] ? boot.initialTheme : 'light',
    dialogBehavior: 'allow',
    pane: null,
  };
  var $ = function (id) {
    return document.getElementById(id);
  };

  function currentEmail() {
    for (var i = 0; i < emails.length; i++) if (emails[i].id === state.currentId) return emails[i];
    return null;
  }

  function log(text) {
    var item = document.createElement('li');
    item.textContent = new Date().toLocaleTimeString() + ' ' + text;
    $('activity').prepend(item);
    while ($('activity').children.length > 50) $('activity').lastChild.remove();
  }

  var harness = {
    version: 1,
    partitionKey: boot.partitionKey,
    displayLanguage: boot.displayLanguage,
    platform: 'OfficeOnline',
    requirementSets: boot.requirementSets,
    userProfile: boot.userProfile,
    roamingStore: { values: {} },
    dialogOpen: false,
    currentEmail: currentEmail,
    officeTheme: function () {
      return THEMES[state.theme];
    },
    dialogBehavior: function () {
      return state.dialogBehavior;
    },
    attachPane: function (api) {
      state.pane = api;
      log('task pane loaded office.js');
    },
    draftChanged: function () {
      renderReading();
    },
    log: log,

    // --- for people and tests: the same actions as the UI ---
    emails: function () {
      return JSON.parse(JSON.stringify(emails));
    },
    selectEmail: function (id) {
      if (id !== boot.noItemId && !emails.some(function (e) { return e.id === id; })) throw new Error('No sample email ' + id);
      state.currentId = id;
      renderList();
      renderReading();
      var delivered = state.pane ? state.pane.itemChanged() : false;
      log('ItemChanged → ' + id + (delivered ? '' : ' (no handler in the pane)'));
      return delivered;
    },
    setRecipients: function (field, addresses) {
      var email = currentEmail();
      if (!email || email.mode !== 'compose') throw new Error('Recipients can only change on a draft');
      email[field] = addresses.map(function (a) {
        return typeof a === 'string' ? { name: a, address: a } : a;
      });
      renderReading();
      var delivered = state.pane ? state.pane.recipientsChanged([field]) : false;
      log('RecipientsChanged (' + field + ')' + (delivered ? '' : ' (no handler in the pane)'));
      return delivered;
    },
    setTheme: function (name) {
      if (!THEMES[name]) throw new Error('No theme ' + name);
      state.theme = name;
      document.body.dataset.theme = name;
      $('theme-select').value = name;
      var delivered = state.pane ? state.pane.themeChanged() : false;
      log('OfficeThemeChanged → ' + name + (delivered ? '' : ' (no handler in the pane)'));
      return delivered;
    },
    setDialogBehavior: function (behavior) {
      state.dialogBehavior = behavior;
      $('dialog-behavior').value = behavior;
      log('dialog behaviour: ' + behavior);
    },
    paneHandlers: function () {
      return state.pane ? state.pane.handlers() : null;
    },
    reloadPane: function () {
      state.pane = null;
      $('task-pane').src = boot.paneUrl;
    },
  };
  window.__outlookHarness = harness;

  // --- rendering ----------------------------------------------------------------------------------------------------
  function formatAddresses(list) {
    return (list || [])
      .map(function (a) {
        return a.name && a.name !== a.address ? a.name + ' <' + a.address + '>' : a.address;
      })
      .join('; ');
  }
  function parseAddresses(text) {
    return text
      .split(/[;,]/)
      .map(function (part) {
        var m = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(part);
        if (m) return { name: m[1] || m[2], address: m[2].trim() };
        var address = part.trim();
        return address ? { name: address, address: address } : null;
      })
      .filter(Boolean);
  }
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      node.setAttribute(k, attrs[k]);
    });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function renderList() {
    var list = $('email-list');
    list.textContent = '';
    emails.concat([{ id: boot.noItemId, label: 'No item selected', subject: '(pinned pane, nothing selected)' }]).forEach(function (email) {
      var button = el('button', { type: 'button', 'data-email-id': email.id, 'aria-current': String(email.id === state.currentId) });
      button.appendChild(el('span', { class: 'who' }, email.label));
      button.appendChild(el('span', { class: 'what' }, (email.mode === 'compose' ? 'Draft · ' : '') + email.subject));
      button.addEventListener('click', function () {
        harness.selectEmail(email.id);
      });
      var li = el('li');
      li.appendChild(button);
      list.appendChild(li);
    });
  }

  function renderReading() {
    var pane = $('reading-pane');
    pane.textContent = '';
    var email = currentEmail();
    if (!email) {
      pane.appendChild(el('p', { class: 'empty', 'data-testid': 'no-item' }, 'No item selected. The pinned task pane stays open.'));
      return;
    }
    pane.dataset.mode = email.mode;
    if (email.mode === 'compose') {
      pane.appendChild(el('h1', {}, 'New message (draft)'));
      var dl = el('dl');
      [['To', 'to'], ['Cc', 'cc']].forEach(function (pair) {
        dl.appendChild(el('dt', {}, pair[0]));
        var dd = el('dd');
        var input = el('input', { id: 'compose-' + pair[1], 'aria-label': pair[0], value: formatAddresses(email[pair[1]]) });
        // Outlook raises RecipientsChanged once a recipient is resolved, not per keystroke: on change (blur / Enter).
        input.addEventListener('change', function () {
          harness.setRecipients(pair[1], parseAddresses(input.value));
        });
        dd.appendChild(input);
        dl.appendChild(dd);
      });
      dl.appendChild(el('dt', {}, 'Subject'));
      var subjectDd = el('dd');
      var subject = el('input', { id: 'compose-subject', 'aria-label': 'Subject', value: email.subject });
      subject.addEventListener('input', function () {
        email.subject = subject.value;
      });
      subjectDd.appendChild(subject);
      dl.appendChild(subjectDd);
      pane.appendChild(dl);
      var body = el('textarea', { rows: '10', 'aria-label': 'Body' });
      body.value = email.body;
      body.addEventListener('input', function () {
        email.body = body.value;
      });
      pane.appendChild(body);
      return;
    }
    pane.appendChild(el('h1', { 'data-testid': 'email-subject' }, email.subject));
    var meta = el('dl');
    [['From', formatAddresses(email.from ? [email.from] : [])], ['To', formatAddresses(email.to)], ['Cc', formatAddresses(email.cc)], ['Date', new Date(email.date).toLocaleString()]].forEach(function (row) {
      if (!row[1]) return;
      meta.appendChild(el('dt', {}, row[0]));
      meta.appendChild(el('dd', {}, row[1]));
    });
    pane.appendChild(meta);
    pane.appendChild(el('pre', {}, email.body));
  }

  // --- emulator controls (proxied by the harness server, so they work whatever the org's CORS allowlist says) -------
  function control(name, body) {
    return fetch('/__harness/emulator/' + name, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body || {}),
    }).then(function (response) {
      return response.text().then(function (text) {
        log('org: ' + name + ' → ' + response.status + (response.ok ? '' : ' ' + text.slice(0, 120)));
        refreshCount();
        return response.ok;
      });
    }, function (error) {
      log('org: ' + name + ' failed: ' + error.message);
      return false;
    });
  }
  var FAILURES = {
    503: { status: 503, body: [{ message: 'Service Unavailable', errorCode: 'SERVER_UNAVAILABLE' }] },
    500: { status: 500, body: [{ message: 'An unexpected error occurred.', errorCode: 'UNKNOWN_EXCEPTION' }] },
    401: { status: 401, body: [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }] },
    403: { status: 403, body: [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }] },
    // Salesforce's own shapes: a record or object the user may not write, and a validation rule shown at the top of
    // the page (no field named).
    '403-access': {
      status: 403,
      body: [{ message: 'insufficient access rights on cross-reference id', errorCode: 'INSUFFICIENT_ACCESS_OR_READONLY', fields: [] }],
    },
    '400-validation': {
      status: 400,
      body: [{ message: 'This record does not meet the validation rules of your org.', errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', fields: [] }],
    },
  };
  // Buttons that are one emulator control with a fixed body (the harness server forwards /__harness/emulator/<name>).
  var FIXED_CONTROLS = {
    'restrict-ip': ['restrict', { ip: true }],
    'restrict-hours': ['restrict', { loginHours: true }],
    'lift-restrictions': ['restrict', { ip: false, loginHours: false }],
    'block-app': ['block-app', { blocked: true }],
    'unblock-app': ['block-app', { blocked: false }],
  };
  function setLatency(ms) {
    return control('latency', { ms: ms }).then(function (ok) {
      if (ok) $('latency-readout').textContent = 'latency: ' + ms + ' ms';
    });
  }
  function refreshCount() {
    return fetch('/__harness/emulator/log', { cache: 'no-store' })
      .then(function (r) {
        return r.ok ? r.json() : Promise.reject(new Error('HTTP ' + r.status));
      })
      .then(function (data) {
        var entries = Array.isArray(data) ? data : data.entries || data.requests || [];
        var api = entries.filter(function (e) {
          return String(e.path || e.url || '').indexOf('/services/data/') === 0;
        }).length;
        $('request-count').textContent = 'requests: ' + entries.length + ' (REST API: ' + api + ')';
      })
      .catch(function () {
        $('request-count').textContent = 'requests: org not reachable';
      });
  }

  function wireControls() {
    (boot.users || []).forEach(function (user) {
      $('revoke-user').appendChild(el('option', { value: user.username }, user.label));
      $('admin-user').appendChild(el('option', { value: user.username }, user.label));
    });
    document.querySelectorAll('[data-control]').forEach(function (button) {
      button.addEventListener('click', function () {
        var name = button.getAttribute('data-control');
        if (name === 'revoke-user') return control(name, { username: $('revoke-user').value });
        if (name === 'deactivate-user' || name === 'reactivate-user') return control(name, { username: $('admin-user').value });
        if (FIXED_CONTROLS[name]) return control(FIXED_CONTROLS[name][0], FIXED_CONTROLS[name][1]);
        if (name === 'latency') return setLatency(Math.max(0, Math.round(Number($('latency-ms').value) || 0)));
        if (name === 'latency-reset') return setLatency(0);
        if (name === 'reset') {
          // Resetting the org also drops its latency.
          return control(name).then(function (ok) {
            if (ok) $('latency-readout').textContent = 'latency: 0 ms';
          });
        }
        if (name === 'fail-next') {
          var failure = FAILURES[$('fail-kind').value];
          // REST calls only: a failure meant for the data API must not land on the token endpoint instead.
          return control(name, { count: Number($('fail-count').value) || 1, status: failure.status, body: failure.body, pathPrefix: '/services/data' });
        }
        return control(name);
      });
    });
    $('theme-select').addEventListener('change', function () {
      harness.setTheme($('theme-select').value);
    });
    $('dialog-behavior').addEventListener('change', function () {
      harness.setDialogBehavior($('dialog-behavior').value);
    });
    $('offline-toggle').addEventListener('change', function () {
      $('offline-note').hidden = !$('offline-toggle').checked;
      log($('offline-toggle').checked ? 'offline: use DevTools → Network → Offline' : 'offline note hidden');
    });
    $('reload-pane').addEventListener('click', harness.reloadPane);
    $('partition-key').textContent = 'partitionKey: ' + boot.partitionKey;
    setInterval(refreshCount, 3000);
    refreshCount();
  }

  document.body.dataset.theme = state.theme;
  $('theme-select').value = state.theme;
  renderList();
  renderReading();
  wireControls();
  // The pane loads last, so __outlookHarness is complete before its office.js looks for it.
  $('task-pane').src = boot.paneUrl;
})();
