// Graph problems in the user's language: journey-core gives each a stable code and the values it
// names, the words are the `editor` catalogue's (`issue.<code>`). A code the catalogue does not
// word (a node type's own config and publish checks) shows the type's message as it came.
import { definitionOf, type GraphIssue, type JourneyGraph } from '@afterglow/journey-core';
import { branchesOf, localizeNode } from '@afterglow/node-sdk';
import type { i18n as I18n } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../ui/locale';
import { registry, typeLabel } from './registry';

export function wordIssue(i18n: I18n, issue: GraphIssue, locale: string): string {
  const key = `issue.${issue.code}`;
  if (!i18n.exists(key, { ns: 'editor', lng: locale })) return issue.message;
  // Types named by the issue (the step's own, the step a connection leads to) are worded by their labels.
  const labelOf = (type: unknown) => (typeof type === 'string' ? typeLabel(type, locale) : undefined);
  return i18n.getFixedT(locale, 'editor')(key, { ...issue.params, label: labelOf(issue.params?.type), targetLabel: labelOf(issue.params?.target) });
}

/** wordIssue in the language the user reads, re-rendering when they switch. */
export function useIssueText(): (issue: GraphIssue) => string {
  const { i18n } = useTranslation('editor');
  const locale = useLocale();
  return useCallback((issue: GraphIssue) => wordIssue(i18n, issue, locale), [i18n, locale]);
}

/**
 * A problem in the words of its step: a publish check (the server's English, e.g. "The segment no
 * longer exists: choose another") in the step type's own translation, and a branch by its label
 * ("Yes", an A/B arm's name), never its id. Problems of no step, or of one no longer in the graph,
 * stay as they are.
 */
export function inStepWords(issue: GraphIssue, graph: JourneyGraph, locale: string): GraphIssue {
  const node = graph.nodes.find((n) => n.id === issue.nodeId);
  const def = node && definitionOf(registry, node);
  if (!node || !def) return issue;
  const text = localizeNode(def, locale);
  const branch = issue.params?.branch;
  const spec = typeof branch === 'string' ? branchesOf(def, node.config).find((b) => b.id === branch) : undefined;
  return {
    ...issue,
    ...(issue.code === 'check' && { message: text.message(issue.message) }),
    ...(spec && { params: { ...issue.params, branch: text.branch(spec.id, spec.label) } }),
  };
}
