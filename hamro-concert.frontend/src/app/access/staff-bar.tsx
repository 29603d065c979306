import { Button } from '../../components/ui/button';
import styles from './token-gate.module.css';
import { useTranslation } from 'react-i18next';

/** The heading of a staff page with its Sign out. */
export function StaffBar({ title, onSignOut }: { title: string; onSignOut: () => void }) {
  const { t } = useTranslation();
  return (
    <div className={styles.bar}>
      <h1 className={styles.title}>{title}</h1>
      <Button variant="secondary" onClick={onSignOut}>
        {t('access.signOut')}
      </Button>
    </div>
  );
}
