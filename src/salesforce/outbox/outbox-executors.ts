/**
 * What each kind of outbox action does in Salesforce. Each one is safe to run again after a possible landing: by
 * upsert on the entry's key where the org has an External ID field for the object, else by checking first.
 */
import { executeCreateContact } from '../crm/create-contact';
import { executeCreateRecord } from '../crm/create-record';
import { executeLogFollowUp } from '../crm/log-follow-up';
import { executeSaveEmail } from '../crm/save-email';
import type { SalesforceApi } from '../salesforce-api';
import type { OutboxAction, OutboxResult } from './outbox';

/**
 * `key`: made by the add-in once per outbox entry (its id) and sent as the External ID value where the org has an
 * External ID field for the object, so every attempt of one entry upserts the same record.
 */
export interface OutboxExecuteOptions {
  mayHaveLanded: boolean;
  key: string;
}

export type OutboxExecutor = (api: SalesforceApi, action: OutboxAction, options: OutboxExecuteOptions) => Promise<OutboxResult>;

export const executeOutboxAction: OutboxExecutor = async (api, action, options) => {
  switch (action.type) {
    case 'save_email':
      // Always checks first: the same email may have been saved from another pane or device.
      return { sobject: 'Task', ...(await executeSaveEmail(api, action, options)) };
    case 'create_contact':
      return { sobject: 'Contact', ...(await executeCreateContact(api, action, options)) };
    case 'log_follow_up':
      return { sobject: 'Task', ...(await executeLogFollowUp(api, action, options)) };
    case 'create_record':
      return { sobject: action.sobject, ...(await executeCreateRecord(api, action, options)) };
  }
};
