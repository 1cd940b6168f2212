// What saving a draft does with secrets. A value typed in is sealed as it is, even one that looks
// sealed: a client never chooses a ciphertext, or it could have any stored secret opened and sent
// to its own address. REDACTED (what a reader was shown) means "keep the stored value": the value
// at the same place of the same node (same id and type) in this journey's stored draft, a list
// item being the stored one with the same other fields (a header: the same name), and only while
// the node's secretTarget fields (the URL's origin) are unchanged. A placeholder copied to another
// node, journey, header or address has nothing to keep: the save is refused, naming the field.
import type { SecretBox } from '@afterglow/db';
import { counterpartOf, mapConfigSecrets, sameSecretTargets, secretsDefinitionOf, type GraphNode, type JourneyGraph } from '@afterglow/journey-core';
import type { NodeRegistry, NodeTypeDefinition } from '@afterglow/node-sdk';
import { text, type MessageKey } from '../i18n/catalogue';
import { DomainError } from './errors';
import { REDACTED } from './redact';

function keepProblem(node: GraphNode, stored: GraphNode | undefined, def: NodeTypeDefinition): MessageKey | null {
  if (!stored) return 'secret.newStep';
  if (!sameSecretTargets(def, stored.config, node.config)) return 'secret.addressChanged';
  return null;
}

/** The draft to store: typed secrets sealed, placeholders replaced by the stored values they stand for. */
export function sealDraftSecrets(draft: JourneyGraph, stored: JourneyGraph | null, registry: NodeRegistry, secrets: SecretBox): JourneyGraph {
  return {
    ...draft,
    nodes: draft.nodes.map((node, index) => {
      // Secrets are where the version the config is written for puts them.
      const def = secretsDefinitionOf(registry, node);
      if (!def) return node;
      const before = stored?.nodes.find((s) => s.id === node.id && s.type === node.type);
      const config = mapConfigSecrets(def, node.config, (value, path) => {
        if (value !== REDACTED) return secrets.seal(value);
        const field = ['draft', 'nodes', index, 'config', ...path].join('.');
        const problem = keepProblem(node, before, def);
        const kept = problem ? undefined : counterpartOf(def, before?.config, node.config, path);
        if (typeof kept !== 'string' || kept === '' || kept === REDACTED) {
          throw new DomainError('INVALID', text(problem ?? 'secret.nothingStored', { field }), field);
        }
        return secrets.isSealed(kept) ? kept : secrets.seal(kept);
      });
      return { ...node, config };
    }),
  };
}
