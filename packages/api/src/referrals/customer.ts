// A customer's side of the referral programme, for the customer page: their own code (if one was
// made), who referred them and what became of it, and the friends they brought, each with its
// state and, when refused, the reason, so staff can see a guard at work and answer the customer.
import type { ReferralRefusal, ReferralSource, ReferralState } from '@afterglow/db';
import type { ApiDeps } from '../trpc/deps';
import { iso } from '../trpc/time';

export interface CustomerReferral {
  /** The other person: the referrer when they were referred, the friend when they referred. */
  customerId: string;
  name: string;
  state: ReferralState;
  reason: ReferralRefusal | null;
  source: ReferralSource;
  recognisedAt: string;
  decidedAt: string | null;
}

interface Row extends Omit<CustomerReferral, 'recognisedAt' | 'decidedAt'> { referred: boolean; recognisedAt: Date; decidedAt: Date | null }

export async function customerReferrals(deps: ApiDeps, workspaceId: string, customerId: string)
  : Promise<{ code: string | null; referredBy: CustomerReferral | null; referred: CustomerReferral[] }> {
  const { sql } = deps.database;
  const [[own], rows] = await Promise.all([
    sql<{ code: string }[]>`select code from referral_codes where workspace_id = ${workspaceId} and customer_id = ${customerId}`,
    sql<Row[]>`
      select r.customer_id = ${customerId} as referred,
        case when r.customer_id = ${customerId} then r.referrer_id else r.customer_id end as "customerId",
        coalesce(nullif(trim(concat_ws(' ', c.first_name, c.last_name)), ''), c.email, '') as name,
        r.state, r.reason, r.source, r.recognised_at as "recognisedAt", r.decided_at as "decidedAt"
      from referrals r
      left join customers c on c.workspace_id = r.workspace_id and c.id = case when r.customer_id = ${customerId} then r.referrer_id else r.customer_id end
      where r.workspace_id = ${workspaceId} and (r.customer_id = ${customerId} or r.referrer_id = ${customerId})
      order by r.recognised_at desc
      limit 101`,
  ]);
  const shown = rows.map(({ referred, recognisedAt, decidedAt, ...r }) => ({ referred, item: { ...r, recognisedAt: iso(recognisedAt), decidedAt: iso(decidedAt) } }));
  return {
    code: own?.code ?? null,
    referredBy: shown.find((r) => r.referred)?.item ?? null,
    referred: shown.filter((r) => !r.referred).slice(0, 100).map((r) => r.item),
  };
}
