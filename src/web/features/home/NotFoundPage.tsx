import { Link } from 'react-router';
import { useT } from '../../i18n/I18nProvider';

/**
 * An address the app does not have, or (`forbidden`) a page the user's role may not open: the
 * latter says so rather than "not found", since the page exists. (Records outside the user's scope
 * stay "not found": the API answers 404 for them, App.tsx only knows the role's permissions.)
 */
export function NotFoundPage({ forbidden = false }: { forbidden?: boolean }) {
  const t = useT();
  return (
    <div className="page">
      <h1>{t(forbidden ? 'forbidden.title' : 'notFound.title')}</h1>
      <p>{t(forbidden ? 'forbidden.text' : 'notFound.text')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </div>
  );
}
