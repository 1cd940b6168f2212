import { approvalsRouter } from './approvals';
import { auditRouter } from './audit';
import { authRouter } from './auth';
import { bouncesRouter } from './bounces';
import { senderRouter } from './sender';
import { checkoutsRouter } from './checkouts';
import { referralsRouter } from './referrals';
import { complianceRouter } from './compliance';
import { customersRouter } from './customers';
import { dashboardRouter } from './dashboard';
import { emailBlocksRouter, emailImagesRouter } from './email-content';
import { eventsRouter } from './events';
import { router } from './init';
import { integrationsRouter } from './integrations';
import { journeysRouter } from './journeys';
import { loyaltyRouter } from './loyalty';
import { outboxRouter } from './outbox';
import { reviewsRouter } from './reviews';
import { segmentsRouter } from './segments';
import { sendingRouter } from './sending';
import { settingsRouter } from './settings';
import { setupRouter } from './setup';
import { shopRouter } from './shop';
import { simulationsRouter } from './simulations';
import { templatesRouter } from './templates';
import { invitationsRouter, usersRouter } from './users';

export const appRouter = router({
  auth: authRouter,
  setup: setupRouter,
  dashboard: dashboardRouter,
  journeys: journeysRouter,
  simulations: simulationsRouter,
  segments: segmentsRouter,
  sending: sendingRouter,
  shop: shopRouter,
  bounces: bouncesRouter,
  sender: senderRouter,
  checkouts: checkoutsRouter,
  loyalty: loyaltyRouter,
  referrals: referralsRouter,
  customers: customersRouter,
  outbox: outboxRouter,
  reviews: reviewsRouter,
  events: eventsRouter,
  settings: settingsRouter,
  integrations: integrationsRouter,
  templates: templatesRouter,
  emailBlocks: emailBlocksRouter,
  emailImages: emailImagesRouter,
  compliance: complianceRouter,
  audit: auditRouter,
  users: usersRouter,
  invitations: invitationsRouter,
  approvals: approvalsRouter,
});

/** The web app imports only this type. */
export type AppRouter = typeof appRouter;
