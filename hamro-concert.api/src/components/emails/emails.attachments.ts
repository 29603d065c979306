import ical from 'ical-generator';
import { PNG } from 'pngjs';
import qrcode from 'qrcode-generator';
import { zonedInstant, type BookingDetails } from 'hamro-concert.contracts';

/** Pixels per QR module, and the quiet zone around the code in modules (the standard asks for four). */
const SCALE = 8;
const QUIET = 4;

/** A ticket code as a QR code in a PNG: black modules on white, big enough to scan from a phone's screen. */
export function qrPng(text: string): Buffer {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const modules = qr.getModuleCount();
  const size = (modules + 2 * QUIET) * SCALE;
  const png = new PNG({ width: size, height: size, colorType: 0, inputColorType: 0, inputHasAlpha: false });
  png.data = Buffer.alloc(size * size, 255);
  for (let row = 0; row < modules; row++)
    for (let col = 0; col < modules; col++) {
      if (!qr.isDark(row, col)) continue;
      for (let y = 0; y < SCALE; y++) {
        const start = ((row + QUIET) * SCALE + y) * size + (col + QUIET) * SCALE;
        png.data.fill(0, start, start + SCALE);
      }
    }
  return PNG.sync.write(png, { colorType: 0, inputColorType: 0, inputHasAlpha: false });
}

/** The concert as a calendar entry (.ics): its start on the venue's clock, three hours, the venue, the booking's link. */
export function calendarEntry(booking: BookingDetails, link: string, summary: string): string {
  const { concert } = booking;
  const start = zonedInstant(concert.date, concert.time, concert.timeZone);
  const calendar = ical({ name: 'Hamro Concert', prodId: { company: 'Hamro Concert', product: 'tickets' } });
  calendar.createEvent({
    id: `${booking.reference}@hamro-concert`,
    start,
    end: new Date(start.getTime() + 3 * 3_600_000),
    summary,
    location: `${concert.venue}, ${concert.city}`,
    description: `${booking.reference}: ${booking.seats.map((seat) => seat.seatNumber).join(', ')}\n${link}`,
    url: link,
  });
  return calendar.toString();
}
