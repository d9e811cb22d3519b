import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithFluent, stringsFor } from '../../testing/render-with-fluent';
import { PeoplePanelSkeleton } from './people-panel-skeleton';

describe('PeoplePanelSkeleton', () => {
  it('announces the lookup once, as a status, over one placeholder card per address', () => {
    renderWithFluent(<PeoplePanelSkeleton count={3} label={stringsFor('en').workspace.loadingPeople} />);
    const status = screen.getByRole('status', { name: 'Looking up people in Salesforce' });
    expect(status.querySelectorAll('[data-testid="people-skeleton-card"]')).toHaveLength(3);
    // The shapes are decoration: nothing in them is read out.
    expect(status.querySelectorAll('[data-testid="people-skeleton-card"] > [aria-hidden="true"]')).toHaveLength(3);
  });

  it('is silent inside a list that is itself marked busy', () => {
    renderWithFluent(<PeoplePanelSkeleton count={2} />);
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.getAllByTestId('people-skeleton-card')).toHaveLength(2);
  });

  it('shows at least one card, even for no address yet', () => {
    renderWithFluent(<PeoplePanelSkeleton count={0} label="Recherche des personnes dans Salesforce" />, { lang: 'fr' });
    expect(screen.getByRole('status', { name: 'Recherche des personnes dans Salesforce' })).toBeTruthy();
    expect(screen.getAllByTestId('people-skeleton-card')).toHaveLength(1);
  });
});
