// The key that seals stored secrets in tests, benchmarks and chaos workers: one fixed key, so
// every process and Database handle on a test database opens what the others sealed.
import { createSecretBox, type SecretBox } from '@afterglow/db';

export const TEST_SECRET_KEY = Buffer.from('afterglow-test-secret-key-32-by!');

export const testSecrets = (): SecretBox => createSecretBox({ current: TEST_SECRET_KEY });
