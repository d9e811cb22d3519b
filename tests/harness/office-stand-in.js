/*
 * office.js stand-in for the Outlook harness and the browser tests.
 *
 * It has the SHAPE of the real API (names, enum values, AsyncResult objects, callback order) for exactly what the
 * add-in uses, so the production code runs unchanged against it. It is served at Microsoft's CDN URL in the tests
 * (Chromium maps the CDN host to a local server) and at /__harness/office.js in `npm start`.
 *
 * Three contexts:
 *  - task pane: an iframe of the harness page; the current email and settings come from window.parent.__outlookHarness;
 *  - dialog: a window opened by displayDialogAsync (window.name starts with DIALOG_NAME_PREFIX); it talks to its opener
 *    with postMessage, so targetOrigin is enforced by the browser itself, as in Outlook on the web;
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

  // --- where the state lives ----------------------------------------------------------------------------------------
  function sameOriginHarness(win) {
    try {
      return win && win.__outlookHarness ? win.__outlookHarness : null;
    } catch (e) {
      return null; // cross-origin
    }
  }
  var isDialog = typeof window.name === 'string' && window.name.indexOf(DIALOG_NAME_PREFIX) === 0;
  var dialogId = isDialog ? window.name.slice(DIALOG_NAME_PREFIX.length) : null;
  var harness = null;
  if (!isDialog && window.parent && window.parent !== window) harness = sameOriginHarness(window.parent);
  if (isDialog && window.opener) harness = sameOriginHarness(window.opener.parent) || sameOriginHarness(window.opener);

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
  // Compose fields are objects with getAsync/setAsync, reading the draft live from the harness so edits show up.
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

  // --- roaming settings (in memory per harness page; set/remove are local until saveAsync, as in Outlook) -----------
  function makeRoamingSettings(store) {
    var local = clone(store.values || {});
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
        later(function () {
          if (size > 32 * 1024) {
            return args.callback(failedResult(9057, 'SettingsStaleError', 'The settings exceed the 32 KB limit.', args.options.asyncContext));
          }
          store.values = clone(local);
          args.callback(succeededResult(undefined, args.options.asyncContext));
        });
      },
    };
  }

  // --- dialog (pane side) -------------------------------------------------------------------------------------------
  var openDialogRecord = null;
  function recordActivity(text) {
    if (harness && typeof harness.log === 'function') harness.log(text);
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
    var busy = openDialogRecord || (harness && harness.dialogOpen);
    if (busy) return fail(12007, 'Internal Error', 'A dialog box is already opened from this host window.');
    var behavior = harness && harness.dialogBehavior ? harness.dialogBehavior() : 'allow';
    if (behavior === 'ignore-prompt') return fail(12009, 'Internal Error', 'The user chose to ignore the dialog box.');

    var percent = function (value, fallback, total) {
      var p = Number(value);
      if (!(p > 0 && p <= 100)) p = fallback;
      return Math.round((p / 100) * total);
    };
    var width = percent(options.width, 80, screen.availWidth || 1280);
    var height = percent(options.height, 80, screen.availHeight || 800);
    var id = String(Date.now()) + Math.random().toString(16).slice(2);
    // window.open runs synchronously, inside the click that called us, so the browser's pop-up blocker judges it fairly.
    var win = behavior === 'block-popups' ? null : window.open(url.href, DIALOG_NAME_PREFIX + id, 'popup,width=' + width + ',height=' + height);
    if (!win) return fail(12011, 'Internal Error', 'The dialog box was blocked by the browser pop-up blocker.');

    var handlers = {};
    var record = { id: id, win: win, closedByAddIn: false };
    openDialogRecord = record;
    if (harness) harness.dialogOpen = true;
    recordActivity('dialog opened: ' + url.pathname);

    var finish = function () {
      if (openDialogRecord === record) openDialogRecord = null;
      if (harness) harness.dialogOpen = false;
      clearInterval(watch);
      window.removeEventListener('message', onMessage);
    };
    var emit = function (type, payload) {
      var handler = handlers[type];
      if (typeof handler === 'function') {
        payload.type = type;
        handler(payload);
      }
    };
    var onMessage = function (event) {
      if (event.source !== win || !event.data || event.data[MESSAGE_TAG] !== 'messageParent' || event.data.dialogId !== id) return;
      recordActivity('dialog message from ' + event.origin);
      emit(EventType.DialogMessageReceived, { message: String(event.data.message), origin: event.origin });
    };
    window.addEventListener('message', onMessage);
    var watch = setInterval(function () {
      if (!win.closed) return;
      finish();
      if (!record.closedByAddIn) {
        recordActivity('dialog closed by the user (12006)');
        emit(EventType.DialogEventReceived, { error: 12006 });
      }
    }, 200);

    // Outlook shows its own error page when the start page is missing and raises 12002 to the add-in.
    fetch(url.href, { method: 'GET', credentials: 'same-origin', cache: 'no-store' })
      .then(function (response) {
        if (response.status === 404 && openDialogRecord === record) {
          recordActivity('dialog page not found (12002)');
          emit(EventType.DialogEventReceived, { error: 12002 });
        }
      })
      .catch(function () {});

    var dialog = {
      addEventHandler: function (eventType, handler) {
        handlers[eventType] = handler;
      },
      close: function () {
        record.closedByAddIn = true;
        finish();
        try {
          win.close();
        } catch (e) {}
        recordActivity('dialog closed by the add-in');
      },
      messageChild: function (message, messageOptions) {
        var target = (messageOptions && messageOptions.targetOrigin) || location.origin;
        win.postMessage({ __officeStandIn: 'messageChild', message: String(message) }, target);
      },
      sendMessage: function () {},
    };
    later(function () {
      args.callback(succeededResult(dialog, options.asyncContext));
    });
  }

  // --- dialog (dialog side) -----------------------------------------------------------------------------------------
  function messageParent(message, messageOptions) {
    if (!window.opener) throw new Error('messageParent is only available in a dialog opened by displayDialogAsync.');
    // Outlook delivers only to a parent whose origin matches targetOrigin (default: the dialog's own origin). The
    // browser's postMessage enforces exactly that: a mismatch is dropped silently, as in Outlook.
    var target = (messageOptions && messageOptions.targetOrigin) || location.origin;
    var envelope = {};
    envelope[MESSAGE_TAG] = 'messageParent';
    envelope.dialogId = dialogId;
    envelope.message = String(message);
    window.opener.postMessage(envelope, target);
  }

  // --- Office.context -----------------------------------------------------------------------------------------------
  var readyInfo = harness || isDialog ? { host: HostType.Outlook, platform: harness.platform || PlatformType.OfficeOnline } : { host: null, platform: null };
  var requirementSets = (harness && harness.requirementSets) || DEFAULT_REQUIREMENT_SETS;
  var context = {
    host: readyInfo.host,
    platform: readyInfo.platform,
    contentLanguage: harness ? harness.displayLanguage : 'en-US',
    displayLanguage: harness ? harness.displayLanguage : 'en-US',
    partitionKey: harness ? harness.partitionKey : undefined,
    requirements: makeRequirements(requirementSets),
    diagnostics: { host: HostType.Outlook, platform: readyInfo.platform, version: '16.0.0.0' },
    ui: {},
  };

  var mailboxHandlers = {};
  if (isDialog) {
    context.ui.messageParent = messageParent;
    context.ui.addHandlerAsync = function (eventType, handler, a, b) {
      var args = splitOptionsAndCallback(a, b);
      if (eventType === EventType.DialogParentMessageReceived) {
        window.addEventListener('message', function (event) {
          if (event.source === window.opener && event.data && event.data[MESSAGE_TAG] === 'messageChild') {
            handler({ type: eventType, message: event.data.message, origin: event.origin });
          }
        });
      }
      later(function () {
        args.callback(succeededResult(undefined, args.options.asyncContext));
      });
    };
  } else if (harness) {
    context.ui.displayDialogAsync = displayDialogAsync;
    context.roamingSettings = makeRoamingSettings(harness.roamingStore);
    Object.defineProperty(context, 'officeTheme', {
      enumerable: true,
      get: function () {
        return clone(harness.officeTheme());
      },
    });

    var onDraftChange = function (field) {
      if (harness.draftChanged) harness.draftChanged(field);
    };
    var mailbox = {
      item: buildItem(harness.currentEmail(), onDraftChange),
      userProfile: clone(harness.userProfile),
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
        later(function () {
          args.callback(succeededResult(undefined, args.options.asyncContext));
        });
      },
      removeHandlerAsync: function (eventType, a, b) {
        var args = splitOptionsAndCallback(a, b);
        removeHandlers(mailboxHandlers, eventType, args.options.handler);
        later(function () {
          args.callback(succeededResult(undefined, args.options.asyncContext));
        });
      },
    };
    context.mailbox = mailbox;

    // The harness calls these on the pane's stand-in when the seller picks another email, edits a draft or switches theme.
    harness.attachPane({
      itemChanged: function () {
        mailbox.item = buildItem(harness.currentEmail(), onDraftChange);
        return fire(mailboxHandlers, EventType.ItemChanged, { type: EventType.ItemChanged });
      },
      recipientsChanged: function (fields) {
        if (!mailbox.item) return false;
        return fire(mailbox.item.__handlers, EventType.RecipientsChanged, {
          type: EventType.RecipientsChanged,
          changedRecipientFields: { to: fields.indexOf('to') >= 0, cc: fields.indexOf('cc') >= 0, bcc: false },
        });
      },
      themeChanged: function () {
        return fire(mailboxHandlers, EventType.OfficeThemeChanged, { type: EventType.OfficeThemeChanged, officeTheme: clone(harness.officeTheme()) });
      },
      handlers: function () {
        var count = function (table, type) {
          return (table[type] || []).length;
        };
        return {
          itemChanged: count(mailboxHandlers, EventType.ItemChanged),
          themeChanged: count(mailboxHandlers, EventType.OfficeThemeChanged),
          recipientsChanged: mailbox.item ? count(mailbox.item.__handlers, EventType.RecipientsChanged) : 0,
        };
      },
    });
  }

  // --- nested app authentication bridge (pane side) ------------------------------------------------------------------
  // Outlook clients that report NestedAppAuth 1.1 inject `window.nestedAppAuthBridge` into the add-in's frame. msal-browser
  // 5 (src/naa/BridgeProxy.ts) posts each request as a JSON string and reads each answer as a JSON string from its
  // "message" listeners. The HOST acquires the tokens: here the harness page, which plays Outlook (and its account).
  function installNestedAppAuthBridge(host) {
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
        Promise.resolve()
          .then(function () {
            return host.handle(request);
          })
          .then(
            function (body) {
              var answer = Object.assign({}, base, body);
              deliver(answer);
            },
            function (error) {
              deliver(Object.assign({}, base, { success: false, error: { status: 'TRANSIENT_ERROR', code: 'host_error', description: String(error && error.message) } }));
            },
          );
      },
    };
  }
  if (harness && !isDialog && harness.nestedAppAuth && context.requirements.isSetSupported('NestedAppAuth', '1.1')) {
    installNestedAppAuthBridge(harness.nestedAppAuth);
  }

  // --- Office.onReady -----------------------------------------------------------------------------------------------
  var readyPromise = new Promise(function (resolve) {
    // office.js becomes ready after the page's scripts ran, never synchronously inside the script tag.
    var fire = function () {
      if (typeof Office.initialize === 'function') {
        try {
          Office.initialize('');
        } catch (e) {}
      }
      resolve(readyInfo);
    };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', function () { setTimeout(fire, 0); });
    else setTimeout(fire, 0);
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
