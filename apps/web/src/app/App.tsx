// Session gate and routes: every route needs a session, else the login page.
import { useQuery } from '@tanstack/react-query';
import { CustomerPage } from '../customers/CustomerPage';
import { CustomersPage } from '../customers/CustomersPage';
import { JourneyEditorPage } from '../journeys/editor/JourneyEditorPage';
import { JourneysPage } from '../journeys/JourneysPage';
import { OutboxPage } from '../outbox/OutboxPage';
import { SegmentEditorPage } from '../segments/SegmentEditorPage';
import { SegmentsPage } from '../segments/SegmentsPage';
import { SettingsPage } from '../settings/SettingsPage';
import { TemplateEditorPage } from '../templates/TemplateEditorPage';
import { TemplatesPage } from '../templates/TemplatesPage';
import { useTRPC } from '../trpc';
import { ErrorNote, Spinner } from '../ui/kit';
import { Layout } from './Layout';
import { LoginPage } from './LoginPage';
import { matchPath, useRouter } from './router';

export function App() {
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());
  if (me.isPending) return <Spinner />;
  if (me.isError) return <ErrorNote error={me.error} />;
  if (!me.data) return <LoginPage />;
  return <Layout user={me.data}><Routes /></Layout>;
}

function Routes() {
  const { path } = useRouter();
  let m: Record<string, string> | null;
  if ((m = matchPath('/journeys/:id', path))) return <JourneyEditorPage key={m.id} id={m.id} />;
  if (matchPath('/segments', path)) return <SegmentsPage />;
  if ((m = matchPath('/segments/:id', path))) return <SegmentEditorPage key={m.id} id={m.id === 'new' ? null : m.id} />;
  if (matchPath('/templates', path)) return <TemplatesPage />;
  if ((m = matchPath('/templates/:id', path))) return <TemplateEditorPage key={m.id} id={m.id} />;
  if (matchPath('/customers', path)) return <CustomersPage />;
  if ((m = matchPath('/customers/:id', path))) return <CustomerPage key={m.id} id={m.id} />;
  if (matchPath('/outbox', path)) return <OutboxPage selectedId={null} />;
  if ((m = matchPath('/outbox/:id', path))) return <OutboxPage selectedId={m.id} />;
  if (matchPath('/settings', path)) return <SettingsPage />;
  return <JourneysPage />;
}
