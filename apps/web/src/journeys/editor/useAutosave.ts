// Debounced autosave of the draft. `flush()` saves now (publish calls it first, so the
// server compiles exactly what the canvas shows).
import { useCallback, useEffect, useRef, useState } from 'react';

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'error';

export function useAutosave<T>(value: T, save: (value: T) => Promise<unknown>, delayMs = 800) {
  const [status, setStatus] = useState<SaveStatus>('saved');
  const [error, setError] = useState<string | null>(null);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const latest = useRef(value);
  const saved = useRef(value);
  const inFlight = useRef<Promise<void> | null>(null);
  const saveRef = useRef(save);
  saveRef.current = save;
  latest.current = value;

  const flush = useCallback(async (): Promise<void> => {
    while (inFlight.current) await inFlight.current;
    const snapshot = latest.current;
    if (snapshot === saved.current) return;
    setStatus('saving');
    inFlight.current = (async () => {
      try {
        await saveRef.current(snapshot);
        saved.current = snapshot;
        setSavedAt(new Date());
        setError(null);
        setStatus(latest.current === snapshot ? 'saved' : 'pending');
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
        setStatus('error');
        throw e;
      } finally {
        inFlight.current = null;
      }
    })();
    await inFlight.current;
  }, []);

  useEffect(() => {
    if (value === saved.current) return;
    setStatus((s) => (s === 'saving' ? s : 'pending'));
    const timer = setTimeout(() => void flush().catch(() => {}), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs, flush]);

  // Leaving the page with unsaved edits: save them on the way out, and let the browser warn.
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (latest.current !== saved.current) e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      if (latest.current !== saved.current) void flush().catch(() => {});
    };
  }, [flush]);

  return { status, error, savedAt, flush };
}
