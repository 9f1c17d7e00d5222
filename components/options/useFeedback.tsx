/** What every settings card shares: its status and error lines, and the callback that passes on saved settings. */
import { useState } from 'preact/hooks';
import type { Settings } from '@/lib/settings/schema';
import { errorText } from '@/lib/error-text';

/** What a settings card calls when it saved settings. */
export type OnSettings = (s: Settings) => void;

/** A status line plus an error line, for each settings card. */
export function useFeedback() {
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const run = async (fn: () => Promise<string>) => {
    setError(null);
    setStatus('');
    try {
      setStatus(await fn());
    } catch (e) {
      setError(errorText(e));
    }
  };
  const view = (id: string) => (
    <>
      <div class="status-line" role="status" aria-live="polite" data-testid={`${id}-status`}>
        {status}
      </div>
      {error && (
        <p class="error" role="alert" data-testid={`${id}-error`}>
          {error}
        </p>
      )}
    </>
  );
  return { run, view, setError };
}
