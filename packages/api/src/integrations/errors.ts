// Settings a service's schema refuses: one issue per field, its path under the procedure's
// `values`, so the form shows each message beside its field (mapped to a 400 in trpc/init.ts).
export class SettingsInvalid extends Error {
  constructor(message: string, readonly issues: { path: (string | number)[]; message: string }[]) {
    super(message);
    this.name = 'SettingsInvalid';
  }
}
