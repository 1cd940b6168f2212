// GET /exports/<list>.csv?<filters>: a paged list of the run explorer in full, as one CSV
// download. Signed in by the session cookie, allowed to whoever may call the list's tRPC
// procedure (the permission table), filtered as the list is. The rows are read a keyset page
// at a time and written as they come (waiting when the client reads slower), so an export of
// a million runs holds one page in memory. Refusals come before any byte of CSV: 401 without a
// session, 403 for a role the procedure refuses, 400 naming the field of a bad filter, 404 for
// a journey not in the workspace; all in the reader's language.
import { csvRecord } from '@afterglow/i18n/csv';
import { once } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readCookie, SESSION_COOKIE, userForToken } from '../auth/index';
import { say, text } from '../i18n/catalogue';
import { requestedLocale, withLocale } from '../i18n/request-locale';
import { sendJson } from '../ingest/http-io';
import { DomainError } from '../journeys/errors';
import type { ApiDeps } from '../trpc/deps';
import { localeOf, localizedIssues } from '../trpc/localize';
import { permissionFor } from '../trpc/permissions';
import { runListExports } from './run-lists';

/** Rows per read: the lists' largest page. */
const PAGE = 100;

export function createExportHandler(deps: ApiDeps): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const list = runListExports[/^\/exports\/([a-z-]+)\.csv$/.exec(url.pathname)?.[1] ?? ''];
    if (!list) return sendJson(res, 404, { error: `No export at ${url.pathname}` });
    if (req.method !== 'GET') return sendJson(res, 405, { error: 'Exports are read with GET' }, { allow: 'GET' });
    const user = await userForToken(deps.database, readCookie(req, SESSION_COOKIE), deps.clock.now());
    const locale = localeOf({ user, locale: requestedLocale(req.headers['accept-language']) });
    if (!user) return sendJson(res, 401, { error: say(text('auth.signInRequired'), locale) });
    const roles = permissionFor(list.procedure)?.roles;
    if (roles !== 'public' && !roles?.includes(user.role)) {
      return sendJson(res, 403, { error: say(text('auth.roleRefused', { email: user.email, role: user.role, path: list.procedure }), locale) });
    }
    const parsed = withLocale(locale, () => list.filters.safeParse(Object.fromEntries(url.searchParams)));
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message }));
      return sendJson(res, 400, { error: issues.map((i) => `${i.field}: ${i.message}`).join('; '), issues: localizedIssues(issues, locale) });
    }
    const filters = parsed.data;
    try {
      await list.check(deps, user.workspaceId, filters);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      return sendJson(res, err.code === 'NOT_FOUND' ? 404 : 400, { error: say(err.text, locale), field: err.field ?? null });
    }
    res.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${list.filename}.csv"`,
      'cache-control': 'no-store',
    });
    // The byte-order mark: spreadsheet programs then read the file as UTF-8 (Cyrillic stays readable).
    res.write(`\uFEFF${csvRecord(list.header.map((key) => say(text(key), locale)))}`);
    let cursor: string | undefined;
    do {
      const page = await list.page(deps.database.sql, user.workspaceId, filters, cursor, PAGE);
      const chunk = page.rows.map(csvRecord).join('');
      if (res.destroyed) return; // the reader went away: read no more pages
      if (chunk && !res.write(chunk)) await Promise.race([once(res, 'drain'), once(res, 'close')]);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    res.end();
  };
}
