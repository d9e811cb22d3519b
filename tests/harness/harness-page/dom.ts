/** The few DOM helpers the harness page builds itself with. */

/** The element with this id in harness.html, checked to be of the kind the page expects. */
export function element<T extends HTMLElement = HTMLElement>(id: string, kind?: new () => T): T {
  const found = document.getElementById(id);
  if (!found || !(found instanceof (kind ?? HTMLElement))) throw new Error(`harness.html has no ${kind?.name ?? 'element'} #${id}`);
  return found as T;
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}
