// The API's languages: its own messages by key (catalogue.ts), zod's in the caller's language
// (zod-messages.ts), the schemas' own by their English text (schema-messages.ts), and which
// language a request is answered in (request-locale.ts).
export { say, text, type MessageKey, type Text } from './catalogue';
export { currentLocale, requestLocale, withLocale } from './request-locale';
export { schemaMessage } from './schema-messages';
export { speakZodInCallersLanguage } from './zod-messages';
