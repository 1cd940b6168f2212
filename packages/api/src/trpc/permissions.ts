// THE permission table: every tRPC procedure, by path, with the roles allowed to call it and
// whether a successful call is written to the audit log. The base procedure looks each call
// up here, so a procedure missing from the table answers 403 to everyone, and a test walks the
// router and fails for any procedure without an entry (tests/permissions.test.ts).
import type { Role } from '../auth/roles';

export interface Permission {
  /** Who may call it; 'public' needs no session (signing in, first-run set-up). */
  roles: readonly Role[] | 'public';
  /** Audit-log every successful call (the path is the action; see audit/record.ts). */
  audit?: boolean;
}

const everyone: readonly Role[] = ['owner', 'admin', 'marketer', 'manager', 'developer', 'viewer'];
/** Journeys, segments, templates, publishing. */
const marketing: readonly Role[] = ['owner', 'admin', 'marketer'];
/** Users, sending limits (send rate, test recipients), suppressions, customer erasure. */
const administration: readonly Role[] = ['owner', 'admin'];
/** Ingestion keys, Shopify and other integrations. */
const integration: readonly Role[] = ['owner', 'admin', 'developer'];
/** Exports of customer data and the audit log. */
const oversight: readonly Role[] = ['owner', 'admin', 'manager'];
/** The programmes' results (the Loyalty page): managers read analytics; marketers run the programme. */
const results: readonly Role[] = ['owner', 'admin', 'marketer', 'manager'];

const read = (roles = everyone): Permission => ({ roles });
const change = (roles: readonly Role[]): Permission => ({ roles, audit: true });
/** Changes too frequent to audit one by one (autosave), or without lasting effect. */
const edit = (roles: readonly Role[]): Permission => ({ roles });

export const permissions: Record<string, Permission> = {
  'auth.login': { roles: 'public' },
  'auth.me': { roles: 'public' },
  'auth.logout': read(),
  'auth.logoutEverywhere': change(everyone),
  'auth.setLocale': edit(everyone),
  'setup.status': { roles: 'public' },
  'setup.createOwner': { roles: 'public' },

  'dashboard.get': read(results),
  'dashboard.digest': read(['owner', 'admin', 'manager']),
  'dashboard.setDigest': edit(['owner', 'admin', 'manager']),

  'journeys.list': read(),
  'journeys.get': read(),
  'journeys.stats': read(),
  'journeys.waitingAtRemoved': read(),
  'journeys.report': read(results),
  'journeys.create': change(marketing),
  'journeys.saveDraft': edit(marketing),
  'journeys.saveSettings': change(marketing),
  'journeys.publish': change(marketing),
  'journeys.setStatus': change(marketing),
  'journeys.retryFailed': change(marketing),
  'journeys.exportFile': read(),
  'journeys.importFile': change(marketing),
  'journeys.gallery': read(),
  'journeys.useGalleryTemplate': change(marketing),
  'journeys.runCounts': read(),
  'journeys.versions': read(),
  'journeys.diffVersions': read(),
  'journeys.duplicate': change(marketing),
  'journeys.setArchived': change(marketing),
  'journeys.delete': change(marketing),
  'journeys.revertDraft': change(marketing),
  // Republishes the journey: marketers (managers read the result, never change a journey).
  'journeys.makeWinner': change(marketing),
  // Simulations act on nothing (docs/simulation.md): marketers run them, managers read them.
  'simulations.start': edit(marketing),
  'simulations.cancel': edit(marketing),
  'simulations.get': read(results),
  'simulations.list': read(results),
  'simulations.followCustomer': read(results),
  // Who is where and what each run did: customers' data, for those who run or review journeys.
  'journeys.stepCustomers': read(results),
  'journeys.runTimeline': read(results),
  'journeys.customerRuns': read(results),

  'segments.list': read(),
  'segments.page': read(),
  'segments.get': read(),
  'segments.preview': read(),
  'segments.vocabulary': read(),
  'segments.save': change(marketing),

  'templates.list': read(),
  'templates.page': read(),
  'templates.starters': read(),
  'templates.get': read(),
  'templates.versions': read(),
  'templates.previewCustomers': read(),
  'templates.preview': read(),
  'templates.testRecipients': read(marketing),
  'templates.create': change(marketing),
  'templates.save': change(marketing),
  'templates.sendTest': change(marketing),
  'templates.sender': read(),
  'templates.saveSender': change(marketing),
  // Saved blocks and images: what marketers build templates from (the image's bytes are not logged).
  'emailBlocks.list': read(),
  'emailBlocks.save': change(marketing),
  'emailBlocks.remove': change(marketing),
  'emailImages.list': read(),
  'emailImages.upload': change(marketing),

  'customers.list': read(),
  'customers.get': read(),
  'customers.replenishment': read(),
  'customers.referrals': read(),
  'customers.setLocale': change(marketing),
  'customers.export': change(oversight),
  'customers.erase': change(administration),

  'reviews.list': read(),
  'reviews.summary': read(),
  'reviews.setStatus': change(marketing),
  'reviews.reply': change(marketing),
  'reviews.import': change(marketing),

  'events.names': read(),
  'events.catalog': read(),
  'outbox.list': read(),
  'outbox.page': read(),
  'outbox.get': read(),
  'outbox.queue': read(),

  'shop.get': read(),
  'shop.save': change(marketing),
  'shop.buyingCycles': read(),
  'shop.saveBuyingCycles': change(marketing),
  'sending.get': read(),
  'sending.save': change(marketing),
  'bounces.settings': read(),
  'bounces.saveSettings': change(administration),
  'sender.settings': read(),
  'sender.saveSettings': change(administration),
  'checkouts.settings': read(),
  'checkouts.saveSettings': change(marketing),
  'loyalty.settings': read(),
  'loyalty.saveSettings': change(marketing),
  /** Staff redeem a reward for a customer (the customer page): managers give the best customers special service. */
  'loyalty.redeem': change(['owner', 'admin', 'marketer', 'manager']),
  'referrals.settings': read(),
  'referrals.stats': read(),
  'referrals.saveSettings': change(marketing),
  'loyalty.analytics': read(results),
  'settings.sendingLimits.save': change(administration),

  'compliance.overview': read(),
  'compliance.templateStats': read(),
  'compliance.unsuppress': change(administration),

  'settings.ingestKeys.list': read(integration),
  'settings.ingestKeys.create': change(integration),
  'settings.ingestKeys.revoke': change(integration),
  'settings.shopify.get': read(integration),
  'settings.shopify.topics': read(integration),
  'settings.shopify.set': change(integration),
  'settings.shopify.remove': change(integration),
  'settings.relays.get': read(integration),
  'settings.relays.set': change(integration),
  'settings.relays.remove': change(integration),
  'integrations.list': read(integration),
  'integrations.save': change(administration),

  'users.list': read(administration),
  'users.invite': change(administration),
  'users.resendInvitation': change(administration),
  'users.revokeInvitation': change(administration),
  'users.changeRole': change(administration),
  'users.remove': change(administration),
  'invitations.lookup': { roles: 'public' },
  'invitations.accept': { roles: 'public' },

  'approvals.settings': read(),
  'approvals.saveSettings': change(administration),
  'approvals.list': read(),
  'approvals.get': read(),
  'approvals.request': change(marketing),
  'approvals.decide': change(['owner', 'admin', 'manager']),
  'approvals.withdraw': change(marketing),

  'audit.list': read(oversight),
  'audit.settings': read(oversight),
  'audit.saveSettings': change(administration),
};

/** The entry for a procedure path, or undefined when the table does not list it. */
export const permissionFor = (path: string): Permission | undefined =>
  Object.hasOwn(permissions, path) ? permissions[path] : undefined;

export function mayCall(role: Role, path: string): boolean {
  const entry = permissionFor(path);
  return !!entry && (entry.roles === 'public' || entry.roles.includes(role));
}

/** The paths a role may call: the web app hides what the user cannot do. */
export const callableBy = (role: Role): string[] => Object.keys(permissions).filter((path) => mayCall(role, path));
