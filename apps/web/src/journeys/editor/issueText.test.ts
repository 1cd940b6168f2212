// Graph problems are worded from their code in the user's language, with the values they name and
// the step type's label in that language; a code the catalogue does not know keeps its message.
import type { GraphIssue } from '@afterglow/journey-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { i18n, switchLanguage } from '../../i18n';
import { inStepWords, wordIssue } from './issueText';
import { typeLabel } from './registry';

const issue = (code: GraphIssue['code'], params?: GraphIssue['params']): GraphIssue => ({ nodeId: 'a', field: 'edges', code, params, message: `English for ${code}` });

describe('wordIssue', () => {
  beforeAll(() => Promise.all((['ru', 'sr-Cyrl', 'sr-Latn', 'sl'] as const).map(switchLanguage)));

  it('words a structural problem in the user\'s language', () => {
    expect(wordIssue(i18n, issue('unreachable'), 'ru')).toBe('Шаг не подключён: ни один покупатель до него не дойдёт');
    expect(wordIssue(i18n, issue('loop'), 'sl')).toBe('Potek se vrača sam vase brez omejitve: na prejšnji korak vračajte le s korakom „Pojdi na korak“');
    expect(wordIssue(i18n, issue('unreachable'), 'en')).toBe('Not connected: no customer can reach this step');
    expect(wordIssue(i18n, issue('loop-open'), 'sr-Latn')).toBe('Povežite povratak s ranijim korakom na koji treba da vodi');
  });

  it('fills in the values it names, the step type by its label in that language, in either Serbian script', () => {
    expect(wordIssue(i18n, issue('branch-connected-twice', { branch: 'yes' }), 'sr-Cyrl')).toBe('Грана „yes“ је повезана двапут');
    const outdated = issue('version-outdated', { type: 'core/wait', version: 1, newest: 2 });
    expect(wordIssue(i18n, outdated, 'sr-Latn')).toMatch(new RegExp(`^Još je na verziji 1 koraka „${typeLabel('core/wait', 'sr-Latn')}“, a instalirana je verzija 2`));
  });

  it('names a connection left from a branch the step no longer has by the step it leads to, not by ids', () => {
    const dangling = issue('unknown-branch', { edge: 'ab-split_x1:k3x9a2bq7z->grant-points_aa', branch: 'k3x9a2bq7z', target: 'core/grant-points' });
    expect(wordIssue(i18n, dangling, 'ru')).toBe(`Связь с шагом «${typeLabel('core/grant-points', 'ru')}» выходит из ветки, которой у этого шага больше нет: удалите её или проведите от одной из его веток`);
    expect(wordIssue(i18n, dangling, 'en')).toBe('The connection to “Grant loyalty points” leaves from a branch this step does not have: delete it, or draw it from one of the step’s branches');
  });

  it('keeps the message of a code it does not word (a node type\'s own config or publish check)', () => {
    expect(wordIssue(i18n, { ...issue('config'), message: 'Grant at least 1 point' }, 'ru')).toBe('Grant at least 1 point');
    expect(wordIssue(i18n, { ...issue('check'), message: 'Segment seg_b does not exist' }, 'sr-Cyrl')).toBe('Segment seg_b does not exist');
  });

  it('says a publish check\'s problem in the words of the step\'s type, naming no id', () => {
    const graph = { nodes: [{ id: 'cond', type: 'core/segment-condition', typeVersion: 1, position: { x: 0, y: 0 }, config: { segmentId: 'seg_b' } }], edges: [] };
    const check: GraphIssue = { nodeId: 'cond', field: 'segmentId', code: 'check', message: 'The segment no longer exists: choose another' };
    expect(wordIssue(i18n, inStepWords(check, graph, 'sr-Latn'), 'sr-Latn')).toBe('Segment više ne postoji: izaberite drugi');
    expect(inStepWords(check, graph, 'ru').message).toBe('Сегмента больше нет: выберите другой');
    expect(inStepWords({ ...check, nodeId: 'gone' }, graph, 'ru').message).toBe(check.message);
  });

  it('names a branch by its label in the reader\'s language, not its id', () => {
    const graph = { nodes: [{ id: 'cond', type: 'core/segment-condition', typeVersion: 1, position: { x: 0, y: 0 }, config: { segmentId: 'seg_b' } }], edges: [] };
    const twice = issue('branch-connected-twice', { branch: 'yes' });
    expect(wordIssue(i18n, inStepWords({ ...twice, nodeId: 'cond' }, graph, 'sr-Cyrl'), 'sr-Cyrl')).toBe('Грана „Да“ је повезана двапут');
    expect(inStepWords({ ...twice, nodeId: 'cond', params: { branch: 'gone' } }, graph, 'en').params).toEqual({ branch: 'gone' });
  });
});
