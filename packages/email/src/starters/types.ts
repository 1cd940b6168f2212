/** A ready-made template a shop starts from: seeded into the demo, offered by "New from starter". */
export interface StarterTemplate {
  /** Stable id, stored on templates made from it. */
  key: string;
  name: string;
  description: string;
  kind: 'marketing' | 'transactional';
  subject: string;
  preheader: string;
  /** A complete MJML document with Liquid merge fields. */
  body: string;
}
