// Salesforce redirects the sign-in dialog here with ?code&state or ?error&error_description&state. The answer goes to
// the task pane through Office's messageParent, restricted to this origin, and nowhere else: on Safari the dialog and
// the pane do not share storage, and a code in storage or a log would outlive its use.
(function () {
  'use strict';

  var french = /^fr\b/i.test(navigator.language || '');
  var status = document.getElementById('status');
  function say(text) {
    if (status) status.textContent = text;
  }

  var params = new URLSearchParams(location.search);
  var answer;
  if (params.get('error')) {
    answer = {
      error: params.get('error'),
      error_description: params.get('error_description') || '',
      state: params.get('state') || '',
    };
  } else {
    answer = { code: params.get('code') || '', state: params.get('state') || '' };
  }

  // The code must not stay in the address bar or the history once read.
  try {
    history.replaceState(null, '', location.pathname);
  } catch (e) {
    // Not fatal: the window closes in a moment.
  }

  var sent = false;
  function send() {
    if (sent) return;
    var office = window.Office;
    if (!office || !office.context || !office.context.ui || typeof office.context.ui.messageParent !== 'function') {
      say(french ? 'Cette fenêtre doit être ouverte depuis le complément Outlook.' : 'This window must be opened from the Outlook add-in.');
      return;
    }
    sent = true;
    var message = JSON.stringify(answer);
    answer = null;
    try {
      office.context.ui.messageParent(message, { targetOrigin: location.origin });
    } catch (e) {
      // Hosts without DialogOrigin 1.1 take only the message; they deliver it to the opener's own origin anyway.
      office.context.ui.messageParent(message);
    }
    say(french ? 'Connexion terminée. Vous pouvez fermer cette fenêtre.' : 'Signed in. You can close this window.');
  }

  if (window.Office && typeof window.Office.onReady === 'function') {
    window.Office.onReady(send);
  } else {
    say(french ? 'Office n’est pas disponible. Fermez cette fenêtre et réessayez.' : 'Office is not available. Close this window and try again.');
  }
})();
