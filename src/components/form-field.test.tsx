import { Input } from '@fluentui/react-components';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithFluent } from '../testing/render-with-fluent';
import { FormField } from './form-field';

/** The text of the elements an element's aria-describedby names: what a screen reader reads with the control. */
function description(element: HTMLElement): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

describe('FormField', () => {
  it('labels its control, and marks it required when it is', () => {
    renderWithFluent(
      <>
        <FormField label="Last name" required message={undefined} testId="field-LastName">
          <Input />
        </FormField>
        <FormField label="Title" message={undefined}>
          <Input />
        </FormField>
      </>,
    );
    const lastName = screen.getByRole<HTMLInputElement>('textbox', { name: /Last name/ });
    expect(lastName.required).toBe(true);
    expect(lastName.getAttribute('aria-invalid')).not.toBe('true');
    expect(screen.getByTestId('field-LastName').contains(lastName)).toBe(true);
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Title' }).required).toBe(false);
  });

  it('puts its message on the control as an error a screen reader reads with it', () => {
    const { rerender } = renderWithFluent(
      <FormField label="Phone" message="Use the format +1 555 0100">
        <Input />
      </FormField>,
    );
    const phone = screen.getByRole('textbox', { name: 'Phone' });
    expect(phone.getAttribute('aria-invalid')).toBe('true');
    expect(description(phone)).toContain('Use the format +1 555 0100');
    expect(screen.getByText('Use the format +1 555 0100')).toBeTruthy();

    rerender(
      <FormField label="Phone" message={undefined}>
        <Input />
      </FormField>,
    );
    expect(phone.getAttribute('aria-invalid')).not.toBe('true');
    expect(screen.queryByText('Use the format +1 555 0100')).toBeNull();
  });

  it('shows a hostile message as text', () => {
    renderWithFluent(
      <FormField label="Email" message={'<img src=x onerror="alert(1)">'}>
        <Input />
      </FormField>,
    );
    expect(screen.getByText('<img src=x onerror="alert(1)">')).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
  });
});
