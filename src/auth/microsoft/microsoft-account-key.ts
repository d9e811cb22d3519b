import type { MicrosoftAccount } from './microsoft-auth-state';

/**
 * The namespace that keys the Salesforce token store and the outbox to one Microsoft account, so a second account
 * in the same Outlook never sees the first one's connection or work. Built from the home account id: stable across
 * sessions and token renewals, not a secret, and never a token or an email address.
 */
export function microsoftAccountKey(account: Pick<MicrosoftAccount, 'homeAccountId'>): string {
  const id = account.homeAccountId.trim().toLowerCase();
  if (id === '') throw new Error('microsoftAccountKey: the account has no homeAccountId');
  return `ms:${id}`;
}
