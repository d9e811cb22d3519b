/**
 * Office keeps several handlers per event type; removeHandlerAsync drops one (options.handler) or all of the type.
 */

export type Handler<Args> = (args: Args) => void;
export type HandlerTable<Args> = Record<string, Handler<Args>[]>;

export function addHandler<Args>(table: HandlerTable<Args>, eventType: string, handler: Handler<Args>): void {
  (table[eventType] ??= []).push(handler);
}

export function removeHandlers<Args>(table: HandlerTable<Args>, eventType: string, handler?: Handler<Args>): void {
  const list = table[eventType];
  if (!list) return;
  table[eventType] = handler ? list.filter((h) => h !== handler) : [];
}

export function handlerCount<Args>(table: HandlerTable<Args>, eventType: string): number {
  return (table[eventType] ?? []).length;
}

/** Calls every handler of the type; one that throws is reported later and does not stop the others. Answers whether any took it. */
export function fire<Args>(table: HandlerTable<Args>, eventType: string, args: Args): boolean {
  const list = (table[eventType] ?? []).slice();
  for (const handler of list) {
    try {
      handler(args);
    } catch (error) {
      setTimeout(() => {
        throw error;
      }, 0);
    }
  }
  return list.length > 0;
}
