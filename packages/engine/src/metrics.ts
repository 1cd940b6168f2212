// What the engine tells a metrics registry (the server's Prometheus one): plain callbacks, so
// the engine knows nothing of the exposition format and runs without any.
import type { DispatchResult } from '@afterglow/email';
import type { ServiceDispatchResult } from './services/dispatcher';

export interface EngineMetrics {
  /** One stepping sweep ended: how long it took and how many steps it took. */
  sweep(seconds: number, steps: number): void;
  /** One batch of emails went through the dispatcher. */
  emails(result: DispatchResult): void;
  /** One batch of services' effects (Call webhook steps' calls among them) went through theirs. */
  services(result: ServiceDispatchResult): void;
}
