// One plugin service's settings (an SMS gateway's URL, account and token), edited with the form
// generated from the service's own settings schema: the web app builds the same registry as the
// server (afterglow.config.ts), so only values travel. Secrets come back as ●●●●●●●●; sent
// back as they are, or blank, they keep the stored value.
import type { AnyServiceDefinition } from '@afterglow/node-sdk';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useCan } from '../app/me';
import type { FieldSchema } from '../forms/jsonSchema';
import { SchemaForm } from '../forms/SchemaForm';
import { useTRPC, type Api, type inferOutput } from '../trpc';
import { Badge, Button, Card, formatDate } from '../ui/kit';
import { Icon } from '../ui/icons';
import { useLocale } from '../ui/locale';

export type IntegrationEntry = inferOutput<Api['integrations']['list']>['services'][number];

const schemas = new WeakMap<object, FieldSchema>();

/** The settings schema as the form reads it (zod's JSON Schema, `.meta()` hints included). */
function formSchemaOfSettings(settings: z.ZodType): FieldSchema {
  let schema = schemas.get(settings);
  if (!schema) {
    schema = z.toJSONSchema(settings, { io: 'input', unrepresentable: 'any' }) as FieldSchema;
    schemas.set(settings, schema);
  }
  return schema;
}

/** A refused save's messages by field, relative to the form (the procedure names them under `values`). */
function errorsOf(error: unknown): Map<string, string> {
  const data = (error as { data?: { issues?: { field: string; message: string }[] | null; field?: string | null } } | null)?.data;
  const errors = new Map<string, string>();
  const add = (field: string, message: string) => {
    const key = field.replace(/^values\.?/, '');
    if (key && !errors.has(key)) errors.set(key, message);
  };
  for (const issue of data?.issues ?? []) add(issue.field, issue.message);
  if (data?.field) add(data.field, (error as Error).message.replace(/^[\w.]+: /, ''));
  return errors;
}

export function ServiceSettingsForm({ entry, service }: { entry: IntegrationEntry; service: AnyServiceDefinition | undefined }) {
  const trpc = useTRPC();
  const can = useCan();
  const queryClient = useQueryClient();
  const { t } = useTranslation('settings');
  useLocale(); // the saved date follows a language switch
  const [values, setValues] = useState<Record<string, unknown>>(entry.values);
  const save = useMutation(trpc.integrations.save.mutationOptions({
    onSuccess: (saved) => {
      setValues(saved.values);
      void queryClient.invalidateQueries({ queryKey: trpc.integrations.list.queryKey() });
    },
  }));
  const errors = errorsOf(save.error);
  const mayEdit = can('integrations.save');
  const titleId = `service-${entry.id.replace(/\W/g, '-')}`;
  return (
    <Card className="p-5">
      <section aria-labelledby={titleId} data-testid={`integration-${entry.id}`}>
        <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
          <div>
            <h3 id={titleId} className="flex items-center gap-2 text-sm font-semibold text-slate-900">
              {entry.label}
              {entry.configured ? <Badge tone="live">{t('integrations.setUp')}</Badge> : <Badge tone="draft">{t('integrations.notSetUp')}</Badge>}
            </h3>
            <p className="mt-0.5 font-mono text-[11px] text-slate-400">{t('integrations.idOf', { id: entry.id, plugin: entry.pluginId })}</p>
          </div>
          {entry.updatedAt && <span className="text-xs text-slate-500">{t('integrations.savedAt', { date: formatDate(entry.updatedAt) })}</span>}
        </div>
        {entry.problem && (
          <div className="mb-4 flex gap-2 rounded-lg bg-amber-50 p-3 text-xs text-amber-800 ring-1 ring-amber-200" role="alert">
            <Icon name="alert" className="h-4 w-4 shrink-0" />
            <span>{t('integrations.problem', { problem: entry.problem })}</span>
          </div>
        )}
        {!service?.settings ? (
          <p className="text-sm text-slate-500"><Trans t={t} i18nKey="integrations.notInBuild" values={{ command: 'pnpm build' }} components={{ code: <code /> }} /></p>
        ) : (
          <form onSubmit={(e) => { e.preventDefault(); save.mutate({ id: entry.id, values }); }}>
            <fieldset disabled={!mayEdit || save.isPending} className="disabled:opacity-70">
              <SchemaForm schema={formSchemaOfSettings(service.settings)} value={values} errors={errors} idPrefix={titleId}
                onChange={(next) => { setValues(next); save.reset(); }} />
            </fieldset>
            <p className="mt-3 text-xs text-slate-500">{t('integrations.secrets', { mask: '●●●●●●●●' })}</p>
            <div className="mt-4 flex items-center gap-3">
              {mayEdit
                ? <Button variant="primary" type="submit" disabled={save.isPending}>{t('integrations.save', { label: entry.label })}</Button>
                : <span className="text-xs text-slate-500">{t('integrations.readOnly')}</span>}
              {save.isSuccess && <span className="text-xs text-emerald-600">{t('saved')}</span>}
              {save.isError && errors.size === 0 && <span className="text-xs text-rose-600" role="alert">{save.error.message}</span>}
            </div>
          </form>
        )}
      </section>
    </Card>
  );
}
