import { senderSettingsSection } from '@afterglow/db';
import { senderIdentitySchema } from '@afterglow/journey-core';
import { router } from './init';
import { settingsProcedures } from './settings-section';

/** The workspace's default sender: from name and address, reply-to (a template may override it). */
export const senderRouter = router({
  ...settingsProcedures(senderSettingsSection, senderIdentitySchema),
});
