import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SaveEmailAction } from '../../salesforce/outbox/outbox';
import { renderWithFluent, stringsFor } from '../../testing/render-with-fluent';
import { OutboxEntries, createTestOutbox, deferred, refusal, type TestOutbox } from '../../testing/test-outbox';
import { OutboxList } from './outbox-list';

const saveEmail = (label: string, n = 1): SaveEmailAction => ({
  type: 'save_email',
  internetMessageId: `<m${n}@acme.example>`,
  subject: `Renewal ${n}`,
  bodyExcerpt: '',
  activityDate: '2025-03-04',
  whoId: '0035e000000Jane01A',
  label,
});

function renderList(t: TestOutbox, lang: 'en' | 'fr' = 'en') {
  const { locale, workspace } = stringsFor(lang);
  return renderWithFluent(
    <OutboxEntries outbox={t.outbox} owner={t.owner}>
      {(entries) => <OutboxList entries={entries} outbox={t.outbox} owner={t.owner} strings={workspace} locale={locale} />}
    </OutboxEntries>,
    { lang },
  );
}

const entryCards = () => within(screen.getByRole('region', { name: 'Waiting to go to Salesforce' })).getAllByTestId('outbox-entry');

// Typing and IndexedDB round trips on a shared, loaded machine: more than vitest's default 5 s per test.
describe('OutboxList', () => {
  it('shows nothing when nothing waits, and nothing once Salesforce has it', async () => {
    const t = createTestOutbox();
    const { container } = renderList(t);
    expect(container.textContent).toBe('');
    await t.outbox.enqueue(t.owner, saveEmail('Renewal → Jane Doe'));
    await t.until((e) => e[0]?.status === 'done', 'done');
    await new Promise((r) => setTimeout(r, 20));
    expect(container.textContent).toBe('');
  });

  it('shows a write being sent, with no action to take', async () => {
    const answer = deferred<{ id: string }>();
    const t = createTestOutbox({ create: () => answer.promise });
    renderList(t);
    await t.outbox.enqueue(t.owner, saveEmail('Renewal → Jane Doe'));
    const [card] = await screen.findAllByTestId('outbox-entry');
    await within(card!).findByText('Sending…');
    expect(within(card!).getByText('Save email: Renewal → Jane Doe')).toBeTruthy();
    expect(within(card!).getByRole('status').textContent).toBe('Sending…');
    expect(within(card!).queryByRole('button')).toBeNull();
    answer.resolve({ id: '00T5e0000000001AAA' });
    await t.until((e) => e[0]?.status === 'done', 'done');
    await listGone();
  });

  it('shows why a write waits, and Try again sends it once the way is clear', async () => {
    const t = createTestOutbox({}, { online: false });
    const { user } = renderList(t);
    await t.outbox.enqueue(t.owner, saveEmail('Renewal → Jane Doe'));
    const [card] = await screen.findAllByTestId('outbox-entry');
    await within(card!).findByText('Waiting: you are offline. It goes as soon as the network is back.');
    expect(card!.dataset.status).toBe('waiting');
    expect(within(card!).queryByRole('button', { name: 'Discard' })).toBeNull();
    expect(t.api.calls.filter((c) => c.method === 'create')).toHaveLength(0);

    t.setOnline(true);
    await user.click(within(card!).getByRole('button', { name: 'Try again' }));
    await t.until((e) => e[0]?.status === 'done', 'done');
    expect(t.api.calls.filter((c) => c.method === 'create')).toHaveLength(1);
    await listGone();
  });

  it('shows what Salesforce refused, in its words too, and Discard removes it from the keyboard', async () => {
    const t = createTestOutbox({ create: () => Promise.reject(refusal('validation', { code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', detail: 'Phone must start with +' })) });
    const { user } = renderList(t);
    await t.outbox.enqueue(t.owner, saveEmail('Renewal → Jane Doe'));
    const [card] = await screen.findAllByTestId('outbox-entry');
    await within(card!).findByRole('button', { name: 'Discard' });
    expect(card!.dataset.status).toBe('failed');
    const status = within(card!).getByRole('status').textContent ?? '';
    expect(status.startsWith('Not sent — ')).toBe(true);
    expect(status.endsWith(' — Phone must start with +')).toBe(true);

    await user.tab();
    expect(document.activeElement).toBe(within(card!).getByRole('button', { name: 'Try again' }));
    await user.tab();
    expect(document.activeElement).toBe(within(card!).getByRole('button', { name: 'Discard' }));
    await user.keyboard('{Enter}');
    await t.until((e) => e.length === 0, 'discarded');
    await listGone();
  });

  it('Try again on a refused write sends it again', async () => {
    let attempt = 0;
    const t = createTestOutbox({
      create: () => (++attempt === 1 ? Promise.reject(refusal('validation', { detail: 'Try later' })) : Promise.resolve({ id: '00T5e0000000002AAA' })),
    });
    const { user } = renderList(t);
    await t.outbox.enqueue(t.owner, saveEmail('Renewal → Jane Doe'));
    const retry = await screen.findByRole('button', { name: 'Try again' });
    await user.click(retry);
    const [done] = await t.until((e) => e[0]?.status === 'done', 'done');
    expect(done?.result?.id).toBe('00T5e0000000002AAA');
    await listGone();
  });

  it('lists each pending write with its kind, oldest first', async () => {
    const t = createTestOutbox({}, { online: false });
    renderList(t);
    await t.outbox.enqueue(t.owner, saveEmail('Renewal → Jane Doe', 1));
    await t.outbox.enqueue(t.owner, { type: 'create_contact', clientKey: 'k1', fields: { LastName: 'Patel', Email: 'priya@globex.example' }, label: 'Priya Patel' });
    await t.outbox.enqueue(t.owner, { type: 'log_follow_up', clientKey: 'k2', subject: 'Call back', activityDate: '2025-03-07', whoId: '0035e000000Jane01A', label: 'Call back → Jane Doe' });
    await screen.findByText('Follow-up: Call back → Jane Doe');
    expect(entryCards().map((c) => c.querySelector('span')?.textContent)).toEqual(['Save email: Renewal → Jane Doe', 'Create contact: Priya Patel', 'Follow-up: Call back → Jane Doe']);
  });

  it('shows a hostile label as text, clipped', async () => {
    const t = createTestOutbox({}, { online: false });
    renderList(t);
    const hostile = `<img src=x onerror="alert(1)">${'x'.repeat(300)}`;
    await t.outbox.enqueue(t.owner, saveEmail(hostile));
    await screen.findByText(`Save email: ${hostile.slice(0, 120)}`);
    expect(document.querySelector('img')).toBeNull();
  });

  it('speaks French', async () => {
    const t = createTestOutbox({}, { online: false });
    renderList(t, 'fr');
    await t.outbox.enqueue(t.owner, saveEmail('Renouvellement → Jane Doe'));
    const region = await screen.findByRole('region', { name: 'En attente d’envoi vers Salesforce' });
    await within(region).findByText('En attente : vous êtes hors ligne. L’envoi part dès le retour du réseau.');
    expect(within(region).getByText('Enregistrer l’e-mail : Renouvellement → Jane Doe')).toBeTruthy();
    expect(within(region).getByRole('button', { name: 'Réessayer' })).toBeTruthy();
  });
});

/** The list disappears once nothing is pending. */
async function listGone() {
  await waitFor(() => expect(screen.queryByTestId('outbox')).toBeNull());
}
