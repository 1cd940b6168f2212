// From which report a suppression came, opened on demand under its why: received when and
// through what (the bounce webhook, the bounce mailbox, a relay's webhook), how it was tied to
// its email, its reason, status and the server's words, and the email it answered (a link to
// that email's journey). Shared by Settings → Consent and suppressions and the customer page.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../app/router';
import { formatDate } from '../ui/kit';

export interface ShownReport {
  source: string; matchedBy: string; type: 'bounce' | 'complaint'; hard: boolean; reason: string;
  status: string | null; diagnostic: string; at: string;
  email: { id: string; subject: string; sentAt: string | null; journeyId: string | null; journeyName: string | null } | null;
}

function Row({ label, testId, children }: { label: string; testId: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-slate-400">{label}</dt>
      <dd className="mb-1 min-w-0 break-words text-slate-600 @xs:mb-0" data-testid={testId}>{children}</dd>
    </>
  );
}

export function SuppressionReport({ report }: { report: ShownReport }) {
  const { t } = useTranslation('settings');
  const kind = report.type === 'complaint' ? 'complaint' : report.hard ? 'hard' : 'soft';
  const reason = t(`bounce.reason.${report.reason}`, { defaultValue: report.reason.replace(/_/g, ' ') });
  const email = report.email;
  return (
    // Label beside value where there is room (Settings), above it in a narrow column (the customer page).
    <details className="@container mt-1 text-xs" data-testid="suppression-report">
      <summary className="cursor-pointer select-none text-violet-700 hover:underline">
        {t('report.show', { source: t(`report.source.${report.source}`, { defaultValue: report.source }), date: formatDate(report.at, false) })}
      </summary>
      <dl className="mt-1.5 grid grid-cols-1 gap-x-3 rounded-md @xs:grid-cols-[max-content_1fr] @xs:gap-y-1 bg-slate-50 px-3 py-2 ring-1 ring-slate-100">
        <Row label={t('report.received')} testId="report-received">{formatDate(report.at)}</Row>
        <Row label={t('report.reason')} testId="report-reason">{t('report.reasonValue', { reason, kind: t(`report.kind.${kind}`) })}</Row>
        {report.status && <Row label={t('report.status')} testId="report-status"><span className="font-mono">{report.status}</span></Row>}
        {report.diagnostic && <Row label={t('report.diagnostic')} testId="report-diagnostic">{report.diagnostic}</Row>}
        <Row label={t('report.matchedBy')} testId="report-matched">{t(`report.matched.${report.matchedBy}`, { defaultValue: report.matchedBy })}</Row>
        <Row label={t('report.email')} testId="report-email">
          {email ? t('report.emailValue', { subject: email.subject, date: formatDate(email.sentAt) }) : t('report.emailGone')}
          {email?.journeyId && (
            <Link to={`/journeys/${email.journeyId}`} className="ml-1.5 text-violet-700 hover:underline">{email.journeyName ?? email.journeyId}</Link>
          )}
        </Row>
      </dl>
    </details>
  );
}
