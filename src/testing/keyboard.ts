/**
 * Keyboard reachability for component tests. Clicking a button proves nothing about the keyboard; these do.
 *
 * - `tabTo`: Tab from where the focus is until `target` has it, as a seller would, failing (with what had the focus
 *   on the way) if it never comes. Use it from the top of the pane: past the first Fluent link or card, Fluent's
 *   focus manager (tabster) takes Tab over with its own "dummy" elements, and under jsdom (no layout) sends the focus
 *   to the body instead of the next control. Each Tab also costs user-event a walk over the whole document.
 * - `focusTabbable`: for a control deep in the pane: checks it is in the sequential tab order (a real, enabled
 *   control or tabindex ≥ 0, nothing hiding it from the keyboard or assistive technology) and gives it the focus, so
 *   the test goes on with the keys a seller presses (Enter, Space, Escape).
 */
import { act } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { expect } from 'vitest';

const describe = (element: Element | null) => (element ? `${element.tagName.toLowerCase()}${element.textContent ? ` "${element.textContent.slice(0, 40)}"` : ''}` : 'nothing');

export async function tabTo(user: UserEvent, target: HTMLElement, options: { shift?: boolean; maxPresses?: number } = {}): Promise<void> {
  const visited: string[] = [];
  const max = options.maxPresses ?? 20;
  for (let i = 0; i < max && document.activeElement !== target; i++) {
    await user.tab({ shift: options.shift ?? false });
    visited.push(describe(document.activeElement));
  }
  if (document.activeElement !== target) {
    throw new Error(`Tab never reached ${describe(target)}; focus went: ${visited.join(' → ')}`);
  }
}

/** Why `element` is out of the tab order, or undefined when Tab reaches it. */
export function notTabbableBecause(element: HTMLElement): string | undefined {
  if (element.tabIndex < 0) return `tabindex ${element.tabIndex}`;
  if (element.matches(':disabled')) return 'disabled';
  for (let node: HTMLElement | null = element; node; node = node.parentElement) {
    if (node.hidden) return `hidden by ${describe(node)}`;
    if (node.hasAttribute('inert')) return `inert ${describe(node)}`;
    if (node.getAttribute('aria-hidden') === 'true') return `aria-hidden ${describe(node)}`;
    if (node.style.display === 'none' || node.style.visibility === 'hidden') return `not displayed: ${describe(node)}`;
  }
  return undefined;
}

export function focusTabbable(target: HTMLElement): void {
  expect(notTabbableBecause(target), `${describe(target)} is out of the tab order`).toBeUndefined();
  act(() => target.focus());
  expect(document.activeElement, `${describe(target)} did not take the focus`).toBe(target);
}
