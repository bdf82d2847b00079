import { Link } from 'react-router';
import { ROLE_LABELS } from '../../../shared/permissions';
import { useI18n } from '../../i18n/I18nProvider';
import { useMe } from '../../lib/session';
import { SECTION_GROUPS, visibleSections } from '../../sections';

export function HomePage() {
  const { t, lang } = useI18n();
  const me = useMe();
  const sections = visibleSections(me.permissions);
  const scope = me.nationalScope
    ? t('home.scope.national')
    : me.provinces.map((p) => p.name).join(', ') || t('home.scope.none');

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
      {SECTION_GROUPS.map(({ group, label }) => {
        const entries = sections.filter((section) => section.group === group);
        if (entries.length === 0) return null;
        return (
          <section key={group} className="home-group">
            <h2>{t(label)}</h2>
            <ul className="cards">
              {entries.map((section) => (
                <li key={section.path}>
                  <Link className="card" to={section.path}>
                    <strong>{t(section.label)}</strong>
                    <span>{t(section.description)}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
