// The checklist templates missions choose from: name, code, whether in use, and the questions by
// group. Administrators add and edit them (refdata:manage); the route is guarded by that permission.
import { useQuery } from '@tanstack/react-query';
import { Link, useLocation } from 'react-router';
import { api, unwrap } from '../../api/client';
import { QueryView } from '../../components/Status';
import type { ChecklistTemplate } from '../../lib/reference';
import { useChecklistsT } from './shared';
import '../../styles/monitoring.css';
import './checklists.css';

/** Items in their order, grouped under consecutive group names. */
export function groupItems(items: ChecklistTemplate['items']) {
  const groups: { group: string; items: ChecklistTemplate['items'] }[] = [];
  for (const item of items) {
    const last = groups.at(-1);
    if (last && last.group === item.group) last.items.push(item);
    else groups.push({ group: item.group, items: [item] });
  }
  return groups;
}

export function ChecklistTemplatesPage() {
  const ct = useChecklistsT();
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  // Asked on every visit (not the session's reference copy): an administrator sees others' changes.
  const templates = useQuery({
    queryKey: ['/api/checklist-templates'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/checklist-templates', { signal })),
  });
  return (
    <div className="page">
      <h1>{ct('list.title')}</h1>
      <p className="lead">{ct('list.intro')}</p>
      {notice && (
        <p className="notice notice-success" role="status">
          {ct(notice === 'created' ? 'list.created' : 'list.saved')}
        </p>
      )}
      <p className="mon-actions">
        <Link className="button button-primary" to="/checklist-templates/new">
          {ct('list.add')}
        </Link>
      </p>
      <QueryView state={templates} isEmpty={(list) => list.length === 0} empty={ct('list.empty')}>
        {(list) => (
          <ul className="mon-list" aria-label={ct('list.title')}>
            {list.map((t) => (
              <li key={t.id}>
                <h2 className="chk-name">
                  <Link to={`/checklist-templates/${t.id}`}>{t.name}</Link>{' '}
                  <span className={`badge ${t.active ? 'mon-status-done' : 'mon-phase-finished'}`}>
                    {ct(t.active ? 'state.active' : 'state.retired')}
                  </span>
                </h2>
                <p className="muted mon-small">
                  <code className="chk-code">{t.code}</code> · {ct('list.items', { n: t.items.length })}
                </p>
                {t.description && <p>{t.description}</p>}
                <details>
                  <summary>{ct('list.showItems')}</summary>
                  {groupItems(t.items).map((g, i) => (
                    <div key={i}>
                      {g.group && <h3 className="chk-group">{g.group}</h3>}
                      <ol>
                        {g.items.map((item) => (
                          <li key={item.id}>{item.text}</li>
                        ))}
                      </ol>
                    </div>
                  ))}
                </details>
                <p>
                  <Link className="button button-secondary button-small" to={`/checklist-templates/${t.id}`}>
                    {ct('list.edit')}
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        )}
      </QueryView>
    </div>
  );
}
