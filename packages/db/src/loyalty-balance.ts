// A customer's points balance, read under a lock for whoever is about to take points away (a
// redemption, an expiry): the customer's row is locked first, so two debits of one customer
// queue behind each other and each reads the balance the other left. The loyalty member's row
// is locked too: the expiry job claims members with FOR UPDATE SKIP LOCKED, so it either waits
// its turn (skipping this member for the tick) or has already committed its debit, which the
// sum below then sees. Earning needs no lock (adding points can never overdraw).
import type postgres from 'postgres';

/** The balance of a known customer, their rows locked until the transaction ends; null for an unknown one. */
export async function lockedBalance(tx: postgres.TransactionSql, workspaceId: string, customerId: string): Promise<number | null> {
  const [customer] = await tx`select 1 from customers where workspace_id = ${workspaceId} and id = ${customerId} for update`;
  if (!customer) return null;
  await tx`select 1 from loyalty_members where workspace_id = ${workspaceId} and customer_id = ${customerId} for update`;
  const [{ balance }] = await tx<{ balance: number }[]>`
    select coalesce(sum(points), 0)::int as balance from loyalty_ledger
    where workspace_id = ${workspaceId} and customer_id = ${customerId}`;
  return balance;
}
