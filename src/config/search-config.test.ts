import { describe, expect, it } from 'vitest';
import { ConfigError, parseRuntimeConfig } from './runtime-config';

const salesforce = { loginUrl: 'https://acme.my.salesforce.com', clientId: 'c', redirectUri: 'https://addin.contoso.com/auth-callback.html' };
const parse = (search: unknown) => parseRuntimeConfig({ salesforce, search });

describe('search config', () => {
  it('is absent unless given', () => {
    expect(parseRuntimeConfig({ salesforce }).search).toBeUndefined();
  });

  it('reads the admin objects, with Name as the default name field', () => {
    expect(parse({ objects: [{ name: 'Project__c', label: 'Project', detailField: 'Status__c' }, { name: 'Asset', nameField: 'SerialNumber' }] }).search).toEqual({
      objects: [
        { name: 'Project__c', label: 'Project', nameField: 'Name', detailField: 'Status__c' },
        { name: 'Asset', label: 'Asset', nameField: 'SerialNumber' },
      ],
    });
  });

  it.each([
    ['not an object', 'x', '"search" must be an object'],
    ['no objects list', {}, '"search" must be an object'],
    ['a bad name', { objects: [{ name: 'Project c' }] }, '"search.objects[0].name" must be an object\'s API name'],
    ['a built-in', { objects: [{ name: 'opportunity' }] }, 'is searched already'],
    ['twice', { objects: [{ name: 'A__c' }, { name: 'a__c' }] }, 'is named twice'],
    ['a bad field', { objects: [{ name: 'A__c', detailField: 'Owner.Name; DROP' }] }, '"search.objects[0].detailField" must be a field'],
    ['too many', { objects: [1, 2, 3, 4, 5, 6].map((n) => ({ name: `O${n}__c` })) }, 'at most 5 objects'],
  ])('refuses %s with a clear message', (_, search, message) => {
    expect(() => parse(search)).toThrow(ConfigError);
    expect(() => parse(search)).toThrow(message);
  });
});
