export { createIngestHandler, type IngestDeps } from './handler';
export { hashIngestKey } from './keys';
export { MAX_BODY_BYTES, sendUnavailable } from './http-io';
export type { IngestedEvent } from './store';
