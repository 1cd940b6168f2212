// The signed-in user's menu in the header: who is signed in, sign out here, or sign out
// everywhere (every browser and device this user is signed in on, this one included).
import { hashKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTRPC } from '../trpc';
import { Icon } from '../ui/icons';
import { useRouter } from './router';

interface MenuUser { name: string; email: string; role: string }

const itemClass = 'flex w-full items-center gap-2 px-3 py-2 text-left text-sm text-slate-700 hover:bg-slate-50 disabled:opacity-50';

export function UserMenu({ user }: { user: MenuUser }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { navigate } = useRouter();
  const [open, setOpen] = useState(false);
  const menu = useRef<HTMLDivElement>(null);
  const signedOut = {
    onSuccess: () => {
      // Forget what this user saw; auth.me answering null (its observer is told) shows the login page.
      const me = trpc.auth.me.queryKey();
      queryClient.removeQueries({ predicate: (q) => q.queryHash !== hashKey(me) });
      queryClient.setQueryData(me, null);
      navigate('/', { replace: true });
    },
  };
  const logout = useMutation(trpc.auth.logout.mutationOptions(signedOut));
  const logoutEverywhere = useMutation(trpc.auth.logoutEverywhere.mutationOptions(signedOut));

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !menu.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  const busy = logout.isPending || logoutEverywhere.isPending;
  return (
    <div ref={menu} className="relative">
      <button type="button" onClick={() => setOpen(!open)} aria-haspopup="menu" aria-expanded={open}
        className="flex items-center gap-2 rounded-lg px-2.5 py-1.5 text-right leading-tight hover:bg-slate-100">
        <span>
          <span className="block font-medium text-slate-800" data-testid="user-name">{user.name || user.email}</span>
          <span className="block text-xs text-slate-500">{user.email} · {user.role}</span>
        </span>
      </button>
      {open && (
        <div role="menu" aria-label="Account" className="absolute right-0 z-20 mt-1 w-64 overflow-hidden rounded-xl bg-white py-1 shadow-lg ring-1 ring-slate-200">
          <button type="button" role="menuitem" className={itemClass} disabled={busy} onClick={() => logout.mutate()}>
            <Icon name="logout" /> Log out
          </button>
          <button type="button" role="menuitem" className={itemClass} disabled={busy} onClick={() => logoutEverywhere.mutate()}>
            <Icon name="logout" />
            <span>
              <span className="block">Sign out everywhere</span>
              <span className="block text-xs text-slate-500">Every browser and device, this one too</span>
            </span>
          </button>
        </div>
      )}
    </div>
  );
}
