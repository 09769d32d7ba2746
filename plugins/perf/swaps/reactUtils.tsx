/**
 * Stands in for @docusaurus/theme-common's utils/reactUtils (3.10.2), swapped in
 * by plugins/perf/react-utils-swap.ts, for one change: useShallowMemoObject orders its
 * keys by code unit instead of with String.prototype.localeCompare.
 *
 * That sort is the only localeCompare a page load makes (the doc sidebar's
 * phone menu calls it while hydrating), and a page's first localeCompare sets up
 * the browser's ICU collator: 13-93 ms of main thread here before any CPU
 * throttling, inside a hydration task. The order only has to be the same on
 * every render for the same keys, which a code-unit comparison also gives.
 *
 * The other exports do what upstream's do, under the same names.
 */
import React, {useCallback, useMemo, useRef, type ReactNode} from 'react';
import useIsomorphicLayoutEffect from '@docusaurus/useIsomorphicLayoutEffect';

/** A stable function that always calls the latest `callback` (a userland useEffectEvent). */
export function useEvent<T extends (...args: never[]) => unknown>(callback: T): T {
  const ref = useRef(callback);
  useIsomorphicLayoutEffect(() => {
    ref.current = callback;
  }, [callback]);
  return useCallback((...args: Parameters<T>) => ref.current(...args), []) as T;
}

/** The value `value` had at the previous render. */
export function usePrevious<T>(value: T): T | undefined {
  const ref = useRef<T | undefined>(undefined);
  useIsomorphicLayoutEffect(() => {
    ref.current = value;
  });
  // eslint-disable-next-line react-hooks/refs -- upstream's API: the previous render's value, read during render
  return ref.current;
}

/** Thrown when a hook is used outside its provider; the hook's name comes from the stack. */
export class ReactContextError extends Error {
  constructor(providerName: string, additionalInfo?: string) {
    super();
    this.name = 'ReactContextError';
    const hook = this.stack?.split('\n')[1]?.match(/at (?:\w+\.)?(?<name>\w+)/)?.groups?.name ?? '';
    this.message = `Hook ${hook} is called outside the <${providerName}>. ${additionalInfo ?? ''}`;
  }
}

const byKey = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0);

/** The same object as at the last render while its keys and (shallow) values are the same. */
export function useShallowMemoObject<O extends object>(obj: O): O {
  const deps = Object.entries(obj).sort(byKey);
  // eslint-disable-next-line react-hooks/exhaustive-deps, react-hooks/use-memo -- the deps are the object's own entries, as upstream
  return useMemo(() => obj, deps.flat());
}

/** One provider made of several that take only children; the first is outermost. */
export function composeProviders(
  providers: React.ComponentType<{children: ReactNode}>[],
): React.ComponentType<{children: ReactNode}> {
  return function ComposedProviders({children}: {children: ReactNode}) {
    return (
      <>
        {providers.reduceRight(
          (element, Provider) => (
            <Provider>{element}</Provider>
          ),
          children,
        )}
      </>
    );
  };
}
