/**
 * Where the seller signs in, when the config offers several login hosts. Its own chunk (issue 14): Field and Radio
 * are most of the welcome screen's code, and most configs offer one host, so most first paints never need them.
 */
import { Field, Radio, RadioGroup } from '@fluentui/react-components';
import type { SalesforceLoginChoice } from '../../config/runtime-config';

export interface LoginChoiceProps {
  label: string;
  choices: SalesforceLoginChoice[];
  value: string;
  onChange(loginUrl: string): void;
}

export function LoginChoice({ label, choices, value, onChange }: LoginChoiceProps) {
  return (
    <Field label={label}>
      <RadioGroup value={value} onChange={(_, data) => onChange(data.value)}>
        {choices.map((choice) => (
          <Radio key={choice.loginUrl} value={choice.loginUrl} label={choice.label} />
        ))}
      </RadioGroup>
    </Field>
  );
}
