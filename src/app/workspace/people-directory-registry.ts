/**
 * One people directory (and so one cache) per connection for the life of the pane: the workspace remounts (another
 * user, a re-render of the shell) without losing what it looked up, and the cache is namespaced by owner anyway.
 */
import { createPeopleDirectory, type PeopleDirectory } from '../../salesforce/crm/people-directory';
import type { SalesforceApi } from '../../salesforce/salesforce-api';
import { rememberPeopleCache } from './people-cache-clearing';

export { clearPeopleCaches } from './people-cache-clearing';

const directories = new WeakMap<SalesforceApi, PeopleDirectory>();

export function peopleDirectoryFor(api: SalesforceApi): PeopleDirectory {
  let directory = directories.get(api);
  if (!directory) {
    directory = createPeopleDirectory(api);
    directories.set(api, directory);
    rememberPeopleCache(directory);
  }
  return directory;
}
