import styles from './hold.module.css';

/** The hold ran out before the booking was made: say so plainly and what to do next. */
export function HoldExpiredNotice() {
  return (
    <div className={styles.notice} role="alert">
      <p className={styles.noticeTitle}>Your hold ran out</p>
      <p>
        Nothing was booked, and the seats went back on the map for everyone. Check your seats and press Continue to hold
        them again.
      </p>
    </div>
  );
}
