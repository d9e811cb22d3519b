/**
 * What an EmailMessage is made of, from the email in Outlook and the people the lookup found: the addresses, the
 * whole bodies, whether the seller received or sent it, and one relation per Salesforce person and place on it.
 */
import type { EmailContext } from '../../host/office-host';
import type { PersonMatch } from '../../salesforce/crm/crm-records';
import type { EmailRelationType, SaveEmailContent } from '../../salesforce/outbox/outbox';

/**
 * `ownAddresses`: the seller's (Salesforce user, Outlook user) and, in a shared mailbox, its owner's. An email from
 * one of them was sent; any other was received.
 */
export function saveEmailContentOf(context: EmailContext, matches: PersonMatch[], ownAddresses: string[]): SaveEmailContent {
  const own = new Set([...ownAddresses, context.mailboxUser ?? '', context.shared?.owner ?? ''].map((a) => a.toLowerCase()).filter(Boolean));
  const from = context.from?.address.toLowerCase();
  const people: SaveEmailContent['people'] = [];
  const place = (addresses: string[], relationType: EmailRelationType) => {
    for (const address of addresses) for (const m of matches) if (m.email === address.toLowerCase()) people.push({ id: m.id, relationType });
  };
  if (from) place([from], 'FromAddress');
  place(
    context.to.map((a) => a.address),
    'ToAddress',
  );
  place(
    context.cc.map((a) => a.address),
    'CcAddress',
  );
  const content: SaveEmailContent = {
    to: context.to.map((a) => ({ name: a.name, address: a.address })),
    cc: context.cc.map((a) => ({ name: a.name, address: a.address })),
    incoming: !from || !own.has(from),
    people,
  };
  if (context.from) content.from = { name: context.from.name, address: context.from.address };
  if (context.date) content.date = context.date;
  if (context.htmlBody) content.htmlBody = context.htmlBody;
  if (context.textBody) content.textBody = context.textBody;
  return content;
}
