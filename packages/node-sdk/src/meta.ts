// Typed form hints. `.meta()` on a config field tells the web app how to edit it; the keys
// below are checked by TypeScript wherever the SDK is imported (zod's GlobalMeta is merged),
// so `widget: 'datetme'` is a compile error, not a silent text box.

/** Widgets every Afterglow web app has. */
export type BuiltInWidget =
  | 'text' | 'textarea' | 'number' | 'checkbox' | 'select'
  /** An ISO date-time string, edited in the workspace's time zone. */
  | 'datetime'
  /** `{ amount, unit }` (see `durationSchema`). */
  | 'duration'
  /** A saved segment's id. */
  | 'segment'
  /** A saved email template's id. */
  | 'email-template'
  /** An event name, offered from the events the workspace has received. */
  | 'event-name'
  /** A property key of an event (see `eventField`), offered from the keys that event was received with. */
  | 'event-property'
  /** `{ key, value }[]` (see `keyValueSchema`). */
  | 'key-value'
  /** Source code; `language` picks the highlighting. */
  | 'code' | 'json' | 'mjml'
  /** Sealed at rest, hidden from users who cannot edit journeys, opened only when the step runs. */
  | 'secret'
  /** An array of objects, one sub-form per item. */
  | 'list'
  /**
   * A list item's own id (see `itemIdSchema`): generated when the item is added, never shown, kept
   * through renames and reorders, so what hangs on the item (a branch, its connection) follows it.
   */
  | 'item-id';

/** A plugin's own widget: `<plugin id>/<name>`, registered in the plugin's `widgets`. */
export type PluginWidget = `${string}/${string}`;

export type WidgetName = BuiltInWidget | PluginWidget;

export interface FieldOption {
  value: string | number | boolean;
  label: string;
}

type Scalar = string | number | boolean;

export interface FieldMeta {
  label?: string;
  help?: string;
  placeholder?: string;
  widget?: WidgetName;
  /** Choices of a `select` (an enum's values are offered as they are when this is absent). */
  options?: FieldOption[];
  /** Shown only while each named sibling field holds the value (or one of the values). */
  showIf?: Record<string, Scalar | readonly Scalar[]>;
  /** Shown after the input: "points", "%", "SMS". */
  unit?: string;
  /**
   * For `event-property`: the field at the config's root that names the event; absent, the
   * event that started the journey (its trigger's).
   */
  eventField?: string;
  /** For `code`: the language to highlight. */
  language?: 'json' | 'liquid' | 'html' | 'mjml' | 'text';
  /**
   * The field that says where the node's secrets are sent (a URL): a stored secret is kept
   * across a save only while that field's origin stays the same.
   */
  secretTarget?: boolean;
}

declare module 'zod' {
  // Merged into zod's own GlobalMeta: every `.meta()` call is checked against FieldMeta.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds FieldMeta's keys
  interface GlobalMeta extends FieldMeta {}
}
