import { Link } from 'react-router';
import { useT } from '../../i18n/I18nProvider';

export function NotFoundPage({ reason }: { reason?: string }) {
  const t = useT();
  return (
    <div className="page">
      <h1>{t('notFound.title')}</h1>
      <p>{reason ?? t('notFound.text')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </div>
  );
}
