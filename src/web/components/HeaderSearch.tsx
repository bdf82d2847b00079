// The frame's search box (issue 17, search everywhere): on every page, desktop and phone; it opens
// /search?q= (features/search), whose words it then shows.
import { useEffect, useState, type FormEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useT } from '../i18n/I18nProvider';

export const SEARCH_PATH = '/search';

export function HeaderSearch() {
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const current = location.pathname === SEARCH_PATH ? (new URLSearchParams(location.search).get('q') ?? '') : '';
  const [text, setText] = useState(current);
  useEffect(() => setText(current), [current]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const q = text.trim();
    if (q) void navigate(`${SEARCH_PATH}?${new URLSearchParams({ q })}`);
  }

  return (
    <form className="header-search" role="search" aria-label={t('frame.search')} onSubmit={onSubmit}>
      <label htmlFor="header-search-q" className="visually-hidden">
        {t('frame.search')}
      </label>
      <input
        id="header-search-q"
        type="search"
        name="q"
        value={text}
        maxLength={200}
        placeholder={t('frame.searchPlaceholder')}
        autoComplete="off"
        enterKeyHint="search"
        onChange={(event) => setText(event.target.value)}
      />
      <button type="submit" className="button button-header">
        {t('frame.searchSubmit')}
      </button>
    </form>
  );
}
