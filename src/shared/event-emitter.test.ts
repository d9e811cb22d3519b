import { describe, expect, it, vi } from 'vitest';
import { createEmitter } from './event-emitter';

describe('createEmitter', () => {
  it('calls every listener in subscription order with the value', () => {
    const emitter = createEmitter<number>();
    const heard: string[] = [];
    emitter.subscribe((n) => heard.push(`a${n}`));
    emitter.subscribe((n) => heard.push(`b${n}`));
    emitter.emit(1);
    expect(heard).toEqual(['a1', 'b1']);
  });

  it('keeps calling the others when one listener throws, and reports the error', () => {
    const errors: unknown[] = [];
    const emitter = createEmitter<void>({ onListenerError: (error) => errors.push(error) });
    const after = vi.fn();
    emitter.subscribe(() => {
      throw new Error('listener broke');
    });
    emitter.subscribe(after);
    emitter.emit();
    expect(after).toHaveBeenCalledTimes(1);
    expect(errors).toEqual([new Error('listener broke')]);
  });

  it('re-throws a listener error on a later task by default, after the others ran', async () => {
    const emitter = createEmitter<void>();
    const after = vi.fn();
    emitter.subscribe(() => {
      throw new Error('late');
    });
    emitter.subscribe(after);
    const uncaught = new Promise<unknown>((resolve) => process.once('uncaughtException', resolve));
    emitter.emit();
    expect(after).toHaveBeenCalledTimes(1);
    await expect(uncaught).resolves.toEqual(new Error('late'));
  });

  it('unsubscribes exactly the subscription it was given, once', () => {
    const emitter = createEmitter<void>();
    const listener = vi.fn();
    const first = emitter.subscribe(listener);
    emitter.subscribe(listener);
    first();
    first();
    emitter.emit();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(emitter.listenerCount).toBe(1);
  });

  it('does not call a listener added during an emit until the next one', () => {
    const emitter = createEmitter<void>();
    const late = vi.fn();
    emitter.subscribe(() => {
      emitter.subscribe(late);
    });
    emitter.emit();
    expect(late).not.toHaveBeenCalled();
    emitter.emit();
    expect(late).toHaveBeenCalledTimes(1);
  });
});
