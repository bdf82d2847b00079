// A search box bound to a filter in the address bar: typing commits once the user pauses,
// and Back (which changes the address) puts the older text back in the box.
import { useEffect, useRef, useState } from 'react';
import { useDebounced } from './use-debounced';

export function useSearchText(committed: string, commit: (text: string) => void) {
  const [text, setText] = useState(committed);
  const settled = useDebounced(text.trim());
  const last = useRef(committed);
  const commitRef = useRef(commit);
  commitRef.current = commit;

  useEffect(() => {
    if (settled === last.current) return;
    last.current = settled;
    commitRef.current(settled);
  }, [settled]);

  useEffect(() => {
    if (committed === last.current) return;
    last.current = committed;
    setText(committed);
  }, [committed]);

  return [text, setText] as const;
}
