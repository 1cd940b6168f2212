// The staff alert as an email: who the customer is (with a link to their page in the app), the
// order, and what the trigger event carried (a review's text and rating). Every value from the
// customer or the event is HTML-escaped and kept off the subject's line breaks: a review's text
// is the customer's own words, and must reach the team as text, never as markup or headers.
import { formatDateTime, type Locale } from '@afterglow/i18n';
import type { CustomerSnapshot, JourneyEvent, StaffAlertMessage } from '@afterglow/node-sdk';
import { wordingFor } from './wording';

/** At most this many of the event's properties, each value at most this long. */
const MAX_PROPERTIES = 50;
const MAX_VALUE = 500;

export interface AlertInput {
  customer: CustomerSnapshot;
  trigger: JourneyEvent | null;
  note: string;
  locale: string;
  customerUrl: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const oneLine = (s: string) => s.replace(/[\r\n\t]+/g, ' ').trim();
const clip = (s: string) => (s.length > MAX_VALUE ? `${s.slice(0, MAX_VALUE - 1)}…` : s);

function show(value: unknown): string {
  if (value === null || value === undefined) return '';
  return clip(typeof value === 'object' ? JSON.stringify(value) : String(value));
}

function orderOf(properties: Record<string, unknown>): { id: string; total: string } | null {
  const id = show(properties.order_id ?? properties.orderId);
  if (!id) return null;
  const total = properties.total ?? properties.revenue ?? properties.value;
  const currency = typeof properties.currency === 'string' ? properties.currency.toUpperCase() : '';
  return { id, total: total === undefined ? '' : `${show(total)}${/^[A-Z]{3}$/.test(currency) ? ` ${currency}` : ''}` };
}

/** The event's time in UTC (the team may sit anywhere); none when the stored time does not parse. */
function when(locale: Locale, at: Date | string): string | null {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? null : `${formatDateTime(locale, date, 'UTC')} UTC`;
}

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');

export function composeAlert(input: AlertInput): StaffAlertMessage {
  const { customer, trigger, note } = input;
  const { locale, words } = wordingFor(input.locale);
  const name = [customer.firstName, customer.lastName].filter(Boolean).join(' ') || customer.email || customer.id;
  const properties = trigger?.properties ?? {};
  const order = orderOf(properties);
  const at = trigger ? when(locale, trigger.timestamp) : null;
  const rows: [string, string][] = [
    [words.customer, name],
    [words.email, customer.email ?? words.noEmail],
    ...(order ? [[words.order, order.id] as [string, string]] : []),
    ...(order?.total ? [[words.total, order.total] as [string, string]] : []),
    ...(trigger ? [[words.event, trigger.name] as [string, string]] : []),
    ...(at ? [[words.at, at] as [string, string]] : []),
  ];
  const details = Object.entries(properties).slice(0, MAX_PROPERTIES).map(([k, v]): [string, string] => [k, show(v)]);
  const subject = oneLine(trigger ? fill(words.subject, { event: trigger.name, customer: name }) : fill(words.subjectNoEvent, { customer: name }));

  const table = (pairs: [string, string][]) => `<table cellpadding="4" style="border-collapse:collapse">${pairs
    .map(([k, v]) => `<tr><th align="left" valign="top">${escapeHtml(k)}</th><td style="white-space:pre-wrap">${escapeHtml(v)}</td></tr>`).join('')}</table>`;
  const html = [
    `<!doctype html><html lang="${locale}"><body style="font-family:sans-serif">`,
    `<h2>${escapeHtml(words.heading)}</h2>`,
    note ? `<p><strong>${escapeHtml(words.note)}:</strong> ${escapeHtml(note)}</p>` : '',
    table(rows),
    `<p><a href="${escapeHtml(input.customerUrl)}">${escapeHtml(words.openCustomer)}</a></p>`,
    trigger ? `<h3>${escapeHtml(words.details)}</h3>${details.length ? table(details) : `<p>${escapeHtml(words.noDetails)}</p>`}` : '',
    `<p style="color:#666;font-size:12px">${escapeHtml(words.footer)}</p></body></html>`,
  ].join('');
  const text = [
    words.heading, '',
    ...(note ? [`${words.note}: ${note}`, ''] : []),
    ...rows.map(([k, v]) => `${k}: ${v}`),
    `${words.openCustomer}: ${input.customerUrl}`,
    ...(trigger ? ['', `${words.details}:`, ...(details.length ? details.map(([k, v]) => `  ${k}: ${v}`) : [`  ${words.noDetails}`])] : []),
    '', words.footer,
  ].join('\n');
  return { subject, html, text };
}
