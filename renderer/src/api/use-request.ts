import { useCallback, useEffect, useRef, useState } from 'react';
import type { Channel, Req, Res } from '../../../shared/contract';
import { errorMessage } from './call';
import { useCall } from './CallProvider';

export interface RequestState<T> {
  data: T | undefined;
  error: string | null;
  loading: boolean;
  /** runs the request again with the same arguments */
  reload: () => void;
}

/**
 * Calls a channel whenever the request changes (compared as JSON) and keeps only the newest answer, so a slow
 * older response never overwrites a newer one. `req === null` means "do not call yet".
 */
export function useRequest<C extends Channel>(channel: C, req: Req<C> | null): RequestState<Res<C>> {
  const call = useCall();
  const [data, setData] = useState<Res<C>>();
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(req !== null);
  const [tick, setTick] = useState(0);
  const seq = useRef(0);
  const key = req === null ? null : JSON.stringify(req);

  useEffect(() => {
    if (key === null) return;
    const mine = ++seq.current;
    setLoading(true);
    call(channel, JSON.parse(key) as Req<C>).then(
      (res) => {
        if (mine !== seq.current) return;
        setData(res);
        setError(null);
        setLoading(false);
      },
      (err: unknown) => {
        if (mine !== seq.current) return;
        setError(errorMessage(err));
        setLoading(false);
      },
    );
  }, [call, channel, key, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload };
}
