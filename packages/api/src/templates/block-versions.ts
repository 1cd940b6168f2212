// A saved block changed: the next version of every template whose newest version holds it, with
// the block's new content, made in the same transaction as the block's save. So the change flows
// to each template at once, while published journeys keep the versions they were published with
// until they are published again (docs/email.md, "Saved blocks").
import type { LocalisedTemplate } from '@afterglow/email';
import type { Queryable } from '@afterglow/db';
import { text } from '../i18n/catalogue';
import { DomainError } from '../journeys/errors';
import { checkLanguages } from './content';
import { expandTemplateLinks, foldTemplateLinks, templatesUsingBlock } from './linked-content';
import { insertVersion, localised, type TemplateCheck } from './repository';

/** A new version of each template using the block, with its current content; refused (naming the template) when one would break. */
export async function reversionTemplatesUsing(tx: Queryable, check: TemplateCheck, opts: {
  workspaceId: string; blockId: string; userId: string | null; now: Date;
}): Promise<void> {
  for (const use of await templatesUsingBlock(tx, opts.workspaceId, opts.blockId)) {
    const [row] = await tx<(LocalisedTemplate & { language: string })[]>`select subject, preheader, body, language, variants
      from email_template_versions where template_id = ${use.id} and version = ${use.version}`;
    const { template, issues } = await expandTemplateLinks(tx, opts.workspaceId, foldTemplateLinks(localised(row)));
    const problems = [...issues, ...await checkLanguages(template, check)];
    if (problems.length) {
      throw new DomainError('INVALID', text('block.breaksTemplate', { template: use.name, problems: problems.map((p) => p.message).join('; ') }), 'mjml');
    }
    await insertVersion(tx, { workspaceId: opts.workspaceId, id: use.id, version: use.version + 1, userId: opts.userId, now: opts.now }, template);
    await tx`update email_templates set latest_version = ${use.version + 1}, updated_at = ${opts.now} where id = ${use.id}`;
  }
}
