// A small pathname router: the app has a handful of flat routes, so a dependency-free
// history wrapper is enough (the server falls back to index.html for deep links). A page with
// unsaved changes holds every route change (links, navigate(), Back) until the person confirms
// in the app's own dialog (useLeaveGuard).
import { createContext, useCallback, useContext, useEffect, useRef, useState, type AnchorHTMLAttributes, type ReactNode } from 'react';
import { LeaveDialog } from './LeaveDialog';

interface NavigateOptions {
  replace?: boolean;
  /** Leave even with unsaved changes (the page just saved them, or chose to drop them). */
  force?: boolean;
}
interface RouterState {
  path: string;
  navigate(to: string, opts?: NavigateOptions): void;
  /** Registers "this page has unsaved changes"; returns the unregister. */
  hold(isDirty: () => boolean): () => void;
}
const RouterContext = createContext<RouterState>({ path: '/', navigate: () => {}, hold: () => () => {} });

export function RouterProvider({ children }: { children: ReactNode }) {
  const [path, setPath] = useState(() => window.location.pathname);
  const holds = useRef(new Set<() => boolean>());
  const [leaving, setLeaving] = useState<{ to: string; replace: boolean } | null>(null);
  const held = useCallback(() => [...holds.current].some((isDirty) => isDirty()), []);
  const go = useCallback((to: string, replace: boolean) => {
    if (replace) window.history.replaceState(null, '', to);
    else window.history.pushState(null, '', to);
    setPath(new URL(to, window.location.origin).pathname);
    window.scrollTo(0, 0);
  }, []);
  useEffect(() => {
    const onPop = () => {
      const to = window.location.pathname + window.location.search;
      // Back was pressed on a page with unsaved changes: stay (put the page's entry back) and ask.
      if (held()) { window.history.pushState(null, '', path); setLeaving({ to, replace: false }); return; }
      setPath(window.location.pathname);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [path, held]);
  const navigate = useCallback((to: string, opts?: NavigateOptions) => {
    if (!opts?.force && held()) { setLeaving({ to, replace: opts?.replace ?? false }); return; }
    go(to, opts?.replace ?? false);
  }, [go, held]);
  const hold = useCallback((isDirty: () => boolean) => {
    holds.current.add(isDirty);
    return () => { holds.current.delete(isDirty); };
  }, []);
  return (
    <RouterContext.Provider value={{ path, navigate, hold }}>
      {children}
      {leaving && <LeaveDialog onStay={() => setLeaving(null)} onLeave={() => { setLeaving(null); go(leaving.to, leaving.replace); }} />}
    </RouterContext.Provider>
  );
}

/**
 * Unsaved changes on this page: route changes ask first (in the app), closing or reloading the
 * tab gets the browser's own warning (beforeunload allows no custom dialog).
 */
export function useLeaveGuard(dirty: boolean) {
  const { hold } = useRouter();
  const current = useRef(dirty);
  current.current = dirty;
  useEffect(() => hold(() => current.current), [hold]);
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
}

export const useRouter = () => useContext(RouterContext);

/** Matches `/journeys/:id` style patterns; returns the params or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) params[want[i].slice(1)] = decodeURIComponent(have[i]);
    else if (want[i] !== have[i]) return null;
  }
  return params;
}

export function Link({ to, children, ...rest }: { to: string; children: ReactNode } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const { navigate } = useRouter();
  return (
    <a
      href={to}
      {...rest}
      onClick={(e) => {
        rest.onClick?.(e);
        if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
        e.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}
