import { checkoutSettingsSection } from '@afterglow/db';
import { checkoutSettingsSchema } from '@afterglow/journey-core';
import { router } from './init';
import { settingsProcedures } from './settings-section';

/** When a checkout counts as abandoned (the "Checkout Abandoned" event journeys trigger on). */
export const checkoutsRouter = router({
  ...settingsProcedures(checkoutSettingsSection, checkoutSettingsSchema),
});
