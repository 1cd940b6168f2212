// A refusal's field messages (the API answers bad input with one issue per field path, in the
// caller's language: packages/api/src/trpc/init.ts), keyed by path for forms to show beside each field.
export function fieldErrors(error: unknown): Record<string, string> {
  const issues = (error as { data?: { issues?: Array<{ field: string; message: string }> | null } } | null)?.data?.issues ?? [];
  return Object.fromEntries(issues.map((i) => [i.field, i.message]));
}

/** The messages about a path or anything under it ('rule.rules.1' holds 'rule.rules.1.value'). */
export const issuesUnder = (issues: Record<string, string>, path: string): string[] =>
  Object.entries(issues).filter(([field]) => field === path || field.startsWith(`${path}.`)).map(([, message]) => message);
