import { useSyncExternalStore } from 'react';

/**
 * One value the window shows, held outside React: the document's operations (save, open,
 * export…) read and change it as plain code, and components subscribe to it. No ref has to
 * mirror React state for the operations to see the latest value.
 */
export class Store<T> {
  private listeners = new Set<() => void>();

  constructor(private value: T) {}

  get = (): T => this.value;

  set = (next: T | ((current: T) => T)): void => {
    const value = typeof next === 'function' ? (next as (current: T) => T)(this.value) : next;
    if (Object.is(value, this.value)) return;
    this.value = value;
    for (const listener of [...this.listeners]) listener();
  };

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

export function useStore<T>(store: Store<T>): T {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}
