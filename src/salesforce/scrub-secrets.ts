/**
 * The scrubber moved to src/shared/scrub-secrets.ts, below every layer, so the logger (used by host/ and config/) can
 * pass every line through it. Kept here only for two importers this change may not touch: the classifier's table
 * test (which must pass untouched) and connection/token-endpoint.ts (another owner's file). Point them at
 * ../shared/scrub-secrets and delete this file.
 */
export { scrubSecrets } from '../shared/scrub-secrets';
