import { describe, expect, it } from 'vitest';
import { parseSignature } from './email-signature';

describe('parseSignature', () => {
  it.each([
    [
      'name, title, company, phone on their own lines',
      'Hi Sam,\n\nCan we talk pricing?\n\nBest regards,\nMaria Lopez\nHead of Procurement\nUmbrella Industries Ltd\n+44 20 7946 0958\nmaria@umbrella.example',
      '',
      { firstName: 'Maria', lastName: 'Lopez', title: 'Head of Procurement', company: 'Umbrella Industries Ltd', phone: '+44 20 7946 0958' },
    ],
    [
      '"Title | Company" after a "-- " line',
      'See attached.\n-- \nKen Adams\nVP Sales | Hooli\nwww.hooli.example',
      '',
      { firstName: 'Ken', lastName: 'Adams', title: 'VP Sales', company: 'Hooli' },
    ],
    ['"Title at Company"', 'Thanks,\nAna María Ruiz\nCTO at Initrode', '', { firstName: 'Ana María', lastName: 'Ruiz', title: 'CTO', company: 'Initrode' }],
    ['a first name only, then the title: the display name is the sender’s', 'Cheers,\nTom\nOperations Manager\nInitech', 'Tom Nguyen', { title: 'Operations Manager', company: 'Initech' }],
    [
      'French sign-off',
      'Bonjour,\nMerci pour la démo.\n\nCordialement,\nJulie Martin\nDirectrice des achats\nAcme France SAS',
      '',
      { firstName: 'Julie', lastName: 'Martin', title: 'Directrice des achats', company: 'Acme France SAS' },
    ],
  ])('%s', (_name, body, sender, expected) => {
    expect(parseSignature(body, sender)).toEqual(expected);
  });

  it.each([
    ['no sign-off at all', 'Quick question: is the renewal on track?'],
    ['a quoted earlier message holds the only signature', 'Sounds good.\n\nOn Mon, 3 Mar 2025, Jane Doe <jane@acme.example> wrote:\n> Best regards,\n> Jane Doe\n> VP Procurement'],
    ['an empty body', ''],
  ])('%s: nothing', (_name, body) => {
    expect(parseSignature(body)).toEqual({});
  });

  it('a hostile body stays text and never more than 255 characters a field', () => {
    const details = parseSignature(`Regards,\nEve Hacker\n${'x'.repeat(300)} Inc\n<script>alert(1)</script>`);
    expect(details.firstName).toBe('Eve');
    expect(details.company?.length ?? 0).toBeLessThanOrEqual(255);
  });
});
