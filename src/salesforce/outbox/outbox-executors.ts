/**
 * What each kind of outbox action does in Salesforce. Each one is safe to run again after a possible landing: by
 * upsert on the entry's key where the org has an External ID field for the object, else by checking first.
 */
import { executeCreateContact } from '../crm/create-contact';
import { executeCreateRecord } from '../crm/create-record';
import { executeLogFollowUp } from '../crm/log-follow-up';
import { executeSaveAttachment } from '../crm/save-attachment';
import { executeSaveEmailAction } from '../crm/save-email-message';
import { executeUpdateRecord } from '../crm/update-record';
import { executeSaveMeeting } from '../crm/save-meeting';
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
      return executeSaveEmailAction(api, action, options);
    case 'create_contact':
      return { sobject: 'Contact', ...(await executeCreateContact(api, action, options)) };
    case 'log_follow_up':
      return { sobject: 'Task', ...(await executeLogFollowUp(api, action, options)) };
    case 'save_attachment':
      // Always checks first, by the email record and the file (crm/save-attachment.ts).
      return { sobject: 'ContentVersion', ...(await executeSaveAttachment(api, action)) };
    case 'create_record':
      return { sobject: action.sobject, ...(await executeCreateRecord(api, action, options)) };
    case 'update_record':
      // Reads first and writes only if the record is as the seller saw it: safe after a possible landing.
      return { sobject: action.sobject, ...(await executeUpdateRecord(api, action)) };
    case 'save_meeting':
      // Always checks first by the meeting key: a moved or renamed meeting updates its Event.
      return { sobject: 'Event', ...(await executeSaveMeeting(api, action)) };
  }
};
