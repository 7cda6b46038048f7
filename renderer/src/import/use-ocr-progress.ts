import { useEffect, useState } from 'react';
import type { ImportProgress } from '../../../shared/contract/import';
import { useCall } from '../api/CallProvider';

/** While files are being read, the page OCR is at (asked once a second); null when no scan is being read. */
export function useOcrProgress(active: boolean): ImportProgress {
  const call = useCall();
  const [now, setNow] = useState<ImportProgress>(null);
  useEffect(() => {
    if (!active) {
      setNow(null);
      return;
    }
    let live = true;
    const timer = setInterval(() => {
      call('import:progress', {}).then(
        (p) => live && setNow(p && p.total > 0 ? p : null),
        () => undefined,
      );
    }, 1000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [active, call]);
  return now;
}
