// Session gate and routes: every route needs a session, else the login page (or, while the
// installation has no account yet, the first-run page).
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../trpc';
import { Button, ErrorNote, Spinner } from '../ui/kit';
import { currentLocale, setLocale } from '../ui/locale';
import { FirstRunPage } from './FirstRunPage';
import { homeOf, type Home } from './home';
import { Layout } from './Layout';
import { LoginPage } from './LoginPage';
import {
  ApprovalsPage, AuditLogPage, CustomerPage, DashboardPage, CustomersPage, InvitationPage, JourneyEditorPage, JourneyGalleryPage, JourneyReportPage, JourneysPage, LoyaltyPage,
  LoyaltySettingsPage, OutboxPage, PageFrame, ReviewsPage,
  SegmentEditorPage, SegmentsPage, SettingsPage, TemplateEditorPage, TemplatesPage, UsersPage,
} from './pages';
import { matchPath, useRouter } from './router';

export function App() {
  const trpc = useTRPC();
  const { path } = useRouter();
  const me = useQuery(trpc.auth.me.queryOptions());
  const { t } = useTranslation();
  // The language a signed-in user picked (stored on their account) follows them to any browser.
  const chosen = me.data?.locale;
  useEffect(() => {
    if (chosen && chosen !== currentLocale()) void setLocale(chosen);
  }, [chosen]);
  // An invitation link opens its own page, signed in or not.
  const invitation = matchPath('/invite/:token', path);
  if (invitation) return <PageFrame resetKey={path}><InvitationPage token={invitation.token} /></PageFrame>;
  if (me.isPending) return <div className="flex h-full items-center justify-center"><Spinner label={t('loading')} /></div>;
  if (me.isError) {
    return (
      <div className="mx-auto max-w-lg pt-24">
        <ErrorNote error={t('serverDown', { error: me.error.message })} />
        <div className="px-6"><Button onClick={() => void me.refetch()}>{t('tryAgain')}</Button></div>
      </div>
    );
  }
  if (!me.data) return <SignedOut />;
  return <Layout user={me.data}><Routes home={homeOf(me.data.role)} /></Layout>;
}

function SignedOut() {
  const trpc = useTRPC();
  const setup = useQuery(trpc.setup.status.queryOptions());
  const { t } = useTranslation();
  if (setup.isPending) return <div className="flex h-full items-center justify-center"><Spinner label={t('loading')} /></div>;
  return setup.data?.needsOwner ? <FirstRunPage /> : <LoginPage />;
}

function Routes({ home }: { home: Home }) {
  const { path } = useRouter();
  return <PageFrame resetKey={path}><Route path={path} home={home} /></PageFrame>;
}

function Route({ path, home }: { path: string; home: Home }) {
  let m: Record<string, string> | null;
  if (matchPath('/dashboard', path) || (path === '/' && home === '/dashboard')) return <DashboardPage />;
  if (matchPath('/journeys/new', path)) return <JourneyGalleryPage />;
  if ((m = matchPath('/journeys/:id/report', path))) return <JourneyReportPage key={m.id} id={m.id} />;
  if ((m = matchPath('/journeys/:id', path))) return <JourneyEditorPage key={m.id} id={m.id} />;
  if (matchPath('/segments', path)) return <SegmentsPage />;
  if ((m = matchPath('/segments/:id', path))) return <SegmentEditorPage key={m.id} id={m.id === 'new' ? null : m.id} />;
  if (matchPath('/templates', path)) return <TemplatesPage />;
  if ((m = matchPath('/templates/:id', path))) return <TemplateEditorPage key={m.id} id={m.id} />;
  if (matchPath('/customers', path)) return <CustomersPage />;
  if ((m = matchPath('/customers/:id', path))) return <CustomerPage key={m.id} id={m.id} />;
  if (matchPath('/reviews', path)) return <ReviewsPage />;
  if (matchPath('/outbox', path)) return <OutboxPage selectedId={null} />;
  if ((m = matchPath('/outbox/:id', path))) return <OutboxPage selectedId={m.id} />;
  if (matchPath('/settings', path)) return <SettingsPage />;
  if (matchPath('/settings/loyalty', path)) return <LoyaltySettingsPage />;
  if (matchPath('/users', path)) return <UsersPage />;
  if (matchPath('/approvals', path)) return <ApprovalsPage />;
  if (matchPath('/audit', path)) return <AuditLogPage />;
  if (matchPath('/loyalty', path)) return <LoyaltyPage />;
  return <JourneysPage />;
}
