import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithFluent, stringsFor } from '../../testing/render-with-fluent';
import { OutboxEntries, createTestOutbox, deferred, fullStorage, refusal, type TestOutbox } from '../../testing/test-outbox';
import { FollowUpForm, type FollowUpTarget } from './follow-up-form';

const INSTANCE = 'https://acme.my.salesforce.com';
const TASK = '00T5e000000Task01A';
// Tuesday 4 March 2025: three business days on is Friday 7 March.
const now = () => new Date(2025, 2, 4, 9, 30);
const jane: FollowUpTarget = { id: '0035e000000Jane01A', name: 'Jane Doe', accountId: '0015e000000Acme01A' };
const bob: FollowUpTarget = { id: '00Q5e000000Bob001A', name: 'Bob Lee' };

function renderForm(t: TestOutbox, { target = jane, lang = 'en', emailSubject = 'Renewal for Q3' }: { target?: FollowUpTarget; lang?: 'en' | 'fr'; emailSubject?: string } = {}) {
  const onClose = vi.fn();
  const { locale, workspace } = stringsFor(lang);
  const view = renderWithFluent(
    <OutboxEntries outbox={t.outbox} owner={t.owner}>
      {(entries) => (
        <FollowUpForm
          target={target}
          emailSubject={emailSubject}
          outbox={t.outbox}
          owner={t.owner}
          entries={entries}
          instanceUrl={INSTANCE}
          strings={workspace}
          locale={locale}
          onClose={onClose}
          now={now}
        />
      )}
    </OutboxEntries>,
    { lang },
  );
  return { ...view, onClose };
}

const subject = (label = 'Subject') => screen.getByRole<HTMLInputElement>('textbox', { name: new RegExp(`^${label}`) });
const dueDate = (label = 'Due date') => screen.getByLabelText<HTMLInputElement>(new RegExp(`^${label}`));
const note = (label = 'Note') => screen.getByRole<HTMLTextAreaElement>('textbox', { name: new RegExp(`^${label}`) });
const creates = (t: TestOutbox) => t.api.calls.filter((c) => c.method === 'create').map((c) => c.args[1] as Record<string, unknown>);
const messageOf = (testId: string) => within(screen.getByTestId(testId)).queryByText((_, el) => el?.id.endsWith('__validationMessage') === true)?.textContent;

// Typing and IndexedDB round trips on a shared, loaded machine: more than vitest's default 5 s per test.
describe('FollowUpForm', () => {
  it("opens for the person, with the email's subject and a due date three business days on", () => {
    renderForm(createTestOutbox());
    expect(screen.getByRole('form', { name: 'Follow-up for Jane Doe' })).toBeTruthy();
    expect(subject().value).toBe('Follow up: Renewal for Q3');
    expect(dueDate().value).toBe('2025-03-07');
    expect(dueDate().type).toBe('date');
    expect(note().value).toBe('');
  });

  it('logs an open Task on the contact and its account, then says when it is due with a link, and focus moves to the news', async () => {
    const t = createTestOutbox({ create: () => ({ id: TASK }) });
    const { user, onClose } = renderForm(t);
    await user.type(note(), 'Send the revised quote');
    await user.click(screen.getByRole('button', { name: 'Log follow-up' }));

    const done = await screen.findByTestId('follow-up-done');
    expect(done.getAttribute('role')).toBe('status');
    expect(within(done).getByText('Follow-up logged, due Mar 7, 2025')).toBeTruthy();
    expect(within(done).getByRole('link', { name: 'Open the follow-up in Salesforce' }).getAttribute('href')).toBe(`${INSTANCE}/lightning/r/Task/${TASK}/view`);
    await waitFor(() => expect(document.activeElement).toBe(done));
    expect(screen.queryByRole('form')).toBeNull();

    const [fields] = creates(t);
    expect(fields).toMatchObject({ Subject: 'Follow up: Renewal for Q3', ActivityDate: '2025-03-07', WhoId: jane.id, WhatId: jane.accountId, Status: 'Not Started' });
    expect(String(fields?.Description)).toMatch(/^Send the revised quote\n\nFollow-up-Key: /);

    // From the news, Tab reaches the link and then Close.
    await user.tab();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Close' }));
    await user.keyboard('{Enter}');
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it("relates a lead's follow-up to nothing else", async () => {
    const t = createTestOutbox({ create: () => ({ id: TASK }) });
    const { user } = renderForm(t, { target: bob });
    await user.click(screen.getByRole('button', { name: 'Log follow-up' }));
    await screen.findByTestId('follow-up-done');
    expect(creates(t)[0]).toMatchObject({ WhoId: bob.id });
    expect(creates(t)[0]).not.toHaveProperty('WhatId');
  });

  it('says Logging while Salesforce answers and holds the buttons', async () => {
    const answer = deferred<{ id: string }>();
    const t = createTestOutbox({ create: () => answer.promise });
    const { user } = renderForm(t);
    await user.click(subject());
    await user.keyboard('{Enter}');
    expect((await screen.findByTestId('follow-up-sending')).textContent).toBe('Logging the follow-up…');
    expect(screen.getByRole('button', { name: 'Log follow-up' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveProperty('disabled', true);
    answer.resolve({ id: TASK });
    await screen.findByTestId('follow-up-done');
  });

  it('checks before sending: no subject, no date; focus on the first field in error', async () => {
    const t = createTestOutbox();
    const { user } = renderForm(t);
    await user.clear(subject());
    await user.clear(dueDate());
    await user.click(screen.getByRole('button', { name: 'Log follow-up' }));
    expect(messageOf('follow-up-field-subject')).toBe('Required');
    expect(messageOf('follow-up-field-dueDate')).toBe('Required');
    expect(subject().getAttribute('aria-invalid')).toBe('true');
    // React runs the effect that moves the focus after the render, not within it.
    await waitFor(() => expect(document.activeElement).toBe(subject()));
    expect(await t.outbox.list(t.owner)).toEqual([]);
  });

  it("puts Salesforce's refusal on the field it names; the retry sends the same entry with the edit", async () => {
    let attempt = 0;
    const t = createTestOutbox({
      create: () =>
        ++attempt === 1
          ? Promise.reject(refusal('validation', { code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', fields: ['ActivityDate'], detail: 'Due date must be a weekday' }))
          : Promise.resolve({ id: TASK }),
    });
    const { user } = renderForm(t);
    await user.click(screen.getByRole('button', { name: 'Log follow-up' }));
    await waitFor(() => expect(messageOf('follow-up-field-dueDate')).toBe('Due date must be a weekday'));
    await waitFor(() => expect(document.activeElement).toBe(dueDate()));
    expect(screen.queryByTestId('follow-up-error')).toBeNull();

    await user.clear(dueDate());
    await user.type(dueDate(), '2025-03-10');
    await user.click(screen.getByRole('button', { name: 'Log follow-up' }));
    expect(within(await screen.findByTestId('follow-up-done')).getByText('Follow-up logged, due Mar 10, 2025')).toBeTruthy();
    expect(creates(t).map((f) => f.ActivityDate)).toEqual(['2025-03-07', '2025-03-10']);
    const keys = creates(t).map((f) => String(f.Description));
    expect(keys[0]).toBe(keys[1]);
    expect(await t.outbox.list(t.owner)).toHaveLength(1);
  });

  it("says at the top what names no field, with Salesforce's words as text", async () => {
    const hostile = '<img src=x onerror="alert(1)">';
    const t = createTestOutbox({ create: () => Promise.reject(refusal('permission_denied', { code: 'INSUFFICIENT_ACCESS', detail: hostile })) });
    const { user } = renderForm(t);
    await user.click(screen.getByRole('button', { name: 'Log follow-up' }));
    const error = await screen.findByTestId('follow-up-error');
    expect(error.textContent).toContain('Salesforce did not log the follow-up');
    expect(error.textContent).toContain(hostile);
    expect(document.querySelector('img')).toBeNull();
  });

  it('waits through a lost network and logs once it is back', async () => {
    const t = createTestOutbox({ create: () => ({ id: TASK }) }, { online: false });
    const { user } = renderForm(t);
    await user.click(screen.getByRole('button', { name: 'Log follow-up' }));
    const waiting = await screen.findByTestId('follow-up-waiting');
    expect(waiting.textContent).toContain('Waiting');
    expect(waiting.textContent).toContain('You are offline. It goes as soon as the network is back.');
    t.setOnline(true);
    await screen.findByTestId('follow-up-done');
    expect(creates(t)).toHaveLength(1);
  });

  it('says so when the browser refuses to keep it', async () => {
    const t = createTestOutbox({}, { storage: fullStorage() });
    const { user } = renderForm(t);
    await user.click(screen.getByRole('button', { name: 'Log follow-up' }));
    expect(await screen.findByText('The request to Salesforce failed unexpectedly.')).toBeTruthy();
    expect(creates(t)).toEqual([]);
  });

  it('shows a hostile name in its heading as text, clipped', () => {
    const name = `<img src=x onerror="alert(1)">${'x'.repeat(200)}`;
    renderForm(createTestOutbox(), { target: { ...jane, name } });
    expect(screen.getByRole('heading', { name: `Follow-up for ${name.slice(0, 80)}` })).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
  });

  it('cancels from the keyboard', async () => {
    const t = createTestOutbox();
    const { user, onClose } = renderForm(t);
    screen.getByRole('button', { name: 'Cancel' }).focus();
    await user.keyboard(' ');
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(await t.outbox.list(t.owner)).toEqual([]);
  });

  it('speaks French, dates included', async () => {
    const t = createTestOutbox({ create: () => ({ id: TASK }) });
    const { user } = renderForm(t, { lang: 'fr' });
    expect(screen.getByRole('form', { name: 'Relance pour Jane Doe' })).toBeTruthy();
    expect(subject('Objet').value).toBe('Relance : Renewal for Q3');
    expect(dueDate('Échéance').value).toBe('2025-03-07');
    expect(note('Note').value).toBe('');
    await user.click(screen.getByRole('button', { name: 'Enregistrer la relance' }));
    const done = await screen.findByTestId('follow-up-done');
    expect(within(done).getByText('Relance enregistrée, échéance le 7 mars 2025')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Fermer' })).toBeTruthy();
  });
});
