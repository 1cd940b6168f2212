// Where in a random window a run lands: a share of the window drawn from SHA-256 of the run and
// the step, so every run draws its own (review requests spread over the days) and the same run
// at the same step always draws the same (a step run again after a crash or a retry lands on
// the same moment). Web Crypto: the same in workers, tests and the browser.

/** A number in [0, 1), the same for the same run and step. */
export async function shareOf(runId: string, nodeId: string): Promise<number> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${runId}:${nodeId}`));
  return new DataView(digest).getUint32(0) / 2 ** 32;
}
