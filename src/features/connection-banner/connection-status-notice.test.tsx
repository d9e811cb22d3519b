import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ConnectionState } from '../../salesforce/salesforce-api';
import { renderWithFluent, stringsFor } from '../../testing/render-with-fluent';
import { ConnectionStatusNotice } from './connection-status-notice';

function renderNotice(state: ConnectionState, lang: 'en' | 'fr' = 'en') {
  return renderWithFluent(<ConnectionStatusNotice state={state} strings={stringsFor(lang).shell} />, { lang });
}

describe('ConnectionStatusNotice', () => {
  it('says the pane is offline and will reconnect by itself, with nothing to press', () => {
    renderNotice({ status: 'offline' });
    const notice = screen.getByTestId('offline-notice');
    expect(notice.textContent).toContain('You are offline');
    expect(notice.textContent).toContain('The add-in reconnects by itself when the network is back. Nothing is lost.');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it.each(['connecting', 'refreshing'] as const)('shows a labelled spinner while %s', (status) => {
    renderNotice({ status });
    expect(screen.getByTestId('reconnecting').textContent).toContain('Reconnecting to Salesforce…');
    expect(screen.queryByTestId('offline-notice')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it.each<ConnectionState>([{ status: 'connected' }, { status: 'signed_out' }, { status: 'lost', failure: { kind: 'session_expired', connectionLost: true, retryable: false }, at: 1 }])(
    'shows nothing when the connection is $status (the banner owns lost)',
    (state) => {
      const { container } = renderNotice(state);
      expect(container.textContent).toBe('');
    },
  );

  it('speaks French', () => {
    const { rerender } = renderNotice({ status: 'offline' }, 'fr');
    expect(screen.getByTestId('offline-notice').textContent).toContain('Vous êtes hors connexion');
    rerender(<ConnectionStatusNotice state={{ status: 'refreshing' }} strings={stringsFor('fr').shell} />);
    expect(screen.getByTestId('reconnecting').textContent).toContain('Reconnexion à Salesforce…');
  });
});
