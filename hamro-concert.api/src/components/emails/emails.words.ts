import type { BookingLanguage, MoneyState } from 'hamro-concert.contracts';

/** What the emails say, in each of the product's languages. */
export interface EmailWords {
  locale: string;
  ticketsSubject: (title: string) => string;
  cancelledSubject: (reference: string) => string;
  refundedSubject: (reference: string) => string;
  hello: (name: string) => string;
  /** The first line of a tickets email, by how the booking is paid. */
  confirmed: (reference: string, money: MoneyState, total: string) => string;
  cancelled: (reference: string, title: string) => string;
  refundFollows: string;
  refunded: (amount: string, reference: string) => string;
  when: string;
  where: string;
  seats: string;
  total: string;
  showAtDoor: string;
  calendar: string;
  seeBooking: string;
  nepalDate: string;
  ticket: (seat: string) => string;
  signOff: string;
}

const en: EmailWords = {
  locale: 'en-GB',
  ticketsSubject: (title) => `Your tickets for ${title}`,
  cancelledSubject: (reference) => `Booking ${reference} is cancelled`,
  refundedSubject: (reference) => `Your refund for booking ${reference}`,
  hello: (name) => `Hello ${name},`,
  confirmed: (reference, money, total) =>
    money === 'at_door'
      ? `Your booking ${reference} is confirmed. Please pay ${total} in cash at the door.`
      : money === 'free'
        ? `Your booking ${reference} is confirmed.`
        : `Your booking ${reference} is paid (${total}) and confirmed.`,
  cancelled: (reference, title) => `Your booking ${reference} for ${title} is cancelled, and its seats are free again.`,
  refundFollows: 'What you paid will be refunded; another email will tell you when it is.',
  refunded: (amount, reference) => `${amount} for booking ${reference} has been refunded to you.`,
  when: 'When',
  where: 'Where',
  seats: 'Seats',
  total: 'Total',
  showAtDoor: 'Show the QR code of each ticket at the door, on your phone or printed.',
  calendar: 'The attached calendar file adds the concert to your calendar.',
  seeBooking: 'See your booking',
  nepalDate: 'Nepali date',
  ticket: (seat) => `Ticket for seat ${seat}`,
  signOff: 'Enjoy the concert! Hamro Concert',
};

const ne: EmailWords = {
  locale: 'ne-NP',
  ticketsSubject: (title) => `${title} का लागि तपाईंका टिकटहरू`,
  cancelledSubject: (reference) => `बुकिङ ${reference} रद्द भयो`,
  refundedSubject: (reference) => `बुकिङ ${reference} को रकम फिर्ता`,
  hello: (name) => `नमस्ते ${name},`,
  confirmed: (reference, money, total) =>
    money === 'at_door'
      ? `तपाईंको बुकिङ ${reference} पक्का भयो। कृपया ढोकामा ${total} नगद तिर्नुहोस्।`
      : money === 'free'
        ? `तपाईंको बुकिङ ${reference} पक्का भयो।`
        : `तपाईंको बुकिङ ${reference} को भुक्तानी (${total}) भयो र बुकिङ पक्का भयो।`,
  cancelled: (reference, title) => `${title} को तपाईंको बुकिङ ${reference} रद्द भयो; यसका सिटहरू फेरि खुला भए।`,
  refundFollows: 'तपाईंले तिरेको रकम फिर्ता गरिनेछ; फिर्ता भएपछि अर्को इमेलले जानकारी दिनेछ।',
  refunded: (amount, reference) => `बुकिङ ${reference} को ${amount} तपाईंलाई फिर्ता गरिएको छ।`,
  when: 'कहिले',
  where: 'कहाँ',
  seats: 'सिटहरू',
  total: 'जम्मा',
  showAtDoor: 'ढोकामा हरेक टिकटको QR कोड फोनमा वा छापेर देखाउनुहोस्।',
  calendar: 'संलग्न पात्रो फाइलले कन्सर्टलाई तपाईंको पात्रोमा थप्छ।',
  seeBooking: 'आफ्नो बुकिङ हेर्नुहोस्',
  nepalDate: 'नेपाली मिति',
  ticket: (seat) => `सिट ${seat} को टिकट`,
  signOff: 'कन्सर्टको आनन्द लिनुहोस्! हाम्रो कन्सर्ट',
};

export const EMAIL_WORDS: Record<BookingLanguage, EmailWords> = { en, ne };
