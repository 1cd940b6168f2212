// @vitest-environment happy-dom
// A step brought to a new version of its type: the notice gives the type's note in the reader's
// language when the type translates it (the A/B split's arms now keep their connections), and
// as the type wrote it when it does not.
import type { NodeMigration } from '@afterglow/journey-core';
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, expect, it } from 'vitest';
import { setLocale } from '../../ui/locale';
import { MigrationNotice } from './MigrationNotice';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
afterEach(() => setLocale('en'));

const migrations: NodeMigration[] = [
  { nodeId: 's', type: 'core/ab-split', label: 'A/B split', from: 1, to: 2,
    notes: ['Each arm now keeps its connection when another arm is removed; the connections stay as they were'] },
  { nodeId: 'g', type: 'acme/greet', label: 'Greet', from: 1, to: 2, notes: ['Text is now Greeting'] },
];

async function notes(): Promise<string[]> {
  const host = document.createElement('div');
  const root = createRoot(host);
  await act(async () => root.render(createElement(MigrationNotice, { migrations, editable: true, stepName: (id) => id, onSelect: () => {}, onDismiss: () => {} })));
  const texts = [...host.querySelectorAll('[data-testid=migration-step] li')].map((li) => li.textContent);
  act(() => root.unmount());
  return texts;
}

it('says what changed in the reader\'s language, where the node type translates it', async () => {
  await setLocale('ru');
  expect(await notes()).toEqual([
    'Теперь каждая ветка сохраняет свою связь, когда удаляют другую ветку; существующие связи остались как были',
    'Text is now Greeting',
  ]);
  await setLocale('sr-Latn');
  expect((await notes())[0]).toBe('Svaka grana sada zadržava svoju vezu kada se ukloni druga grana; postojeće veze su ostale kakve su bile');
});
