import { type Ref } from 'react';
import { seatLabel, seatState, type SeatView } from '../lib/seat-layout';
import styles from './seat-button.module.css';
import { CheckIcon, CrossIcon, HourglassIcon } from './seat-icons';
import { formatDigits } from '../../../lib/format';

interface SeatButtonProps {
  seat: SeatView;
  selected: boolean;
  /** False while the seat's tier does not sell (before its sales open, after they close): it cannot be chosen. */
  onSale: boolean;
  tabbable: boolean;
  buttonRef: Ref<HTMLButtonElement>;
  onToggle: (seat: SeatView) => void;
  onFocusSeat: (seatId: number) => void;
}

/**
 * One seat: a real button, named "VIP, row 2, seat 12, $100.00, available". Its state shows by
 * colour and by shape: an outlined seat with its number, a filled seat with a tick, a grey dashed
 * square with a cross (booked), an amber dotted seat with an hourglass (on hold for another buyer).
 * A free seat that is not on sale keeps its number, faded, and says so in its name.
 */
export function SeatButton({ seat, selected, onSale, tabbable, buttonRef, onToggle, onFocusSeat }: SeatButtonProps) {
  const state = seatState(seat, selected);
  const label = seatLabel(seat, state, onSale);
  const offSale = state === 'available' && !onSale;
  const unavailable = state === 'booked' || state === 'held' || offSale;
  return (
    <button
      ref={buttonRef}
      type="button"
      className={`${styles.seat} ${offSale ? styles.offSale : styles[state]} ${seat.number.length === 4 ? styles.long : seat.number.length > 4 ? styles.longer : ''}`}
      data-seat-id={seat.id}
      data-state={offSale ? 'off-sale' : state}
      aria-label={label}
      title={label}
      aria-pressed={unavailable ? undefined : selected}
      aria-disabled={unavailable ? true : undefined}
      tabIndex={tabbable ? 0 : -1}
      onFocus={() => onFocusSeat(seat.id)}
      onClick={() => {
        if (!unavailable) onToggle(seat);
      }}
    >
      {state === 'selected' ? (
        <CheckIcon />
      ) : state === 'booked' ? (
        <CrossIcon />
      ) : state === 'held' ? (
        <HourglassIcon />
      ) : (
        formatDigits(seat.number)
      )}
    </button>
  );
}
