/**
 * A labelled form field whose message, when there is one, is an error on the field (Fluent's Field wires
 * aria-invalid and aria-describedby, so screen readers read it with the control). No feature logic: the caller says
 * what the message is.
 */
import { Field } from '@fluentui/react-components';

export interface FormFieldProps {
  label: string;
  required?: boolean;
  /** The problem with the value; undefined when there is none. */
  message: string | undefined;
  testId?: string;
  children: React.ReactElement;
}

export function FormField({ label, required = false, message, testId, children }: FormFieldProps) {
  return (
    <Field label={label} required={required} validationMessage={message} validationState={message ? 'error' : 'none'} data-testid={testId}>
      {children}
    </Field>
  );
}
