// The home page: what waits for this user (GET /api/me/work) — plans to sign or issue, reports to
// write or approve with their deadlines, late provinces, recommendations to their agency, locked
// periods, unread notifications —, each a link to where to act; the sections' directory below.
import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap, type components } from '../../api/client';
import { ROLE_LABELS, type Permission } from '../../../shared/permissions';
import { QueryView } from '../../components/Status';
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import { hasPermission, useMe } from '../../lib/session';
import { SECTION_GROUPS, visibleSections } from '../../sections';
import { useHomeT } from './use-home-t';
import './home.css';

type MyWork = components['schemas']['MyWork'];
type HomeT = ReturnType<typeof useHomeT>;

const DAY = 86_400_000;
const daysFrom = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY);

function Due({ due, today, late, ht }: { due: string; today: string; late?: boolean; ht: HomeT }) {
  const days = daysFrom(today, due);
  const when = days < 0 ? ht('due.late', { days: -days }) : days === 0 ? ht('due.today') : ht('due.left', { days });
  return (
    <span className={late || days < 0 ? 'work-due is-late' : days <= 7 ? 'work-due is-soon' : 'work-due'}>
      {ht('due.on', { date: formatDate(due) })} · {when}
    </span>
  );
}

function WorkPanel(props: {
  id: string;
  title: string;
  total: number;
  shown: number;
  more?: string;
  summary?: ReactNode;
  ht: HomeT;
  children: ReactNode;
}) {
  const { id, title, total, shown, more, summary, ht, children } = props;
  return (
    <section className="panel work-panel" aria-labelledby={`work-${id}`} data-testid={`work-${id}`}>
      <h3 id={`work-${id}`}>
        {title} <span className={total > 0 ? 'work-count is-some' : 'work-count'}>{formatNumber(total)}</span>
      </h3>
      {summary}
      {total === 0 ? <p className="work-none">{ht('work.none')}</p> : <ul className="work-list">{children}</ul>}
      {more && total > shown && (
        <p className="work-more">
          <Link to={more}>{ht('work.more', { count: formatNumber(total) })}</Link>
        </p>
      )}
    </section>
  );
}

function WorkLists({ work, can, ht }: { work: MyWork; can: (p: Permission) => boolean; ht: HomeT }) {
  const me = useMe();
  const { today } = work;
  const panels: ReactNode[] = [];
  if (can('plan:edit'))
    panels.push(
      <WorkPanel
        key="plans"
        id="plans"
        title={ht('plans.title')}
        total={work.plans.total}
        shown={work.plans.items.length}
        more="/plans?status=under_review"
        ht={ht}
      >
        {work.plans.items.map((p) => (
          <li key={p.id}>
            <Link to={p.link}>{p.title}</Link>
            <span className="work-meta">{ht(p.action === 'sign' ? 'plans.sign' : 'plans.issue')}</span>
          </li>
        ))}
      </WorkPanel>,
    );
  if (can('report:write'))
    panels.push(
      <WorkPanel
        key="write"
        id="write"
        title={ht('write.title')}
        total={work.reportsToWrite.total}
        shown={work.reportsToWrite.items.length}
        more="/reports"
        ht={ht}
      >
        {work.reportsToWrite.items.map((r) => (
          <li key={`${r.type.code}:${r.period.code}`}>
            <Link to={r.link}>
              {r.type.name} — {r.period.label}
            </Link>
            <span className="work-meta">
              {ht(`write.${r.status}` as 'write.draft')} · <Due due={r.dueDate} today={today} late={r.late} ht={ht} />
            </span>
          </li>
        ))}
      </WorkPanel>,
    );
  if (can('report:approve'))
    panels.push(
      <WorkPanel
        key="approve"
        id="approve"
        title={ht('approve.title')}
        total={work.reportsToApprove.total}
        shown={work.reportsToApprove.items.length}
        more="/reports/queue"
        ht={ht}
      >
        {work.reportsToApprove.items.map((r) => (
          <li key={r.id}>
            <Link to={r.link}>
              {r.type.name} — {r.period.label}
            </Link>
            <span className="work-meta">
              {r.agency}
              {r.submittedAt && <> · {ht('approve.submitted', { date: formatDateTime(r.submittedAt) })}</>}
            </span>
          </li>
        ))}
      </WorkPanel>,
    );
  if (can('report:approve') && me.nationalScope)
    panels.push(
      <WorkPanel
        key="late"
        id="late"
        title={ht('late.title')}
        total={work.latePeriods.total}
        shown={work.latePeriods.items.length}
        ht={ht}
      >
        {work.latePeriods.items.map((p) => (
          <li key={`${p.type.code}:${p.period.code}`}>
            <Link to={p.link}>
              {p.type.name} — {p.period.label}
            </Link>
            <span className="work-meta">
              <span className="work-due is-late">{ht('late.count', { late: p.late, expected: p.expected })}</span> ·{' '}
              {ht('due.on', { date: formatDate(p.dueDate) })}
            </span>
            <span className="work-meta">
              {ht('late.provinces', { names: p.provinces.join(', ') + (p.late > p.provinces.length ? '…' : '') })}
            </span>
          </li>
        ))}
      </WorkPanel>,
    );
  if (can('recommendation:respond')) {
    const recs = work.recommendations;
    panels.push(
      <WorkPanel
        key="recs"
        id="recs"
        title={ht('recs.title')}
        total={recs.total}
        shown={recs.items.length}
        more={recs.link}
        summary={
          recs.total > 0 && (
            <p className="work-summary">{ht('recs.summary', { total: recs.total, overdue: recs.overdue })}</p>
          )
        }
        ht={ht}
      >
        {recs.items.map((r) => (
          <li key={r.id}>
            <Link to={r.link}>{r.text}</Link>
            <span className="work-meta">
              {ht(`recs.${r.status}` as 'recs.open')} · <Due due={r.dueDate} today={today} late={r.overdue} ht={ht} />
            </span>
            <span className="work-meta">{ht('recs.mission', { title: r.mission })}</span>
          </li>
        ))}
      </WorkPanel>,
    );
  }
  if (can('record:write') && work.lockedPeriods.total > 0)
    panels.push(
      <WorkPanel
        key="locked"
        id="locked"
        title={ht('locked.title')}
        total={work.lockedPeriods.total}
        shown={work.lockedPeriods.items.length}
        summary={<p className="work-summary">{ht('locked.intro')}</p>}
        ht={ht}
      >
        {work.lockedPeriods.items.map((l) => (
          <li key={l.reportId}>
            <Link to={l.link}>
              {l.type.name} — {l.period.label}
            </Link>
            <span className="work-meta">
              {ht('locked.period', { from: formatDate(l.period.start), to: formatDate(l.period.end) })}
            </span>
          </li>
        ))}
      </WorkPanel>,
    );
  const notes = work.notifications;
  panels.push(
    <WorkPanel key="notes" id="notes" title={ht('notes.title')} total={notes.unread} shown={notes.items.length} ht={ht}>
      {notes.items.map((n) => (
        <li key={n.id}>
          {n.link ? <Link to={n.link}>{n.title}</Link> : <strong>{n.title}</strong>}
          <span className="work-meta">{formatDateTime(n.createdAt)}</span>
        </li>
      ))}
    </WorkPanel>,
  );
  const waiting =
    work.plans.total +
    work.reportsToWrite.total +
    work.reportsToApprove.total +
    work.latePeriods.total +
    work.recommendations.total +
    notes.unread;
  return (
    <>
      {waiting === 0 && <p className="lead">{ht('work.nothing')}</p>}
      <div className="work-grid">{panels}</div>
    </>
  );
}

export function HomePage() {
  const { t, lang } = useI18n();
  const ht = useHomeT();
  const me = useMe();
  const sections = visibleSections(me.permissions);
  const scope = me.nationalScope
    ? t('home.scope.national')
    : me.provinces.map((p) => p.name).join(', ') || t('home.scope.none');
  const work = useQuery({
    queryKey: ['/api/me/work'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/me/work', { signal })),
  });

  return (
    <div className="page">
      <h1>{t('home.title')}</h1>
      <section className="panel welcome">
        <p className="welcome-greeting">{t('home.welcome', { name: me.displayName })}</p>
        <dl className="facts">
          <div>
            <dt>{t('home.agency')}</dt>
            <dd>{me.agency.name}</dd>
          </div>
          <div>
            <dt>{t('home.role')}</dt>
            <dd>{ROLE_LABELS[me.role][lang]}</dd>
          </div>
          <div>
            <dt>{t('home.scope')}</dt>
            <dd data-testid="user-scope">{scope}</dd>
          </div>
        </dl>
      </section>
      <section className="home-work" aria-labelledby="home-work-title">
        <h2 id="home-work-title">{ht('work.title')}</h2>
        <QueryView state={work}>
          {(data) => <WorkLists work={data} can={(p) => hasPermission(me, p)} ht={ht} />}
        </QueryView>
      </section>
      <nav className="home-sections" aria-labelledby="home-sections-title">
        <h2 id="home-sections-title">{ht('sections.title')}</h2>
        {SECTION_GROUPS.map(({ group, label }) => {
          const entries = sections.filter((section) => section.group === group);
          if (entries.length === 0) return null;
          return (
            <div key={group} className="home-group">
              <h3>{t(label)}</h3>
              <ul className="home-links">
                {entries.map((section) => (
                  <li key={section.path}>
                    <Link to={section.path} title={t(section.description)}>
                      {t(section.label)}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </nav>
    </div>
  );
}
