// The shapes a simulation is asked with and answers with. The spec and the result are stored as
// JSON in `simulations` (spec, result) and read back by the API as they are.

/** Who is replayed: everyone with events, the members of a segment (as of today), or a sample of N customers. */
export type SimulationPopulation =
  | { kind: 'everyone' }
  | { kind: 'segment'; segmentId: string }
  | { kind: 'sample'; size: number };

export interface SimulationSpec {
  /** ISO date-times: events with from <= timestamp < to are replayed. */
  from: string;
  to: string;
  population: SimulationPopulation;
  /** Customers whose emails are rendered in full (a few), besides the first emails of the run. */
  sampleCustomerIds: string[];
}

/** A count on one step: an outcome ('next', 'sleep', 'exit', 'goal', ...) and the branch taken. */
export interface StepCount { nodeId: string; outcome: string; branch: string | null; n: number }

export interface DayCount { day: string; n: number }

export interface RenderedSample {
  customerId: string;
  nodeId: string;
  at: string;
  locale: string | null;
  subject: string;
  html: string;
  /** Why the email could not be rendered (a broken template, a deleted customer); subject and html are then ''. */
  error: string | null;
}

export interface SimulationResult {
  from: string;
  to: string;
  /** Events read in the period, and those of customers in the population. */
  events: { read: number; replayed: number };
  entries: { total: number; perDay: DayCount[] };
  /** Where runs are at the end of the period: still waiting (at their step) or ended (completed, exited, failed). */
  endPositions: { nodeId: string; status: string; n: number }[];
  steps: StepCount[];
  /** A/B arms ('arm:<node>:<branch>') and holdout groups ('holdout:<node>:in|out'), as the live report names them. */
  groups: { group: string; n: number }[];
  exits: { reason: string; n: number }[];
  emails: { total: number; perDay: { day: string; marketing: number; transactional: number }[] };
  /** The workspace's frequency cap and quiet hours, against the sends live journeys made in the period. */
  sendPolicy: {
    sent: number;
    cappedSkipped: number;
    cappedHeld: number;
    /** Capped customers whose window was filled (in part) by live journeys' real sends. */
    cappedByLiveSends: number;
    quietHoursHeld: number;
    /** Real marketing sends of other journeys in the period, to the customers replayed. */
    liveSendsSeen: number;
  };
  effects: {
    coupons: number;
    pointsGrants: number;
    points: number;
    staffAlerts: number;
    profileUpdates: number;
    /** Effects queued with services (webhooks, SMS, plugins' services) by service id. */
    services: { serviceId: string; n: number }[];
  };
  samples: RenderedSample[];
}

/** One line of a followed customer's path. */
export interface TraceEntry {
  at: string;
  kind: 'entered' | 'step' | 'woken' | 'goal' | 'email' | 'effect' | 'end';
  nodeId: string | null;
  runId: string;
  outcome?: string;
  branch?: string | null;
  /** The step's facts as the engine records them (what decided a branch, a wait's end, an email's fate). */
  detail?: Record<string, unknown> | null;
  email?: RenderedSample;
}
