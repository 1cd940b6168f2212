// What an admin fills in under Settings > Integrations for the Twilio SMS gateway. Any gateway
// speaking Twilio's Messages API works: the base URL is Twilio's unless it is changed.
import { z } from 'zod';

export const TWILIO_BASE_URL = 'https://api.twilio.com';

/** A Messaging Service's SID (Twilio picks the sender from its pool). */
export const MESSAGING_SERVICE_SID = /^MG[0-9a-fA-F]{32}$/;

const sender = z.string().trim().refine(
  (s) => /^\+[1-9]\d{7,14}$/.test(s) || MESSAGING_SERVICE_SID.test(s) || /^(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}$/.test(s),
  'A phone number in international format (+381...), a Messaging Service SID (MG...) or a sender name of up to 11 letters and digits',
);

export const twilioSettings = z.object({
  baseUrl: z.url({ protocol: /^https?$/, message: 'A URL such as https://api.twilio.com' }).default(TWILIO_BASE_URL).meta({
    label: 'API base URL', help: 'Twilio\'s, unless you use another gateway speaking the same API', secretTarget: true,
  }),
  accountSid: z.string().trim().regex(/^AC[0-9a-fA-F]{32}$/, 'The Account SID: AC and 32 hexadecimal characters (Twilio Console > Account info)')
    .meta({ label: 'Account SID', placeholder: 'AC…' }),
  authToken: z.string().trim().min(1, 'The Auth Token from Twilio Console > Account info').max(200)
    .meta({ label: 'Auth Token', widget: 'secret', help: 'Also checks that status and inbound callbacks come from Twilio' }),
  from: sender.meta({
    label: 'Send from',
    help: 'Your Twilio number (+381...), a Messaging Service SID (MG...) or an alphanumeric sender name where the country allows one',
  }),
});

export type TwilioSettings = z.output<typeof twilioSettings>;
