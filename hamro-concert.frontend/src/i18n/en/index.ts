import { common } from './common';
import { bookings } from './bookings';
import { checkout } from './checkout';
import { concerts } from './concerts';
import { organizer } from './organizer';
import { resend } from './resend';
import { seatMap } from './seat-map';
import { staff } from './staff';
import { waitingRoom } from './waiting-room';

/** The English catalog, in the main bundle: the app's words, by area. */
export const en = {
  ...common,
  ...concerts,
  ...seatMap,
  ...checkout,
  ...bookings,
  ...waitingRoom,
  ...staff,
  ...organizer,
  ...resend,
};

/** Every catalog has the English one's keys. */
export type Catalog = typeof en;
