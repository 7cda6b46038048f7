import { useCallback, useState } from 'react';
import { errorMessage } from './call';

/**
 * A person-triggered service call: `busy` while it runs, its refusal as Chinese text in `error`. `run` resolves
 * to true when the call succeeded, so the caller decides what follows (close a dialog, reload the page).
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async (action: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await action();
      return true;
    } catch (err) {
      setError(errorMessage(err));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}
