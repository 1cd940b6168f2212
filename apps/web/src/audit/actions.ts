// Audit actions in words: the procedure path ('journeys.publish') or event ('auth.login.failed').
const names: Record<string, string> = {
  'auth.login': 'Signed in', 'auth.login.failed': 'Failed sign-in', 'setup.createOwner': 'Set up Afterglow', 'invitations.accept': 'Joined by invitation',
  'journeys.create': 'Created a journey', 'journeys.publish': 'Published a journey', 'journeys.setStatus': 'Paused or resumed a journey',
  'journeys.saveSettings': 'Changed journey settings', 'journeys.retryFailed': 'Retried failed runs',
  'approvals.request': 'Asked to publish', 'approvals.decide': 'Decided a publish request', 'approvals.withdraw': 'Withdrew a publish request',
  'approvals.saveSettings': 'Changed publish approval', 'users.invite': 'Invited a user', 'users.resendInvitation': 'Resent an invitation',
  'users.revokeInvitation': 'Revoked an invitation', 'users.changeRole': 'Changed a role', 'users.remove': 'Removed a user',
  'settings.ingestKeys.create': 'Created an ingestion key', 'settings.ingestKeys.revoke': 'Revoked an ingestion key',
  'settings.shopify.set': 'Connected Shopify', 'settings.shopify.remove': 'Disconnected Shopify',
  'sending.save': 'Changed sending limits', 'shop.save': 'Changed shop details', 'compliance.unsuppress': 'Lifted a suppression',
  'customers.export': 'Exported a customer’s data', 'customers.erase': 'Erased a customer', 'audit.saveSettings': 'Changed audit retention',
  'segments.save': 'Saved a segment', 'templates.create': 'Created a template', 'templates.save': 'Saved a template',
  'templates.sendTest': 'Sent a test email',
};

export const describeAction = (action: string) => names[action] ?? action;
