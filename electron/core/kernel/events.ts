/** Change notifications between services (e.g. review flags follow document edits). */
export interface AppEvents {
  /** documents created, updated or deleted, after their transaction committed */
  'documents:changed': { ids: string[]; deleted: string[] };
}

type Listener<T> = (payload: T) => void;

export interface EventBus {
  on<K extends keyof AppEvents>(name: K, fn: Listener<AppEvents[K]>): () => void;
  emit<K extends keyof AppEvents>(name: K, payload: AppEvents[K]): void;
}

/** A tiny typed event bus; listeners' errors are logged and never break the emitter. */
export function createEventBus(log: (msg: string, err?: unknown) => void = console.error): EventBus {
  const listeners = new Map<string, Set<Listener<never>>>();
  return {
    on(name, fn) {
      const set = listeners.get(name) ?? new Set();
      set.add(fn as Listener<never>);
      listeners.set(name, set);
      return () => set.delete(fn as Listener<never>);
    },
    emit(name, payload) {
      for (const fn of listeners.get(name) ?? []) {
        try {
          (fn as Listener<typeof payload>)(payload);
        } catch (err) {
          log(`事件 ${name} 的处理出错`, err);
        }
      }
    },
  };
}
