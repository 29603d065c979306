import type { BookingDetails } from 'hamro-concert.contracts';
import type { TicketView } from '../../../components/ui/ticket-list';
import { i18n } from '../../../i18n/i18n';
import { formatDateTime, formatDigits } from '../../../lib/format';

/** A booking's tickets as the ticket list shows them: the seat in words, and when it was used, if it was. */
export function bookingTickets(booking: BookingDetails): TicketView[] {
  return booking.tickets.map((ticket) => {
    const seat = booking.seats.find((s) => s.id === ticket.seatId);
    const number = /(\d+)\s*$/.exec(ticket.seatNumber)?.[1] ?? ticket.seatNumber;
    return {
      code: ticket.code,
      place: seat
        ? i18n.t('seatMap.place', { section: seat.tierName, row: formatDigits(seat.row), seat: formatDigits(number) })
        : i18n.t('checkout.seatFallback', { seat: formatDigits(ticket.seatNumber) }),
      note: ticket.checkedInAt ? i18n.t('booking.usedAt', { when: formatDateTime(ticket.checkedInAt) }) : undefined,
    };
  });
}
