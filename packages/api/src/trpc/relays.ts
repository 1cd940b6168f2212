// Settings, Relay webhooks: the credentials with which Amazon SES (its SNS topics), SendGrid,
// Postmark and Mailgun post bounces and complaints to /webhooks/bounces/<relay>. Who may,
// permissions.ts says; the work is in bounces/providers/settings.
import { z } from 'zod';
import { getRelaySettings, removeRelayCredential, RELAY_PROVIDERS, sendgridKey, setRelayCredential } from '../bounces/providers/index';
import { protectedProcedure, router } from './init';

const topicArn = z.string().trim()
  .regex(/^arn:aws(?:-cn|-us-gov)?:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}$/, 'topicArns must be SNS topic ARNs such as arn:aws:sns:us-east-1:123456789012:ses-bounces');

const credential = z.discriminatedUnion('provider', [
  z.object({ provider: z.literal('ses'), topicArns: z.array(topicArn).min(1, 'topicArns needs at least one topic').max(10, 'topicArns holds at most 10 topics') }),
  z.object({ provider: z.literal('sendgrid'), publicKey: z.string().trim().max(2_000, 'publicKey is at most 2,000 characters')
    .refine((key) => sendgridKey(key) !== null, 'publicKey must be the verification key SendGrid shows (base64 of an ECDSA public key)') }),
  z.object({ provider: z.literal('postmark'), password: z.string().trim().min(16, 'password must be at least 16 characters').max(200, 'password is at most 200 characters')
    .regex(/^[A-Za-z0-9._~-]+$/, 'password may hold only letters, digits and . _ ~ - (it goes in a URL)') }),
  z.object({ provider: z.literal('mailgun'), signingKey: z.string().trim().min(8, 'signingKey must be at least 8 characters').max(200, 'signingKey is at most 200 characters') }),
], { error: `provider must be one of ${RELAY_PROVIDERS.join(', ')}` });

export const relaysRouter = router({
  get: protectedProcedure.query(({ ctx }) => getRelaySettings(ctx.deps.database, ctx.user.workspaceId)),
  set: protectedProcedure.input(credential).mutation(async ({ ctx, input }) => {
    await setRelayCredential(ctx.deps.database, ctx.user.workspaceId, input, ctx.deps.clock.now());
    return getRelaySettings(ctx.deps.database, ctx.user.workspaceId);
  }),
  remove: protectedProcedure
    .input(z.object({ provider: z.enum(RELAY_PROVIDERS, { error: `provider must be one of ${RELAY_PROVIDERS.join(', ')}` }) }))
    .mutation(async ({ ctx, input }) => {
      await removeRelayCredential(ctx.deps.database, ctx.user.workspaceId, input.provider, ctx.deps.clock.now());
      return getRelaySettings(ctx.deps.database, ctx.user.workspaceId);
    }),
});
