/** What each kind of outbox action does in Salesforce. Each one is safe to run again after a possible landing. */
import { executeCreateContact } from '../crm/create-contact';
import { executeLogFollowUp } from '../crm/log-follow-up';
import { executeSaveEmail } from '../crm/save-email';
import type { SalesforceApi } from '../salesforce-api';
import type { OutboxAction, OutboxResult } from './outbox';

export type OutboxExecutor = (api: SalesforceApi, action: OutboxAction, options: { mayHaveLanded: boolean }) => Promise<OutboxResult>;

export const executeOutboxAction: OutboxExecutor = async (api, action, options) => {
  switch (action.type) {
    case 'save_email':
      // Always checks first: the same email may have been saved from another pane or device.
      return { sobject: 'Task', ...(await executeSaveEmail(api, action)) };
    case 'create_contact':
      return { sobject: 'Contact', ...(await executeCreateContact(api, action, options)) };
    case 'log_follow_up':
      return { sobject: 'Task', ...(await executeLogFollowUp(api, action, options)) };
  }
};
