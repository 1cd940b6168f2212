import { bounceSettingsSection } from '@afterglow/db';
import { bounceSettingsSchema } from '@afterglow/journey-core';
import { router } from './init';
import { settingsProcedures } from './settings-section';

/** How many soft bounces within how many days suppress an address (docs/email.md, "Bounces"). */
export const bouncesRouter = router({
  ...settingsProcedures(bounceSettingsSection, bounceSettingsSchema),
});
