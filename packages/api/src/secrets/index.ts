export { sealStoredSecrets, SecretsUnreadable, type SealReport } from './seal-stored';
