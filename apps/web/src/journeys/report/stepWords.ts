// A step and its branches in the canvas's words (its type's label, "Yes", an arm's name), never an id.
import { definitionOf } from '@afterglow/journey-core';
import { branchesOf, localizeNode } from '@afterglow/node-sdk';
import { registry, typeLabel } from '../editor/registry';

export interface StepRef { type: string; typeVersion: number; config: Record<string, unknown> }

export function stepWords(step: StepRef, locale: string): { label: string; branch(id: string): string } {
  const def = definitionOf(registry, { type: step.type, typeVersion: step.typeVersion });
  if (!def) return { label: typeLabel(step.type, locale), branch: (id) => id };
  const text = localizeNode(def, locale);
  const specs = branchesOf(def, step.config);
  return {
    label: typeLabel(step.type, locale),
    branch: (id) => {
      const spec = specs.find((b) => b.id === id);
      return spec ? text.branch(spec.id, spec.label) : id;
    },
  };
}
