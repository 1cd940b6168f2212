// The DataLoader pattern: requests made in the same tick (the renders of one engine batch run
// concurrently) are answered by one call of `load` with all of them, in the order given; callers
// await their own answer and never see the batching.
export function batchInTick<Request, Answer>(load: (requests: Request[]) => Promise<Answer[]>): (request: Request) => Promise<Answer> {
  let pending: { request: Request; resolve: (v: Answer) => void; reject: (e: unknown) => void }[] = [];
  const flush = () => {
    const batch = pending;
    pending = [];
    load(batch.map((b) => b.request)).then(
      (answers) => batch.forEach((b, i) => b.resolve(answers[i])),
      (err) => batch.forEach((b) => b.reject(err)),
    );
  };
  return (request) => new Promise((resolve, reject) => {
    if (pending.length === 0) setImmediate(flush);
    pending.push({ request, resolve, reject });
  });
}
