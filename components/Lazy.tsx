import { useEffect, useState } from 'preact/hooks';
import type { ComponentType } from 'preact';
import { errorText } from '@/lib/error-text';

// Components of different props share one cache, keyed by their loader: each entry is read back with its own P.
const loaded = new Map<unknown, unknown>();

/**
 * Renders a component whose code is loaded on first use (dynamic import), so the popup's first paint does
 * not wait for code it does not show yet (notes, the report form and the database behind them).
 */
export function Lazy<P extends object>({ load, props }: { load: () => Promise<ComponentType<P>>; props: P }) {
  const [Comp, setComp] = useState<ComponentType<P> | null>(
    () => (loaded.get(load.toString()) as ComponentType<P> | undefined) ?? null,
  );
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (Comp) return;
    let live = true;
    load().then(
      (c) => {
        loaded.set(load.toString(), c);
        if (live) setComp(() => c);
      },
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, []);
  if (error)
    return (
      <p class="error" role="alert">
        {error}
      </p>
    );
  return Comp ? <Comp {...props} /> : null;
}
