import { describe, expect, it } from 'vitest';
import { createOnlineState, mayBeOnline } from './online-state';

function fakeWindow(onLine: unknown) {
  const target = new EventTarget();
  return {
    navigator: { onLine },
    addEventListener: (type: 'online' | 'offline', l: () => void) => target.addEventListener(type, l),
    removeEventListener: (type: 'online' | 'offline', l: () => void) => target.removeEventListener(type, l),
    fire: (type: 'online' | 'offline') => target.dispatchEvent(new Event(type)),
  };
}

describe('createOnlineState', () => {
  it('reads navigator.onLine, and says undefined when the platform cannot tell', () => {
    expect(createOnlineState(fakeWindow(true)).isOnline()).toBe(true);
    expect(createOnlineState(fakeWindow(false)).isOnline()).toBe(false);
    expect(createOnlineState(fakeWindow('yes')).isOnline()).toBeUndefined();
    expect(createOnlineState({}).isOnline()).toBeUndefined();
    expect(createOnlineState(undefined).isOnline()).toBeUndefined();
  });

  it('only a definite offline holds work that waits for the network', () => {
    expect(mayBeOnline(createOnlineState(fakeWindow(false)))).toBe(false);
    expect(mayBeOnline(createOnlineState(fakeWindow(true)))).toBe(true);
    expect(mayBeOnline(createOnlineState({}))).toBe(true);
  });

  it('tells its listeners of online and offline events until they unsubscribe', () => {
    const w = fakeWindow(true);
    const heard: boolean[] = [];
    const stop = createOnlineState(w).subscribe((online) => heard.push(online));
    w.fire('offline');
    w.fire('online');
    stop();
    w.fire('offline');
    expect(heard).toEqual([false, true]);
  });

  it('gives a harmless unsubscribe where there are no events', () => {
    const stop = createOnlineState({ navigator: { onLine: true } }).subscribe(() => {});
    expect(() => stop()).not.toThrow();
  });
});
