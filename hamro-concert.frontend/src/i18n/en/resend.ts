/** The organizer's resending of a booking's tickets by email. */
export const resend = {
  resend: {
    title: 'Send tickets again',
    intro: 'A buyer who cannot find their tickets email gets it again, in the language they booked in.',
    label: 'Booking reference',
    submit: 'Send the tickets again',
    sending: 'Sending…',
    sent: 'The tickets of booking {{reference}} are on their way to its buyer again.',
    invalidReference: 'Enter a booking reference, such as K7QM-2XPA-9RTD.',
    notFound: 'No booking has the reference {{reference}}.',
    notConfirmed: 'Booking {{reference}} has no tickets to send: it is cancelled, expired or not paid yet.',
  },
};
