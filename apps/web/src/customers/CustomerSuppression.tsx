// Why the customer's address is suppressed, in words ("Soft bounces: 3 × mailbox full in 9 days"),
// from which report (opened on demand), and for those allowed, lifting it (compliance.unsuppress, as
// Settings → Consent and suppressions does).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSuppressionWhy, type SuppressionReasonFacts } from '../settings/suppression-why';
import { SuppressionReport, type ShownReport } from '../settings/SuppressionReport';
import { useTRPC } from '../trpc';
import { Button } from '../ui/kit';

type Suppressed = SuppressionReasonFacts & { report: ShownReport | null };

export function CustomerSuppression({ id, email, suppressed }: { id: string; email: string | null; suppressed: Suppressed }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.auth.me.queryOptions());
  const { t } = useTranslation('customers');
  const why = useSuppressionWhy();
  const lift = useMutation(trpc.compliance.unsuppress.mutationOptions({
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.customers.get.queryKey({ id }) }),
  }));
  const mayLift = email !== null && me.data?.can.includes('compliance.unsuppress');
  return (
    <div className="flex items-start justify-between gap-3 text-xs text-slate-500" data-testid="customer-suppression">
      <div className="min-w-0 flex-1">
        {suppressed.facts ? why(suppressed) : null}
        {suppressed.report && <SuppressionReport report={suppressed.report} />}
      </div>
      {mayLift && (
        <Button variant="ghost" disabled={lift.isPending} onClick={() => email && lift.mutate({ address: email })} title={t('consent.liftHelp')}>
          {t('consent.lift')}
        </Button>
      )}
    </div>
  );
}
