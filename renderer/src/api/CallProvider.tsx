import { createContext, useContext, type ReactNode } from 'react';
import { call as defaultCall, type CallFn } from './call';

const CallContext = createContext<CallFn>(defaultCall);

/** Provides the service client; tests pass a fake built from `Partial<Handlers>`. */
export function CallProvider({ call, children }: { call?: CallFn; children: ReactNode }) {
  return <CallContext.Provider value={call ?? defaultCall}>{children}</CallContext.Provider>;
}

/** The typed service client of the current tree. */
export function useCall(): CallFn {
  return useContext(CallContext);
}
