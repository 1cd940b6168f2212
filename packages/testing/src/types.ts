// What a journey test is given and what it can do (createJourneyTest in journey-test.ts).
import type { Database } from '@afterglow/db';
import type { Engine, ManualClock } from '@afterglow/engine';
import type { GraphIssue, JourneyGraph, JourneyStats } from '@afterglow/journey-core';
import type { AfterglowPlugin, Logger, NodeRegistry } from '@afterglow/node-sdk';
import type { JourneyBuilder } from './builder';
import type { Advance } from './duration';
import type { MessageOptions } from './ingestion';
import type { JourneyRun } from './runs';
import type { CapturedEmail } from './smtp-capture';
import type { OwnerApi, WorkspaceSettingsInput } from './workspace';

export interface JourneyTestOptions {
  /** Plugins whose node types and services run besides the built-ins (as in afterglow.config.ts). */
  plugins?: readonly AfterglowPlugin[];
  /** Where the clock starts; default 2026-03-02T09:00:00Z (a Monday). No real time ever passes. */
  start?: string | Date;
  /** The workspace's settings (quiet hours, frequency cap, send rate, shop), as saved on the Settings page. */
  settings?: WorkspaceSettingsInput;
  /** Settings of the plugins' services, by service id: `{ 'sms/gateway': { baseUrl, ... } }`. */
  serviceSettings?: Record<string, unknown>;
  /** The shop's name (the workspace's); default 'Test shop'. */
  shopName?: string;
  /**
   * Let Call webhook steps (and services that honour the same switch) reach loopback and
   * private addresses, where a test's own receivers listen. Default true; production's is false.
   */
  allowPrivateTargets?: boolean;
  /** The engine's log lines (default: none). */
  log?: Logger;
}

/** A published journey: what counters, stats and runs are read by. */
export interface PublishedJourney {
  id: string;
  versionId: string;
  version: number;
  graph: JourneyGraph;
}

export type JourneySettingsInput = Parameters<OwnerApi['journeys']['saveSettings']>[0]['settings'];
export type SegmentRuleInput = Parameters<OwnerApi['segments']['save']>[0]['rule'];

export interface PublishOptions {
  /** The journey's name; default 'Journey N'. */
  name?: string;
  /** Re-entry rule and goal, as the journey's settings panel saves them. */
  settings?: JourneySettingsInput;
  /** Publish a new version of this journey instead of a new journey; its runs keep their version. */
  journey?: PublishedJourney;
}

/** Traits of an identify call; any other trait is kept among the customer's attributes. */
export interface Traits {
  email?: string;
  firstName?: string;
  lastName?: string;
  birthday?: string;
  /** IANA time zone, e.g. 'Europe/Berlin': waits until an hour and quiet hours use it. */
  timezone?: string;
  marketing_consent?: boolean;
  [trait: string]: unknown;
}

/** The publish procedure refused the graph: the issues the canvas would list. */
export class JourneyRefusedError extends Error {
  constructor(readonly issues: GraphIssue[]) {
    super(`The journey was refused:\n${issues.map((i) => `- ${i.nodeId ?? 'journey'}${i.field ? ` (${i.field})` : ''}: ${i.message}`).join('\n')}`);
    this.name = 'JourneyRefusedError';
  }
}

export interface JourneyTest {
  readonly registry: NodeRegistry;
  readonly clock: ManualClock;
  readonly database: Database;
  readonly engine: Engine;
  readonly workspaceId: string;
  /** Every tRPC procedure, as the workspace's owner: `t.api.customers.get({ id })`. */
  readonly api: OwnerApi;
  /** The /v1 endpoints and a key for them, for a Segment client or raw HTTP. */
  readonly ingestion: { url: string; key: string };
  /**
   * Where providers reach this test's app, as AFTERGLOW_PUBLIC_URL in production: plugins' routes
   * answer at `${publicUrl}/hooks/<plugin id>/<workspace id>/<path>`, the URL services' routeUrl gives.
   */
  readonly publicUrl: string;
  now(): Date;
  /** A journey graph built step by step; publish it with `publish`. */
  journey(): JourneyBuilder;
  /** Saves the graph as a draft and publishes it, as the editor does; throws JourneyRefusedError with the issues. */
  publish(graph: JourneyGraph | JourneyBuilder, opts?: PublishOptions): Promise<PublishedJourney>;
  /** Saves a segment (segments.save); returns its id. */
  segment(rule: SegmentRuleInput, name?: string): Promise<string>;
  settings(settings: WorkspaceSettingsInput): Promise<void>;
  serviceSettings(serviceId: string, settings: unknown): Promise<void>;
  /** POST /v1/identify, then the engine runs until idle (production wakes it at once). */
  identify(customerId: string, traits: Traits, opts?: MessageOptions): Promise<void>;
  /** POST /v1/track, then the engine runs until idle: runs it enrols step at once. */
  track(customerId: string, event: string, properties?: Record<string, unknown>, opts?: MessageOptions): Promise<void>;
  /**
   * Moves the clock ('3 days', '2h', '90 minutes', milliseconds, or to a Date), stopping at each
   * moment something falls due on the way and running the engine (steps, email and other
   * dispatchers, segment checks) until idle there.
   */
  advance(by: Advance): Promise<void>;
  /** Runs the engine until idle without moving the clock. */
  settle(): Promise<void>;
  /** Emails the SMTP server received, in order; only those to `to` when given. */
  emails(to?: string): CapturedEmail[];
  stats(journey: PublishedJourney): Promise<JourneyStats>;
  /** The node's counters as its canvas card shows them (emails, points, sent…; held and capped too); a counter never added to is absent. */
  counters(journey: PublishedJourney, nodeId: string): Promise<Record<string, number>>;
  /** The journey's runs (all its versions): where each is, and its steps. */
  runs(journey: PublishedJourney): Promise<JourneyRun[]>;
  /** Stops everything and drops the database. */
  close(): Promise<void>;
}
