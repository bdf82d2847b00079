// How many items wait on this device for a login (a session that expired offline keeps them), for
// the login page. The outbox's code is imported only here, when the page asks, not in its chunk.
import { useEffect, useState } from 'react';

export function useUnsentOnDevice(): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    let live = true;
    void import('./outbox')
      .then(({ countUnsentOnDevice }) => countUnsentOnDevice())
      .then(
        (n) => live && setCount(n),
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, []);
  return count;
}
