// First page of the Office sign-in dialog. Office requires the dialog to start on the add-in's own origin; from here
// the dialog goes to the org's authorize endpoint. Plain script (no build step): it must work in any Office webview.
(function () {
  'use strict';

  var french = /^fr\b/i.test(navigator.language || '');
  var status = document.getElementById('status');
  function say(text) {
    if (status) status.textContent = text;
  }

  function allowedBase(value) {
    try {
      var url = new URL(value);
      var loopback = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
      if (url.protocol === 'https:' || (loopback && url.protocol === 'http:')) {
        return url.origin + url.pathname.replace(/\/+$/, '');
      }
    } catch (e) {
      // fall through
    }
    return null;
  }

  var params = new URLSearchParams(location.search);
  var loginUrl = allowedBase(params.get('login_url') || '');
  var clientId = params.get('client_id');
  var redirectUri = params.get('redirect_uri') || '';
  var challenge = params.get('code_challenge');
  var state = params.get('state');
  var prompt = params.get('prompt');

  // The code must come back to this add-in and nowhere else.
  var redirectOk = false;
  try {
    redirectOk = new URL(redirectUri).origin === location.origin;
  } catch (e) {
    redirectOk = false;
  }

  if (!loginUrl || !clientId || !redirectOk || !challenge || !state) {
    say(french ? 'Connexion impossible : paramètres manquants. Fermez cette fenêtre et réessayez.' : 'Sign-in could not start: its settings are missing. Close this window and try again.');
    return;
  }

  var query = new URLSearchParams();
  query.set('response_type', 'code');
  query.set('client_id', clientId);
  query.set('redirect_uri', redirectUri);
  query.set('code_challenge', challenge);
  query.set('code_challenge_method', 'S256');
  query.set('state', state);
  // The same scopes as OAUTH_SCOPE in src/auth/salesforce-sign-in.ts: the fewest the add-in needs, and exactly the
  // ones the README's External Client App set-up selects (a scope the app lacks ends on Salesforce's error page).
  query.set('scope', 'api refresh_token');
  if (prompt === 'login') query.set('prompt', 'login');
  var target = loginUrl + '/services/oauth2/authorize?' + query.toString().replace(/\+/g, '%20');

  // Drop the parameters from this page's history entry before leaving it.
  try {
    history.replaceState(null, '', location.pathname);
  } catch (e) {
    // Not fatal.
  }

  var gone = false;
  function go() {
    if (gone) return;
    gone = true;
    say(french ? 'Ouverture de Salesforce…' : 'Opening Salesforce…');
    location.replace(target);
  }

  // Let office.js settle the dialog's handshake first where it is here; never wait on it for long.
  if (window.Office && typeof window.Office.onReady === 'function') {
    try {
      window.Office.onReady(go);
    } catch (e) {
      go();
    }
    setTimeout(go, 1500);
  } else {
    go();
  }
})();
