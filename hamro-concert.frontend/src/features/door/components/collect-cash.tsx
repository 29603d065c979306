import type { Admission } from 'hamro-concert.contracts';
import { Button } from '../../../components/ui/button';
import { ProblemNotice } from '../../../components/ui/problem-notice';
import { ApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/error-message';
import { formatMoney } from '../../../lib/format';
import { useCollectCash } from '../api/collect-cash';
import styles from './door.module.css';
import { useTranslation } from 'react-i18next';

interface CollectCashProps {
  collect: NonNullable<Admission['collect']>;
  token: string;
  /** A failed request: returns true when it was the staff token that was refused. */
  onAccessRefused: (error: unknown) => boolean;
  /** The cash is recorded: the door is ready for the next ticket. */
  onRecorded: () => void;
}

const nothingToCollect = (error: unknown) => error instanceof ApiError && error.code === 'nothing-to-collect';

/** A booking to be paid at the door: how much cash to take, then a button to record that it was. */
export function CollectCash({ collect, token, onAccessRefused, onRecorded }: CollectCashProps) {
  const { t } = useTranslation();
  const record = useCollectCash({ onSuccess: onRecorded, onError: (error) => void onAccessRefused(error) });
  const amount = formatMoney(collect.amount, collect.currency);
  if (record.isSuccess) {
    return (
      <p role="status" className={`${styles.collect} ${styles.collected}`}>
        <span aria-hidden="true">✓</span>{' '}
        {t('door.cashRecorded', {
          amount: formatMoney(record.data.amount, collect.currency),
          reference: record.data.reference,
        })}
      </p>
    );
  }
  return (
    <div className={styles.collect} data-testid="collect-cash">
      <div role="alert">
        <h2 className={styles.collectHeadline}>
          <span aria-hidden="true">₨ </span>
          {t('door.collect', { amount })}
        </h2>
      </div>
      <p className={styles.line}>{t('door.paysAtDoor', { reference: collect.bookingReference })}</p>
      {record.isError ? (
        <ProblemNotice
          title={nothingToCollect(record.error) ? t('door.nothingToCollectTitle') : t('door.notRecordedTitle')}
        >
          {nothingToCollect(record.error) ? t('door.nothingToCollect') : errorMessage(record.error)}
        </ProblemNotice>
      ) : null}
      <Button
        block
        disabled={record.isPending}
        onClick={() => record.mutate({ reference: collect.bookingReference, token })}
      >
        {record.isPending ? t('door.recording') : t('door.cashCollected')}
      </Button>
    </div>
  );
}
