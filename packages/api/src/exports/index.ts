export { createExportHandler } from './handler';
