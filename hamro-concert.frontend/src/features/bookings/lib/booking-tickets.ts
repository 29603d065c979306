import type { BookingDetails } from 'hamro-concert.contracts';
import type { TicketView } from '../../../components/ui/ticket-list';

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** A booking's tickets as the ticket list shows them: the seat in words, and when it was used, if it was. */
export function bookingTickets(booking: BookingDetails): TicketView[] {
  return booking.tickets.map((ticket) => {
    const seat = booking.seats.find((s) => s.id === ticket.seatId);
    const number = /(\d+)\s*$/.exec(ticket.seatNumber)?.[1] ?? ticket.seatNumber;
    return {
      code: ticket.code,
      place: seat ? `${seat.tierName}, row ${seat.row}, seat ${number}` : `Seat ${ticket.seatNumber}`,
      note: ticket.checkedInAt ? `Used at the door ${dateTime.format(new Date(ticket.checkedInAt))}` : undefined,
    };
  });
}
