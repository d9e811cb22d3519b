import { Field, Select } from '@fluentui/react-components';

export interface RecordSelectOption {
  id: string;
  label: string;
}

export interface RecordSelectProps {
  label: string;
  /** The chosen record's id; '' for none. */
  value: string;
  options: readonly RecordSelectOption[];
  /** Offered first, as '': the seller may link nothing. Absent: one of the options must be chosen. */
  noneLabel?: string;
  onChange: (id: string) => void;
  className?: string;
  testId: string;
}

/** Salesforce records to pick one from, in a labelled Fluent field: the save panels' "link to" and "related to". */
export function RecordSelect({ label, value, options, noneLabel, onChange, className, testId }: RecordSelectProps) {
  return (
    <Field label={label}>
      <Select className={className} value={value} onChange={(_, d) => onChange(d.value)} data-testid={testId}>
        {noneLabel !== undefined ? <option value="">{noneLabel}</option> : null}
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}
