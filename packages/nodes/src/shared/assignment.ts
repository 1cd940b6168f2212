// Deterministic assignment of a run to a share of a node's entrants (A/B arms, holdout groups):
// a hash of the run id and the node id. A step executed again (after a crash, a retried batch)
// lands where it landed the first time, and two splits in one journey are independent of each
// other. SHA-256 through Web Crypto: the same in Node and browsers, no dependency.
const encoder = new TextEncoder();

/** A number in [0, 1), uniform over runs, the same every time for the same run and node. */
export async function assignmentOf(runId: string, nodeId: string): Promise<number> {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', encoder.encode(`${runId}:${nodeId}`)));
  // 48 bits: exact in a double, finer than any share a marketer can set.
  let n = 0;
  for (let i = 0; i < 6; i++) n = n * 256 + digest[i];
  return n / 2 ** 48;
}

/** The index of the share `point` (from assignmentOf) falls in, shares in proportion to `weights`. */
export function pickWeighted(point: number, weights: readonly number[]): number {
  const total = weights.reduce((sum, w) => sum + w, 0);
  let edge = 0;
  for (let i = 0; i < weights.length; i++) {
    edge += weights[i] / total;
    if (point < edge) return i;
  }
  // Rounding can leave the last edge a hair under 1.
  return weights.length - 1;
}
