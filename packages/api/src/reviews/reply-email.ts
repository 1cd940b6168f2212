// The email that carries the shop's reply to the customer who wrote a review: in the customer's
// language (else the shop's), from the shop's name, quoting the product, their review and the
// reply. Every value is escaped by queueTeamEmail; nothing in it is tracked.
import type { Queryable } from '@afterglow/db';
import { negotiateLocale } from '@afterglow/i18n';
import { say, text, type MessageKey, type MessageValues } from '../i18n/catalogue';
import { queueTeamEmail } from '../team/team-mail';

/** The address of the engine's default sender; the shop's name goes in front of it. */
const SHOP_ADDRESS = 'shop@afterglow.local';

interface ReplyMail {
  to: string; customerId: string | null; customerLocale: string | null; shopLocale: string | null;
  shop: string; firstName: string | null; product: string; rating: number; text: string; reply: string;
}

export const senderFor = (shop: string) => `"${shop.replace(/["\\\r\n]/g, '').trim() || 'Shop'}" <${SHOP_ADDRESS}>`;

export async function queueReplyEmail(tx: Queryable, workspaceId: string, reviewId: string, now: Date) {
  const [m] = await tx<ReplyMail[]>`
    select coalesce(c.email, r.author_email) as to, r.customer_id as "customerId", c.locale as "customerLocale",
      w.settings->'shop'->>'locale' as "shopLocale", coalesce(nullif(w.settings->'shop'->>'name', ''), w.name) as shop,
      coalesce(nullif(c.first_name, ''), nullif(r.author_name, '')) as "firstName",
      coalesce(p.name, (select i.name from order_items i where i.workspace_id = r.workspace_id and i.order_id = r.order_id
        and i.product_id = r.product_id limit 1), r.product_id) as product,
      r.rating, r.text, r.reply
    from reviews r
    join workspaces w on w.id = r.workspace_id
    left join customers c on c.workspace_id = r.workspace_id and c.id = r.customer_id
    left join products p on p.workspace_id = r.workspace_id and p.id = r.product_id
    where r.workspace_id = ${workspaceId} and r.id = ${reviewId}`;
  const locale = negotiateLocale([m.customerLocale, m.shopLocale].filter((tag): tag is string => Boolean(tag)));
  const line = (key: MessageKey, values?: MessageValues) => say(text(key, values), locale);
  const paragraphs = [
    m.firstName ? line('reviewReply.greetingNamed', { name: m.firstName }) : line('reviewReply.greeting'),
    line('reviewReply.intro', { product: m.product, shop: m.shop }),
    line('reviewReply.yourReview', { rating: m.rating }),
    ...(m.text ? [`“${m.text}”`] : []),
    line('reviewReply.ourReply'),
    m.reply,
    line('reviewReply.signature', { shop: m.shop }),
  ];
  return queueTeamEmail(tx, {
    workspaceId, to: m.to, now, from: senderFor(m.shop), customerId: m.customerId ?? '', locale, keyPrefix: 'review-reply',
    subject: line('reviewReply.subject', { product: m.product, shop: m.shop }), paragraphs,
  });
}
