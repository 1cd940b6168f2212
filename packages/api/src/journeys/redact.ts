// Secrets in step configs (fields a node type marks with widget 'secret': a webhook's signing
// secret and every header value) are stored sealed. A user who may edit journeys reads them
// opened, to check or change them; anyone else reads REDACTED in their place. Whether the user
// may edit is the caller's `canEdit`, decided by the permission table. Every way a node config
// leaves the server (the draft, a version, a diff) goes through graphForReader.
import { mapGraphSecrets, type JourneyGraph } from '@afterglow/journey-core';
import { SecretKeyUnknown, type SecretBox } from '@afterglow/db';
import type { NodeRegistry } from '@afterglow/node-sdk';

/** Shown instead of a secret; sent back on save it means "keep the stored value" (keep-secrets.ts). */
export const REDACTED = '••••••••';

/** A stored graph as its reader may see it: secrets opened for editors, REDACTED for everyone else. */
export function graphForReader(graph: JourneyGraph, registry: NodeRegistry, secrets: SecretBox, canEdit: boolean): JourneyGraph {
  return mapGraphSecrets(graph, registry, (value) => {
    if (!canEdit) return REDACTED;
    try {
      return secrets.open(value);
    } catch (err) {
      // Sealed under a key this process lacks: the editor keeps it by saving the placeholder back.
      if (err instanceof SecretKeyUnknown) return REDACTED;
      throw err;
    }
  });
}
