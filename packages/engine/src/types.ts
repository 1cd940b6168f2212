import type { JourneyPlan } from '@afterglow/journey-core';

export type { Logger } from '@afterglow/node-sdk';

/** An event as ingestion stores it, handed to enrolment inside the same transaction. */
export interface StoredEvent {
  workspaceId: string;
  messageId: string;
  name: string;
  customerId: string;
  properties: Record<string, unknown>;
  timestamp: Date;
}

/** A claimed run, as the stepper reads it. */
export interface RunRow {
  id: string;
  workspaceId: string;
  customerId: string;
  journeyId: string;
  versionId: string;
  status: 'active' | 'waiting';
  nodeId: string;
  wait: WaitState | null;
  context: RunContext;
  stepCount: number;
  enteredAt: Date;
}

export interface RunContext {
  trigger?: { messageId: string; name: string; properties: Record<string, unknown>; timestamp: string };
  [key: string]: unknown;
}

/** What a sleeping run resumes into when its time comes. */
export interface WaitState {
  /** Branch taken when due_at comes (the timeout branch of a wait for an event). */
  onTime: string;
  /** Waiting for an event: its normalised name, the properties it must carry, its branch. */
  event?: string;
  match?: Record<string, string | number | boolean>;
  onEvent?: string;
  /** The step was deferred (quiet hours, frequency cap): run the same node again on waking. */
  rerun?: boolean;
  /** Failed attempts of the current step (transient errors), for backoff. */
  retries?: number;
}

export type PlanLoader = (versionId: string) => Promise<JourneyPlan>;
