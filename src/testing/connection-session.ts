/** A signed-in seller's tokens and identity for unit tests of the connection wrapper (its fakes answer any token). */
import type { SalesforceIdentity, SalesforceTokens } from '../salesforce/salesforce-api';

export const TEST_TOKENS: SalesforceTokens = {
  accessToken: '00D5e000000DemoAAA!secret-access',
  refreshToken: 'secret-refresh',
  instanceUrl: 'https://org.example',
  identityUrl: 'https://org.example/id/00D5e000000DemoAAA/0055e000001SamAAAS',
  issuedAt: 1,
};

export const TEST_IDENTITY: SalesforceIdentity = {
  orgId: '00D5e000000DemoAAA',
  userId: '0055e000001SamAAAS',
  username: 'seller@demo.example',
  displayName: 'Sam Seller',
  email: 'seller@demo.example',
  loginUrl: 'https://org.example',
  instanceUrl: 'https://org.example',
};
