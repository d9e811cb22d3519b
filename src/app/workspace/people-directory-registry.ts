/**
 * One people directory (and so one cache) per connection for the life of the pane: the workspace remounts (another
 * user, a re-render of the shell) without losing what it looked up, and the cache is namespaced by owner anyway.
 */
import type { CrmConfig } from '../../config/crm-config';
import { createPeopleDirectory, type PeopleDirectory } from '../../salesforce/crm/people-directory';
import { metadataSourceFor } from '../../salesforce/metadata/metadata-registry';
import type { SalesforceApi } from '../../salesforce/salesforce-api';
import { rememberPeopleCache } from './people-cache-clearing';

export { clearPeopleCaches } from './people-cache-clearing';

const directories = new WeakMap<SalesforceApi, PeopleDirectory>();

/** `crm`: the admin's configuration, read at start-up (the first call's is kept for the connection's life). */
export function peopleDirectoryFor(api: SalesforceApi, crm?: CrmConfig): PeopleDirectory {
  let directory = directories.get(api);
  if (!directory) {
    // The org's metadata decides which fields the lookup may name (field-level security) and labels the admin's.
    directory = createPeopleDirectory(api, { metadata: metadataSourceFor(api), ...(crm ? { crm } : {}) });
    directories.set(api, directory);
    rememberPeopleCache(directory);
  }
  return directory;
}
