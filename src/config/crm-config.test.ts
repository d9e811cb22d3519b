import { describe, expect, it } from 'vitest';
import { DEFAULT_CRM_CONFIG, parseCrmConfig } from './crm-config';
import { ConfigError, parseRuntimeConfig } from './runtime-config';

const base = { loginUrl: 'https://acme.my.salesforce.com', clientId: 'c', redirectUri: 'https://addin.contoso.com/auth-callback.html' };

describe('parseCrmConfig', () => {
  it('gives the default cards when config.json says nothing', () => {
    expect(parseCrmConfig({})).toEqual(DEFAULT_CRM_CONFIG);
    expect(parseRuntimeConfig({ salesforce: base }).salesforce.crm).toEqual(DEFAULT_CRM_CONFIG);
  });

  it('reads card, editable and required fields per object, keeping defaults for what an entry leaves out', () => {
    const crm = parseCrmConfig({
      objects: { contact: { cardFields: ['Title', 'Department', 'Region__c'], requiredOnSave: ['Phone'] }, Lead: { visible: false }, Project__c: { cardFields: ['Status__c'] } },
      matchEmailFields: { Contact: ['Personal_Email__c'] },
    });
    expect(crm.objects.Contact).toEqual({ visible: true, cardFields: ['Title', 'Department', 'Region__c'], editableFields: ['Title', 'Phone'], requiredOnSave: ['Phone'] });
    expect(crm.objects.Lead?.visible).toBe(false);
    expect(crm.objects.Lead?.cardFields).toEqual(DEFAULT_CRM_CONFIG.objects.Lead?.cardFields);
    expect(crm.objects.Project__c).toEqual({ visible: true, cardFields: ['Status__c'], editableFields: [], requiredOnSave: [] });
    expect(crm.matchEmailFields).toEqual({ Contact: ['Personal_Email__c'], Lead: [] });
  });

  it.each([
    [{ objects: [] }, /salesforce\.objects" must be an object/],
    [{ objects: { Widget: {} } }, /names "Widget"; use Contact/],
    [{ objects: { Contact: { cardFields: 'Title' } } }, /salesforce\.objects\.Contact\.cardFields" must be a list/],
    [{ objects: { Contact: { cardFields: ['Title', 'title'] } } }, /names title twice/],
    [{ objects: { Contact: { cardFields: ['Bad Name'] } } }, /cardFields\[0\]" must be a field API name/],
    [{ objects: { Contact: { cardFields: ['Half__x'] } } }, /cardFields\[0\]/],
    [{ objects: { Contact: { visible: false } } }, /contacts are what the pane is for/],
    [{ objects: { Lead: { visible: 'no' } } }, /Lead\.visible" must be true or false/],
    [{ objects: { Lead: { cardfields: [] } } }, /unknown setting "cardfields"/],
    [{ objects: { Lead: { cardFields: Array.from({ length: 21 }, (_, i) => `F${i}__c`) } } }, /at most 20/],
    [{ matchEmailFields: { Account: ['X__c'] } }, /only Contact and Lead/],
    [{ matchEmailFields: { Contact: ['Email'] } }, /Email is always matched/],
    [{ matchEmailFields: ['X__c'] }, /matchEmailFields" must be an object/],
  ])('refuses %j with a message naming the setting', (salesforce, message) => {
    expect(() => parseCrmConfig(salesforce)).toThrow(ConfigError);
    expect(() => parseCrmConfig(salesforce)).toThrow(message);
  });
});
