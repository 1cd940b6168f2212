// The run explorer's two paged lists as CSV exports: what each reads (the same function and
// filters as its tRPC procedure, whose permission it borrows), and its columns, named by
// catalogue key for a header in the reader's language. Times are ISO 8601 (UTC) and statuses
// their codes, so a spreadsheet sorts and filters them.
import type { Queryable } from '@afterglow/db';
import type { CsvCell } from '@afterglow/i18n/csv';
import { z } from 'zod';
import type { MessageKey } from '../i18n/catalogue';
import { assertJourneyInWorkspace } from '../journeys/repository';
import { customerRuns, customerRunsInput } from '../runs/customer-runs';
import { stepCustomers, stepCustomersInput } from '../runs/step-customers';
import type { ApiDeps } from '../trpc/deps';

/** One page of a list: its rows as CSV records, and where the next page starts. */
interface Page { rows: CsvCell[][]; nextCursor: string | null }

export interface RunListExport {
  /** The tRPC procedure listing the same rows: its permission entry decides who may export. */
  procedure: string;
  filename: string;
  /** The list's filters from the query string (the procedure's input without cursor and limit). */
  filters: z.ZodType<Record<string, unknown>>;
  header: MessageKey[];
  /** Refuses filters naming what is not in the workspace (a DomainError), before any byte is sent. */
  check(deps: ApiDeps, workspaceId: string, filters: Record<string, unknown>): Promise<void>;
  page(sql: Queryable, workspaceId: string, filters: Record<string, unknown>, cursor: string | undefined, limit: number): Promise<Page>;
}

const stepFilters = stepCustomersInput.omit({ cursor: true, limit: true });
const customerFilters = customerRunsInput.omit({ cursor: true, limit: true });

const stepCustomersExport: RunListExport = {
  procedure: 'journeys.stepCustomers',
  filename: 'step-customers',
  filters: stepFilters,
  header: ['csv.customerId', 'csv.email', 'csv.name', 'csv.status', 'csv.version', 'csv.enteredAt', 'csv.since',
    'csv.dueAt', 'csv.passedAt', 'csv.lastError', 'csv.exitReason', 'csv.runId'],
  check: (deps, workspaceId, f) => assertJourneyInWorkspace(deps, workspaceId, (f as z.output<typeof stepFilters>).journeyId),
  async page(sql, workspaceId, f, cursor, limit) {
    const { rows, nextCursor } = await stepCustomers(sql, workspaceId, { ...(f as z.output<typeof stepFilters>), cursor, limit });
    return {
      nextCursor,
      rows: rows.map((r) => [r.customerId, r.email, r.name, r.status, r.version, r.enteredAt, r.since, r.dueAt, r.passedAt,
        r.lastError, r.exitReason, r.runId]),
    };
  },
};

const customerRunsExport: RunListExport = {
  procedure: 'journeys.customerRuns',
  filename: 'customer-journeys',
  filters: customerFilters,
  header: ['csv.journey', 'csv.journeyId', 'csv.version', 'csv.status', 'csv.step', 'csv.stepType', 'csv.enteredAt',
    'csv.endedAt', 'csv.dueAt', 'csv.exitReason', 'csv.runId'],
  // A customer id names no row to check: an unknown one lists nothing, as the procedure does.
  check: async () => {},
  async page(sql, workspaceId, f, cursor, limit) {
    const { rows, nextCursor } = await customerRuns(sql, workspaceId, { ...(f as z.output<typeof customerFilters>), cursor, limit });
    return {
      nextCursor,
      rows: rows.map((r) => [r.journeyName, r.journeyId, r.version, r.status, r.nodeId, r.nodeType, r.enteredAt, r.endedAt,
        r.dueAt, r.exitReason, r.runId]),
    };
  },
};

/** By the path after /exports/ (without .csv). */
export const runListExports: Record<string, RunListExport> = {
  'step-customers': stepCustomersExport,
  'customer-journeys': customerRunsExport,
};
