import { describe, expect, it } from 'vitest';
import { createFakeOffice } from '../testing/fake-office';
import { DialogErrorCode } from './office-errors';
import { openDialog } from './open-dialog';

const ORIGIN = 'https://localhost:3000';

function setup() {
  const fake = createFakeOffice();
  const deps = { ui: fake.office.context.ui, eventType: fake.office.EventType, trustedOrigins: [ORIGIN] };
  return { fake, deps };
}

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('openDialog', () => {
  it('opens outside an iframe with the requested size', async () => {
    const { fake, deps } = setup();
    void openDialog(deps, `${ORIGIN}/auth-start.html`, { widthPercent: 30, heightPercent: 50 });
    await tick();
    expect(fake.dialogs[0]?.options).toEqual({ height: 50, width: 30, displayInIframe: false });
  });

  it('settles with the first message from a trusted origin and closes the dialog', async () => {
    const { fake, deps } = setup();
    const outcome = openDialog(deps, `${ORIGIN}/auth-start.html`);
    await tick();
    const dialog = fake.dialogs[0]!;
    dialog.message('{"code":"abc"}', ORIGIN);
    dialog.message('second', ORIGIN);
    expect(await outcome).toEqual({ kind: 'message', message: '{"code":"abc"}', origin: ORIGIN });
    expect(dialog.closed).toBe(true);
  });

  it('ignores messages from an untrusted origin', async () => {
    const { fake, deps } = setup();
    const outcome = openDialog(deps, `${ORIGIN}/auth-start.html`);
    await tick();
    const dialog = fake.dialogs[0]!;
    dialog.message('forged', 'https://evil.example');
    expect(dialog.closed).toBe(false);
    dialog.message('real', ORIGIN);
    expect(await outcome).toMatchObject({ kind: 'message', message: 'real' });
  });

  it('accepts an undefined origin (hosts without DialogOrigin 1.1 deliver same-domain messages only)', async () => {
    const { fake, deps } = setup();
    const outcome = openDialog(deps, `${ORIGIN}/auth-start.html`);
    await tick();
    fake.dialogs[0]!.message('ok', undefined);
    expect(await outcome).toEqual({ kind: 'message', message: 'ok', origin: ORIGIN });
  });

  it('treats 12006 as a cancel', async () => {
    const { fake, deps } = setup();
    const outcome = openDialog(deps, `${ORIGIN}/auth-start.html`);
    await tick();
    fake.dialogs[0]!.event(DialogErrorCode.ClosedByUser);
    expect(await outcome).toEqual({ kind: 'closed' });
  });

  it.each([12002, 12003, 12004])('settles with an error and closes the dialog on event %i', async (code) => {
    const { fake, deps } = setup();
    const outcome = openDialog(deps, `${ORIGIN}/auth-start.html`);
    await tick();
    fake.dialogs[0]!.event(code);
    expect(await outcome).toMatchObject({ kind: 'error', code });
    expect(fake.dialogs[0]!.closed).toBe(true);
  });

  it.each([12002, 12003, 12004, 12005, 12007, 12009, 12011])('settles with an error when the open fails with %i', async (code) => {
    const { fake, deps } = setup();
    fake.failNextDialog(code);
    const outcome = await openDialog(deps, `${ORIGIN}/auth-start.html`);
    expect(outcome).toMatchObject({ kind: 'error', code });
    expect(outcome.kind === 'error' && outcome.message.length > 0).toBe(true);
  });

  it('settles with an error when the dialog API throws', async () => {
    const outcome = await openDialog(
      {
        ui: {
          displayDialogAsync: () => {
            throw new Error('no ui');
          },
        },
        eventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' } as never,
        trustedOrigins: [ORIGIN],
      },
      `${ORIGIN}/x.html`,
    );
    expect(outcome).toEqual({ kind: 'error', code: DialogErrorCode.Unavailable, message: 'no ui' });
  });
});
