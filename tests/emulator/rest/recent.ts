/**
 * GET /recent[?limit=n] (REST API Developer Guide, "Recently Viewed Items"): the records the current user viewed last,
 * newest first, each `{attributes: {type, url}, Id, Name}`. Views happen in Salesforce's own UI, so the emulator's list
 * is the seed's (DEMO_RECENTLY_VIEWED); a deleted record drops out. Limit 200 at most (the guide's maximum).
 */
import { jsonReply, type Reply } from '../http';
import type { OrgState } from '../org-state';
import { DEMO_RECENTLY_VIEWED } from '../seed';
import { restError } from './rest-errors';

const MAX_LIMIT = 200;

export function recentItems(org: OrgState, userId: string, query: URLSearchParams, apiVersion: string): Reply {
  const raw = query.get('limit');
  let limit = MAX_LIMIT;
  if (raw !== null) {
    if (!/^\d+$/.test(raw)) return restError(400, 'INVALID_QUERY_PARAMETER_VALUE', `Invalid limit: ${raw.slice(0, 40)}`);
    limit = Math.min(MAX_LIMIT, Number(raw));
  }
  const items: Array<Record<string, unknown>> = [];
  for (const view of DEMO_RECENTLY_VIEWED[userId] ?? []) {
    if (items.length >= limit) break;
    if (!org.hasSObject(view.type)) continue;
    const record = org.records.get(view.type, view.id);
    if (!record) continue;
    const name = view.type === 'Case' ? record.CaseNumber : record.Name;
    items.push({ attributes: { type: view.type, url: `/services/data/v${apiVersion}/sobjects/${view.type}/${record.Id}` }, Id: record.Id, Name: name ?? null });
  }
  return jsonReply(200, items);
}
