/**
 * The record type of a new record, where the seller may use several: a labelled Fluent Dropdown (keyboard and screen
 * reader accessible, as every form field). The form's picklists follow the chosen record type.
 */
import { Dropdown, Option } from '@fluentui/react-components';
import { FormField } from '../../components/form-field';
import { recordTypeStrings } from '../../i18n/record-type-strings';
import type { RecordTypeChoice } from '../../salesforce/crm/create-record-metadata';

export interface RecordTypeFieldProps {
  choices: readonly RecordTypeChoice[];
  value: string;
  locale: string;
  onChange(recordTypeId: string): void;
}

export function RecordTypeField({ choices, value, locale, onChange }: RecordTypeFieldProps) {
  const s = recordTypeStrings(locale);
  const selected = choices.find((c) => c.id === value);
  return (
    <FormField label={s.recordType} required message={undefined} testId="record-field-RecordTypeId">
      <Dropdown value={selected?.name ?? ''} selectedOptions={[value]} onOptionSelect={(_, data) => data.optionValue && onChange(data.optionValue)}>
        {choices.map((c) => (
          <Option key={c.id} value={c.id}>
            {c.name}
          </Option>
        ))}
      </Dropdown>
    </FormField>
  );
}
