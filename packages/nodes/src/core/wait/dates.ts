// The date modes of Wait: until a date and time, until a date from the customer's data moved by
// an offset, and a random moment within a window of days. A moment already past goes on at
// once (counted `past`); a date the customer does not have goes on at once or takes the
// "No date" branch (counted `missing`), as the card says.
import { next, sleepUntil, type ExecContext, type Instruction } from '@afterglow/node-sdk';
import type { WaitConfig } from './definition';
import { inWindow, nextAnniversary, readDate, shifted, wallTimeIn, type WrittenDate } from './moments';
import { shareOf } from './spread';

/** The date the config counts from, or null when the customer's data has none. */
function startingDate(ctx: ExecContext, c: WaitConfig): WrittenDate | null {
  switch (c.from) {
    case 'step': return { kind: 'instant', at: ctx.now() };
    case 'trigger': return { kind: 'instant', at: ctx.run.trigger?.timestamp ?? ctx.run.enteredAt };
    case 'birthday': return readDate(ctx.customer.birthday);
    case 'attribute': return readDate(ctx.customer.attributes[c.field]);
    case 'event': return readDate(ctx.run.trigger?.properties[c.field]);
  }
}

/** Anniversaries: always for a birthday, else when the card says every year. */
const everyYear = (c: WaitConfig) => c.from === 'birthday' || ((c.from === 'attribute' || c.from === 'event') && c.yearly);

async function moment(ctx: ExecContext, c: WaitConfig, date: WrittenDate): Promise<Date> {
  const tz = ctx.customer.timezone;
  const atHour = c.atHour < 0 ? null : c.atHour;
  if (c.mode === 'relative') {
    const shift = { amount: c.direction === 'before' ? -c.offset : c.offset, unit: c.offsetUnit, atHour };
    return everyYear(c) ? nextAnniversary(date, shift, tz, ctx.now()) : shifted(date, shift, tz);
  }
  // A window counts from the date's next anniversary (every year), else from the date itself.
  const start = everyYear(c) ? nextAnniversary(date, { amount: 0, unit: 'days', atHour: null }, tz, ctx.now()) : shifted(date, { amount: 0, unit: 'days', atHour: null }, tz);
  return inWindow(start, { minDays: c.minDays, maxDays: c.maxDays, atHour }, await shareOf(ctx.run.id, ctx.nodeId), tz);
}

export async function untilDate(ctx: ExecContext, c: WaitConfig): Promise<Instruction> {
  let until: Date | null;
  if (c.mode === 'date') {
    until = c.atZone === 'exact' ? new Date(c.at) : wallTimeIn(c.at, ctx.customer.timezone);
  } else {
    const date = startingDate(ctx, c);
    until = date && (await moment(ctx, c, date));
  }
  if (!until) {
    ctx.count('missing');
    return next(c.ifMissing === 'branch' ? 'missing' : 'out');
  }
  if (until <= ctx.now()) {
    ctx.count('past');
    return next();
  }
  return sleepUntil(until);
}
