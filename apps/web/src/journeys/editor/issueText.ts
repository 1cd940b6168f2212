// Graph problems in the user's language: journey-core gives each a stable code and the values it
// names, the words are the `editor` catalogue's (`issue.<code>`). A code the catalogue does not
// word (a node type's own config and publish checks) shows the type's message as it came.
import type { GraphIssue } from '@afterglow/journey-core';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../ui/locale';
import { typeLabel } from './registry';

export function useIssueText(): (issue: GraphIssue) => string {
  const { t, i18n } = useTranslation('editor');
  const locale = useLocale();
  return useCallback((issue: GraphIssue) => {
    const key = `issue.${issue.code}`;
    if (!i18n.exists(key, { ns: 'editor' })) return issue.message;
    const type = issue.params?.type;
    return t(key, { ...issue.params, label: typeof type === 'string' ? typeLabel(type, locale) : undefined });
  }, [t, i18n, locale]);
}
