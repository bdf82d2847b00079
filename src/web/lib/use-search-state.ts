// Filters live in the address bar, so Back works and a filtered list can be sent as a link.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export function useSearchState<K extends string>(defaults: Record<K, string>) {
  const [params, setParams] = useSearchParams();
  // defaults is usually a literal at the call site: its content, not its identity, matters.
  const defaultsKey = JSON.stringify(defaults);
  const stable = useMemo(() => JSON.parse(defaultsKey) as Record<K, string>, [defaultsKey]);

  const values = useMemo(() => {
    const result = { ...stable };
    for (const key of Object.keys(stable) as K[]) {
      const value = params.get(key);
      if (value !== null) result[key] = value;
    }
    return result;
  }, [params, stable]);

  const update = useCallback(
    (patch: Partial<Record<K, string>>, options: { replace?: boolean } = {}) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(patch) as [K, string | undefined][]) {
            if (value === undefined || value === '' || value === stable[key]) next.delete(key);
            else next.set(key, value);
          }
          return next;
        },
        { replace: options.replace ?? true },
      );
    },
    [setParams, stable],
  );

  return [values, update] as const;
}
