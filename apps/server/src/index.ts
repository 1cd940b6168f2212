export { startAfterglow, webDistDir, type Afterglow, type AfterglowOptions, type Role } from './app';
export { createProcessLogger, type ProcessLogger, type ProcessLoggerOptions } from './logger';
export { DEMO_EMAIL, DEMO_WORKSPACE_ID, demoSegments } from './seed/index';
export { THANK_YOU_JOURNEY_ID, THANK_YOU_JOURNEY_NAME } from './seed/journey';
