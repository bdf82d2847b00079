// Search everywhere (issue 17): /search?q= — the results of GET /api/search, grouped by kind, each
// a link to its page; a group with more than it shows links to its own list filtered by the words.
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { QueryView } from '../../components/Status';
import { formatNumber } from '../../i18n/format';
import { useSearchT } from './use-search-t';
import './search.css';

const PER_KIND = 10;

export function SearchPage() {
  const st = useSearchT();
  const [params] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const results = useQuery({
    queryKey: ['/api/search', q, PER_KIND],
    queryFn: ({ signal }) => unwrap(api.GET('/api/search', { params: { query: { q, limit: PER_KIND } }, signal })),
    enabled: q !== '',
  });

  return (
    <div className="page search-page">
      <h1>{q ? st('search.titleFor', { q }) : st('search.title')}</h1>
      <p className="lead">{st('search.intro')}</p>
      {q === '' ? (
        <p className="muted">{st('search.prompt')}</p>
      ) : (
        <QueryView state={results} isEmpty={(data) => data.groups.length === 0} empty={st('search.empty', { q })}>
          {(data) => (
            <>
              <p className="result-count" aria-live="polite">
                {st('search.count', {
                  count: formatNumber(data.groups.reduce((n, g) => n + g.items.length, 0)),
                })}
              </p>
              {data.groups.map((group) => (
                <section
                  key={group.kind}
                  className="panel search-group"
                  aria-labelledby={`search-${group.kind}`}
                  data-testid={`search-group-${group.kind}`}
                >
                  <h2 id={`search-${group.kind}`}>{st(`kind.${group.kind}`)}</h2>
                  <ul className="search-hits">
                    {group.items.map((hit) => (
                      <li key={hit.id}>
                        <Link to={hit.link}>{hit.title}</Link>
                        {hit.subtitle && <small className="block muted">{hit.subtitle}</small>}
                      </li>
                    ))}
                  </ul>
                  {group.more && (
                    <p className="search-more">
                      <Link to={group.listLink}>
                        {st('search.more', { kind: st(`kind.${group.kind}`).toLowerCase() })}
                      </Link>
                    </p>
                  )}
                </section>
              ))}
            </>
          )}
        </QueryView>
      )}
    </div>
  );
}
