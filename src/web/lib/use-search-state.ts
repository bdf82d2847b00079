// Filters live in the address bar, so Back works and a filtered list can be sent as a link.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export function useSearchState<K extends string>(defaults: Record<K, string>) {
  const [params, setParams] = useSearchParams();
  const keys = Object.keys(defaults) as K[];

  const values = useMemo(() => {
    const result = { ...defaults };
    for (const key of keys) {
      const value = params.get(key);
      if (value !== null) result[key] = value;
    }
    return result;
    // defaults is a literal at the call site; its content, not its identity, matters.
  }, [params]);

  const update = useCallback(
    (patch: Partial<Record<K, string>>, options: { replace?: boolean } = {}) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(patch) as [K, string | undefined][]) {
            if (value === undefined || value === '' || value === defaults[key]) next.delete(key);
            else next.set(key, value);
          }
          return next;
        },
        { replace: options.replace ?? true },
      );
    },
    [setParams],
  );

  return [values, update] as const;
}
