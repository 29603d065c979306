import type { Catalog } from '../en';
import { common } from './common';
import { bookings } from './bookings';
import { checkout } from './checkout';
import { concerts } from './concerts';
import { organizer } from './organizer';
import { resend } from './resend';
import { seatMap } from './seat-map';
import { staff } from './staff';
import { waitingRoom } from './waiting-room';

/** The Nepali catalog, loaded on demand: the same keys as the English one. */
export const ne: Catalog = {
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
