/**
 * The standard picklist values of a new org, for forms shown before (or without) the org's describe: the org's own
 * values, per record type, replace them when its metadata is known (salesforce/metadata).
 */
export const STANDARD_OPPORTUNITY_STAGES: readonly string[] = [
  'Prospecting',
  'Qualification',
  'Needs Analysis',
  'Value Proposition',
  'Id. Decision Makers',
  'Perception Analysis',
  'Proposal/Price Quote',
  'Negotiation/Review',
  'Closed Won',
  'Closed Lost',
];

export const STANDARD_LEAD_STATUSES: readonly string[] = ['Open - Not Contacted', 'Working - Contacted', 'Closed - Converted', 'Closed - Not Converted'];
