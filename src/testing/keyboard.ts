/**
 * Keyboard reachability for component tests: Tab from where the focus is until `target` has it, as a seller would,
 * and fail (naming what had the focus on the way) if it never comes. Clicking a button proves nothing about the
 * keyboard; this does.
 */
import type { UserEvent } from '@testing-library/user-event';

export async function tabTo(user: UserEvent, target: HTMLElement, options: { shift?: boolean; maxPresses?: number } = {}): Promise<void> {
  const visited: string[] = [];
  const max = options.maxPresses ?? 60;
  for (let i = 0; i < max && document.activeElement !== target; i++) {
    await user.tab({ shift: options.shift ?? false });
    const active = document.activeElement as HTMLElement | null;
    visited.push(active ? `${active.tagName.toLowerCase()}${active.textContent ? ` "${active.textContent.slice(0, 40)}"` : ''}` : 'nothing');
  }
  if (document.activeElement !== target) {
    throw new Error(`Tab never reached ${target.tagName.toLowerCase()} "${target.textContent ?? ''}"; focus went: ${visited.join(' → ')}`);
  }
}
