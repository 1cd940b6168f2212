// One section of workspaces.settings (loyalty, referrals, checkouts, bounces, …): read with its
// defaults, saved whole as its Settings card edits it. Every section is read and written the
// same way, so each is declared once with its key and schema.
import type { z } from 'zod';
import type { Queryable } from './client';

export interface WorkspaceSettingsSection<T> {
  /** The section with its defaults, or null when the workspace does not exist. */
  get(sql: Queryable, workspaceId: string): Promise<T | null>;
  /** Validates and stores `input`; returns what is now stored, or null when the workspace does not exist. */
  save(sql: Queryable, workspaceId: string, input: T): Promise<T | null>;
  /** The section of every workspace (or of those named), with its defaults: for jobs that serve them all. */
  getAll(sql: Queryable, workspaceIds?: string[]): Promise<{ workspaceId: string; settings: T }[]>;
}

/** A reader that falls back to the schema's defaults when what is stored does not parse (stored before a field existed, or hand-edited). */
export const withDefaults = <S extends z.ZodType>(schema: S) => (stored: unknown): z.output<S> => {
  const parsed = schema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : schema.parse({});
};

export function workspaceSettingsSection<S extends z.ZodType>(
  key: string, schema: S, read: (stored: unknown) => z.output<S> = withDefaults(schema),
): WorkspaceSettingsSection<z.output<S>> {
  async function get(sql: Queryable, workspaceId: string) {
    const [row] = await sql<{ section: unknown }[]>`select settings->${key} as section from workspaces where id = ${workspaceId}`;
    return row ? read(row.section) : null;
  }
  async function save(sql: Queryable, workspaceId: string, input: z.output<S>) {
    const settings = schema.parse(input);
    // Merged over what is stored, so a field this version does not know (a newer one's) survives.
    const rows = await sql`
      update workspaces set settings = settings || jsonb_build_object(${key}::text,
        coalesce(settings->${key}, '{}'::jsonb) || ${sql.json(settings as never)})
      where id = ${workspaceId} returning id`;
    return rows.length === 0 ? null : get(sql, workspaceId);
  }
  async function getAll(sql: Queryable, workspaceIds?: string[]) {
    const rows = await sql<{ id: string; section: unknown }[]>`
      select id, settings->${key} as section from workspaces
      ${workspaceIds ? sql`where id = any(${workspaceIds}::text[])` : sql``} order by id`;
    return rows.map((r) => ({ workspaceId: r.id, settings: read(r.section) }));
  }
  return { get, save, getAll };
}
