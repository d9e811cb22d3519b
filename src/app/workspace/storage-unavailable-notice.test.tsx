import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { shellStrings } from '../../i18n/strings';
import { renderInFluent } from '../../testing/render-workspace';
import { StorageUnavailableNotice } from './storage-unavailable-notice';

describe('StorageUnavailableNotice', () => {
  it('says the browser keeps nothing, and what that means, in the seller’s language', () => {
    const en = shellStrings('en-US');
    const { unmount } = renderInFluent(<StorageUnavailableNotice strings={en} />);
    const notice = screen.getByTestId('storage-unavailable-notice');
    expect(notice.textContent).toContain('This browser keeps nothing for the add-in');
    expect(notice.textContent).toContain(en.storageUnavailable);
    unmount();

    renderInFluent(<StorageUnavailableNotice strings={shellStrings('fr-FR')} />);
    expect(screen.getByTestId('storage-unavailable-notice').textContent).toContain('Ce navigateur ne conserve rien pour le complément');
  });
});
