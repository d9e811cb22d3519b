import { describe, expect, it } from 'vitest';
import { recordUrl } from './record-links';

describe('recordUrl', () => {
  it.each([
    ['https://acme.my.salesforce.com', 'Contact', '0035e000000Jane01A', 'https://acme.my.salesforce.com/lightning/r/Contact/0035e000000Jane01A/view'],
    ['https://acme.my.salesforce.com/some/path', 'Task', '00T5e000000Task01A', 'https://acme.my.salesforce.com/lightning/r/Task/00T5e000000Task01A/view'],
    ['http://localhost:8787', 'Lead', '00Q5e000000Tom001A', 'http://localhost:8787/lightning/r/Lead/00Q5e000000Tom001A/view'],
    ['http://acme.example', 'Contact', '0035e000000Jane01A', undefined],
    ['javascript:alert(1)//', 'Contact', '0035e000000Jane01A', undefined],
    ['https://acme.my.salesforce.com', 'Contact', 'javascript:alert(1)', undefined],
    ['https://acme.my.salesforce.com', 'Contact', '../../evil.example/x', undefined],
    ['https://acme.my.salesforce.com', '<script>', '0035e000000Jane01A', undefined],
    ['not a url', 'Contact', '0035e000000Jane01A', undefined],
  ])('%s %s %s', (instance, sobject, id, expected) => expect(recordUrl(instance, sobject, id)).toBe(expected));
});
