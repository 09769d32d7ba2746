/**
 * What an operator types and ticks in the runbook, kept in the browser only:
 * - the entry's values for this tab (sessionStorage): gone when the tab closes;
 * - each step's tick and its time (localStorage), keyed by the entry and a hash of the step's
 *   text, so a reload keeps them and an edited step starts unticked.
 * Components read them with useSyncExternalStore; a change in one tab reaches its listeners.
 */
import {useSyncExternalStore} from 'react';

export type Values = Readonly<Record<string, string>>;
export type Ticks = Readonly<Record<string, string>>;

const VALUES_KEY = (entry: string) => `honeydue.book.values.${entry}`;
const TICKS_KEY = (entry: string) => `honeydue.book.ticks.${entry}`;
const EMPTY = Object.freeze({}) as Readonly<Record<string, string>>;

const listeners = new Set<() => void>();
const cache = new Map<string, {raw: string | null; parsed: Readonly<Record<string, string>>}>();

function storage(kind: 'session' | 'local'): Storage | undefined {
  try {
    return kind === 'session' ? window.sessionStorage : window.localStorage;
  } catch {
    // Storage can be off (a private mode, a policy): the tools then work for the page's life only.
    return undefined;
  }
}

const memory = new Map<string, string>();

function read(kind: 'session' | 'local', key: string): Readonly<Record<string, string>> {
  if (typeof window === 'undefined') return EMPTY;
  const raw = storage(kind)?.getItem(key) ?? memory.get(key) ?? null;
  const hit = cache.get(key);
  if (hit && hit.raw === raw) return hit.parsed;
  let parsed: Readonly<Record<string, string>> = EMPTY;
  try {
    parsed = raw ? (JSON.parse(raw) as Record<string, string>) : EMPTY;
  } catch {
    parsed = EMPTY;
  }
  cache.set(key, {raw, parsed});
  return parsed;
}

function write(kind: 'session' | 'local', key: string, value: Readonly<Record<string, string>>): void {
  const raw = Object.keys(value).length ? JSON.stringify(value) : null;
  const s = storage(kind);
  if (raw === null) {
    s?.removeItem(key);
    memory.delete(key);
  } else {
    try {
      s?.setItem(key, raw);
    } catch {
      memory.set(key, raw);
    }
    if (!s) memory.set(key, raw);
  }
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = () => listener();
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export const getValues = (entry: string): Values => read('session', VALUES_KEY(entry));
export const getTicks = (entry: string): Ticks => read('local', TICKS_KEY(entry));

export function setValue(entry: string, name: string, value: string): void {
  const next = {...getValues(entry)};
  if (value) next[name] = value;
  else delete next[name];
  write('session', VALUES_KEY(entry), next);
}

export const clearValues = (entry: string): void => write('session', VALUES_KEY(entry), {});

export function setTick(entry: string, hash: string, done: boolean, at: Date = new Date()): void {
  const next = {...getTicks(entry)};
  if (done) next[hash] = at.toISOString();
  else delete next[hash];
  write('local', TICKS_KEY(entry), next);
}

export const resetTicks = (entry: string): void => write('local', TICKS_KEY(entry), {});

export const useValues = (entry: string): Values =>
  useSyncExternalStore(
    subscribe,
    () => getValues(entry),
    () => EMPTY,
  );

export const useTicks = (entry: string): Ticks =>
  useSyncExternalStore(
    subscribe,
    () => getTicks(entry),
    () => EMPTY,
  );
