import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { EmailContext } from '../../host/office-host';
import type { AccountSummary, ContactMatch, LeadMatch, PersonMatch, SavedEmailTask } from '../../salesforce/crm/crm-records';
import { renderWithFluent, stringsFor } from '../../testing/render-with-fluent';
import { OutboxEntries, createTestOutbox, deferred, fullStorage, refusal, type TestOutbox } from '../../testing/test-outbox';
import { SaveEmailPanel } from './save-email-panel';

const INSTANCE = 'https://acme.my.salesforce.com';
const TASK = '00T5e000000Mail01A';

const email: EmailContext = {
  mode: 'read',
  itemId: 'AAMkAD-item-1',
  internetMessageId: '<msg-1@acme.example>',
  subject: 'Renewal for Q3',
  from: { name: 'Jane Doe', address: 'Jane.Doe@acme.example' },
  to: [{ name: 'Sam Seller', address: 'seller@demo.example' }],
  cc: [{ name: 'Bob Lee', address: 'bob.lee@globex.example' }],
  bodyExcerpt: 'Hello Sam, let us talk.',
  date: '2025-03-04T10:00:00Z',
};

// An unsent draft: no Message-ID yet.
const draft: EmailContext = { mode: 'compose', subject: 'Draft: intro', to: [{ name: 'Jane Doe', address: 'jane.doe@acme.example' }], cc: [], bodyExcerpt: '' };

const bob: LeadMatch = {
  kind: 'lead',
  id: '00Q5e000000Bob001A',
  name: 'Bob Lee',
  title: null,
  phone: null,
  email: 'bob.lee@globex.example',
  company: 'Globex',
  status: 'Open',
  ownerName: null,
};
const jane: ContactMatch = {
  kind: 'contact',
  id: '0035e000000Jane01A',
  name: 'Jane Doe',
  title: 'VP Sales',
  phone: null,
  email: 'jane.doe@acme.example',
  accountId: '0015e000000Acme01A',
  accountName: 'Acme',
  ownerName: null,
};
const acme: AccountSummary = {
  id: '0015e000000Acme01A',
  name: 'Acme',
  website: 'acme.example',
  openOpportunities: [
    { id: '0065e000000Opp001A', name: 'Acme renewal', stageName: 'Negotiation', amount: 12500, closeDate: null },
    { id: '0065e000000Opp002A', name: 'Acme pilot', stageName: 'Prospecting', amount: null, closeDate: null },
  ],
};

interface PanelOptions {
  context?: EmailContext;
  matches?: PersonMatch[];
  accounts?: AccountSummary[];
  saved?: SavedEmailTask | null;
  lang?: 'en' | 'fr';
}

function renderPanel(t: TestOutbox, { context = email, matches = [bob, jane], accounts = [acme], saved = null, lang = 'en' }: PanelOptions = {}) {
  const { locale, workspace } = stringsFor(lang);
  const accountsById = new Map(accounts.map((a) => [a.id, a]));
  return renderWithFluent(
    <OutboxEntries outbox={t.outbox} owner={t.owner}>
      {(entries) => (
        <SaveEmailPanel
          context={context}
          matches={matches}
          accountsById={accountsById}
          saved={saved}
          entries={entries}
          outbox={t.outbox}
          owner={t.owner}
          instanceUrl={INSTANCE}
          strings={workspace}
          locale={locale}
        />
      )}
    </OutboxEntries>,
    { lang },
  );
}

const panel = (name = 'Save this email to Salesforce') => screen.getByRole('region', { name });
const who = (name = 'Link to') => screen.getByRole<HTMLSelectElement>('combobox', { name });
const related = (name = 'Related to') => screen.getByRole<HTMLSelectElement>('combobox', { name });
const optionTexts = (select: HTMLSelectElement) => [...select.options].map((o) => o.text);
const taskCreates = (t: TestOutbox) => t.api.calls.filter((c) => c.method === 'create').map((c) => c.args[1] as Record<string, unknown>);

// Typing and IndexedDB round trips on a shared, loaded machine: more than vitest's default 5 s per test.
describe('SaveEmailPanel', () => {
  it('offers to link the email to the sender first, related to their account or an open opportunity', () => {
    renderPanel(createTestOutbox());
    expect(panel()).toBeTruthy();
    expect(optionTexts(who())).toEqual(['Bob Lee (Lead)', 'Jane Doe (Contact)']);
    // The sender, matched case-insensitively, not the first match.
    expect(who().value).toBe(jane.id);
    expect(optionTexts(related())).toEqual(['Nothing else', 'Account: Acme', 'Opportunity: Acme renewal', 'Opportunity: Acme pilot']);
    expect(related().value).toBe(acme.id);
  });

  it('saves the email as a completed Task on the contact and the account, then says Saved with a link', async () => {
    const t = createTestOutbox({ create: () => ({ id: TASK }) });
    const { user } = renderPanel(t);
    await user.click(screen.getByRole('button', { name: 'Save email' }));
    const saved = await screen.findByTestId('save-email-saved');
    expect(saved.getAttribute('role')).toBe('status');
    expect(within(saved).getByText('Saved to Salesforce')).toBeTruthy();
    expect(within(saved).getByRole('link', { name: 'Open the saved email in Salesforce' }).getAttribute('href')).toBe(`${INSTANCE}/lightning/r/Task/${TASK}/view`);
    expect(screen.queryByRole('button', { name: 'Save email' })).toBeNull();
    expect(taskCreates(t)).toEqual([expect.objectContaining({ WhoId: jane.id, WhatId: acme.id, Status: 'Completed', ActivityDate: '2025-03-04' })]);
  });

  it('is driven from the keyboard: pick an opportunity, Tab to Save, press it', async () => {
    const t = createTestOutbox({ create: () => ({ id: TASK }) });
    const { user } = renderPanel(t);
    await user.tab();
    expect(document.activeElement).toBe(who());
    await user.tab();
    expect(document.activeElement).toBe(related());
    await user.selectOptions(related(), 'Opportunity: Acme pilot');
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Save email' }));
    await user.keyboard('{Enter}');
    await screen.findByTestId('save-email-saved');
    expect(taskCreates(t)[0]).toMatchObject({ WhoId: jane.id, WhatId: '0065e000000Opp002A' });
  });

  it('relates to nothing else when the seller says so', async () => {
    const t = createTestOutbox({ create: () => ({ id: TASK }) });
    const { user } = renderPanel(t);
    await user.selectOptions(related(), 'Nothing else');
    await user.click(screen.getByRole('button', { name: 'Save email' }));
    await screen.findByTestId('save-email-saved');
    expect(taskCreates(t)[0]).toMatchObject({ WhoId: jane.id });
    expect(taskCreates(t)[0]).not.toHaveProperty('WhatId');
  });

  it('says a lead cannot be related to anything, and saves on the lead alone', async () => {
    const t = createTestOutbox({ create: () => ({ id: TASK }) });
    const { user } = renderPanel(t);
    await user.selectOptions(who(), 'Bob Lee (Lead)');
    expect(screen.getByText('A lead cannot be related to an account or opportunity.')).toBeTruthy();
    expect(screen.queryByRole('combobox', { name: 'Related to' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save email' }));
    await screen.findByTestId('save-email-saved');
    expect(taskCreates(t)[0]).toMatchObject({ WhoId: bob.id });
    expect(taskCreates(t)[0]).not.toHaveProperty('WhatId');
  });

  it('says Saved at once when the lookup found an earlier save of this email', () => {
    const t = createTestOutbox();
    renderPanel(t, { saved: { id: TASK, whoId: jane.id, whatId: null } });
    expect(within(screen.getByTestId('save-email-saved')).getByRole('link').getAttribute('href')).toBe(`${INSTANCE}/lightning/r/Task/${TASK}/view`);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('offers nothing for an unsent draft or an email with no one in Salesforce', () => {
    const t = createTestOutbox();
    const { unmount } = renderPanel(t, { context: draft });
    expect(panel().textContent).toContain('This email can be saved once it has been sent.');
    expect(screen.queryByRole('button')).toBeNull();
    unmount();
    renderPanel(t, { matches: [] });
    expect(panel().textContent).toContain('Create a contact first: the email is saved on a contact or lead.');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('says Saving while Salesforce answers', async () => {
    const answer = deferred<{ id: string }>();
    const t = createTestOutbox({ create: () => answer.promise });
    const { user } = renderPanel(t);
    await user.click(screen.getByRole('button', { name: 'Save email' }));
    const sending = await screen.findByTestId('save-email-sending');
    expect(sending.getAttribute('role')).toBe('status');
    expect(sending.textContent).toBe('Saving…');
    expect(screen.queryByRole('button', { name: 'Save email' })).toBeNull();
    answer.resolve({ id: TASK });
    await screen.findByTestId('save-email-saved');
  });

  it('says why the save waits, and saves once the network is back', async () => {
    const t = createTestOutbox({ create: () => ({ id: TASK }) }, { online: false });
    const { user } = renderPanel(t);
    await user.click(screen.getByRole('button', { name: 'Save email' }));
    const waiting = await screen.findByTestId('save-email-waiting');
    expect(waiting.textContent).toBe('WaitingYou are offline. It goes as soon as the network is back.');
    t.setOnline(true);
    await screen.findByTestId('save-email-saved');
    expect(taskCreates(t)).toHaveLength(1);
  });

  it('shows what Salesforce refused, its words as text, and Save tries the same entry again', async () => {
    const hostile = '<img src=x onerror="alert(1)">';
    let attempt = 0;
    const t = createTestOutbox({
      create: () => (++attempt === 1 ? Promise.reject(refusal('permission_denied', { code: 'INSUFFICIENT_ACCESS', detail: hostile })) : Promise.resolve({ id: TASK })),
    });
    const { user } = renderPanel(t);
    await user.click(screen.getByRole('button', { name: 'Save email' }));
    const failed = await screen.findByTestId('save-email-failed');
    expect(failed.textContent).toContain(hostile);
    expect(document.querySelector('img')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save email' }));
    await screen.findByTestId('save-email-saved');
    expect(await t.outbox.list(t.owner)).toHaveLength(1);
    expect(taskCreates(t)).toHaveLength(2);
  });

  it('says on the button when browser storage is full, and keeps nothing', async () => {
    const t = createTestOutbox({}, { storage: fullStorage() });
    const { user } = renderPanel(t);
    const button = screen.getByRole('button', { name: 'Save email' });
    await user.click(button);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Not saved: browser storage is full. Free some space (close other tabs, clear site data), then try again.');
    expect(button.getAttribute('aria-describedby')).toBe(alert.id);
    expect(button.dataset.writeError).toBe('storage_full');
    expect(taskCreates(t)).toEqual([]);
  });

  it('shows hostile names as text, clipped', () => {
    const hostile = `<img src=x onerror="alert(1)">${'x'.repeat(200)}`;
    renderPanel(createTestOutbox(), {
      matches: [{ ...jane, name: hostile }],
      accounts: [{ ...acme, name: hostile, openOpportunities: [{ ...acme.openOpportunities[0]!, name: hostile }] }],
    });
    expect(optionTexts(who())).toEqual([`${hostile.slice(0, 80)} (Contact)`]);
    expect(optionTexts(related())).toEqual(['Nothing else', `Account: ${hostile.slice(0, 80)}`, `Opportunity: ${hostile.slice(0, 80)}`]);
    expect(document.querySelector('img')).toBeNull();
  });

  it('speaks French', async () => {
    const t = createTestOutbox({ create: () => ({ id: TASK }) });
    const { user } = renderPanel(t, { lang: 'fr' });
    expect(panel('Enregistrer cet e-mail dans Salesforce')).toBeTruthy();
    expect(optionTexts(who('Associer à'))).toEqual(['Bob Lee (Piste)', 'Jane Doe (Contact)']);
    expect(optionTexts(related('Lié à'))[1]).toBe('Compte : Acme');
    await user.click(screen.getByRole('button', { name: 'Enregistrer l’e-mail' }));
    await waitFor(() => expect(screen.getByTestId('save-email-saved').textContent).toContain('Enregistré dans Salesforce'));
  });

  it('in an org with Enhanced Email, saves an EmailMessage related to everyone found, and says who saved it', async () => {
    const ids: Record<string, string> = { EmailMessage: '02s5e000000Mail01A', EmailMessageRelation: '0Rh5e000000Rel001A' };
    const t = createTestOutbox({ enhancedEmail: true, create: (sobject) => ({ id: ids[sobject] ?? TASK }) });
    const { user } = renderPanel(t, { context: { ...email, htmlBody: '<p>Hello Sam</p>', textBody: 'Hello Sam' } });
    await user.click(screen.getByRole('button', { name: 'Save email' }));
    const saved = await screen.findByTestId('save-email-saved');
    expect(within(saved).getByTestId('saved-by').textContent).toMatch(/^Saved by you, /);
    expect(within(saved).getByTestId('saved-linked-to').textContent).toBe('Linked to Jane Doe, Bob Lee, Acme');
    expect(within(saved).getByRole('link', { name: 'Open the saved email in Salesforce' }).getAttribute('href')).toBe(`${INSTANCE}/lightning/r/EmailMessage/02s5e000000Mail01A/view`);
    const creates = t.api.calls.filter((c) => c.method === 'create').map((c) => [c.args[0], c.args[1]]);
    expect(creates).toEqual([
      [
        'EmailMessage',
        expect.objectContaining({ Status: '1', Incoming: true, HtmlBody: '<p>Hello Sam</p>', TextBody: 'Hello Sam', RelatedToId: acme.id, MessageIdentifier: '<msg-1@acme.example>' }),
      ],
      ['EmailMessageRelation', { EmailMessageId: '02s5e000000Mail01A', RelationId: jane.id, RelationType: 'FromAddress' }],
      ['EmailMessageRelation', { EmailMessageId: '02s5e000000Mail01A', RelationId: bob.id, RelationType: 'CcAddress' }],
    ]);
  });

  it('shows an earlier save by another seller: who, when, linked to what, and no Save button', () => {
    renderPanel(createTestOutbox(), {
      saved: {
        id: '02s5e000000Mail01A',
        whoId: jane.id,
        whatId: '0065e000000Opp001A',
        sobject: 'EmailMessage',
        savedByName: 'Alex Second',
        savedAt: '2025-03-04T10:05:00.000+0000',
        personIds: [jane.id],
      },
    });
    const saved = screen.getByTestId('save-email-saved');
    expect(within(saved).getByTestId('saved-by').textContent).toMatch(/^Saved by Alex Second, Mar 4, 2025/);
    expect(within(saved).getByTestId('saved-linked-to').textContent).toBe('Linked to Jane Doe, Acme renewal');
    expect(screen.queryByRole('button', { name: 'Save email' })).toBeNull();
  });
});
