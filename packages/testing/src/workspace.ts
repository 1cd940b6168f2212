// The harness's workspace, made as a new installation makes one (the first-run page's
// setup.createOwner, then an ingestion key), and changed only through the tRPC procedures the
// web app calls, as that owner: a server-side caller, so no HTTP, but the same input schemas,
// permission table, domain errors and audit log.
import { appRouter, firstRunCode, type ApiDeps, type TrpcContext } from '@afterglow/api';
import type { CheckoutSettings, SendingLimits, SendingRules, ShopSettings } from '@afterglow/journey-core';

/** Every tRPC procedure, called as the workspace's owner: `api.segments.save(...)`. */
export type OwnerApi = ReturnType<typeof appRouter.createCaller>;

/** Workspace settings, as on the Settings page; what is left out keeps its current value. */
export interface WorkspaceSettingsInput extends Partial<SendingRules>, Partial<SendingLimits> {
  shop?: ShopSettings;
  /** When a checkout counts as abandoned. */
  checkouts?: CheckoutSettings;
}

export interface TestWorkspace {
  id: string;
  api: OwnerApi;
  /** A live ingestion key of the workspace (HTTP Basic username for /v1). */
  ingestKey: string;
}

export async function createWorkspace(deps: ApiDeps, name: string): Promise<TestWorkspace> {
  const res = { setHeader: () => res, getHeader: () => undefined } as unknown as TrpcContext['res'];
  const anonymous: TrpcContext = { deps, user: null, sessionToken: undefined, clientAddress: '127.0.0.1', res };
  const { can: _, ...owner } = await appRouter.createCaller(anonymous).setup.createOwner({
    name: 'Journey test', email: 'owner@journey-test.example', password: 'journey-test-password',
    workspaceName: name, setupCode: firstRunCode(deps.database.secrets),
  });
  const api = appRouter.createCaller({ ...anonymous, user: owner });
  const { key } = await api.settings.ingestKeys.create({ label: 'journey test' });
  return { id: owner.workspaceId, api, ingestKey: key };
}

/** Saves the settings given over the stored ones, each group through its own procedure. */
export async function saveWorkspaceSettings(api: OwnerApi, input: WorkspaceSettingsInput): Promise<void> {
  const { shop, checkouts, emailsPerMinute, testRecipients, ...rules } = input;
  const current = await api.sending.get();
  if (Object.keys(rules).length > 0) {
    const { frequencyCap, quietHours, countMachineOpens } = current;
    await api.sending.save({ frequencyCap, quietHours, countMachineOpens, ...rules });
  }
  if (emailsPerMinute !== undefined || testRecipients !== undefined) {
    await api.settings.sendingLimits.save({
      emailsPerMinute: emailsPerMinute ?? current.emailsPerMinute, testRecipients: testRecipients ?? current.testRecipients,
    });
  }
  if (shop) await api.shop.save(shop);
  if (checkouts) await api.checkouts.saveSettings(checkouts);
}
