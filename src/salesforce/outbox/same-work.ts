/**
 * Which stored entries stand for the same work, so that two panes (or two presses) never send it twice: each save is
 * a check-then-create at Salesforce, and two of them running at once can both find nothing and both create.
 */
import type { OutboxAction, OutboxEntry } from './outbox';

const onItsWay = (entry: OutboxEntry): boolean => entry.status !== 'done' && entry.status !== 'failed';

/**
 * An entry still on its way to doing what `action` asks: the same email, or the same file of that email, queued,
 * waiting or being sent. Adding `action` would add nothing. Finished entries do not count: a later save runs, and its
 * own check finds the saved record (or, deleted meanwhile in Salesforce, saves it again).
 */
export function sameWork(stored: OutboxEntry, action: OutboxAction): boolean {
  if (!onItsWay(stored)) return false;
  const done = stored.action;
  if (done.type === 'save_email' && action.type === 'save_email') return done.internetMessageId === action.internetMessageId;
  if (done.type === 'save_attachment' && action.type === 'save_attachment') {
    return done.email.internetMessageId === action.email.internetMessageId && done.fileName === action.fileName && done.content.size === action.content.size;
  }
  return false;
}

/**
 * A file waits while its email's own save is on its way, perhaps in another pane: the file's attempt saves the email
 * first if it is not there yet, and must not race that save into a second email record.
 */
export function waitsForItsEmail(entry: OutboxEntry, stored: readonly OutboxEntry[]): boolean {
  const { action } = entry;
  if (action.type !== 'save_attachment') return false;
  return stored.some((other) => other.action.type === 'save_email' && onItsWay(other) && other.action.internetMessageId === action.email.internetMessageId);
}
