// Every page is its own chunk, loaded when it is first opened: the first screen downloads only
// React, the tRPC client, the shell and the login page; the journey editor (React Flow), the
// template editor (CodeMirror) and the rest arrive with their routes.
import { Component, lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Spinner } from '../ui/kit';

/** React.lazy for a named export; `preload()` starts the download early (on hover, say). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- `any` props in the constraint only: each page keeps its own props type.
function page<M extends Record<K, ComponentType<any>>, K extends keyof M & string>(load: () => Promise<M>, name: K) {
  let loading: Promise<M> | undefined;
  const once = () => (loading ??= load().catch((error: unknown) => { loading = undefined; throw error; }));
  return Object.assign(lazy(async () => ({ default: (await once())[name] })), { preload: () => void once().catch(() => {}) });
}

export const JourneysPage = page(() => import('../journeys/JourneysPage'), 'JourneysPage');
export const JourneyGalleryPage = page(() => import('../journeys/gallery/JourneyGalleryPage'), 'JourneyGalleryPage');
export const JourneyEditorPage = page(() => import('../journeys/editor/JourneyEditorPage'), 'JourneyEditorPage');
export const JourneyReportPage = page(() => import('../journeys/report/JourneyReportPage'), 'JourneyReportPage');
export const SegmentsPage = page(() => import('../segments/SegmentsPage'), 'SegmentsPage');
export const SegmentEditorPage = page(() => import('../segments/SegmentEditorPage'), 'SegmentEditorPage');
export const TemplatesPage = page(() => import('../templates/TemplatesPage'), 'TemplatesPage');
export const TemplateEditorPage = page(() => import('../templates/TemplateEditorPage'), 'TemplateEditorPage');
export const CustomersPage = page(() => import('../customers/CustomersPage'), 'CustomersPage');
export const CustomerPage = page(() => import('../customers/CustomerPage'), 'CustomerPage');
export const ReviewsPage = page(() => import('../reviews/ReviewsPage'), 'ReviewsPage');
export const OutboxPage = page(() => import('../outbox/OutboxPage'), 'OutboxPage');
export const SettingsPage = page(() => import('../settings/SettingsPage'), 'SettingsPage');
export const LoyaltySettingsPage = page(() => import('../settings/loyalty/LoyaltySettingsPage'), 'LoyaltySettingsPage');
export const UsersPage = page(() => import('../team/UsersPage'), 'UsersPage');
export const InvitationPage = page(() => import('../team/InvitationPage'), 'InvitationPage');
export const ApprovalsPage = page(() => import('../approvals/ApprovalsPage'), 'ApprovalsPage');
export const AuditLogPage = page(() => import('../audit/AuditLogPage'), 'AuditLogPage');
export const LoyaltyPage = page(() => import('../loyalty/LoyaltyPage'), 'LoyaltyPage');
export const DashboardPage = page(() => import('../dashboard/DashboardPage'), 'DashboardPage');

/** Starts downloading the code of the page at `path` (a nav link or a row is about to be clicked). */
export function preloadPage(path: string) {
  const [, section, id] = path.split('/');
  const pages = {
    journeys: [JourneysPage, JourneyEditorPage], segments: [SegmentsPage, SegmentEditorPage], templates: [TemplatesPage, TemplateEditorPage],
    customers: [CustomersPage, CustomerPage], outbox: [OutboxPage, OutboxPage], reviews: [ReviewsPage, ReviewsPage], settings: [SettingsPage, SettingsPage],
    users: [UsersPage, UsersPage], approvals: [ApprovalsPage, ApprovalsPage], audit: [AuditLogPage, AuditLogPage],
    loyalty: [LoyaltyPage, LoyaltyPage], dashboard: [DashboardPage, DashboardPage],
  } as const;
  pages[section as keyof typeof pages]?.[id ? 1 : 0].preload();
}

/**
 * Shows a loading line while a page's code downloads, and a way out when it cannot be loaded
 * (offline, or the app was upgraded and the old files are gone): reloading fetches the new ones.
 * `resetKey` (the path) clears the error when the user navigates elsewhere.
 */
export function PageFrame({ resetKey, children }: { resetKey: string; children: ReactNode }) {
  return (
    <PageErrorBoundary resetKey={resetKey}>
      <Suspense fallback={<OpeningPage />}>{children}</Suspense>
    </PageErrorBoundary>
  );
}

function OpeningPage() {
  const { t } = useTranslation('kit');
  return <div className="p-8"><Spinner label={t('page.opening')} /></div>;
}

function PageFailed({ error }: { error: Error }) {
  const { t } = useTranslation('kit');
  return (
    <div role="alert" className="m-8 max-w-xl rounded-xl bg-rose-50 p-5 text-sm text-rose-800 ring-1 ring-rose-200">
      <div className="font-semibold">{t('page.failed')}</div>
      <p className="mt-1 text-rose-700">{error.message}</p>
      <p className="mt-1 text-rose-700">{t('page.failedHelp')}</p>
      <Button className="mt-3" onClick={() => window.location.reload()}>{t('page.reload')}</Button>
    </div>
  );
}

class PageErrorBoundary extends Component<{ resetKey: string; children: ReactNode }, { error: Error | null; key: string }> {
  state = { error: null as Error | null, key: this.props.resetKey };

  static getDerivedStateFromError(error: Error) { return { error }; }

  static getDerivedStateFromProps(props: { resetKey: string }, state: { error: Error | null; key: string }) {
    return props.resetKey === state.key ? null : { error: null, key: props.resetKey };
  }

  render() {
    return this.state.error ? <PageFailed error={this.state.error} /> : this.props.children;
  }
}
