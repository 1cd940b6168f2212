// The settings as the Loyalty screen edits them: the server's own type (the schema's output).
import type { LoyaltySettings } from '@afterglow/journey-core';
import type { FieldErrors } from './fields';

export type { LoyaltySettings };

/** What every section gets: its part of the settings, a way to change it, the server's field messages. */
export interface SectionProps<K extends keyof LoyaltySettings> {
  value: LoyaltySettings[K];
  onChange(next: LoyaltySettings[K]): void;
  errors: FieldErrors;
  disabled: boolean;
}
