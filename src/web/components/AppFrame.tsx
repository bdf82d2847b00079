// Header (product, the search box, who is signed in, the notification bell, language, change password, logout) and the navigation built from SECTIONS
// and the user's permissions: only sections the user can open are listed; under them, the outbox's
// state (offline, items waiting: OfflineStatus).
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { NavLink, useLocation, useNavigate } from 'react-router';
import { ROLE_LABELS } from '../../shared/permissions';
import { useI18n } from '../i18n/I18nProvider';
import { useMe, useSession } from '../lib/session';
import { CHANGE_PASSWORD_PATH, SECTION_GROUPS, visibleSections } from '../sections';
import { HeaderSearch } from './HeaderSearch';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationBell } from './NotificationBell';

// The outbox (IndexedDB, its sending) loads after the frame is drawn: it is not in the first load.
const OfflineStatus = lazy(() => import('./OfflineStatus').then((m) => ({ default: m.OfflineStatus })));

export function AppFrame({ children }: { children: ReactNode }) {
  const { t, lang } = useI18n();
  const me = useMe();
  const { logout } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const sections = visibleSections(me.permissions);

  // On a phone the menu covers the page; close it once a link is followed.
  useEffect(() => setMenuOpen(false), [location.pathname]);

  async function onLogout() {
    await logout();
    void navigate('/login', { replace: true });
  }

  return (
    <div className="frame">
      <a className="skip-link" href="#main">
        {t('frame.skipToContent')}
      </a>
      <header className="app-header">
        <button
          type="button"
          className="menu-button"
          aria-expanded={menuOpen}
          aria-controls="app-nav"
          onClick={() => setMenuOpen((open) => !open)}
        >
          <span className="menu-icon" aria-hidden="true" />
          <span className="menu-label">{t('frame.menu')}</span>
        </button>
        <NavLink to="/" className="brand">
          {t('app.name')}
        </NavLink>
        <HeaderSearch />
        <div className="user-box" data-testid="user-box">
          <strong className="user-name">{me.displayName}</strong>
          <span className="user-meta">
            <span title={me.agency.name}>{me.agency.shortName || me.agency.name}</span>
            <span aria-hidden="true"> · </span>
            <span>{ROLE_LABELS[me.role][lang]}</span>
          </span>
          <NavLink to={CHANGE_PASSWORD_PATH} className="user-link" data-testid="change-password-link">
            {t('frame.changePassword')}
          </NavLink>
        </div>
        <div className="header-actions">
          <NotificationBell />
          <LanguageSwitch />
          <button type="button" className="button button-header" onClick={() => void onLogout()}>
            {t('action.logout')}
          </button>
        </div>
        <Suspense fallback={null}>
          <OfflineStatus />
        </Suspense>
      </header>
      <nav id="app-nav" className={menuOpen ? 'app-nav is-open' : 'app-nav'} aria-label={t('frame.navigation')}>
        <ul>
          <li>
            <NavLink to="/" end>
              {t('nav.home')}
            </NavLink>
          </li>
        </ul>
        {SECTION_GROUPS.map(({ group, label }) => {
          const entries = sections.filter((section) => section.group === group);
          if (entries.length === 0) return null;
          return (
            <div className="nav-group" key={group}>
              <h2 className="nav-group-title">{t(label)}</h2>
              <ul>
                {entries.map((section) => (
                  <li key={section.path}>
                    <NavLink to={section.path}>{t(section.label)}</NavLink>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </nav>
      <main id="main" className="app-main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
