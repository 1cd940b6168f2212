// Graph problems in the user's language: journey-core gives each a stable code and the values it
// names, the words are the `editor` catalogue's (`issue.<code>`). A code the catalogue does not
// word (a node type's own config and publish checks) shows the type's message as it came.
import { definitionOf, type GraphIssue, type JourneyGraph } from '@afterglow/journey-core';
import { localizeNode } from '@afterglow/node-sdk';
import type { i18n as I18n } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../ui/locale';
import { registry, typeLabel } from './registry';

export function wordIssue(i18n: I18n, issue: GraphIssue, locale: string): string {
  const key = `issue.${issue.code}`;
  if (!i18n.exists(key, { ns: 'editor', lng: locale })) return issue.message;
  const type = issue.params?.type;
  return i18n.getFixedT(locale, 'editor')(key, { ...issue.params, label: typeof type === 'string' ? typeLabel(type, locale) : undefined });
}

/** wordIssue in the language the user reads, re-rendering when they switch. */
export function useIssueText(): (issue: GraphIssue) => string {
  const { i18n } = useTranslation('editor');
  const locale = useLocale();
  return useCallback((issue: GraphIssue) => wordIssue(i18n, issue, locale), [i18n, locale]);
}

/**
 * A publish check's problem (the server's English, e.g. "The segment no longer exists: choose
 * another") in the words of the step's own type, in `locale`; other problems as they are.
 */
export function inTypeWords(issue: GraphIssue, graph: JourneyGraph, locale: string): GraphIssue {
  const node = issue.code === 'check' ? graph.nodes.find((n) => n.id === issue.nodeId) : undefined;
  const def = node && definitionOf(registry, node);
  return def ? { ...issue, message: localizeNode(def, locale).message(issue.message) } : issue;
}
