// The workspace's sending rules in a simulation: quiet hours and the frequency cap, decided as
// send-policy.ts decides them, but counted in memory against each customer's real marketing sends
// of the period (other journeys' emails and marketing service effects, read once per customer)
// plus the simulation's own. A real send counts only from the moment it was made: the replay
// sees the week the customer really had. Every verdict is tallied for the result.
import type { WorkspaceSettings } from '@afterglow/journey-core';
import { localParts, nextLocalTime, type CustomerSnapshot, type SendPolicyRequest, type SendPolicyVerdict } from '@afterglow/node-sdk';
import type { SendPolicy } from '../send-policy';
import { inQuietHours } from '../send-policy';

/** What the policy knows of one customer: real sends (ms, ascending) and simulated ones. */
export interface SendHistory { live: number[]; simulated: number[] }

export interface PolicyTally {
  sent: number;
  cappedSkipped: number;
  cappedHeld: number;
  cappedByLiveSends: number;
  quietHoursHeld: number;
}

export const emptyPolicyTally = (): PolicyTally => ({ sent: 0, cappedSkipped: 0, cappedHeld: 0, cappedByLiveSends: 0, quietHoursHeld: 0 });

const inWindow = (times: number[], since: number, until: number) => {
  let n = 0;
  let oldest: number | null = null;
  for (const t of times) {
    if (t > since && t <= until) {
      n++;
      if (oldest === null || t < oldest) oldest = t;
    }
  }
  return { n, oldest };
};

/** What every walk's policy shares: the workspace's rules, the customers' sends, the tally. */
export interface PolicyScope {
  settings: WorkspaceSettings;
  /** Finds the customer's sends. */
  history: (customerId: string) => SendHistory;
  tally: PolicyTally;
}

/** The policy one walk sees at `now` (a class: a simulation builds one per walk that sends). */
export class SandboxPolicy implements SendPolicy {
  constructor(private readonly scope: PolicyScope, private readonly now: Date) {}

  async check(_workspaceId: string, customer: CustomerSnapshot, request: SendPolicyRequest): Promise<SendPolicyVerdict> {
    const { now } = this;
    const { settings: { frequencyCap, quietHours }, tally } = this.scope;
    if (request.kind !== 'marketing') return { decision: 'send' };
    if (quietHours.enabled && inQuietHours(localParts(now, customer.timezone).hour, quietHours.startHour, quietHours.endHour)) {
      tally.quietHoursHeld++;
      return { decision: 'hold', until: nextLocalTime(now, customer.timezone, quietHours.endHour), reason: 'quiet hours' };
    }
    const sends = this.scope.history(customer.id);
    if (!frequencyCap.enabled) {
      sends.simulated.push(now.getTime());
      tally.sent++;
      return { decision: 'send' };
    }
    const since = now.getTime() - frequencyCap.perDays * 86400e3;
    const live = inWindow(sends.live, since, now.getTime());
    const own = inWindow(sends.simulated, since, now.getTime());
    if (live.n + own.n < frequencyCap.maxEmails) {
      sends.simulated.push(now.getTime());
      tally.sent++;
      return { decision: 'send' };
    }
    if (live.n > 0) tally.cappedByLiveSends++;
    if (request.whenCapped === 'hold') {
      tally.cappedHeld++;
      const oldest = Math.min(live.oldest ?? Infinity, own.oldest ?? Infinity);
      const frees = Number.isFinite(oldest) ? oldest : now.getTime();
      return { decision: 'hold', until: new Date(frees + frequencyCap.perDays * 86400e3 + 1000), reason: 'frequency cap' };
    }
    tally.cappedSkipped++;
    return { decision: 'skip', reason: `frequency cap (${frequencyCap.maxEmails} per ${frequencyCap.perDays} days)` };
  }
}
