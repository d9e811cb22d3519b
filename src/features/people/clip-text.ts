/** CRM text is shown as text (React escapes it) and cut to a length that cannot flood the pane. */
export function clipText(value: string | null | undefined, max = 200): string {
  if (!value) return '';
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}
