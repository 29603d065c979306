import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, ScrollRestoration } from 'react-router';
import { BRAND } from '../brand';
import { paths } from '../paths';
import styles from './app-layout.module.css';
import { LanguageSwitch } from './language-switch';
import { LogoMark } from './logo';

/** The brand's line, in Nepali whatever the language. */
const TAGLINE = 'हाम्रो संगीत, हाम्रो रात';

/** The frame around every page: skip link, brand header, the page, and a footer. */
export function AppLayout() {
  const { t } = useTranslation();
  return (
    <div className={styles.shell}>
      <a className={styles.skip} href="#main">
        {t('layout.skip')}
      </a>
      <header className={styles.header}>
        <div className={styles.bar}>
          {/* The link holds only the name, so that its name says what it shows; it covers the whole mark. */}
          <div className={styles.brand}>
            <LogoMark />
            <span className={styles.wordmark}>
              <Link to={paths.home} className={styles.name} aria-label={t('layout.home', { brand: BRAND })}>
                {BRAND}
              </Link>
              <span className={styles.tagline} lang="ne">
                {TAGLINE}
              </span>
            </span>
          </div>
          <nav className={styles.nav} aria-label={t('layout.mainNav')}>
            <NavLink to={paths.home} end>
              {t('layout.concerts')}
            </NavLink>
            <NavLink to={paths.findBooking}>{t('layout.findBooking')}</NavLink>
          </nav>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" className={styles.main} tabIndex={-1}>
        <Outlet />
      </main>
      <footer className={styles.footer}>
        <div className={styles.footerInner}>
          <p>{t('layout.footerLine', { brand: BRAND })}</p>
          <p>{t('layout.footerPromise')}</p>
          <nav className={styles.staffNav} aria-label={t('layout.staffNav')}>
            <Link to={paths.organizer}>{t('layout.organizers')}</Link>
            <Link to={paths.door}>{t('layout.door')}</Link>
          </nav>
        </div>
      </footer>
      <ScrollRestoration />
    </div>
  );
}
