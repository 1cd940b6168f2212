// A zod error as the { path, message } issues every 4xx reply names.
import type { z } from 'zod';

export function zodIssues(error: z.ZodError, prefix?: string): Array<{ path: string; message: string }> {
  return error.issues.map((i) => ({ path: [prefix, ...i.path.map(String)].filter(Boolean).join('.') || '(body)', message: i.message }));
}
