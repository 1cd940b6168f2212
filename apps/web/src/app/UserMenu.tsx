// The signed-in user's menu in the header: who is signed in, sign out here, or sign out
// everywhere (every browser and device this user is signed in on, this one included), and the
// language the app speaks to them (each language named in itself, so anyone finds theirs).
import { LOCALE_NAMES, LOCALES, isLocale, type Locale } from '@afterglow/i18n';
import { hashKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DigestToggle } from '../dashboard/DigestToggle';
import { useTRPC } from '../trpc';
import { Icon } from '../ui/icons';
import { setLocale, useLocale } from '../ui/locale';
import { useRouter } from './router';
import { useDismiss } from '../ui/useDismiss';

interface MenuUser { name: string; email: string; role: string; can: string[] }

const itemClass = 'flex w-full items-center gap-2 px-3 py-2 text-left text-sm text-slate-700 hover:bg-slate-50 disabled:opacity-50';

export function UserMenu({ user }: { user: MenuUser }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { navigate } = useRouter();
  const { t } = useTranslation();
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  const closeMenu = useCallback(() => setOpen(false), []);
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
  // The choice shows at once in this browser and is stored on the account for the others.
  const saveLocale = useMutation(trpc.auth.setLocale.mutationOptions({
    onSuccess: ({ locale: saved }) => queryClient.setQueryData(trpc.auth.me.queryKey(), (me) => (me ? { ...me, locale: saved } : me)),
  }));
  const pickLocale = (next: Locale) => {
    void setLocale(next);
    saveLocale.mutate({ locale: next });
  };

  useDismiss(open, menu, closeMenu);

  const busy = logout.isPending || logoutEverywhere.isPending;
  return (
    <div ref={menu} className="relative">
      <button type="button" onClick={() => setOpen(!open)} aria-haspopup="menu" aria-expanded={open}
        className="flex items-center gap-2 rounded-lg px-2.5 py-1.5 text-right leading-tight hover:bg-slate-100">
        <span>
          <span className="block font-medium text-slate-800" data-testid="user-name">{user.name || user.email}</span>
          <span className="block text-xs text-slate-500">{t('menu.identity', { email: user.email, role: t(`role.${user.role}`) })}</span>
        </span>
      </button>
      {open && (
        <div role="menu" aria-label={t('menu.label')} className="absolute right-0 z-20 mt-1 w-64 overflow-hidden rounded-xl bg-white py-1 shadow-lg ring-1 ring-slate-200">
          <label className="flex items-center justify-between gap-2 border-b border-slate-100 px-3 py-2 text-sm text-slate-700">
            {t('menu.language')}
            <select value={locale} onChange={(e) => { if (isLocale(e.target.value)) pickLocale(e.target.value); }}
              className="rounded-md border border-slate-200 bg-white px-1.5 py-1 text-sm" data-testid="language-picker">
              {LOCALES.map((l) => <option key={l} value={l} lang={l}>{LOCALE_NAMES[l]}</option>)}
            </select>
          </label>
          {user.can.includes('dashboard.setDigest') && <DigestToggle />}
          <button type="button" role="menuitem" className={itemClass} disabled={busy} onClick={() => logout.mutate()}>
            <Icon name="logout" /> {t('menu.logout')}
          </button>
          <button type="button" role="menuitem" className={itemClass} disabled={busy} onClick={() => logoutEverywhere.mutate()}>
            <Icon name="logout" />
            <span>
              <span className="block">{t('menu.logoutEverywhere')}</span>
              <span className="block text-xs text-slate-500">{t('menu.logoutEverywhereHint')}</span>
            </span>
          </button>
        </div>
      )}
    </div>
  );
}
