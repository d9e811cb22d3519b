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
  };
  var $ = function (id) {
    return document.getElementById(id);
  };

  function emailById(id) {
    for (var i = 0; i < emails.length; i++) if (emails[i].id === id) return emails[i];
    return null;
  }
  function currentEmail() {
    return emailById(state.currentId);
  }
  function isCompose(id) {
    var email = emailById(id);
    return !!email && email.mode === 'compose';
  }

  function log(text) {
    var item = document.createElement('li');
    item.textContent = new Date().toLocaleTimeString() + ' ' + text;
    $('activity').prepend(item);
    while ($('activity').children.length > 50) $('activity').lastChild.remove();
  }

  // --- the panes: cross-site iframes, talked to by postMessage only ---------------------------------------------------
  // Outlook on the web serves its page from its own site and the add-in from the add-in's: the pane is a cross-site
  // iframe, so the browser partitions its storage, BroadcastChannel and Web Locks by the host's site. Nothing here
  // touches the pane's objects; office.js (the stand-in) and the host exchange tagged messages.
  var TAG = '__officeStandIn';
  var PANE_NAME_PREFIX = '__officeStandInPane_';
  var DIALOG_NAME_PREFIX = '__officeStandInDialog_';
  var variant = boot.variant || {};
  var roamingStore = { values: {} };
  var panes = {
    // Pinned in read mode: follows read items (and "nothing selected").
    read: { mode: 'read', iframe: $('task-pane'), handlers: null, emailId: null },
    // A compose item's own pane: opened with the draft, closed when the seller leaves it.
    compose: { mode: 'compose', iframe: $('compose-pane'), handlers: null, emailId: null },
  };
  var delivered = {}; // seq → resolve
  var nextSeq = 1;

  function paneFor(source) {
    if (panes.read.iframe.contentWindow === source) return panes.read;
    if (panes.compose.iframe.contentWindow === source) return panes.compose;
    return null;
  }
  function marker(extra) {
    return encodeURIComponent(JSON.stringify(Object.assign({ hostOrigin: location.origin, variant: variant }, extra || {})));
  }
  function paneUrl() {
    return new URL(boot.paneUrl, boot.addinOrigin).href;
  }
  // A fresh iframe each time: Chromium names a frame's browsing context when it is created, and office.js reads its
  // host's marker from that name.
  function loadPane(pane, emailId) {
    pane.loaded = true;
    pane.handlers = null;
    pane.emailId = emailId;
    var fresh = document.createElement('iframe');
    fresh.id = pane.iframe.id;
    fresh.title = pane.iframe.title;
    fresh.name = PANE_NAME_PREFIX + marker();
    fresh.src = paneUrl();
    pane.iframe.replaceWith(fresh);
    pane.iframe = fresh;
    // A browser that has not accepted the add-in site's self-signed certificate shows nothing in the frame.
    setTimeout(function () {
      if (pane.iframe === fresh && !pane.handlers) {
        log('the pane has not loaded office.js: open ' + boot.addinOrigin + '/ once and accept its certificate, then reload the pane');
      }
    }, 8000);
  }
  function closePane(pane) {
    pane.loaded = false;
    pane.handlers = null;
    pane.emailId = null;
    var blank = document.createElement('iframe');
    blank.id = pane.iframe.id;
    blank.title = pane.iframe.title;
    blank.hidden = true;
    pane.iframe.replaceWith(blank);
    pane.iframe = blank;
  }
  function visiblePane() {
    return isCompose(state.currentId) ? panes.compose : panes.read;
  }
  function postToPane(pane, type, body) {
    var win = pane.iframe.contentWindow;
    if (!win) return;
    var envelope = JSON.parse(JSON.stringify(body || {}));
    envelope[TAG] = type;
    win.postMessage(envelope, boot.addinOrigin);
  }
  // Sends an event to a pane and resolves with whether a handler took it (false if the pane does not answer).
  function sendEvent(pane, type, body) {
    if (!pane.handlers) return Promise.resolve(false);
    var seq = nextSeq++;
    return new Promise(function (resolve) {
      var timer = setTimeout(function () {
        delete delivered[seq];
        resolve(false);
      }, 5000);
      delivered[seq] = function (value) {
        clearTimeout(timer);
        resolve(value);
      };
      postToPane(pane, type, Object.assign({ seq: seq }, body));
    });
  }
  function paneState(pane) {
    return {
      addInName: 'Salesforce',
      displayLanguage: boot.displayLanguage,
      // Windows webviews (variant) have no partition key: Office.context.partitionKey is undefined there.
      partitionKey: variant.noPartitionKey ? null : boot.partitionKey,
      requirementSets: boot.requirementSets,
      userProfile: boot.userProfile,
      roamingSettings: roamingStore.values,
      theme: THEMES[state.theme],
      email: pane.emailId ? emailById(pane.emailId) : null,
    };
  }

  // --- dialogs: the host opens them and relays their messages -------------------------------------------------------
  var dialog = null; // { id, win, pane, closedByAddIn, watch }
  function dialogError(code, message) {
    return { error: { code: code, message: message } };
  }
  function openDialog(pane, request) {
    if (dialog) return dialogError(12007, 'A dialog box is already opened from this host window.');
    var behavior = state.dialogBehavior;
    if (behavior === 'ignore-prompt') return dialogError(12009, 'The user chose to ignore the dialog box.');
    // DialogOptions.promptBeforeOpen (default true) lets the add-in opt out of the prompt and handle pop-ups itself.
    if (behavior === 'prompt' && request.promptBeforeOpen && !request.allowed) {
      log('dialog prompt shown in the pane (Allow / Ignore)');
      return { prompt: true };
    }
    var percent = function (value, fallback, total) {
      var p = Number(value);
      if (!(p > 0 && p <= 100)) p = fallback;
      return Math.round((p / 100) * total);
    };
    var width = percent(request.width, 80, screen.availWidth || 1280);
    var height = percent(request.height, 80, screen.availHeight || 800);
    var id = String(Date.now()) + Math.random().toString(16).slice(2);
    // Opened now, inside the activation the seller's click in the pane gave this page too: the browser's pop-up
    // blocker judges it as Outlook's own window.open.
    var win = behavior === 'block-popups' ? null : window.open(request.url, DIALOG_NAME_PREFIX + marker({ id: id }), 'popup,width=' + width + ',height=' + height);
    if (!win) return dialogError(12011, 'The dialog box was blocked by the browser pop-up blocker.');
    var record = { id: id, win: win, pane: pane, closedByAddIn: false };
    dialog = record;
    $('dialog-state').textContent = 'dialog open';
    record.watch = setInterval(function () {
      if (!win.closed) return;
      finishDialog(record);
      if (!record.closedByAddIn) {
        log('dialog closed by the user (12006)');
        postToPane(record.pane, 'dialogEvent', { id: record.id, error: 12006 });
      }
    }, 200);
    log('dialog opened: ' + new URL(request.url).pathname);
    return { dialogId: id };
  }
  // Outlook raises 12003 when the dialog is directed to an HTTP page and 12002 when a page it is directed to cannot
  // be found or loaded. A page cannot see another site's navigations in a window it opened, so whoever can (the
  // browser tests, through the browser's own events: tests/e2e/support/stack.ts) reports them here.
  function dialogNavigated(url, outcome) {
    var record = dialog;
    if (!record) return false;
    var code = /^http:/i.test(String(url)) ? 12003 : outcome === 'failed' ? 12002 : 0;
    if (!code) return false;
    if (record.raised) return true;
    record.raised = code;
    log('dialog directed to ' + (code === 12003 ? 'an HTTP page' : 'a page that cannot load') + ' (' + code + ')');
    postToPane(record.pane, 'dialogEvent', { id: record.id, error: code });
    return true;
  }
  function finishDialog(record) {
    clearInterval(record.watch);
    if (dialog === record) {
      dialog = null;
      $('dialog-state').textContent = '';
    }
  }
  function onDialogMessage(event, data, type) {
    var record = dialog && dialog.win === event.source ? dialog : null;
    if (!record) return;
    if (type === 'attach') {
      return replyTo(event, data, { displayLanguage: boot.displayLanguage, partitionKey: null, requirementSets: boot.requirementSets });
    }
    if (type === 'log') return log('dialog: ' + String(data.text));
    if (type === 'messageParent') {
      // Outlook delivers messageParent only to a parent whose origin is targetOrigin; anything else is dropped.
      var target = String(data.targetOrigin);
      if (target !== '*' && target !== boot.addinOrigin) {
        log('dialog message to ' + target + ' dropped (the pane is ' + boot.addinOrigin + ')');
        return;
      }
      // After an HTTP or unloadable page, Outlook has already failed the dialog: nothing more reaches the pane.
      if (record.raised) return log('dialog message after error ' + record.raised + ' dropped');
      log('dialog message from ' + event.origin);
      postToPane(record.pane, 'dialogMessage', { id: record.id, message: String(data.message), origin: event.origin });
    }
  }
  function replyTo(event, data, value) {
    var envelope = { requestId: data.requestId, value: value };
    envelope[TAG] = 'answer';
    event.source.postMessage(envelope, event.origin);
  }

  function onPaneMessage(event, pane, data, type) {
    if (type === 'attach') {
      replyTo(event, data, paneState(pane));
      log(pane.mode + ' pane loaded office.js');
      return;
    }
    if (type === 'handlers') {
      pane.handlers = { itemChanged: data.itemChanged, themeChanged: data.themeChanged, recipientsChanged: data.recipientsChanged };
      return;
    }
    if (type === 'delivered') {
      var resolve = delivered[data.seq];
      delete delivered[data.seq];
      if (resolve) resolve(!!data.delivered);
      return;
    }
    if (type === 'log') return log(String(data.text));
    if (type === 'draftChanged') {
      var draft = pane.emailId ? emailById(pane.emailId) : null;
      if (draft && draft.mode === 'compose' && ['to', 'cc', 'subject'].indexOf(data.field) >= 0) draft[data.field] = data.value;
      renderReading();
      return;
    }
    if (type === 'saveRoamingSettings') {
      roamingStore.values = JSON.parse(JSON.stringify(data.values || {}));
      return replyTo(event, data, true);
    }
    if (type === 'displayDialog') return replyTo(event, data, openDialog(pane, data));
    if (type === 'closeDialog') {
      if (dialog && dialog.id === data.id) {
        dialog.closedByAddIn = true;
        var record = dialog;
        finishDialog(record);
        try {
          record.win.close();
        } catch (e) {}
        log('dialog closed by the add-in');
      }
      return;
    }
    if (type === 'messageChild') {
      if (dialog && dialog.id === data.id) {
        var envelope = { message: String(data.message), origin: boot.addinOrigin };
        envelope[TAG] = 'messageChild';
        dialog.win.postMessage(envelope, data.targetOrigin);
      }
      return;
    }
    if (type === 'nestedAppAuth') {
      Promise.resolve()
        .then(function () {
          return harness.nestedAppAuth.handle(data.request);
        })
        .then(
          function (body) {
            replyTo(event, data, body);
          },
          function (error) {
            replyTo(event, data, { success: false, error: { status: 'TRANSIENT_ERROR', code: 'host_error', description: String(error && error.message) } });
          },
        );
    }
  }
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data[TAG] !== 'string') return;
    var type = data[TAG];
    if (event.origin !== boot.addinOrigin) return; // only the add-in's own pages speak to the host
    var pane = paneFor(event.source);
    if (pane) return onPaneMessage(event, pane, data, type);
    onDialogMessage(event, data, type);
  });

  // Pinning is per mode: the read pane follows read items (and "nothing selected"); a compose item gets its own
  // pane, and leaving it closes that pane.
  function showItem(id) {
    var compose = isCompose(id);
    if (compose) {
      panes.read.iframe.hidden = true;
      if (panes.compose.emailId !== id) loadPane(panes.compose, id);
      return Promise.resolve(false);
    }
    if (panes.compose.emailId) closePane(panes.compose);
    var readId = id === boot.noItemId ? null : id;
    if (!panes.read.loaded) {
      loadPane(panes.read, readId);
      return Promise.resolve(false);
    }
    panes.read.iframe.hidden = false;
    if (panes.read.emailId === readId) return Promise.resolve(false);
    panes.read.emailId = readId;
    return sendEvent(panes.read, 'itemChanged', { email: readId ? emailById(readId) : null });
  }

  var harness = {
    version: 2,
    partitionKey: boot.partitionKey,
    displayLanguage: boot.displayLanguage,
    addinOrigin: boot.addinOrigin,
    variant: variant,
    currentEmail: currentEmail,
    officeTheme: function () {
      return THEMES[state.theme];
    },
    dialogBehavior: function () {
      return state.dialogBehavior;
    },
    dialogOpen: function () {
      return !!dialog;
    },
    /** The dialog window navigated to `url`: 'loaded' or 'failed' (not found, refused). Raises 12003 / 12002. */
    dialogNavigated: dialogNavigated,
    log: log,

    // --- for people and tests: the same actions as the UI (each resolves once the pane took the event) ---
    emails: function () {
      return JSON.parse(JSON.stringify(emails));
    },
    selectEmail: function (id) {
      if (id !== boot.noItemId && !emails.some(function (e) { return e.id === id; })) throw new Error('No sample email ' + id);
      state.currentId = id;
      renderList();
      renderReading();
      return showItem(id).then(function (took) {
        log('ItemChanged → ' + id + (took ? '' : isCompose(id) ? ' (compose: its own pane)' : ' (no handler in the pane)'));
        return took;
      });
    },
    setRecipients: function (field, addresses) {
      var email = currentEmail();
      if (!email || email.mode !== 'compose') throw new Error('Recipients can only change on a draft');
      email[field] = addresses.map(function (a) {
        return typeof a === 'string' ? { name: a, address: a } : a;
      });
      renderReading();
      return sendEvent(panes.compose, 'recipientsChanged', { fields: [field], email: email }).then(function (took) {
        log('RecipientsChanged (' + field + ')' + (took ? '' : ' (no handler in the pane)'));
        return took;
      });
    },
    setTheme: function (name) {
      if (!THEMES[name]) throw new Error('No theme ' + name);
      state.theme = name;
      document.body.dataset.theme = name;
      $('theme-select').value = name;
      var sends = [panes.read, panes.compose].map(function (pane) {
        return sendEvent(pane, 'themeChanged', { theme: THEMES[name] });
      });
      return Promise.all(sends).then(function (took) {
        var any = took.indexOf(true) >= 0;
        log('OfficeThemeChanged → ' + name + (any ? '' : ' (no handler in the pane)'));
        return any;
      });
    },
    /** 'allow' | 'prompt' (Outlook on the web's Allow / Ignore prompt first) | 'ignore-prompt' (12009) | 'block-popups' (12011). */
    setDialogBehavior: function (behavior) {
      state.dialogBehavior = behavior;
      $('dialog-behavior').value = behavior;
      log('dialog behaviour: ' + behavior);
    },
    /** Handler counts of the pane on show (read, or the compose item's own), null until its office.js attached. */
    paneHandlers: function () {
      return visiblePane().handlers;
    },
    /** Which pane is on show: 'read' or 'compose'. */
    paneMode: function () {
      return visiblePane().mode;
    },
    reloadPane: function () {
      var pane = visiblePane();
      loadPane(pane, pane.emailId);
    },
  };
  window.__outlookHarness = harness;

  // --- Outlook's own account and the nested app authentication host -----------------------------------------------
  // In Outlook the HOST holds the signed-in account and acquires tokens for a nested add-in (its client id, its
  // scopes) from Microsoft identity; the add-in only talks to window.nestedAppAuthBridge. Here the harness page is
  // that host, and the identity provider is whatever OpenID Connect authority the request (or the add-in's config)
  // names. The Outlook account is given by the test before the page loads (window.__OUTLOOK_HARNESS_ACCOUNT__,
  // { login, password }): Outlook signs it in with the resource owner password grant, which the test provider
  // accepts for this purpose, so silent requests need no window, as in Outlook. GetTokenPopup opens the provider's
  // own login page in a real window (authorization code + PKCE) and then remembers that account's tokens.
  var outlookAccount = window.__OUTLOOK_HARNESS_ACCOUNT__ || null;
  var NAA_CALLBACK_PATH = '/__harness/outlook-sign-in-callback';
  var naaTokens = {}; // clientId + scope → { answer, expiresAt }: Outlook's own token cache
  var naaLog = [];
  var discovery = {};

  function base64UrlDecode(text) {
    var b64 = text.replace(/-/g, '+').replace(/_/g, '/');
    while (b64.length % 4) b64 += '=';
    return decodeURIComponent(
      atob(b64)
        .split('')
        .map(function (c) {
          return '%' + ('00' + c.charCodeAt(0).toString(16)).slice(-2);
        })
        .join(''),
    );
  }
  function claimsOf(idToken) {
    return JSON.parse(base64UrlDecode(String(idToken).split('.')[1] || ''));
  }
  function bridgeError(status, code, description) {
    return { success: false, error: { status: status, code: code, description: description } };
  }
  function configuredAuthority() {
    return fetch('/config.json', { cache: 'no-store' })
      .then(function (r) {
        return r.json();
      })
      .then(function (config) {
        return config && config.microsoft ? config.microsoft.authority : undefined;
      });
  }
  function openIdConfiguration(authority) {
    var issuer = String(authority).replace(/\/+$/, '');
    if (!discovery[issuer]) {
      discovery[issuer] = fetch(issuer + '/.well-known/openid-configuration').then(function (r) {
        if (!r.ok) throw new Error('discovery answered ' + r.status);
        return r.json();
      });
      discovery[issuer].catch(function () {
        delete discovery[issuer];
      });
    }
    return discovery[issuer];
  }
  function tokenRequest(endpoint, params) {
    return fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(params) }).then(
      function (r) {
        return r.json().then(function (body) {
          return { ok: r.ok, body: body };
        });
      },
    );
  }
  // The answer msal-browser's NestedAppAuthAdapter reads: token (TokenResponse) and account (naa/AccountInfo).
  function tokenAnswer(metadata, body) {
    var claims = claimsOf(body.id_token);
    return {
      success: true,
      token: { access_token: body.access_token, expires_in: body.expires_in, id_token: body.id_token, properties: null, scope: body.scope, authority: metadata.issuer },
      account: {
        // What MSAL itself derives from a plain OpenID Connect id token (no client_info): the subject.
        homeAccountId: claims.sub,
        localAccountId: claims.sub,
        environment: new URL(metadata.issuer).host,
        tenantId: claims.tid || '',
        username: claims.preferred_username || '',
        name: claims.name || '',
        idTokenClaims: claims,
      },
    };
  }
  function cacheKey(params) {
    return params.clientId + ' ' + params.scope;
  }
  function remember(params, answer) {
    naaTokens[cacheKey(params)] = { answer: answer, expiresAt: Date.now() + (Number(answer.token.expires_in) || 0) * 1000 };
    renderOutlookAccount(answer.account.name + ' (' + answer.account.username + ')');
  }
  function fromCache(params) {
    var hit = naaTokens[cacheKey(params)];
    if (!hit || hit.expiresAt - 60000 < Date.now() || params.forceRefresh) return null;
    var answer = JSON.parse(JSON.stringify(hit.answer));
    answer.token.expires_in = Math.floor((hit.expiresAt - Date.now()) / 1000);
    return answer;
  }
  function metadataFor(params) {
    return (params.authority ? Promise.resolve(params.authority) : configuredAuthority()).then(function (authority) {
      if (!authority) throw new Error('no authority');
      return openIdConfiguration(authority);
    });
  }
  function naaGetToken(params) {
    var cached = fromCache(params);
    if (cached) return Promise.resolve(cached);
    if (!outlookAccount || !outlookAccount.password) {
      return Promise.resolve(bridgeError('USER_INTERACTION_REQUIRED', 'interaction_required', 'No account signed in to Outlook.'));
    }
    return metadataFor(params).then(
      function (metadata) {
        return tokenRequest(metadata.token_endpoint, {
          grant_type: 'password',
          client_id: params.clientId,
          username: outlookAccount.login,
          password: outlookAccount.password,
          scope: params.scope,
        }).then(function (result) {
          if (!result.ok) return bridgeError('USER_INTERACTION_REQUIRED', result.body.error || 'invalid_grant', result.body.error_description);
          var answer = tokenAnswer(metadata, result.body);
          remember(params, answer);
          return answer;
        });
      },
      function () {
        return bridgeError('NO_NETWORK', 'no_network', 'The identity provider cannot be reached.');
      },
    );
  }
  function randomText() {
    var bytes = new Uint8Array(32);
    crypto.getRandomValues(bytes);
    return btoa(String.fromCharCode.apply(null, bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }
  function s256(text) {
    return crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)).then(function (digest) {
      return btoa(String.fromCharCode.apply(null, new Uint8Array(digest))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    });
  }
  function naaGetTokenPopup(params) {
    // Opened before any await, so the seller's click in the pane still counts for the pop-up blocker.
    var win = window.open('about:blank', '__outlookHarnessSignIn', 'popup,width=520,height=640');
    if (!win) return Promise.resolve(bridgeError('PERSISTENT_ERROR', 'popup_window_error', 'The sign-in window was blocked.'));
    var verifier = randomText();
    var state = randomText();
    var redirectUri = location.origin + NAA_CALLBACK_PATH;
    return Promise.all([metadataFor(params), s256(verifier)])
      .then(function (both) {
        var metadata = both[0];
        var authorize = new URL(metadata.authorization_endpoint);
        authorize.search = new URLSearchParams({
          client_id: params.clientId,
          response_type: 'code',
          redirect_uri: redirectUri,
          scope: params.scope,
          state: state,
          code_challenge: both[1],
          code_challenge_method: 'S256',
          prompt: 'login',
        }).toString();
        win.location.href = authorize.href;
        return new Promise(function (resolve) {
          var watch = setInterval(function () {
            if (win.closed) {
              clearInterval(watch);
              return resolve({ cancelled: true });
            }
            var here;
            try {
              here = new URL(win.location.href);
            } catch (e) {
              return; // still on the provider's origin
            }
            if (here.origin !== location.origin || here.pathname !== NAA_CALLBACK_PATH) return;
            clearInterval(watch);
            win.close();
            resolve({ params: here.searchParams, metadata: metadata });
          }, 100);
        });
      })
      .then(function (outcome) {
        if (outcome.cancelled) return bridgeError('USER_CANCEL', 'user_cancelled', 'The seller closed the sign-in window.');
        var returned = outcome.params;
        if (returned.get('state') !== state) return bridgeError('PERSISTENT_ERROR', 'state_mismatch', 'The sign-in answer does not match the request.');
        if (returned.get('error')) return bridgeError(returned.get('error') === 'access_denied' ? 'USER_CANCEL' : 'PERSISTENT_ERROR', returned.get('error'), returned.get('error_description') || '');
        return tokenRequest(outcome.metadata.token_endpoint, {
          grant_type: 'authorization_code',
          client_id: params.clientId,
          code: returned.get('code'),
          redirect_uri: redirectUri,
          code_verifier: verifier,
        }).then(function (result) {
          if (!result.ok) return bridgeError('PERSISTENT_ERROR', result.body.error || 'invalid_grant', result.body.error_description);
          var answer = tokenAnswer(outcome.metadata, result.body);
          // Outlook's account is now this one (no password: once its tokens expire, the host asks again).
          outlookAccount = { login: answer.account.username };
          remember(params, answer);
          return answer;
        });
      })
      .catch(function () {
        try {
          win.close();
        } catch (e) {}
        return bridgeError('NO_NETWORK', 'no_network', 'The identity provider cannot be reached.');
      });
  }
  function renderOutlookAccount(text) {
    var readout = $('outlook-account');
    if (readout) readout.textContent = 'Outlook account: ' + text;
  }
  harness.nestedAppAuth = {
    handle: function (request) {
      naaLog.push({ method: request.method, clientId: request.tokenParams && request.tokenParams.clientId, scope: request.tokenParams && request.tokenParams.scope });
      if (request.method === 'GetInitContext') {
        return { success: true, initContext: { sdkName: 'outlook-harness', sdkVersion: '1.0.0', capabilities: { queryAccount: false } } };
      }
      if (!request.tokenParams || !request.tokenParams.clientId) return bridgeError('PERSISTENT_ERROR', 'invalid_request', 'No token parameters.');
      if (request.method === 'GetToken') return naaGetToken(request.tokenParams);
      if (request.method === 'GetTokenPopup') return naaGetTokenPopup(request.tokenParams);
      return bridgeError('PERSISTENT_ERROR', 'unsupported_method', String(request.method));
    },
  };
  // For tests: which bridge requests the host saw (method, client id, scopes; never a token).
  harness.nestedAppAuthRequests = function () {
    return JSON.parse(JSON.stringify(naaLog));
  };

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
    if (boot.requirementSets && boot.requirementSets.NestedAppAuth) renderOutlookAccount(outlookAccount ? outlookAccount.login : 'not signed in');
    setInterval(refreshCount, 3000);
    refreshCount();
  }

  document.body.dataset.theme = state.theme;
  $('theme-select').value = state.theme;
  renderList();
  renderReading();
  wireControls();
  // The pane of the first item's mode loads last, once the host answers its messages.
  showItem(state.currentId);
})();
