// The mission's checklist, answered place by place: for each item yes / partly / no / not
// applicable and a note. Editors change the answers of one place at a time and save them together.
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { ErrorNotice } from '../../components/Status';
import type { MissionView } from './shared';
import { useMonitoringT } from './use-monitoring-t';

const ANSWERS = ['yes', 'partly', 'no', 'na'] as const;
type Answer = (typeof ANSWERS)[number];
type Answers = Record<number, { answer: Answer | ''; note: string }>;

function answersOf(place: MissionView['places'][number] | undefined): Answers {
  const result: Answers = {};
  for (const a of place?.answers ?? []) result[a.itemId] = { answer: a.answer, note: a.note };
  return result;
}

export function ChecklistPanel({ mission, onSaved }: { mission: MissionView; onSaved(m: MissionView): void }) {
  const mt = useMonitoringT();
  const [placeId, setPlaceId] = useState(mission.places[0]?.id ?? 0);
  const place = mission.places.find((p) => p.id === placeId) ?? mission.places[0];
  const [answers, setAnswers] = useState<Answers>(() => answersOf(place));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const editable = mission.allowedActions.includes('edit');
  useEffect(() => setAnswers(answersOf(place)), [place, mission.version]);
  useEffect(() => setSaved(false), [place?.id]);

  if (!mission.checklist || !place) {
    return (
      <section className="panel" aria-labelledby="mon-checklist">
        <h2 id="mon-checklist">{mt('checklist.title')}</h2>
        <p className="muted">{mission.checklist ? mt('checklist.noPlaces') : mt('checklist.none')}</p>
      </section>
    );
  }
  const items = mission.checklist.items;
  const answered = (p: MissionView['places'][number]) => p.answers.length;

  async function save() {
    setBusy(true);
    setError(null);
    try {
      const body = {
        answers: items.flatMap((item) => {
          const a = answers[item.id];
          return a && a.answer ? [{ itemId: item.id, answer: a.answer, note: a.note }] : [];
        }),
      };
      onSaved(
        await unwrap(
          api.PUT('/api/missions/{id}/places/{placeId}/checklist', {
            params: { path: { id: mission.id, placeId: place!.id } },
            body,
          }),
        ),
      );
      setSaved(true);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  let group = '';
  return (
    <section className="panel" aria-labelledby="mon-checklist">
      <h2 id="mon-checklist">{mt('checklist.title')}</h2>
      <p className="muted mon-small">{mission.checklist.name}</p>
      <div className="mon-place-tabs" role="tablist" aria-label={mt('checklist.places')}>
        {mission.places.map((p) => (
          <button
            key={p.id}
            type="button"
            role="tab"
            aria-selected={p.id === place.id}
            className={p.id === place.id ? 'mon-tab is-active' : 'mon-tab'}
            onClick={() => setPlaceId(p.id)}
          >
            {p.label.split(',')[0]}
            <small>{mt('checklist.answered', { n: answered(p), total: items.length })}</small>
          </button>
        ))}
      </div>
      {error !== null && <ErrorNotice error={error} />}
      {saved && (
        <p className="notice notice-success" role="status">
          {mt('checklist.saved', { place: place.label })}
        </p>
      )}
      <ol className="mon-checklist" role="tabpanel" aria-label={place.label}>
        {items.map((item, i) => {
          const current = answers[item.id] ?? { answer: '', note: '' };
          const heading = item.group && item.group !== group ? (group = item.group) : null;
          const set = (patch: Partial<(typeof answers)[number]>) =>
            setAnswers((all) => ({ ...all, [item.id]: { ...current, ...patch } }));
          return (
            <li key={item.id} className="mon-item">
              {heading && <p className="mon-item-group">{heading}</p>}
              <p className="mon-item-text">
                <span className="mon-num">{i + 1}.</span> {item.text}
              </p>
              {editable ? (
                <>
                  <div className="mon-answers" role="radiogroup" aria-label={`${i + 1}. ${item.text}`}>
                    {ANSWERS.map((a) => (
                      <label key={a} className={current.answer === a ? `mon-answer is-${a}` : 'mon-answer'}>
                        <input
                          type="radio"
                          name={`item-${item.id}`}
                          checked={current.answer === a}
                          onChange={() => set({ answer: a })}
                        />
                        {mt(`answer.${a}`)}
                      </label>
                    ))}
                  </div>
                  <label className="visually-hidden" htmlFor={`note-${item.id}`}>
                    {mt('checklist.note', { n: i + 1 })}
                  </label>
                  <input
                    id={`note-${item.id}`}
                    className="mon-note"
                    value={current.note}
                    placeholder={mt('checklist.notePlaceholder')}
                    onChange={(e) => set({ note: e.target.value })}
                  />
                </>
              ) : (
                <p className="mon-answer-read">
                  {current.answer ? (
                    <span className={`badge mon-ans-${current.answer}`}>{mt(`answer.${current.answer}`)}</span>
                  ) : (
                    <span className="muted">{mt('checklist.unanswered')}</span>
                  )}
                  {current.note && <span className="mon-note-read"> {current.note}</span>}
                </p>
              )}
            </li>
          );
        })}
      </ol>
      {editable && (
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void save()}>
          {busy ? mt('common.saving') : mt('checklist.save', { place: place.label.split(',')[0]! })}
        </button>
      )}
    </section>
  );
}
