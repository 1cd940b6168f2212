// Keyset cursors of the run explorer's lists: the last row's sort key, as one opaque string
// `<time or empty>|<run id>`. A page reads from the index where the previous one stopped.
import { z } from 'zod';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export const cursorSchema = z.string()
  .regex(new RegExp(`^(\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z)?\\|${UUID}$`), 'Pass the cursor of the previous page as it came')
  .optional();

export interface Cursor { at: string | null; runId: string }

export const readCursor = (cursor: string | undefined): Cursor | null => {
  if (!cursor) return null;
  const [at, runId] = cursor.split('|');
  return { at: at || null, runId };
};

export const writeCursor = (at: string | null, runId: string): string => `${at ?? ''}|${runId}`;
