/** The control panel's activity list: the newest 50 lines, newest first. */
import { element } from './dom';

const KEPT_LINES = 50;

export function log(text: string): void {
  const list = element('activity');
  const item = document.createElement('li');
  item.textContent = `${new Date().toLocaleTimeString()} ${text}`;
  list.prepend(item);
  while (list.children.length > KEPT_LINES) list.lastElementChild?.remove();
}
