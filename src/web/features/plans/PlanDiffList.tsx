// What changed between two versions, as the server words it ("Nội dung 2 › Hoạt động 3 › Thời
// gian"), each with its before and after. Agency numbers are shown as agency names.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, unwrap } from '../../api/client';
import { EmptyNotice, QueryView } from '../../components/Status';
import { useAgencies } from '../../lib/reference';
import type { PlanDiff } from './plan-types';
import { usePlanT } from './use-plan-t';
import type { PlanMessageKey } from './messages.vi';

type Change = PlanDiff['changes'][number];

const KIND_BADGE: Record<string, string> = {
  added: 'badge badge-full',
  removed: 'badge badge-disabled',
  changed: 'badge badge-warn',
  moved: 'badge badge-new',
};

const AGENCY_FIELD = /› Cơ quan (chủ trì|phối hợp)$/;

export function PlanDiffList({ planId, from, to }: { planId: number; from: number; to: number }) {
  const t = usePlanT();
  const diff = useQuery({
    queryKey: ['/api/plans/{id}/diff', planId, { from, to }],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/plans/{id}/diff', { params: { path: { id: planId }, query: { from, to } }, signal })),
    placeholderData: keepPreviousData,
  });
  const agencies = useAgencies();
  const names = useMemo(
    () => new Map(agencies.data?.map((a) => [String(a.id), a.shortName || a.name])),
    [agencies.data],
  );
  const show = (change: Change, value: string | undefined) =>
    value && AGENCY_FIELD.test(change.where)
      ? value
          .split(', ')
          .map((id) => names.get(id) ?? id)
          .join(', ')
      : value;

  return (
    <section className="plan-diff" aria-label={t('versions.compare', { from, to })}>
      <h2>{t('versions.compare', { from, to })}</h2>
      <QueryView state={diff}>
        {(data) =>
          data.changes.length === 0 ? (
            <EmptyNotice>{t('versions.noChanges')}</EmptyNotice>
          ) : (
            <>
              <p className="result-count">{t('versions.changes', { count: data.changes.length })}</p>
              <ul className="diff-list">
                {data.changes.map((change, i) => (
                  <li key={i}>
                    <p className="diff-where">
                      {change.kind in KIND_BADGE && (
                        <span className={KIND_BADGE[change.kind]}>
                          {t(`versions.kind.${change.kind}` as PlanMessageKey)}
                        </span>
                      )}{' '}
                      {change.where}
                    </p>
                    <div className="diff-values">
                      {change.kind !== 'added' && (
                        <DiffValue label={t('versions.before')} value={show(change, change.before)} kind="before" />
                      )}
                      {change.kind !== 'removed' && (
                        <DiffValue label={t('versions.after')} value={show(change, change.after)} kind="after" />
                      )}
                    </div>
                  </li>
                ))}
              </ul>
            </>
          )
        }
      </QueryView>
    </section>
  );
}

function DiffValue({ label, value, kind }: { label: string; value?: string; kind: 'before' | 'after' }) {
  const t = usePlanT();
  return (
    <div className={`diff-value diff-${kind}`}>
      <span className="diff-label">{label}</span>
      <p>{value ? value : <span className="muted">{t('versions.empty')}</span>}</p>
    </div>
  );
}
