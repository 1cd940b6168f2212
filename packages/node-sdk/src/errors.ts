/**
 * How a failure is handled:
 * - `config`: the step's configuration is wrong; the run fails at once (a marketer must fix it).
 * - `permanent`: retrying cannot help (missing data, a refused request); the run fails at once.
 * - `transient`: the world may be better later (a timeout, a 503); the step is retried with backoff.
 * Any other exception a node throws is treated as transient.
 */
export type NodeErrorCode = 'config' | 'transient' | 'permanent';

export interface NodeErrorOptions {
  code?: NodeErrorCode;
  /** Dotted path of the config field at fault, for the editor to point at. */
  field?: string;
  cause?: unknown;
}

export class NodeError extends Error {
  readonly code: NodeErrorCode;
  readonly field?: string;

  constructor(message: string, options: NodeErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'NodeError';
    this.code = options.code ?? 'permanent';
    this.field = options.field;
  }

  get retryable(): boolean {
    return this.code === 'transient';
  }
}
