// The activities of one content area: number, content, timeframe in Vietnamese, lead and
// partner agencies, level and the expected outputs with their targets.
import type { ReactNode } from 'react';
import { formatNumber } from '../../i18n/format';
import { levelKey, timeframeText } from './plan-labels';
import type { PlanActivity, PlanSection, PlanView } from './plan-types';
import { usePlanT } from './use-plan-t';

export function PlanActivities({ plan, section }: { plan: PlanView; section: PlanSection }) {
  const t = usePlanT();
  const sectionTime = timeframeText(section.timeframe);
  return (
    <>
      {sectionTime && (
        <p>
          <strong>{t('plan.doc.timeframe')}:</strong> {sectionTime}
        </p>
      )}
      {section.activities.length > 0 && (
        <ol className="doc-activities" aria-label={t('plan.doc.activities')}>
          {section.activities.map((activity) => (
            <ActivityItem key={activity.key} activity={activity} provincial={plan.kind === 'provincial'} />
          ))}
        </ol>
      )}
    </>
  );
}

function ActivityItem({ activity, provincial }: { activity: PlanActivity; provincial: boolean }) {
  const t = usePlanT();
  const level = levelKey(activity.level);
  const time = timeframeText(activity.timeframe);
  return (
    <li className="doc-activity">
      <span className="doc-activity-number">{activity.number}.</span>
      <div>
        <p className="doc-activity-title">{activity.title}</p>
        <dl className="doc-activity-meta">
          {time && <Meta label={t('plan.doc.timeframe')}>{time}</Meta>}
          {activity.leadAgency && <Meta label={t('plan.doc.lead')}>{activity.leadAgency.name}</Meta>}
          {activity.partnerAgencies.length > 0 && (
            <Meta label={t('plan.doc.partners')}>{activity.partnerAgencies.map((a) => a.name).join('; ')}</Meta>
          )}
          {level && <Meta label={t('plan.doc.level')}>{t(level)}</Meta>}
          {activity.outputs.length > 0 && (
            <Meta label={t('plan.doc.outputs')}>
              <ul className="doc-outputs">
                {activity.outputs.map((o, i) => (
                  <li key={i}>
                    {o.text}
                    {o.target !== undefined && (
                      <span className="badge badge-new">
                        {t('plan.doc.target', { target: `${formatNumber(o.target)}${o.unit ? ` ${o.unit}` : ''}` })}
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            </Meta>
          )}
          {provincial && (
            <Meta label="">
              <small className="muted">
                {activity.centralActivityKey ? t('plan.doc.centralLink') : t('plan.doc.local')}
              </small>
            </Meta>
          )}
        </dl>
      </div>
    </li>
  );
}

function Meta({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      {label && <dt>{label}</dt>}
      <dd>{children}</dd>
    </div>
  );
}
