// A customer's points balance, read under a lock for whoever is about to take points away (a
// redemption, an expiry): the customer's row is locked first, so two debits of one customer
// queue behind each other and each reads the balance the other left. Earning needs no lock
// (adding points can never overdraw). Every debit takes this lock; that is what keeps a
// balance from going negative.
import type postgres from 'postgres';

/** The balance of a known customer, with their row locked until the transaction ends; null for an unknown one. */
export async function lockedBalance(tx: postgres.TransactionSql, workspaceId: string, customerId: string): Promise<number | null> {
  const [customer] = await tx`select 1 from customers where workspace_id = ${workspaceId} and id = ${customerId} for update`;
  if (!customer) return null;
  const [{ balance }] = await tx<{ balance: number }[]>`
    select coalesce(sum(points), 0)::int as balance from loyalty_ledger
    where workspace_id = ${workspaceId} and customer_id = ${customerId}`;
  return balance;
}
