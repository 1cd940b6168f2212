import { useCallback, useState } from 'react';

/** A yes/no choice remembered in this browser (a collapsed panel); `fallback` (which may change) until one is made. */
export function useStoredFlag(key: string, fallback: boolean): [boolean, (next: boolean) => void] {
  const [value, setValue] = useState<boolean | null>(() => {
    try {
      const stored = localStorage.getItem(key);
      return stored === null ? null : stored === '1';
    } catch {
      return null; // storage refused (privacy mode): the choice lasts for the page only
    }
  });
  const set = useCallback((next: boolean) => {
    setValue(next);
    try {
      localStorage.setItem(key, next ? '1' : '0');
    } catch {
      // as above
    }
  }, [key]);
  return [value ?? fallback, set];
}
