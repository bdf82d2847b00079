// One mission: its plan (members, places, dates), the checklist answered per place, findings and
// recommendations, and the report as a .docx. What can be changed comes from allowedActions.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useLocation, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { QueryView } from '../../components/Status';
import { formatDate } from '../../i18n/format';
import { ChecklistPanel } from './ChecklistPanel';
import { FindingsPanel } from './FindingsPanel';
import { MissionRecommendations } from './MissionRecommendations';
import { missionKey, type MissionView } from './shared';
import { useMonitoringT } from './use-monitoring-t';
import './monitoring.css';

export function MissionDetailPage() {
  const mt = useMonitoringT();
  const id = Number(useParams().id);
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const queryClient = useQueryClient();
  const mission = useQuery({
    queryKey: missionKey(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/missions/{id}', { params: { path: { id } }, signal })),
  });
  // A save answered with the mission is shown as it is; the list (its counts) asks again.
  const showSaved = (next: MissionView) => {
    queryClient.setQueryData(missionKey(id), next);
    void queryClient.invalidateQueries({ queryKey: ['/api/missions'] });
  };

  return (
    <div className="page">
      <p className="back-link">
        <Link to="/missions">← {mt('missions.backToList')}</Link>
      </p>
      {notice && (
        <p className="notice notice-success" role="status">
          {mt(notice === 'created' ? 'detail.created' : 'detail.saved')}
        </p>
      )}
      <QueryView state={mission}>
        {(m) => (
          <>
            <div className="page-title-row">
              <h1>{m.title}</h1>
            </div>
            <p className="mon-actions">
              <span className={`badge mon-phase-${m.phase}`}>{mt(`phase.${m.phase}`)}</span>
              {m.allowedActions.includes('edit') && (
                <Link className="button button-secondary" to={`/missions/${m.id}/edit`}>
                  {mt('detail.edit')}
                </Link>
              )}
              <a className="button button-secondary" href={`/api/missions/${m.id}/report.docx`} download>
                {mt('detail.exportDocx')}
              </a>
            </p>
            <MissionFacts mission={m} />
            <ChecklistPanel mission={m} onSaved={showSaved} />
            <FindingsPanel mission={m} onSaved={showSaved} />
            <MissionRecommendations
              mission={m}
              onChanged={() => {
                void queryClient.invalidateQueries({ queryKey: missionKey(id) });
                void queryClient.invalidateQueries({ queryKey: ['/api/missions'] });
                void queryClient.invalidateQueries({ queryKey: ['/api/recommendations'] });
              }}
            />
          </>
        )}
      </QueryView>
    </div>
  );
}

function MissionFacts({ mission: m }: { mission: MissionView }) {
  const mt = useMonitoringT();
  return (
    <>
      <dl className="facts panel">
        <div>
          <dt>{mt('detail.lead')}</dt>
          <dd>{m.leadAgency.name}</dd>
        </div>
        <div>
          <dt>{mt('detail.dates')}</dt>
          <dd>
            {formatDate(m.startDate)} – {formatDate(m.endDate)}
          </dd>
        </div>
        {m.activity && (
          <div className="mon-fact-wide">
            <dt>{mt('detail.activity')}</dt>
            <dd>
              <Link to={`/plans/${m.activity.planId}`}>
                {m.activity.number}. {m.activity.title}
              </Link>
              <small className="block muted">{m.activity.planTitle}</small>
            </dd>
          </div>
        )}
        <div className="mon-fact-wide">
          <dt>{mt('detail.held')}</dt>
          <dd>
            {m.recordId !== null ? (
              <>
                {mt('detail.heldYes', { date: formatDate(m.report.date ?? '') })}{' '}
                <Link to={`/records/${m.recordId}`}>{mt('detail.heldRecord')}</Link>
              </>
            ) : (
              <span className="muted">{mt(m.activity ? 'detail.heldNo' : 'detail.heldNoActivity')}</span>
            )}
          </dd>
        </div>
        {m.purpose && (
          <div className="mon-fact-wide">
            <dt>{mt('detail.purpose')}</dt>
            <dd className="mon-prewrap">{m.purpose}</dd>
          </div>
        )}
      </dl>
      <div className="mon-columns">
        <section className="panel" aria-labelledby="mon-members">
          <h2 id="mon-members">{mt('detail.members')}</h2>
          <ul className="mon-list">
            {m.members.map((x, i) => (
              <li key={i}>
                <strong>{x.name}</strong> — {mt(`role.${x.role}`)}
                <small className="block muted">{[x.title, x.agency.name].filter(Boolean).join(', ')}</small>
              </li>
            ))}
          </ul>
        </section>
        <section className="panel" aria-labelledby="mon-places">
          <h2 id="mon-places">{mt('detail.places')}</h2>
          <ul className="mon-list">
            {m.places.map((p) => (
              <li key={p.id}>
                <strong>{p.label}</strong>
                {p.visitDate && (
                  <small className="block muted">{mt('detail.visitOn', { date: formatDate(p.visitDate) })}</small>
                )}
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}
