// Asked when a route change would drop unsaved changes (useLeaveGuard). Staying is the first
// button, so Enter or Escape keeps the work.
import { useTranslation } from 'react-i18next';
import { Button, Dialog } from '../ui/kit';

export function LeaveDialog({ onStay, onLeave }: { onStay(): void; onLeave(): void }) {
  const { t } = useTranslation('shell');
  return (
    <Dialog title={t('leave.title')} onClose={onStay}>
      <p className="text-sm text-slate-600">{t('leave.body')}</p>
      <div className="mt-5 flex justify-end gap-2">
        <Button variant="primary" onClick={onStay}>{t('leave.stay')}</Button>
        <Button variant="danger" onClick={onLeave}>{t('leave.discard')}</Button>
      </div>
    </Dialog>
  );
}
