// The one place this package reads the environment: a PostgreSQL server that journey tests may
// create databases on, instead of an embedded one started by each test process.
export interface TestServerEnv {
  /** AFTERGLOW_TEST_DATABASE_URL: a superuser URL of a server (this repository's test run sets it). */
  adminUrl: string | null;
  /** AFTERGLOW_TEST_TEMPLATE: a migrated database on that server to clone; unset: one is made. */
  template: string | null;
}

export function testServerEnv(): TestServerEnv {
  return {
    adminUrl: process.env.AFTERGLOW_TEST_DATABASE_URL || null,
    template: process.env.AFTERGLOW_TEST_TEMPLATE || null,
  };
}
