// The message field's editor: a textarea that counts, as the marketer types, what the SMS will
// cost: characters used of what the SMS count allows, the number of SMS and the encoding. With
// the "Latin" alphabet chosen (a sibling field) it counts the converted text and shows it. Plain
// React.createElement, no JSX: the package builds with tsc alone. Its classes are ones the web
// app already uses, so its stylesheet has them. Its return type is the SDK's (WidgetComponent), so
// the published declarations name no React type: a server loading the plugin needs react (a peer),
// not @types/react.
import type { WidgetComponent, WidgetProps } from '@afterglow/node-sdk';
import { createElement as h } from 'react';
import { countSegments, type SegmentCount } from '../sms/segments.js';
import { toGsm7Latin } from '../sms/transliterate.js';

const INPUT = 'block w-full rounded-lg border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-200 placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-violet-500 outline-none resize-y';
const INVALID = 'ring-rose-300 bg-rose-50/40';

/** "84/160 · 1 SMS · GSM-7": units used of what the SMS count holds, numbers the same in every language. */
export function counterText(count: SegmentCount): string {
  const capacity = Math.max(count.segments, 1) * count.perSegment;
  return `${count.units}/${capacity} · ${count.segments} SMS · ${count.encoding}`;
}

export function MessageWidget(props: WidgetProps): ReturnType<WidgetComponent> {
  const text = typeof props.value === 'string' ? props.value : '';
  const latin = props.config.alphabet === 'latin';
  const sent = latin ? toGsm7Latin(text) : text;
  const count = countSegments(sent);
  const counterId = `${props.id}-sms-count`;
  return h('div', null,
    h('textarea', {
      id: props.id, rows: 5, value: text, placeholder: props.meta.placeholder, disabled: props.disabled,
      'aria-invalid': props.invalid, 'aria-describedby': counterId, className: `${INPUT} ${props.invalid ? INVALID : ''}`,
      onChange: (e: { target: { value: string } }) => props.onChange(e.target.value),
    }),
    h('p', { id: counterId, 'aria-live': 'polite', 'data-testid': 'sms-count',
      className: `mt-1 text-xs tabular-nums ${count.encoding === 'UCS-2' ? 'text-amber-700' : 'text-slate-500'}` }, counterText(count)),
    latin && sent !== text ? h('p', { className: 'mt-1 text-xs text-slate-500', 'data-testid': 'sms-sent-as' }, `→ ${sent}`) : null,
  );
}
