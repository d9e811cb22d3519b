/**
 * The simulated Outlook's own mail view: the list of sample emails and the reading pane (a draft's fields are
 * editable, and raise RecipientsChanged once a recipient is resolved).
 */
import type { OutlookHarness } from '../harness-api';
import type { RecipientField } from '../host-protocol';
import type { SampleAddress, SampleMeeting } from '../sample-emails';
import { el, element } from './dom';
import type { MailStore } from './mail-store';

export interface MailView {
  renderList(): void;
  renderReading(): void;
}

function formatAddresses(list: SampleAddress[] | undefined): string {
  return (list || []).map((a) => (a.name && a.name !== a.address ? `${a.name} <${a.address}>` : a.address)).join('; ');
}

function parseAddresses(text: string): SampleAddress[] {
  return text
    .split(/[;,]/)
    .map((part): SampleAddress | null => {
      const m = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(part);
      if (m?.[2]) return { name: m[1] || m[2], address: m[2].trim() };
      const address = part.trim();
      return address ? { name: address, address } : null;
    })
    .filter((address) => address !== null);
}

function meetingRows(meeting: SampleMeeting, required: SampleAddress[]): Array<[string, string]> {
  return [
    ['When', `${new Date(meeting.start).toLocaleString()} – ${new Date(meeting.end).toLocaleTimeString()}`],
    ['Where', meeting.location],
    ['Organizer', formatAddresses([meeting.organizer])],
    ['Required', formatAddresses(required)],
    ['Optional', formatAddresses(meeting.optionalAttendees)],
    ['Series', meeting.seriesId ? 'One occurrence of a recurring meeting' : ''],
  ];
}

/** `harness` is the page's API: the list and the draft's fields act through it, as a test does. */
export function createMailView(store: MailStore, noItemId: string, harness: () => OutlookHarness): MailView {
  const renderList = () => {
    const list = element('email-list');
    list.textContent = '';
    const entries = [...store.emails, { id: noItemId, label: 'No item selected', subject: '(pinned pane, nothing selected)', mode: undefined }];
    for (const email of entries) {
      const button = el('button', { type: 'button', 'data-email-id': email.id, 'aria-current': String(email.id === store.currentId) });
      button.appendChild(el('span', { class: 'who' }, email.label));
      button.appendChild(el('span', { class: 'what' }, (email.mode === 'compose' ? 'Draft · ' : '') + email.subject));
      button.addEventListener('click', () => void harness().selectEmail(email.id));
      const li = el('li');
      li.appendChild(button);
      list.appendChild(li);
    }
  };

  const renderReading = () => {
    const pane = element('reading-pane');
    pane.textContent = '';
    const email = store.current();
    if (!email) {
      pane.appendChild(el('p', { class: 'empty', 'data-testid': 'no-item' }, 'No item selected. The pinned task pane stays open.'));
      return;
    }
    pane.dataset.mode = email.mode;
    if (email.mode === 'compose') {
      pane.appendChild(el('h1', {}, email.meeting ? 'Meeting (organizer form)' : 'New message (draft)'));
      const dl = el('dl');
      for (const [label, field] of [
        ['To', 'to'],
        ['Cc', 'cc'],
      ] as Array<[string, RecipientField]>) {
        dl.appendChild(el('dt', {}, label));
        const dd = el('dd');
        const input = el('input', { id: `compose-${field}`, 'aria-label': label, value: formatAddresses(email[field]) });
        // Outlook raises RecipientsChanged once a recipient is resolved, not per keystroke: on change (blur / Enter).
        input.addEventListener('change', () => void harness().setRecipients(field, parseAddresses(input.value)));
        dd.appendChild(input);
        dl.appendChild(dd);
      }
      dl.appendChild(el('dt', {}, 'Subject'));
      const subjectDd = el('dd');
      const subject = el('input', { id: 'compose-subject', 'aria-label': 'Subject', value: email.subject });
      subject.addEventListener('input', () => {
        email.subject = subject.value;
      });
      subjectDd.appendChild(subject);
      dl.appendChild(subjectDd);
      pane.appendChild(dl);
      const body = el('textarea', { rows: '10', 'aria-label': 'Body' });
      body.value = email.body;
      body.addEventListener('input', () => {
        email.body = body.value;
      });
      pane.appendChild(body);
      return;
    }
    pane.appendChild(el('h1', { 'data-testid': 'email-subject' }, email.subject));
    const meta = el('dl');
    const rows: Array<[string, string]> = [
      ['From', formatAddresses(email.from ? [email.from] : [])],
      ['To', formatAddresses(email.to)],
      ['Cc', formatAddresses(email.cc)],
      ['Date', new Date(email.date ?? '').toLocaleString()],
    ];
    if (email.meeting) {
      rows.splice(0, 4, ...meetingRows(email.meeting, email.to));
    }
    for (const [label, value] of rows) {
      if (!value) continue;
      meta.appendChild(el('dt', {}, label));
      meta.appendChild(el('dd', {}, value));
    }
    pane.appendChild(meta);
    if (email.meeting) {
      // What the organizer does elsewhere: the attendee's copy of the meeting changes under the pinned pane.
      const move = el('button', { type: 'button', 'data-testid': 'move-meeting' }, 'Organizer moves it a day later');
      move.addEventListener('click', () => {
        const day = 24 * 60 * 60 * 1000;
        const meeting = email.meeting;
        if (meeting) void harness().updateMeeting(email.id, { start: new Date(Date.parse(meeting.start) + day).toISOString(), end: new Date(Date.parse(meeting.end) + day).toISOString() });
      });
      pane.appendChild(move);
    }
    pane.appendChild(el('pre', {}, email.body));
  };

  return { renderList, renderReading };
}
