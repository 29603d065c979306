import { useSearchParams } from 'react-router';
import { ConcertList } from '../../features/concerts';
import { paths } from '../paths';
import styles from './home-page.module.css';
import { useTranslation } from 'react-i18next';
import { BRAND } from '../brand';

function pageFrom(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

/** Home: a welcome and the upcoming concerts; the page number lives in the URL. */
export function HomePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const page = pageFrom(params.get('page'));
  return (
    <>
      <title>{t('common.pageTitle', { page: t('home.title'), brand: BRAND })}</title>
      <section className={styles.hero} aria-labelledby="home-title">
        <svg className={styles.ridge} viewBox="0 0 400 140" aria-hidden="true" focusable="false">
          <path
            d="M0 140 L70 70 L105 95 L170 25 L215 80 L250 55 L320 110 L360 85 L400 120 L400 140 Z"
            fill="#14122e"
            opacity="0.55"
          />
          <path d="M170 25 L188 48 L178 46 L170 58 L160 44 L150 50 Z" fill="#fbf8f4" opacity="0.9" />
          <path
            d="M0 140 L60 105 L130 125 L200 95 L280 128 L340 108 L400 130 L400 140 Z"
            fill="#8f1634"
            opacity="0.7"
          />
        </svg>
        <p className={styles.eyebrow}>{t('home.eyebrow')}</p>
        <h1 className={styles.title} id="home-title">
          {t('home.heading')}
        </h1>
        <p className={styles.lead}>{t('home.lead')}</p>
      </section>
      <h2 className={styles.heading}>{t('home.upcoming')}</h2>
      <ConcertList page={page} concertHref={paths.concert} pageHref={paths.homePage} />
    </>
  );
}
