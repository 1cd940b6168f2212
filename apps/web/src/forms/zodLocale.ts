// zod's own messages (a check given no message, e.g. `.max(200)`) in the user's language:
// configIssues leaves them to zod's configured locale. The wording is @afterglow/i18n's, the
// API's too, so a form and the server say the same; the language is the app's when the issue is
// raised, so every parse in the browser speaks it. Imported by the form for this effect.
import { negotiateLocale } from '@afterglow/i18n';
import { speakZodIn } from '@afterglow/i18n/zod-messages';
import { i18n } from '../i18n';

speakZodIn(() => negotiateLocale(i18n.language));
