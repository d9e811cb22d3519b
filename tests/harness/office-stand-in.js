/*
 * office.js stand-in for the Outlook harness and the browser tests.
 *
 * It has the SHAPE of the real API (names, enum values, AsyncResult objects, callback order) for exactly what the
 * add-in uses, so the production code runs unchanged against it. It is served at Microsoft's CDN URL in the tests
 * (Chromium maps the CDN host to a local server) and at /__harness/office.js in `npm start`.
 *
 * Three contexts, as in Outlook on the web, where the host page and the add-in are on different sites:
 *  - task pane: a cross-site iframe of the host (harness) page, named by the host (PANE_NAME_PREFIX + its origin and
 *    platform variant); the email, settings and events come from the host by postMessage only;
 *  - dialog: a top-level window the HOST opened for displayDialogAsync (window name DIALOG_NAME_PREFIX + marker); it
 *    talks to the host, which relays to the pane, so targetOrigin is checked against the pane's origin;
 *  - anywhere else (a plain browser tab): Office.onReady answers { host: null, platform: null }, as real office.js does.
 */
(function () {
  'use strict';

  var DIALOG_NAME_PREFIX = '__officeStandInDialog_';
  var MESSAGE_TAG = '__officeStandIn';

  // --- enums, with the real runtime values --------------------------------------------------------------------------
  var EventType = {
    ItemChanged: 'olkItemSelectedChanged',
    RecipientsChanged: 'olkRecipientsChanged',
    OfficeThemeChanged: 'officeThemeChanged',
    DialogMessageReceived: 'dialogMessageReceived',
    DialogEventReceived: 'dialogEventReceived',
    DialogParentMessageReceived: 'dialogParentMessageReceived',
  };
  var AsyncResultStatus = { Succeeded: 'succeeded', Failed: 'failed' };
  var CoercionType = { Text: 'text', Html: 'html' };
  var HostType = { Outlook: 'Outlook' };
  var PlatformType = { OfficeOnline: 'OfficeOnline', PC: 'PC', Mac: 'Mac' };
  var ItemType = { Message: 'message', Appointment: 'appointment' };

  // --- AsyncResult --------------------------------------------------------------------------------------------------
  function OfficeError(code, name, message) {
    this.code = code;
    this.name = name;
    this.message = message;
  }
  function succeededResult(value, asyncContext) {
    return { status: AsyncResultStatus.Succeeded, value: value, error: undefined, asyncContext: asyncContext, diagnostics: undefined };
  }
  function failedResult(code, name, message, asyncContext) {
    return { status: AsyncResultStatus.Failed, value: undefined, error: new OfficeError(code, name, message), asyncContext: asyncContext, diagnostics: undefined };
  }
  // Office's *Async methods take (…args, [options], [callback]); the callback always runs later, never synchronously.
  function splitOptionsAndCallback(a, b) {
    if (typeof a === 'function') return { options: {}, callback: a };
    return { options: a || {}, callback: typeof b === 'function' ? b : function () {} };
  }
  function later(fn) {
    setTimeout(fn, 0);
  }
  function clone(value) {
    return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
  }

  // --- where the state lives ---------------------------------------------------------------------------------------
  // Outlook on the web hosts the pane in a cross-site iframe and opens dialogs as top-level windows, so nothing here
  // can reach the host page's objects: every exchange is a postMessage to the host's origin, as real office.js does.
  // The host names the pane (iframe name) and each dialog (window.open target name) with a marker carrying the
  // host's origin and the platform variant; a dialog keeps its marker in sessionStorage, which survives the
  // dialog's own navigations (the window name may not, across sites).
  var PANE_NAME_PREFIX = '__officeStandInPane_';
  function decodeMarker(name, prefix) {
    if (typeof name !== 'string' || name.indexOf(prefix) !== 0) return null;
    try {
      return JSON.parse(decodeURIComponent(name.slice(prefix.length)));
    } catch (e) {
      return null;
    }
  }
  var DIALOG_MARKER_KEY = '__officeStandInDialog';
  var dialogMarker = decodeMarker(window.name, DIALOG_NAME_PREFIX);
  try {
    if (dialogMarker) sessionStorage.setItem(DIALOG_MARKER_KEY, JSON.stringify(dialogMarker));
    else if (window.opener) dialogMarker = JSON.parse(sessionStorage.getItem(DIALOG_MARKER_KEY) || 'null');
  } catch (e) {
    // Storage unavailable: only the window name tells.
  }
  var isDialog = !!(dialogMarker && window.opener);
  var dialogId = isDialog ? dialogMarker.id : null;
  var paneMarker = !isDialog && window.parent && window.parent !== window ? decodeMarker(window.name, PANE_NAME_PREFIX) : null;
  var hostWindow = isDialog ? window.opener : paneMarker ? window.parent : null;
  var hostOrigin = isDialog ? dialogMarker.hostOrigin : paneMarker ? paneMarker.hostOrigin : null;
  var variant = (paneMarker && paneMarker.variant) || (dialogMarker && dialogMarker.variant) || {};

  // An old webview (variant) has neither BroadcastChannel nor Web Locks: they go before the add-in's code runs.
  if (paneMarker && variant.noBroadcastChannel) {
    try {
      delete window.BroadcastChannel;
    } catch (e) {}
    window.BroadcastChannel = undefined;
  }
  if (paneMarker && variant.noWebLocks) {
    try {
      Object.defineProperty(Navigator.prototype, 'locks', { configurable: true, get: function () { return undefined; } });
    } catch (e) {}
  }

  function toHost(type, body) {
    if (!hostWindow) return;
    var envelope = body ? clone(body) : {};
    envelope[MESSAGE_TAG] = type;
    if (isDialog) envelope.dialogId = dialogId;
    hostWindow.postMessage(envelope, hostOrigin);
  }
  var hostListeners = {};
  function onHost(type, listener) {
    (hostListeners[type] = hostListeners[type] || []).push(listener);
  }
  window.addEventListener('message', function (event) {
    if (!hostWindow || event.source !== hostWindow || event.origin !== hostOrigin) return;
    var data = event.data;
    if (!data || typeof data[MESSAGE_TAG] !== 'string') return;
    (hostListeners[data[MESSAGE_TAG]] || []).slice().forEach(function (listener) {
      listener(data);
    });
  });
  var nextRequestId = 1;
  var pendingRequests = {};
  // A request to the host that expects one answer (`<type>:answer` with the same requestId).
  function askHost(type, body) {
    return new Promise(function (resolve) {
      var requestId = String(nextRequestId++);
      pendingRequests[requestId] = resolve;
      var payload = body ? clone(body) : {};
      payload.requestId = requestId;
      toHost(type, payload);
    });
  }
  onHost('answer', function (data) {
    var resolve = pendingRequests[data.requestId];
    if (!resolve) return;
    delete pendingRequests[data.requestId];
    resolve(data.value);
  });
  // The pane's copy of the host's state, filled by the host's answer to 'attach' before Office.onReady resolves.
  var hostState = null;
  function recordActivity(text) {
    toHost('log', { text: text });
  }

  // --- email items --------------------------------------------------------------------------------------------------
  function toDetails(address) {
    return { displayName: address.name || address.address, emailAddress: address.address, recipientType: 'externalUser' };
  }
  function bodyGetAsync(email) {
    return function (coercionType, a, b) {
      var args = splitOptionsAndCallback(a, b);
      later(function () {
        var text = email.body || '';
        if (coercionType === CoercionType.Html) {
          text = '<html><body><div>' + text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\n/g, '<br>') + '</div></body></html>';
        } else if (coercionType !== CoercionType.Text) {
          return args.callback(failedResult(1000, 'InvalidCoercion', 'The specified coercion type is not supported.', args.options.asyncContext));
        }
        args.callback(succeededResult(text, args.options.asyncContext));
      });
    };
  }
  // Office keeps several handlers per event type; removeHandlerAsync drops one (options.handler) or all of the type.
  function addHandler(table, eventType, handler) {
    (table[eventType] = table[eventType] || []).push(handler);
  }
  function removeHandlers(table, eventType, handler) {
    if (!table[eventType]) return;
    table[eventType] = handler ? table[eventType].filter(function (h) { return h !== handler; }) : [];
  }
  function fire(table, eventType, args) {
    var list = (table[eventType] || []).slice();
    list.forEach(function (handler) {
      try {
        handler(args);
      } catch (e) {
        setTimeout(function () { throw e; }, 0);
      }
    });
    return list.length > 0;
  }
  function itemEvents(item) {
    var handlers = {};
    item.addHandlerAsync = function (eventType, handler, a, b) {
      var args = splitOptionsAndCallback(a, b);
      if (eventType !== EventType.RecipientsChanged || typeof handler !== 'function') {
        later(function () {
          args.callback(failedResult(9020, 'GenericResponseError', 'The event type is not supported.', args.options.asyncContext));
        });
        return;
      }
      addHandler(handlers, eventType, handler);
      later(function () {
        args.callback(succeededResult(undefined, args.options.asyncContext));
      });
    };
    item.removeHandlerAsync = function (eventType, a, b) {
      var args = splitOptionsAndCallback(a, b);
      removeHandlers(handlers, eventType, args.options.handler);
      later(function () {
        args.callback(succeededResult(undefined, args.options.asyncContext));
      });
    };
    return handlers;
  }
  // Compose fields are objects with getAsync/setAsync, reading the pane's copy of the draft, which the host updates before it fires RecipientsChanged.
  function composeRecipients(draft, field, onChange) {
    return {
      getAsync: function (a, b) {
        var args = splitOptionsAndCallback(a, b);
        later(function () {
          args.callback(succeededResult((draft[field] || []).map(toDetails), args.options.asyncContext));
        });
      },
      setAsync: function (recipients, a, b) {
        var args = splitOptionsAndCallback(a, b);
        draft[field] = (recipients || []).map(function (r) {
          return typeof r === 'string' ? { name: r, address: r } : { name: r.displayName || r.emailAddress, address: r.emailAddress };
        });
        onChange(field);
        later(function () {
          args.callback(succeededResult(undefined, args.options.asyncContext));
        });
      },
    };
  }
  function buildItem(email, onDraftChange) {
    if (!email) return null;
    var item;
    if (email.mode === 'compose') {
      item = {
        itemType: ItemType.Message,
        subject: {
          getAsync: function (a, b) {
            var args = splitOptionsAndCallback(a, b);
            later(function () {
              args.callback(succeededResult(email.subject || '', args.options.asyncContext));
            });
          },
          setAsync: function (subject, a, b) {
            var args = splitOptionsAndCallback(a, b);
            email.subject = String(subject);
            onDraftChange('subject');
            later(function () {
              args.callback(succeededResult(undefined, args.options.asyncContext));
            });
          },
        },
        from: {
          getAsync: function (a, b) {
            var args = splitOptionsAndCallback(a, b);
            later(function () {
              args.callback(succeededResult(email.from ? toDetails(email.from) : undefined, args.options.asyncContext));
            });
          },
        },
        to: composeRecipients(email, 'to', onDraftChange),
        cc: composeRecipients(email, 'cc', onDraftChange),
        body: { getAsync: bodyGetAsync(email) },
      };
    } else {
      item = {
        itemType: ItemType.Message,
        itemId: email.itemId,
        internetMessageId: email.internetMessageId,
        conversationId: email.conversationId,
        dateTimeCreated: new Date(email.date),
        dateTimeModified: new Date(email.date),
        subject: email.subject,
        normalizedSubject: String(email.subject || '').replace(/^((re|fw|fwd):\s*)+/i, ''),
        from: email.from ? toDetails(email.from) : undefined,
        sender: email.from ? toDetails(email.from) : undefined,
        to: (email.to || []).map(toDetails),
        cc: (email.cc || []).map(toDetails),
        body: { getAsync: bodyGetAsync(email) },
      };
    }
    Object.defineProperty(item, '__handlers', { value: itemEvents(item), enumerable: false });
    return item;
  }

  // --- requirements -------------------------------------------------------------------------------------------------
  function versionAtLeast(have, want) {
    var h = String(have).split('.').map(Number);
    var w = String(want === undefined ? '1.1' : want).split('.').map(Number);
    for (var i = 0; i < Math.max(h.length, w.length); i++) {
      var a = h[i] || 0;
      var b = w[i] || 0;
      if (a !== b) return a > b;
    }
    return true;
  }
  function makeRequirements(sets) {
    return {
      isSetSupported: function (name, minVersion) {
        var key = Object.keys(sets).filter(function (k) {
          return k.toLowerCase() === String(name).toLowerCase();
        })[0];
        if (!key || sets[key] === false || sets[key] === null) return false;
        return versionAtLeast(sets[key], minVersion);
      },
    };
  }
  var DEFAULT_REQUIREMENT_SETS = { Mailbox: '1.14', DialogApi: '1.2', DialogOrigin: '1.1', IdentityAPI: false, NestedAppAuth: false };

  // --- roaming settings (the host keeps the saved values; set/remove are local until saveAsync, as in Outlook) -------
  function makeRoamingSettings(saved) {
    var local = clone(saved || {});
    return {
      get: function (name) {
        return Object.prototype.hasOwnProperty.call(local, name) ? clone(local[name]) : undefined;
      },
      set: function (name, value) {
        local[name] = clone(value);
      },
      remove: function (name) {
        delete local[name];
      },
      saveAsync: function (a, b) {
        var args = splitOptionsAndCallback(a, b);
        var size = JSON.stringify(local).length;
        if (size > 32 * 1024) {
          return later(function () {
            args.callback(failedResult(9057, 'SettingsStaleError', 'The settings exceed the 32 KB limit.', args.options.asyncContext));
          });
        }
        askHost('saveRoamingSettings', { values: local }).then(function () {
          args.callback(succeededResult(undefined, args.options.asyncContext));
        });
      },
    };
  }

  // --- dialog (pane side) -------------------------------------------------------------------------------------------
  // The HOST opens the dialog window (a top-level, first-party window) and relays its messages to the pane, as in
  // Outlook on the web; the pane only asks. The seller's click in the pane activates the host page too (user
  // activation reaches ancestor frames), so the host's window.open is judged by the pop-up blocker as a click's.
  var openDialogRecord = null;
  var dialogsById = {};

  // Outlook on the web's prompt: office.js swaps the pane's body for "<add-in> wants to display a new window" with
  // Allow and Ignore until the seller answers; the window opens from the Allow click.
  function showDialogPrompt(onAnswer) {
    var saved = document.body;
    var prompt = document.createElement('body');
    prompt.setAttribute('data-office-dialog-prompt', '');
    prompt.style.cssText = 'font-family:Segoe UI,system-ui,sans-serif;margin:0;padding:16px;background:#fff;color:#242424';
    var text = document.createElement('p');
    text.id = 'office-dialog-prompt-text';
    text.textContent = (hostState && hostState.addInName ? hostState.addInName : 'This add-in') + ' wants to display a new window.';
    prompt.appendChild(text);
    var answer = function (allowed) {
      document.documentElement.replaceChild(saved, prompt);
      onAnswer(allowed);
    };
    [['Allow', true], ['Ignore', false]].forEach(function (pair) {
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = pair[0];
      button.style.marginRight = '8px';
      button.addEventListener('click', function () {
        answer(pair[1]);
      });
      prompt.appendChild(button);
    });
    document.documentElement.replaceChild(prompt, saved);
  }

  function displayDialogAsync(startAddress, a, b) {
    var args = splitOptionsAndCallback(a, b);
    var options = args.options;
    var fail = function (code, name, message) {
      recordActivity('displayDialogAsync failed: ' + code);
      later(function () {
        args.callback(failedResult(code, name, message, options.asyncContext));
      });
    };
    var url;
    try {
      url = new URL(startAddress, location.href);
    } catch (e) {
      return fail(12002, 'Internal Error', 'The URL passed to displayDialogAsync is not valid.');
    }
    if (url.protocol !== 'https:') return fail(12005, 'Internal Error', 'The URL passed to displayDialogAsync uses the HTTP protocol. HTTPS is required.');
    if (url.origin !== location.origin) return fail(12004, 'Internal Error', 'The domain of the URL is not included in the AppDomains element in the manifest, and is not subdomain of source location.');
    if (openDialogRecord) return fail(12007, 'Internal Error', 'A dialog box is already opened from this host window.');
    var record = { id: null, handlers: {}, closedByAddIn: false };
    openDialogRecord = record;
    var request = { url: url.href, width: options.width, height: options.height, promptBeforeOpen: options.promptBeforeOpen !== false };
    var failFromHost = function (error) {
      if (openDialogRecord === record) openDialogRecord = null;
      fail(error.code, 'Internal Error', error.message);
    };
    var opened = function (answer) {
      if (answer.error) return failFromHost(answer.error);
      record.id = answer.dialogId;
      dialogsById[record.id] = record;
      // Outlook shows its own error page when the start page is missing and raises 12002 to the add-in.
      fetch(url.href, { method: 'GET', credentials: 'same-origin', cache: 'no-store' })
        .then(function (response) {
          if (response.status === 404 && openDialogRecord === record) emitDialog(record, EventType.DialogEventReceived, { error: 12002 });
        })
        .catch(function () {});
      later(function () {
        args.callback(succeededResult(makeDialog(record), options.asyncContext));
      });
    };
    askHost('displayDialog', request).then(function (answer) {
      if (!answer.prompt) return opened(answer);
      showDialogPrompt(function (allowed) {
        if (!allowed) return failFromHost({ code: 12009, message: 'The user chose to ignore the dialog box.' });
        request.allowed = true;
        askHost('displayDialog', request).then(opened);
      });
    });
  }
  function emitDialog(record, type, payload) {
    var handler = record.handlers[type];
    if (typeof handler === 'function') {
      payload.type = type;
      handler(payload);
    }
  }
  function forgetDialog(record) {
    if (openDialogRecord === record) openDialogRecord = null;
    delete dialogsById[record.id];
  }
  function makeDialog(record) {
    return {
      addEventHandler: function (eventType, handler) {
        record.handlers[eventType] = handler;
      },
      close: function () {
        record.closedByAddIn = true;
        forgetDialog(record);
        toHost('closeDialog', { id: record.id });
      },
      messageChild: function (message, messageOptions) {
        toHost('messageChild', { id: record.id, message: String(message), targetOrigin: (messageOptions && messageOptions.targetOrigin) || location.origin });
      },
      sendMessage: function () {},
    };
  }
  onHost('dialogMessage', function (data) {
    var record = dialogsById[data.id];
    if (record) emitDialog(record, EventType.DialogMessageReceived, { message: String(data.message), origin: data.origin });
  });
  onHost('dialogEvent', function (data) {
    var record = dialogsById[data.id];
    if (!record) return;
    if (data.error === 12006) forgetDialog(record);
    emitDialog(record, EventType.DialogEventReceived, { error: data.error });
  });

  // --- dialog (dialog side) -----------------------------------------------------------------------------------------
  function messageParent(message, messageOptions) {
    if (!isDialog) throw new Error('messageParent is only available in a dialog opened by displayDialogAsync.');
    // Outlook delivers only to a parent whose origin matches targetOrigin (default: the dialog's own origin); the
    // host checks it against the pane's origin and drops a mismatch silently, as Outlook does.
    toHost('messageParent', { message: String(message), targetOrigin: (messageOptions && messageOptions.targetOrigin) || location.origin });
  }

  // --- Office.context -----------------------------------------------------------------------------------------------
  var inHost = isDialog || !!paneMarker;
  var readyInfo = inHost ? { host: HostType.Outlook, platform: variant.platform || PlatformType.OfficeOnline } : { host: null, platform: null };
  var context = {
    host: readyInfo.host,
    platform: readyInfo.platform,
    contentLanguage: 'en-US',
    displayLanguage: 'en-US',
    partitionKey: undefined,
    requirements: makeRequirements(DEFAULT_REQUIREMENT_SETS),
    diagnostics: { host: HostType.Outlook, platform: readyInfo.platform, version: '16.0.0.0' },
    ui: {},
  };

  var mailboxHandlers = {};
  var mailbox = null;
  function reportHandlers() {
    var count = function (table, type) {
      return (table[type] || []).length;
    };
    toHost('handlers', {
      itemChanged: count(mailboxHandlers, EventType.ItemChanged),
      themeChanged: count(mailboxHandlers, EventType.OfficeThemeChanged),
      recipientsChanged: mailbox && mailbox.item ? count(mailbox.item.__handlers, EventType.RecipientsChanged) : 0,
    });
  }
  function onDraftChange(field) {
    var email = hostState && hostState.email;
    if (email) toHost('draftChanged', { field: field, value: email[field] });
  }

  if (isDialog) {
    context.ui.messageParent = messageParent;
    context.ui.addHandlerAsync = function (eventType, handler, a, b) {
      var args = splitOptionsAndCallback(a, b);
      if (eventType === EventType.DialogParentMessageReceived) {
        onHost('messageChild', function (data) {
          handler({ type: eventType, message: data.message, origin: data.origin });
        });
      }
      later(function () {
        args.callback(succeededResult(undefined, args.options.asyncContext));
      });
    };
  } else if (paneMarker) {
    context.ui.displayDialogAsync = displayDialogAsync;
    Object.defineProperty(context, 'officeTheme', {
      enumerable: true,
      get: function () {
        return clone(hostState.theme);
      },
    });
    mailbox = {
      item: null,
      userProfile: null,
      diagnostics: { hostName: 'OutlookWebApp', hostVersion: '16.0.0.0', OWAView: 'OneColumn' },
      addHandlerAsync: function (eventType, handler, a, b) {
        var args = splitOptionsAndCallback(a, b);
        if ((eventType !== EventType.ItemChanged && eventType !== EventType.OfficeThemeChanged) || typeof handler !== 'function') {
          later(function () {
            args.callback(failedResult(9020, 'GenericResponseError', 'The event type is not supported.', args.options.asyncContext));
          });
          return;
        }
        addHandler(mailboxHandlers, eventType, handler);
        reportHandlers();
        later(function () {
          args.callback(succeededResult(undefined, args.options.asyncContext));
        });
      },
      removeHandlerAsync: function (eventType, a, b) {
        var args = splitOptionsAndCallback(a, b);
        removeHandlers(mailboxHandlers, eventType, args.options.handler);
        reportHandlers();
        later(function () {
          args.callback(succeededResult(undefined, args.options.asyncContext));
        });
      },
    };
    context.mailbox = mailbox;

    // The host tells the pane when the seller picks another email, edits a draft or switches theme; the pane
    // answers with whether a handler took it.
    onHost('itemChanged', function (data) {
      hostState.email = data.email;
      mailbox.item = buildItem(hostState.email, onDraftChange);
      var delivered = fire(mailboxHandlers, EventType.ItemChanged, { type: EventType.ItemChanged });
      reportHandlers();
      toHost('delivered', { seq: data.seq, delivered: delivered });
    });
    onHost('recipientsChanged', function (data) {
      var delivered = false;
      if (mailbox.item && hostState.email) {
        data.fields.forEach(function (field) {
          hostState.email[field] = data.email[field];
        });
        delivered = fire(mailbox.item.__handlers, EventType.RecipientsChanged, {
          type: EventType.RecipientsChanged,
          changedRecipientFields: { to: data.fields.indexOf('to') >= 0, cc: data.fields.indexOf('cc') >= 0, bcc: false },
        });
      }
      toHost('delivered', { seq: data.seq, delivered: delivered });
    });
    onHost('themeChanged', function (data) {
      hostState.theme = data.theme;
      var delivered = fire(mailboxHandlers, EventType.OfficeThemeChanged, { type: EventType.OfficeThemeChanged, officeTheme: clone(data.theme) });
      toHost('delivered', { seq: data.seq, delivered: delivered });
    });
  }

  // --- nested app authentication bridge (pane side) ------------------------------------------------------------------
  // Outlook clients that report NestedAppAuth 1.1 inject `window.nestedAppAuthBridge` into the add-in's frame. msal-browser
  // 5 (src/naa/BridgeProxy.ts) posts each request as a JSON string and reads each answer as a JSON string from its
  // "message" listeners. The HOST acquires the tokens: here the harness page, which plays Outlook (and its account).
  function installNestedAppAuthBridge() {
    var listeners = [];
    var deliver = function (answer) {
      var text = JSON.stringify(answer);
      listeners.slice().forEach(function (listener) {
        try {
          listener(text);
        } catch (e) {
          setTimeout(function () { throw e; }, 0);
        }
      });
    };
    window.nestedAppAuthBridge = {
      addEventListener: function (eventName, callback) {
        if (eventName === 'message' && typeof callback === 'function' && listeners.indexOf(callback) < 0) listeners.push(callback);
      },
      removeEventListener: function (eventName, callback) {
        listeners = listeners.filter(function (l) { return l !== callback; });
      },
      postMessage: function (message) {
        var request;
        try {
          request = JSON.parse(String(message));
        } catch (e) {
          return; // not an envelope: the real bridge ignores it too
        }
        if (!request || request.messageType !== 'NestedAppAuthRequest' || !request.requestId) return;
        recordActivity('nested app auth: ' + request.method);
        var base = { messageType: 'NestedAppAuthResponse', requestId: request.requestId };
        // Always asynchronous, as an answer from the host process is.
        askHost('nestedAppAuth', { request: request }).then(function (body) {
          deliver(Object.assign({}, base, body));
        });
      },
    };
  }

  // --- Office.onReady -----------------------------------------------------------------------------------------------
  function applyHostState(state) {
    hostState = state;
    context.contentLanguage = state.displayLanguage;
    context.displayLanguage = state.displayLanguage;
    context.partitionKey = state.partitionKey === null ? undefined : state.partitionKey;
    context.requirements = makeRequirements(state.requirementSets || DEFAULT_REQUIREMENT_SETS);
    if (mailbox) {
      context.roamingSettings = makeRoamingSettings(state.roamingSettings);
      mailbox.userProfile = clone(state.userProfile);
      mailbox.item = buildItem(state.email, onDraftChange);
      if (context.requirements.isSetSupported('NestedAppAuth', '1.1')) installNestedAppAuthBridge();
    }
  }
  var readyPromise = new Promise(function (resolve) {
    // office.js becomes ready after the page's scripts ran and the host answered, never synchronously.
    var fire = function () {
      if (typeof Office.initialize === 'function') {
        try {
          Office.initialize('');
        } catch (e) {}
      }
      resolve(readyInfo);
    };
    var whenLoaded = function (fn) {
      if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', function () { setTimeout(fn, 0); });
      else setTimeout(fn, 0);
    };
    if (!inHost) return whenLoaded(fire);
    askHost('attach', { kind: isDialog ? 'dialog' : 'pane', origin: location.origin }).then(function (state) {
      applyHostState(state || {});
      if (paneMarker) reportHandlers();
      whenLoaded(fire);
    });
  });

  var Office = {
    __standIn: true,
    EventType: EventType,
    AsyncResultStatus: AsyncResultStatus,
    CoercionType: CoercionType,
    HostType: HostType,
    PlatformType: PlatformType,
    MailboxEnums: { ItemType: ItemType, RecipientType: { ExternalUser: 'externalUser', User: 'user', Other: 'other', DistributionList: 'distributionList' } },
    context: context,
    initialize: undefined,
    onReady: function (callback) {
      return readyPromise.then(function (info) {
        if (typeof callback === 'function') callback(info);
        return info;
      });
    },
  };
  window.Office = Office;
})();
