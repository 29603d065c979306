import { Link, NavLink, Outlet, ScrollRestoration } from 'react-router';
import { paths } from '../paths';
import styles from './app-layout.module.css';
import { LogoMark } from './logo';

/** The frame around every page: skip link, brand header, the page, and a footer. */
export function AppLayout() {
  return (
    <div className={styles.shell}>
      <a className={styles.skip} href="#main">
        Skip to content
      </a>
      <header className={styles.header}>
        <div className={styles.bar}>
          <Link to={paths.home} className={styles.brand} aria-label="Hamro Concert, home">
            <LogoMark />
            <span className={styles.wordmark}>
              <span className={styles.name}>Hamro Concert</span>
              <span className={styles.tagline} lang="ne">
                हाम्रो संगीत, हाम्रो रात
              </span>
            </span>
          </Link>
          <nav className={styles.nav} aria-label="Main">
            <NavLink to={paths.home} end>
              Concerts
            </NavLink>
            <NavLink to={paths.findBooking}>Find my booking</NavLink>
          </nav>
        </div>
      </header>
      <main id="main" className={styles.main} tabIndex={-1}>
        <Outlet />
      </main>
      <footer className={styles.footer}>
        <div className={styles.footerInner}>
          <p>Hamro Concert · live Nepali music, seats you choose yourself.</p>
          <p>Every seat is sold once, and only once.</p>
          <nav className={styles.staffNav} aria-label="Staff">
            <Link to={paths.organizer}>Organizers</Link>
            <Link to={paths.door}>Door check-in</Link>
          </nav>
        </div>
      </footer>
      <ScrollRestoration />
    </div>
  );
}
