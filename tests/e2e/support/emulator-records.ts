import { expect } from 'vitest';
import type { Stack } from './stack';

/** Every record of `sobject` in the emulated org, read over its HTTP control API. */
export async function emulatorRecords(stack: Stack, sobject: string): Promise<Record<string, unknown>[]> {
  const response = await fetch(`${stack.emulator.url}/__emulator/records/${sobject}`);
  expect(response.ok).toBe(true);
  return (await response.json()) as Record<string, unknown>[];
}

/** The Tasks the add-in saved for the email with this Message-ID (Description's footer line). */
export async function savedEmailTasks(stack: Stack, messageId: string): Promise<Record<string, unknown>[]> {
  return (await emulatorRecords(stack, 'Task')).filter((t) => String(t.Description ?? '').includes(`Message-ID: ${messageId}`));
}
