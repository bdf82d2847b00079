// "Đánh dấu hoàn thành": the lead agency confirms an activity is done, on a date, with a note.
import { useState, type FormEvent } from 'react';
import { api, unwrap } from '../../api/client';
import { DateField } from '../../components/DateField';
import { Field } from '../../components/Field';
import { ErrorNotice } from '../../components/Status';
import { todayIso } from '../../i18n/format';
import { fieldError } from '../../lib/field-error';
import type { ActivityView } from '../../lib/record-codes';
import { useRecordsT } from './use-records-t';

interface CompletionFormProps {
  activity: ActivityView;
  onDone(activity: ActivityView): void;
  onCancel(): void;
}

export function CompletionForm({ activity, onDone, onCancel }: CompletionFormProps) {
  const rt = useRecordsT();
  const [completedOn, setCompletedOn] = useState(todayIso());
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const id = `complete-${activity.id}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onDone(
        await unwrap(
          api.POST('/api/activities/{id}/complete', {
            params: { path: { id: activity.id } },
            body: { completedOn, note: note.trim() || null },
          }),
        ),
      );
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  const dateError = fieldError(error, 'completedOn');
  return (
    <form className="rec-inline-form" onSubmit={(event) => void submit(event)} noValidate>
      <p className="rec-subhead">{rt('activities.completeTitle', { number: activity.number })}</p>
      {error !== null && !dateError && <ErrorNotice error={error} />}
      <div className="rec-two">
        <Field id={`${id}-date`} label={rt('activities.completedOnLabel')} error={dateError} required>
          <DateField id={`${id}-date`} value={completedOn} required onChange={setCompletedOn} />
        </Field>
        <Field id={`${id}-note`} label={rt('activities.note')}>
          <input id={`${id}-note`} value={note} maxLength={2000} onChange={(event) => setNote(event.target.value)} />
        </Field>
      </div>
      <p className="rec-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {rt('activities.confirmComplete')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {rt('form.cancel')}
        </button>
      </p>
    </form>
  );
}
