// A node type's UI text in other languages. English lives in the definition itself (ui.label,
// .meta() labels, counter labels); `translations` adds any other locale, partially if need be:
// what a locale lacks falls back to its language ('sr' for 'sr-Latn'), then to English.
import type { FieldMeta } from './meta.js';
import { OWN_TEXT } from './own-text.js';
import type { CounterSpec, NodeTypeDefinition } from './types.js';

export interface FieldText {
  label?: string;
  help?: string;
  placeholder?: string;
  /** Labels of a select's options, by option value. */
  options?: Record<string, string>;
}

export interface NodeText {
  label?: string;
  description?: string;
  /** Branch labels by branch id. */
  branches?: Record<string, string>;
  /** Counter labels by counter id. */
  counters?: Record<string, string>;
  /** Field texts by dotted config path ('message', 'filters.value'). */
  fields?: Record<string, FieldText>;
  /**
   * Validation messages by their English text: a schema's (`.min(1, 'Write the message')`, a
   * refinement's) as `configIssues` reports them. `{name}` in a key stands for any text and is
   * carried over to the same `{name}` in the translation:
   * `{ '{header} is set twice': '{header} je naveden dvaput' }`.
   */
  messages?: Record<string, string>;
}

/** The translations to consult for `locale`, most specific first ('sr-Latn-RS', 'sr-Latn', 'sr'). */
function chain(def: Pick<NodeTypeDefinition, 'translations'>, locale: string | undefined): NodeText[] {
  if (!locale || !def.translations) return [];
  const parts = locale.split('-');
  const out: NodeText[] = [];
  for (let n = parts.length; n > 0; n--) {
    const text = def.translations[parts.slice(0, n).join('-')];
    if (text) out.push(text);
  }
  return out;
}

export interface LocalizedNodeText {
  label: string;
  description: string;
  branch(id: string, fallback: string): string;
  counter(counter: CounterSpec): string;
  field(path: string, meta: FieldMeta): FieldMeta;
  /** A validation message (English, as the schema says it) in the locale; as it is when untranslated. */
  message(english: string): string;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `english` translated by `table`: an exact key, else the first key whose `{name}` parts fit. */
function translateMessage(table: Readonly<Record<string, string>> | undefined, english: string): string | undefined {
  if (!table) return undefined;
  if (Object.hasOwn(table, english)) return table[english];
  for (const [key, translation] of Object.entries(table)) {
    if (!key.includes('{')) continue;
    const names: string[] = [];
    const pattern = key.split(/(\{\w+\})/).map((part) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      if (!name) return escapeRegExp(part);
      names.push(name);
      return '(.+?)';
    }).join('');
    const found = new RegExp(`^${pattern}$`).exec(english);
    if (found) return translation.replace(/\{(\w+)\}/g, (all, name: string) => (names.includes(name) ? found[names.indexOf(name) + 1] : all));
  }
  return undefined;
}

function pickFrom<T>(texts: NodeText[], get: (t: NodeText) => T | undefined, fallback: T): T {
  for (const t of texts) {
    const v = get(t);
    if (v !== undefined) return v;
  }
  return fallback;
}

/** A node type's UI text in `locale`, English where no translation says otherwise. */
export function localizeNode(def: NodeTypeDefinition, locale?: string): LocalizedNodeText {
  const texts = chain(def, locale);
  const own = chain({ translations: OWN_TEXT }, locale);
  const pick = <T>(get: (t: NodeText) => T | undefined, fallback: T): T => pickFrom(texts, get, fallback);
  return {
    label: pick((t) => t.label, def.ui.label),
    description: pick((t) => t.description, def.ui.description),
    branch: (id, fallback) => pick((t) => t.branches?.[id], fallback),
    counter: (c) => pick((t) => t.counters?.[c.id], c.label),
    field(path, meta) {
      const options = meta.options?.map((o) => ({ ...o, label: pick((t) => t.fields?.[path]?.options?.[String(o.value)], o.label) }));
      return {
        ...meta,
        label: pick((t) => t.fields?.[path]?.label, meta.label),
        help: pick((t) => t.fields?.[path]?.help, meta.help),
        placeholder: pick((t) => t.fields?.[path]?.placeholder, meta.placeholder),
        ...(options ? { options } : {}),
      };
    },
    // The node's own translations first, then the SDK's for its ready-made fields.
    message: (english) => pick((t) => translateMessage(t.messages, english), pickFrom(own, (t) => translateMessage(t.messages, english), english)),
  };
}
