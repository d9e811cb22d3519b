import { describe, expect, it } from 'vitest';
import type { CompositeSubrequest, CompositeSubresponse } from '../salesforce-api';
import { ALEX, SAM } from '../../testing/fake-salesforce-api';
import { SalesforceFailureError } from '../failure-kinds';
import { createMemoryMetadataCache } from './metadata-cache';
import { CLOCK_MARGIN_MS, createMetadataSource } from './metadata-source';

const describeBody = (name: string, fields: string[]) => ({ name, fields: fields.map((f) => ({ name: f, type: 'string', createable: true, nillable: true })) });

function scriptedApi(answer: (sub: CompositeSubrequest) => CompositeSubresponse) {
  const sent: CompositeSubrequest[][] = [];
  let who = SAM;
  return {
    sent,
    as: (identity: typeof SAM) => {
      who = identity;
    },
    api: {
      apiPath: '/services/data/v62.0',
      identity: () => who,
      composite: (requests: CompositeSubrequest[]) => {
        sent.push(requests);
        return Promise.resolve(requests.map(answer));
      },
    },
  };
}

describe('metadata source', () => {
  it('describes several objects in one composite call, then asks conditionally with the date it kept', async () => {
    let now = Date.parse('2026-01-01T12:00:00Z');
    const { api, sent } = scriptedApi((sub) =>
      sub.httpHeaders
        ? { referenceId: sub.referenceId, httpStatusCode: 304, body: null }
        : { referenceId: sub.referenceId, httpStatusCode: 200, body: describeBody(sub.url.split('/')[5] ?? '', ['Id', 'Email']) },
    );
    const cache = createMemoryMetadataCache();
    const first = await createMetadataSource(api, { cache, now: () => now }).describeMany(['Contact', 'Lead']);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.map((s) => s.url)).toEqual(['/services/data/v62.0/sobjects/Contact/describe', '/services/data/v62.0/sobjects/Lead/describe']);
    now += 1000;
    const again = await createMetadataSource(api, { cache, now: () => now }).describeMany(['Contact', 'Lead']);
    expect(sent).toHaveLength(2);
    expect(sent[1]?.[0]?.httpHeaders).toEqual({ 'If-Modified-Since': new Date(Date.parse('2026-01-01T12:00:00Z') - CLOCK_MARGIN_MS).toUTCString() });
    expect(again.get('Lead')).toEqual(first.get('Lead'));
  });

  it('keeps the Last-Modified Salesforce sends, when it sends one', async () => {
    const { api, sent } = scriptedApi((sub) => ({
      referenceId: sub.referenceId,
      httpStatusCode: 200,
      body: describeBody('Contact', ['Id']),
      httpHeaders: { 'last-modified': 'Wed, 03 Jul 2013 19:43:31 GMT' },
    }));
    const cache = createMemoryMetadataCache();
    await createMetadataSource(api, { cache }).describe('Contact');
    await createMetadataSource(api, { cache }).describe('Contact');
    expect(sent[1]?.[0]?.httpHeaders).toEqual({ 'If-Modified-Since': 'Wed, 03 Jul 2013 19:43:31 GMT' });
  });

  it('keeps each user their own copy: field-level security differs per user', async () => {
    const { api, sent, as } = scriptedApi((sub) => ({ referenceId: sub.referenceId, httpStatusCode: 200, body: describeBody('Contact', ['Id']) }));
    const cache = createMemoryMetadataCache();
    await createMetadataSource(api, { cache }).describe('Contact');
    as(ALEX);
    await createMetadataSource(api, { cache }).describe('Contact');
    expect(sent[1]?.[0]?.httpHeaders).toBeUndefined();
  });

  it('asks nothing while a describe it confirmed is fresh, and again after', async () => {
    let now = 0;
    const { api, sent } = scriptedApi((sub) => ({ referenceId: sub.referenceId, httpStatusCode: 200, body: describeBody('Contact', ['Id']) }));
    const source = createMetadataSource(api, { now: () => now, freshForMs: 1000 });
    await source.describe('Contact');
    now = 999;
    await source.describe('Contact');
    expect(sent).toHaveLength(1);
    now = 1000;
    await source.describe('Contact');
    expect(sent).toHaveLength(2);
  });

  it('a refused describe rejects with its classified failure; a bad name is refused before any request', async () => {
    const { api, sent } = scriptedApi((sub) => ({ referenceId: sub.referenceId, httpStatusCode: 404, body: [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }] }));
    const source = createMetadataSource(api);
    await expect(source.describe('Nope__c')).rejects.toMatchObject({ failure: { kind: 'not_found' } });
    await expect(source.describe('Contact/../x')).rejects.toBeInstanceOf(SalesforceFailureError);
    expect(sent).toHaveLength(1);
  });

  it('a 304 for an object it has no copy of is not taken as an answer', async () => {
    const { api } = scriptedApi((sub) => ({ referenceId: sub.referenceId, httpStatusCode: 304, body: null }));
    await expect(createMetadataSource(api).describe('Contact')).rejects.toBeInstanceOf(SalesforceFailureError);
  });

  it('plans describes for a caller to carry in its own composite call', async () => {
    const { api, sent } = scriptedApi((sub) => ({ referenceId: sub.referenceId, httpStatusCode: 200, body: describeBody('Contact', ['Id']) }));
    const source = createMetadataSource(api);
    const plan = await source.plan(['Contact']);
    expect(plan.subrequests).toEqual([{ method: 'GET', url: '/services/data/v62.0/sobjects/Contact/describe', referenceId: 'describe_Contact' }]);
    const result = await plan.settle([{ referenceId: 'describe_Contact', httpStatusCode: 200, body: describeBody('Contact', ['Id', 'Title']) }]);
    expect(result.get('Contact')?.fields.map((f) => f.name)).toEqual(['Id', 'Title']);
    expect(sent).toHaveLength(0);
    expect((await source.plan(['Contact'])).subrequests).toEqual([]);
    expect((await source.cached('Contact'))?.fields).toHaveLength(2);
  });
});

describe('picklistsForRecord', () => {
  const RENEWAL = '0125e0000000002AAA';
  const OPP = '0065e000000Opp002A';
  const opportunityDescribe = (fields: string[]) => ({
    ...describeBody('Opportunity', fields),
    recordTypeInfos: [{ recordTypeId: RENEWAL, name: 'Renewal', available: true, defaultRecordTypeMapping: true, master: false }],
  });
  const layouts = {
    recordTypeMappings: [
      { recordTypeId: RENEWAL, picklistsForRecordType: [{ picklistName: 'StageName', picklistValues: [{ value: 'Qualification', label: 'Qualification', active: true }] }] },
    ],
  };
  const answer =
    (fields: string[]) =>
    (sub: CompositeSubrequest): CompositeSubresponse => {
      if (sub.url.endsWith('/describe')) return { referenceId: sub.referenceId, httpStatusCode: 200, body: opportunityDescribe(fields) };
      if (sub.url.endsWith('/describe/layouts')) return { referenceId: sub.referenceId, httpStatusCode: 200, body: layouts };
      return { referenceId: sub.referenceId, httpStatusCode: 200, body: { attributes: { type: 'Opportunity' }, RecordTypeId: RENEWAL } };
    };

  it("reads the record's RecordTypeId and the picklists in one composite call, the record alone once they are known", async () => {
    const { api, sent } = scriptedApi(answer(['Id', 'StageName', 'RecordTypeId']));
    const source = createMetadataSource(api);
    await source.describe('Opportunity');
    const picklists = await source.picklistsForRecord('Opportunity', OPP);
    expect(picklists?.fields.StageName?.values.map((v) => v.value)).toEqual(['Qualification']);
    expect(sent[1]?.map((s) => s.url)).toEqual([`/services/data/v62.0/sobjects/Opportunity/${OPP}?fields=RecordTypeId`, '/services/data/v62.0/sobjects/Opportunity/describe/layouts']);
    await source.picklistsForRecord('Opportunity', OPP);
    expect(sent[2]?.map((s) => s.url)).toEqual([`/services/data/v62.0/sobjects/Opportunity/${OPP}?fields=RecordTypeId`]);
  });

  it("several record types' picklists asked at once cost one layouts request, and a failed one is asked again later", async () => {
    let layoutsAnswer = 500;
    const { api, sent } = scriptedApi((sub) =>
      sub.url.endsWith('/describe/layouts')
        ? { referenceId: sub.referenceId, httpStatusCode: layoutsAnswer, body: layoutsAnswer === 200 ? layouts : [{ errorCode: 'UNKNOWN_EXCEPTION', message: 'x' }] }
        : answer(['Id', 'StageName'])(sub),
    );
    const source = createMetadataSource(api);
    await source.describe('Opportunity');
    const layoutsSent = () => sent.flat().filter((s) => s.url.endsWith('/describe/layouts')).length;
    await Promise.allSettled([source.picklistValues('Opportunity', RENEWAL), source.picklistValues('Opportunity', RENEWAL)]);
    expect(layoutsSent()).toBe(1);
    layoutsAnswer = 200;
    const [a, b] = await Promise.all([source.picklistValues('Opportunity', RENEWAL), source.picklistValues('Opportunity', RENEWAL)]);
    expect(layoutsSent()).toBe(2);
    expect(a.fields.StageName?.values.map((v) => v.value)).toEqual(['Qualification']);
    expect(b).toEqual(a);
  });

  it('asks nothing where the seller may not read RecordTypeId; a malformed id is refused before any request', async () => {
    const { api, sent } = scriptedApi(answer(['Id', 'StageName']));
    const source = createMetadataSource(api);
    await source.describe('Opportunity');
    await expect(source.picklistsForRecord('Opportunity', OPP)).resolves.toBeUndefined();
    expect(sent).toHaveLength(1);
    const readable = scriptedApi(answer(['Id', 'RecordTypeId']));
    const other = createMetadataSource(readable.api);
    await other.describe('Opportunity');
    await expect(other.picklistsForRecord('Opportunity', "x' OR 1=1")).rejects.toBeInstanceOf(SalesforceFailureError);
    expect(readable.sent).toHaveLength(1);
  });
});
