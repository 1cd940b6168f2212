// Node colour tokens (ColorToken in the node SDK) to Tailwind classes. Classes are spelled
// out in full so Tailwind's scanner finds them.
const tones = {
  violet: { bar: 'bg-violet-500', soft: 'bg-violet-50', text: 'text-violet-700', ring: 'ring-violet-300', icon: 'bg-violet-100 text-violet-700' },
  amber: { bar: 'bg-amber-500', soft: 'bg-amber-50', text: 'text-amber-700', ring: 'ring-amber-300', icon: 'bg-amber-100 text-amber-700' },
  sky: { bar: 'bg-sky-500', soft: 'bg-sky-50', text: 'text-sky-700', ring: 'ring-sky-300', icon: 'bg-sky-100 text-sky-700' },
  emerald: { bar: 'bg-emerald-500', soft: 'bg-emerald-50', text: 'text-emerald-700', ring: 'ring-emerald-300', icon: 'bg-emerald-100 text-emerald-700' },
  rose: { bar: 'bg-rose-500', soft: 'bg-rose-50', text: 'text-rose-700', ring: 'ring-rose-300', icon: 'bg-rose-100 text-rose-700' },
  slate: { bar: 'bg-slate-500', soft: 'bg-slate-50', text: 'text-slate-700', ring: 'ring-slate-300', icon: 'bg-slate-200 text-slate-700' },
  indigo: { bar: 'bg-indigo-500', soft: 'bg-indigo-50', text: 'text-indigo-700', ring: 'ring-indigo-300', icon: 'bg-indigo-100 text-indigo-700' },
};

export type Tone = (typeof tones)['violet'];
export const toneOf = (color: string): Tone => tones[color as keyof typeof tones] ?? tones.slate;
