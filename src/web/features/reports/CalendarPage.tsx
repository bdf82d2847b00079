// The reporting calendar as configured: each report type's deadline rule and who reports to whom
// (administrators change the rule and the automatic reminders), and the thematic or ad hoc periods approvers open one by one.
import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { Field } from '../../components/Field';
import { ErrorNotice, QueryView } from '../../components/Status';
import { formatDate, parseDate } from '../../i18n/format';
import { fieldError } from '../../lib/field-error';
import { hasPermission, useMe } from '../../lib/session';
import type * as ApiTypes from '../../api/types';
import { ReportTabs } from './ReportTabs';
import { useReportsT } from './use-reports-t';
import './reports.css';

type ReportType = ApiTypes.ReportTypeView;

export function CalendarPage() {
  const rt = useReportsT();
  const me = useMe();
  const queryClient = useQueryClient();
  const types = useQuery({
    queryKey: ['/api/report-types'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/report-types', { signal })),
  });
  return (
    <div className="page">
      <h1>{rt('calendar.title')}</h1>
      <ReportTabs />
      <p className="lead">{rt('calendar.intro')}</p>
      <QueryView state={types}>
        {(list) => (
          <>
            <DataTable
              rows={list}
              rowKey={(x) => x.code}
              columns={[
                { key: 'name', header: rt('consolidation.type'), cell: (x) => x.name },
                {
                  key: 'due',
                  header: rt('calendar.rule'),
                  cell: (x) =>
                    hasPermission(me, 'refdata:manage') && x.dueOffsetDays !== null ? (
                      <DueEditor
                        type={x}
                        onSaved={() => {
                          void queryClient.invalidateQueries({ queryKey: ['/api/report-types'] });
                          // The periods' deadlines follow the rule.
                          void queryClient.invalidateQueries({ queryKey: ['/api/report-periods'] });
                        }}
                      />
                    ) : (
                      ruleText(rt, x)
                    ),
                },
                {
                  key: 'reminders',
                  header: rt('calendar.reminders'),
                  cell: (x) =>
                    hasPermission(me, 'refdata:manage') ? (
                      <RemindersEditor
                        key={JSON.stringify(x.reminders)}
                        type={x}
                        onSaved={() => void queryClient.invalidateQueries({ queryKey: ['/api/report-types'] })}
                      />
                    ) : (
                      remindersText(rt, x)
                    ),
                },
                {
                  key: 'who',
                  header: rt('calendar.reporters'),
                  cell: (x) =>
                    x.reporters
                      .map((r) =>
                        rt(`calendar.reporter.${r.level}.${r.kind}` as 'calendar.reporter.provincial.women_union'),
                      )
                      .join('; '),
                },
              ]}
            />
            {hasPermission(me, 'report:approve') && (
              <NewPeriodForm types={list.filter((x) => x.dueOffsetDays === null)} />
            )}
          </>
        )}
      </QueryView>
    </div>
  );
}

function ruleText(rt: ReturnType<typeof useReportsT>, x: ReportType): string {
  if (x.dueOffsetDays === null) return rt('calendar.ruleCustom');
  return x.dueOffsetDays >= 0
    ? rt('calendar.ruleAfter', { days: x.dueOffsetDays })
    : rt('calendar.ruleBefore', { days: -x.dueOffsetDays });
}

function remindersText(rt: ReturnType<typeof useReportsT>, x: ReportType): string {
  const r = x.reminders;
  if (!r.enabled) return rt('calendar.remindersOff');
  return [
    r.daysBefore === 0 ? rt('calendar.remindOnDue') : rt('calendar.remindBefore', { days: r.daysBefore }),
    ...(r.afterDue ? [rt('calendar.remindAfter')] : []),
    ...(r.afterDue && r.afterDueRecipient ? [rt('calendar.remindRecipient')] : []),
  ].join('; ');
}

/** The scheduled reminders of one type: on or off, days before the deadline, after it, the recipient too. */
function RemindersEditor({ type, onSaved }: { type: ReportType; onSaved(): void }) {
  const rt = useReportsT();
  const [settings, setSettings] = useState(type.reminders);
  const [days, setDays] = useState(String(type.reminders.daysBefore));
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const id = (part: string) => `remind-${part}-${type.code}`;
  async function save(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setSaved(false);
    try {
      await unwrap(
        api.PUT('/api/report-types/{code}', {
          params: { path: { code: type.code } },
          body: {
            name: type.name,
            dueOffsetDays: type.dueOffsetDays,
            active: type.active,
            reminders: { ...settings, daysBefore: Number(days) },
          },
        }),
      );
      setSaved(true);
      onSaved();
    } catch (failure) {
      setError(failure);
    }
  }
  return (
    <form
      className="rep-reminders"
      aria-label={rt('calendar.remindersOf', { type: type.name })}
      onSubmit={(e) => void save(e)}
    >
      <label htmlFor={id('on')}>
        <input
          id={id('on')}
          type="checkbox"
          checked={settings.enabled}
          onChange={(e) => setSettings({ ...settings, enabled: e.target.checked })}
        />{' '}
        {rt('calendar.remindEnabled')}
      </label>
      <span className="rep-actions">
        <label className="muted" htmlFor={id('days')}>
          {rt('calendar.remindDays')}
        </label>
        <input
          id={id('days')}
          type="number"
          min={0}
          max={60}
          required
          value={days}
          disabled={!settings.enabled}
          onChange={(e) => setDays(e.target.value)}
          className="rep-days"
        />
      </span>
      <label htmlFor={id('after')}>
        <input
          id={id('after')}
          type="checkbox"
          checked={settings.afterDue}
          disabled={!settings.enabled}
          onChange={(e) => setSettings({ ...settings, afterDue: e.target.checked })}
        />{' '}
        {rt('calendar.remindAfterLabel')}
      </label>
      <label htmlFor={id('recipient')}>
        <input
          id={id('recipient')}
          type="checkbox"
          checked={settings.afterDueRecipient}
          disabled={!settings.enabled || !settings.afterDue}
          onChange={(e) => setSettings({ ...settings, afterDueRecipient: e.target.checked })}
        />{' '}
        {rt('calendar.remindRecipientLabel')}
      </label>
      <span className="rep-actions">
        <button type="submit" className="button button-small">
          {rt('detail.save')}
        </button>
        {saved && (
          <span role="status" className="muted">
            {rt('calendar.remindSaved')}
          </span>
        )}
      </span>
      {error !== null && <ErrorNotice error={error} />}
    </form>
  );
}

function DueEditor({ type, onSaved }: { type: ReportType; onSaved(): void }) {
  const rt = useReportsT();
  const [days, setDays] = useState(String(type.dueOffsetDays ?? 0));
  const [error, setError] = useState<unknown>(null);
  async function save(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await unwrap(
        api.PUT('/api/report-types/{code}', {
          params: { path: { code: type.code } },
          body: { name: type.name, dueOffsetDays: Number(days), active: type.active },
        }),
      );
      onSaved();
    } catch (failure) {
      setError(failure);
    }
  }
  return (
    <form className="rep-actions" onSubmit={(e) => void save(e)}>
      <label className="muted" htmlFor={`due-${type.code}`}>
        {rt('calendar.offset')}
      </label>
      <input
        id={`due-${type.code}`}
        type="number"
        min={-366}
        max={366}
        value={days}
        onChange={(e) => setDays(e.target.value)}
        className="rep-days"
      />
      <button type="submit" className="button button-small">
        {rt('detail.save')}
      </button>
      {error !== null && <ErrorNotice error={error} />}
    </form>
  );
}

function NewPeriodForm({ types }: { types: ReportType[] }) {
  const rt = useReportsT();
  const [draft, setDraft] = useState({ type: types[0]?.code ?? '', title: '', start: '', end: '', due: '' });
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<string | null>(null);
  const queryClient = useQueryClient();
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setCreated(null);
    try {
      const period = await unwrap(
        api.POST('/api/report-periods', {
          body: {
            type: draft.type,
            title: draft.title,
            startDate: parseDate(draft.start) ?? draft.start,
            endDate: parseDate(draft.end) ?? draft.end,
            dueDate: parseDate(draft.due) ?? draft.due,
          },
        }),
      );
      setCreated(`${period.typeName}: ${period.label} (${rt('mine.due')} ${formatDate(period.dueDate)})`);
      setDraft({ ...draft, title: '', start: '', end: '', due: '' });
      void queryClient.invalidateQueries({ queryKey: ['/api/report-periods'] });
    } catch (failure) {
      setError(failure);
    }
  }
  const field = (name: 'start' | 'end' | 'due', apiField: string, label: string) => (
    <Field id={`period-${name}`} label={label} hint="dd/mm/yyyy" error={fieldError(error, apiField)} required>
      <input
        id={`period-${name}`}
        value={draft[name]}
        onChange={(e) => setDraft({ ...draft, [name]: e.target.value })}
      />
    </Field>
  );
  return (
    <form className="panel" aria-labelledby="new-period" onSubmit={(e) => void submit(e)}>
      <h2 id="new-period">{rt('calendar.newPeriod')}</h2>
      {error !== null && !['type', 'title', 'startDate', 'endDate', 'dueDate'].some((f) => fieldError(error, f)) && (
        <ErrorNotice error={error} />
      )}
      {created && (
        <p className="notice notice-success" role="status">
          {created}
        </p>
      )}
      <Field id="period-type" label={rt('consolidation.type')} error={fieldError(error, 'type')}>
        <select id="period-type" value={draft.type} onChange={(e) => setDraft({ ...draft, type: e.target.value })}>
          {types.map((x) => (
            <option key={x.code} value={x.code}>
              {x.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="period-title" label={rt('calendar.periodTitle')} error={fieldError(error, 'title')} required>
        <input id="period-title" value={draft.title} onChange={(e) => setDraft({ ...draft, title: e.target.value })} />
      </Field>
      <div className="rep-three">
        {field('start', 'startDate', rt('calendar.start'))}
        {field('end', 'endDate', rt('calendar.end'))}
        {field('due', 'dueDate', rt('mine.due'))}
      </div>
      <p>
        <button type="submit" className="button button-primary">
          {rt('calendar.open')}
        </button>
      </p>
    </form>
  );
}
