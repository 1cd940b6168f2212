// GrapesJS's own words (style and settings panels, component names in the layer badge, the image
// picker) from the `email-editor` catalogue, given to GrapesJS's i18n config as one locale. What
// GrapesJS does not route through i18n (the MJML plugin's property names) stays as the plugin has it.
import type { TFunction } from 'i18next';

const COMPONENTS = ['body', 'button', 'column', 'divider', 'image', 'section', 'socialGroup', 'socialElement', 'spacer', 'text', 'wrapper', 'raw'] as const;
const SECTORS = ['dimension', 'typography', 'decorations'] as const;

export function grapesMessages(t: TFunction<'email-editor'>) {
  const names = Object.fromEntries(COMPONENTS.map((c) => [c, t(`component.${c}`)]));
  return {
    assetManager: { addButton: t('asset.add'), inputPlh: t('asset.url'), modalTitle: t('asset.title'), uploadTitle: t('asset.upload') },
    domComponents: { names: { '': t('component.box'), wrapper: t('component.body'), text: t('component.text'), image: t('component.image'), link: t('component.link') } },
    styleManager: {
      empty: t('style.empty'),
      sectors: Object.fromEntries(SECTORS.map((s) => [s, t(`style.${s}`)])),
    },
    traitManager: { empty: t('settings.empty'), label: t('settings.label') },
    'grapesjs-mjml': { components: { names: { ...names, oneColumn: t('block.column1'), twoColumn: t('block.column2'), threeColumn: t('block.column3') } } },
  };
}
