/**
 * Code loaded when first shown (issue 14): React.lazy over a named export, and the fallback shown meanwhile, a
 * labelled Spinner (role progressbar with its label, read by screen readers) so the place never sits empty or silent.
 */
import { Spinner } from '@fluentui/react-components';
import { lazy, type ComponentType } from 'react';

/** `lazyNamed(() => import('./x'), 'X')`: the module's named export `X` as a lazy component. */
export function lazyNamed<M, K extends keyof M>(load: () => Promise<M>, name: K): M[K] extends ComponentType<infer P> ? ComponentType<P> : never {
  const Lazy = lazy(async () => ({ default: (await load())[name] as ComponentType<unknown> }));
  return Lazy as unknown as M[K] extends ComponentType<infer P> ? ComponentType<P> : never;
}

export function LoadingPart({ label, size = 'small' }: { label: string; size?: 'tiny' | 'small' | 'medium' }) {
  return <Spinner size={size} label={label} labelPosition="after" data-testid="loading-part" />;
}
