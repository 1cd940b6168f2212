// Keyset cursors of the run explorer's lists: the last row's sort key, as one opaque string
// `<time or empty>|<run id>`. A page reads from the index where the previous one stopped.
import { fitsTimestamptz } from '@afterglow/db';
import { z } from 'zod';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

const AS_IT_CAME = 'Pass the cursor of the previous page as it came';

/** The time part is a real instant Postgres can hold: 2026-20-85 has the shape and is none. */
const realInstant = (cursor: string) => {
  const at = cursor.split('|')[0];
  return !at || (!Number.isNaN(Date.parse(at)) && fitsTimestamptz(at));
};

export const cursorSchema = z.string()
  .regex(new RegExp(`^(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,6})?Z)?\\|${UUID}$`), AS_IT_CAME)
  .refine(realInstant, { message: AS_IT_CAME, abort: true })
  .optional();

export interface Cursor { at: string | null; runId: string }

export const readCursor = (cursor: string | undefined): Cursor | null => {
  if (!cursor) return null;
  const [at, runId] = cursor.split('|');
  return { at: at || null, runId };
};

export const writeCursor = (at: string | null, runId: string): string => `${at ?? ''}|${runId}`;
