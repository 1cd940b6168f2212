import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../ui/icons';
import { useStoredFlag } from '../ui/useStoredFlag';
import { preloadPage } from './pages';
import { homeOf } from './home';
import { Link, useRouter } from './router';
import { UserMenu } from './UserMenu';

interface LayoutUser { name: string; email: string; workspaceName: string; role: string; can: string[] }

/** Each page (its label's message key) with the procedure it needs: a page the role cannot read is not offered. */
const nav = [
  { to: '/dashboard', label: 'nav.dashboard', icon: 'chart', needs: 'dashboard.get' },
  { to: '/journeys', label: 'nav.journeys', icon: 'journeys', needs: 'journeys.list' },
  { to: '/segments', label: 'nav.segments', icon: 'segments', needs: 'segments.list' },
  { to: '/templates', label: 'nav.templates', icon: 'mail', needs: 'templates.list' },
  { to: '/customers', label: 'nav.customers', icon: 'customers', needs: 'customers.list' },
  { to: '/reviews', label: 'nav.reviews', icon: 'star', needs: 'reviews.list' },
  { to: '/loyalty', label: 'nav.loyalty', icon: 'gift', needs: 'loyalty.analytics' },
  { to: '/outbox', label: 'nav.outbox', icon: 'outbox', needs: 'outbox.list' },
  { to: '/approvals', label: 'nav.approvals', icon: 'shield', needs: 'approvals.list' },
  { to: '/users', label: 'nav.users', icon: 'team', needs: 'users.list' },
  { to: '/audit', label: 'nav.audit', icon: 'history', needs: 'audit.list' },
  { to: '/settings', label: 'nav.settings', icon: 'settings', needs: 'shop.get' },
];

export function Layout({ user, children }: { user: LayoutUser; children: ReactNode }) {
  const { path } = useRouter();
  const { t } = useTranslation();
  const active = (to: string) => path === to || path.startsWith(`${to}/`) || (path === '/' && to === homeOf(user.role));
  // Collapsed to icons (names in tooltips), the navigation leaves the room to wide screens: the journey
  // canvas starts that way until the user chooses.
  const [narrow, setNarrow] = useStoredFlag('afterglow.nav.collapsed', /^\/journeys\/[^/]+/.test(path));
  return (
    <div className="flex h-full">
      <aside className={`flex shrink-0 flex-col border-r border-slate-200 bg-white ${narrow ? 'w-14' : 'w-56'}`} data-testid="side-nav">
        <div className={`flex items-center gap-2 py-5 ${narrow ? 'justify-center px-2' : 'px-5'}`}>
          <span className="h-7 w-7 shrink-0 rounded-full bg-gradient-to-br from-violet-600 via-fuchsia-500 to-amber-300 shadow-inner" />
          {!narrow && <span className="text-lg font-semibold tracking-tight">Afterglow</span>}
        </div>
        <nav className={`flex flex-1 flex-col gap-0.5 ${narrow ? 'px-2' : 'px-3'}`} aria-label={t('nav.label')}>
          {nav.filter((n) => user.can.includes(n.needs)).map((n) => (
            <Link key={n.to} to={n.to} onMouseEnter={() => preloadPage(n.to)} onFocus={() => preloadPage(n.to)}
              title={narrow ? t(n.label) : undefined} aria-label={narrow ? t(n.label) : undefined}
              className={`flex items-center gap-3 rounded-lg py-2 text-sm font-medium ${narrow ? 'justify-center px-2' : 'px-3'} ${active(n.to) ? 'bg-violet-50 text-violet-700' : 'text-slate-600 hover:bg-slate-50 hover:text-slate-900'}`}>
              <Icon name={n.icon} />{!narrow && t(n.label)}
            </Link>
          ))}
        </nav>
        <button type="button" onClick={() => setNarrow(!narrow)} data-testid="nav-toggle" aria-expanded={!narrow}
          aria-label={t(narrow ? 'navToggle.expand' : 'navToggle.collapse')} title={t(narrow ? 'navToggle.expand' : 'navToggle.collapse')}
          className={`mx-2 mb-2 flex items-center gap-2 rounded-lg px-3 py-2 text-xs text-slate-500 hover:bg-slate-50 ${narrow ? 'justify-center' : ''}`}>
          <Icon name="panelLeft" />{!narrow && t('navToggle.collapse')}
        </button>
        {!narrow && <div className="border-t border-slate-100 p-4 text-xs text-slate-400">{t('footer')}</div>}
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-14 shrink-0 items-center justify-between border-b border-slate-200 bg-white px-6">
          <div className="flex items-center gap-2 text-sm">
            <span className="rounded-md bg-slate-100 px-2 py-1 font-medium text-slate-700" data-testid="workspace-name">{user.workspaceName}</span>
          </div>
          <div className="text-sm"><UserMenu user={user} /></div>
        </header>
        <main className="min-h-0 flex-1 overflow-auto">{children}</main>
      </div>
    </div>
  );
}
