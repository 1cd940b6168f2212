// @afterglow/testing: whole journeys through the real engine, for Afterglow's own tests and for
// plugin packages' (a single node's execute is unit-tested with the SDK's createTestContext).
export { createJourneyTest } from './journey-test';
export { JourneyBuilder, type StepOptions } from './builder';
export { JourneyRefusedError } from './types';
export type {
  JourneySettingsInput, JourneyTest, JourneyTestOptions, PublishedJourney, PublishOptions, SegmentRuleInput, Traits,
} from './types';
export type { Advance, Duration } from './duration';
export type { JourneyRun, RunStatus, RunStep } from './runs';
export type { MessageOptions } from './ingestion';
export type { CapturedEmail } from './smtp-capture';
export { listenSmtp } from './smtp-capture';
export type { OwnerApi, WorkspaceSettingsInput } from './workspace';
