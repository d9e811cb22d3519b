/**
 * The message the sign-in dialog's callback page hands to the pane with messageParent: Salesforce's answer
 * (`?code&state` or `?error&error_description&state`) as JSON, read by parseDialogAnswer in salesforce-sign-in.ts.
 * Pure; the page (auth-callback-page.ts) sends it and keeps it nowhere.
 */
export function callbackAnswer(search: string): string {
  const params = new URLSearchParams(search);
  const error = params.get('error');
  if (error) {
    return JSON.stringify({ error, error_description: params.get('error_description') ?? '', state: params.get('state') ?? '' });
  }
  return JSON.stringify({ code: params.get('code') ?? '', state: params.get('state') ?? '' });
}
