// The gallery's emails: the starter templates (every language) as a file carries them, and the
// few emails the playbook needs that no starter covers (an apology, the week's offers, ...),
// written here in every language on one simple layout.
import { starterTemplate } from '@afterglow/email';
import type { FileTemplate } from '@afterglow/journey-core';
import { EMAIL_TEXTS, type EmailKey, type EmailText } from './email-texts';

/** A starter template (STARTER_TEMPLATES of @afterglow/email) as a file carries it, under its key as ref. */
export function starterFile(key: string): FileTemplate {
  const s = starterTemplate(key);
  if (!s) throw new Error(`No starter template ${key}`);
  return { ref: key, name: s.name, description: s.description, kind: s.kind, subject: s.subject, preheader: s.preheader, body: s.body, language: 'en', variants: s.variants };
}

const BRAND = '#7c3aed';

function body(t: EmailText, lang: string, withCoupon: boolean): string {
  const coupon = withCoupon ? `
        <mj-text align="center" font-size="13px" color="#71717a">{{ coupon.description }}</mj-text>
        <mj-text align="center" font-size="26px" font-weight="bold" letter-spacing="3px" color="${BRAND}">{{ coupon.code }}</mj-text>` : '';
  return `<mjml lang="${lang}">
  <mj-head><mj-title>${t.subject}</mj-title><mj-attributes><mj-all font-family="Helvetica, Arial, sans-serif" /><mj-text font-size="15px" line-height="22px" color="#27272a" /><mj-button background-color="${BRAND}" border-radius="6px" /></mj-attributes></mj-head>
  <mj-body background-color="#f4f4f5">
    <mj-section background-color="#ffffff" padding="24px">
      <mj-column>
        <mj-text font-size="24px" font-weight="bold" line-height="30px">${t.heading}</mj-text>
        <mj-text>${t.intro}</mj-text>${coupon}
        <mj-button href="{{ shop.url }}">${t.button}</mj-button>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;
}

/** One of the gallery's own emails, in every language. */
export function galleryEmail(key: EmailKey, kind: 'marketing' | 'transactional', withCoupon: boolean): FileTemplate {
  const [en, sr, sl, ru] = (['en', 'sr', 'sl', 'ru'] as const).map((lang) => {
    const t = EMAIL_TEXTS[lang][key];
    return { name: t.name, text: { subject: t.subject, preheader: t.preheader, body: body(t, lang, withCoupon) } };
  });
  return { ref: key, name: en.name, description: '', kind, ...en.text, language: 'en', variants: { sr: sr.text, sl: sl.text, ru: ru.text } };
}
