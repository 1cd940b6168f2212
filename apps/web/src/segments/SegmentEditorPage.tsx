import { formatNumber } from '@afterglow/i18n';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLeaveGuard, useRouter } from '../app/router';
import { useTRPC } from '../trpc';
import { fieldErrors } from '../ui/fieldIssues';
import { Icon } from '../ui/icons';
import { Button, Card, ErrorNote, inputClass, Spinner } from '../ui/kit';
import { useLocale } from '../ui/locale';
import { useDebounced } from '../ui/useDebounced';
import { defaultRule, newGroup, type GroupRule, type SegmentRule } from './rule';
import { RuleGroup } from './RuleEditor';
import { VocabularyProvider } from './vocabulary';

export function SegmentEditorPage({ id }: { id: string | null }) {
  const trpc = useTRPC();
  const segment = useQuery({ ...trpc.segments.get.queryOptions({ id: id ?? '' }), enabled: id !== null });
  if (id === null) return <SegmentEditor initial={{ id: null, name: '', description: '', rule: defaultRule() }} />;
  if (segment.isPending) return <Spinner />;
  if (segment.isError) return <ErrorNote error={segment.error} />;
  return <SegmentEditor initial={{ ...segment.data, rule: segment.data.rule as SegmentRule }} />;
}

/** The editor always edits a top-level group, so a single saved condition gets wrapped. */
const asGroup = (rule: SegmentRule): GroupRule => (rule.kind === 'group' ? rule : newGroup('and', [rule]));

function SegmentEditor({ initial }: { initial: { id: string | null; name: string; description: string; rule: SegmentRule } }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { navigate } = useRouter();
  const { t } = useTranslation('segments');
  const locale = useLocale();
  const [name, setName] = useState(initial.name);
  const [description, setDescription] = useState(initial.description);
  const [rule, setRule] = useState<GroupRule>(asGroup(initial.rule));
  const debouncedRule = useDebounced(rule, 400);
  const preview = useQuery({ ...trpc.segments.preview.queryOptions({ rule: debouncedRule, id: initial.id ?? undefined }), placeholderData: keepPreviousData, retry: false });
  const save = useMutation(trpc.segments.save.mutationOptions({
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: trpc.segments.list.queryKey() });
      navigate('/segments', { force: true });
    },
  }));
  const counting = preview.isFetching || debouncedRule !== rule;
  // Warned, not autosaved: saving changes who is in the segment, and so whom live journeys reach,
  // so a half-built rule must never go live on its own.
  const dirty = JSON.stringify({ name, description, rule }) !== JSON.stringify({ name: initial.name, description: initial.description, rule: asGroup(initial.rule) });
  useLeaveGuard(dirty && !save.isSuccess);
  // Refusals shown on their fields: the live count's (as you type) and the save's (e.g. the name).
  const issues = { ...fieldErrors(preview.error), ...fieldErrors(save.error) };
  const ruleIssues = Object.keys(issues).some((f) => f.startsWith('rule.rules'));
  return (
    <div className="mx-auto max-w-6xl p-8">
      <Link to="/segments" className="mb-4 inline-flex items-center gap-1 text-sm text-slate-500 hover:text-slate-800"><Icon name="arrowLeft" /> {t('editor.back')}</Link>
      <div className="grid gap-6 lg:grid-cols-[1fr_300px]">
        <div className="space-y-4">
          <Card className="space-y-3 p-5">
            <label className="block text-sm font-medium text-slate-700">{t('editor.name')}
              <input className={`${inputClass} mt-1`} value={name} onChange={(e) => setName(e.target.value)} placeholder={t('editor.namePlaceholder')} />
              {issues.name && <span className="mt-1 block text-xs font-normal text-rose-600" role="alert">{issues.name}</span>}
            </label>
            <label className="block text-sm font-medium text-slate-700">{t('editor.description')}
              <input className={`${inputClass} mt-1`} value={description} onChange={(e) => setDescription(e.target.value)} placeholder={t('editor.descriptionPlaceholder')} />
            </label>
          </Card>
          <VocabularyProvider selfId={initial.id}>
            <RuleGroup group={rule} onChange={setRule} issues={issues} />
          </VocabularyProvider>
        </div>
        <div className="space-y-4">
          <Card className="sticky top-4 p-5">
            <div className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t('editor.count')}</div>
            <div className={`mt-1 text-4xl font-semibold tabular-nums ${counting ? 'text-slate-400' : 'text-slate-900'}`} data-testid="segment-count">
              {preview.data ? formatNumber(locale, preview.data.count) : '—'}
            </div>
            <div className="mt-1 h-4 text-xs text-slate-500">{counting ? t('editor.counting') : t('editor.live')}</div>
            {preview.isError && <p className="mt-3 rounded-lg bg-rose-50 p-2 text-xs text-rose-700 ring-1 ring-rose-200" role="alert">
              {ruleIssues ? t('editor.fixMarked') : preview.error.message}</p>}
            {preview.data?.count === 0 && !counting && <p className="mt-4 border-t border-slate-100 pt-3 text-xs text-slate-500">{t('editor.noMatch')}</p>}
            {preview.data && preview.data.sample.length > 0 && (
              <ul className="mt-4 space-y-1.5 border-t border-slate-100 pt-3">
                {preview.data.sample.slice(0, 6).map((c) => (
                  <li key={c.id} className="truncate text-xs">
                    <Link to={`/customers/${c.id}`} className="font-medium text-slate-700 hover:text-violet-700">{[c.firstName, c.lastName].filter(Boolean).join(' ') || c.id}</Link>
                    <span className="text-slate-400"> · {c.email}</span>
                  </li>
                ))}
              </ul>
            )}
            {save.isError && Object.keys(fieldErrors(save.error)).length === 0 && <p className="mt-3 text-xs text-rose-600" role="alert">{save.error.message}</p>}
            <Button variant="primary" className="mt-5 w-full" disabled={!name.trim() || save.isPending}
              onClick={() => save.mutate({ id: initial.id ?? undefined, name: name.trim(), description, rule })}>
              {save.isPending ? t('editor.saving') : initial.id ? t('editor.save') : t('editor.create')}
            </Button>
          </Card>
        </div>
      </div>
    </div>
  );
}
