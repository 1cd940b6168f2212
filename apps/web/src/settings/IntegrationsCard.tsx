// Settings > Integrations: what the enabled plugins need from an admin. Each service with
// settings gets its generated form; each plugin route gets the URL to paste into the provider
// (its delivery reports, inbound messages), for this workspace, as the server is reached publicly.
import { useQuery } from '@tanstack/react-query';
import { Trans, useTranslation } from 'react-i18next';
import { registry } from '../journeys/editor/registry';
import { useTRPC, type Api, type inferOutput } from '../trpc';
import { Card, EmptyState, ErrorNote, Spinner } from '../ui/kit';
import { CopyField } from './CopyField';
import { ServiceSettingsForm } from './ServiceSettingsForm';

type Hook = inferOutput<Api['integrations']['list']>['hooks'][number];

function HookUrls({ hooks }: { hooks: Hook[] }) {
  const { t } = useTranslation('settings');
  const plugins = [...new Set(hooks.map((h) => h.pluginId))];
  return (
    <Card className="space-y-5 p-5">
      {plugins.map((pluginId) => (
        <div key={pluginId} data-testid={`hook-urls-${pluginId}`}>
          <h3 className="text-sm font-semibold text-slate-900">{t('integrations.hooksOf', { plugin: pluginId })}</h3>
          <p className="mt-0.5 text-xs text-slate-500">{t('integrations.hooksHelp')}</p>
          <ul className="mt-3 space-y-2">
            {hooks.filter((h) => h.pluginId === pluginId).map((h) => (
              <li key={`${h.method} ${h.path}`}>
                <div className="mb-1 text-xs text-slate-600"><span className="font-mono font-semibold">{h.method}</span> {h.path}</div>
                <CopyField value={h.url} label={t('integrations.hookLabel', { plugin: pluginId, path: h.path })} testId={`hook-${pluginId}-${h.path}`} />
              </li>
            ))}
          </ul>
        </div>
      ))}
    </Card>
  );
}

export function IntegrationsCard() {
  const trpc = useTRPC();
  const list = useQuery({ ...trpc.integrations.list.queryOptions(), retry: false });
  const { t } = useTranslation('settings');
  return (
    <section aria-labelledby="integrations-title" data-testid="integrations">
      <div className="mb-3">
        <h2 id="integrations-title" className="text-base font-semibold text-slate-900">{t('integrations.title')}</h2>
        <p className="mt-0.5 max-w-2xl text-sm text-slate-500">
          {t('integrations.subtitle')}
        </p>
      </div>
      {list.isPending && <Spinner />}
      {list.isError && <ErrorNote error={list.error} />}
      {list.data && (
        <div className="space-y-4">
          {list.data.services.length === 0 ? (
            <EmptyState icon="settings" title={t('integrations.none')}>
              <Trans t={t} i18nKey="integrations.noneBody" values={{ file: 'afterglow.config.ts', docs: 'docs/nodes.md' }} components={{ code: <code /> }} />
            </EmptyState>
          ) : list.data.services.map((entry) => (
            <ServiceSettingsForm key={entry.id} entry={entry} service={registry.service(entry.id)} />
          ))}
          {list.data.hooks.length > 0 && <HookUrls hooks={list.data.hooks} />}
        </div>
      )}
    </section>
  );
}
