// Exit in the shops' languages.
import { translated, type Summaries } from '../../shared/translate';
import type { ExitConfig } from './definition';

export const translations = translated({
  'sr-Cyrl': {
    label: 'Излаз',
    description: 'Завршава ток за купца.',
    fields: { reason: { label: 'Ознака излаза' } },
    messages: { 'Name the exit, it labels the analytics': 'Именујте излаз, под тим именом се види у аналитици' },
  },
  sl: {
    label: 'Izhod',
    description: 'Konča potek za kupca.',
    fields: { reason: { label: 'Oznaka izhoda' } },
    messages: { 'Name the exit, it labels the analytics': 'Poimenujte izhod, s tem imenom je prikazan v analitiki' },
  },
  ru: {
    label: 'Выход',
    description: 'Завершает сценарий для покупателя.',
    fields: { reason: { label: 'Метка выхода' } },
    messages: { 'Name the exit, it labels the analytics': 'Назовите выход: под этим именем он виден в аналитике' },
  },
});

export const summaries: Summaries<ExitConfig> = {
  en: (c, say) => `Exit: ${say.quote(c.reason)}`,
  sr: (c, say) => `Излаз: ${say.quote(c.reason)}`,
  sl: (c, say) => `Izhod: ${say.quote(c.reason)}`,
  ru: (c, say) => `Выход: ${say.quote(c.reason)}`,
};
