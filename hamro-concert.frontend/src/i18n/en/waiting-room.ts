/** The sale's waiting room: the line, a buyer's place in it, and their turn. */
export const waitingRoom = {
  waitingRoom: {
    checking: 'Checking the line for tickets…',
    checkFailed: "We couldn't check the line for tickets",
    titles: {
      off: 'Choose your seats',
      'not-yet': 'The waiting room opens soon',
      joinable: 'Joining the line…',
      waiting: "You're in the waiting room",
      admitted: "It's your turn",
      expired: 'Your turn has ended',
    },
    opensSoon:
      'Lots of people want these tickets, so buyers are let in to choose seats a few at a time. The line opens <time>{{when}}</time>.',
    joiningOpensIn: 'Joining opens in',
    keepOpenJoin: 'Keep this page open: you join the line by yourself at that moment.',
    keepOpenTurn:
      'Keep this page open: the seat map opens by itself when it is your turn. Coming back in this browser keeps your place.',
    expired:
      'A turn ends with a booking, or when it runs out while no seats are held. To choose seats now, join the line again: you will queue behind those already waiting.',
    joinFailed: 'We could not put you in line',
    joining: 'Joining…',
    joinAgain: 'Join again',
    people_one: '{{count, number}} person',
    people_other: '{{count, number}} people',
    paused: 'Paused',
    notKnown: 'Not known yet',
    drawn: 'Places in line are drawn at random at the opening.',
    drawnAt: 'Places in line are drawn at random at the opening, <time>{{when}}</time>.',
    sameChance: 'Everyone who is here before then has the same chance, so there is no need to refresh.',
    salesOpenIn: 'Sales open in',
    waitingSoFar: '{{people}} waiting so far.',
    yourNumber: 'Your number in line',
    ahead: 'Ahead of you',
    estimatedWait: 'Estimated wait',
    pausedNote:
      'The organizer has paused admissions for a moment. You keep your place, and the line moves on again when they resume.',
    announceTurn: "It's your turn: choose your seats.",
    announcePlace: 'You are number {{position, number}} in line.',
    turnTitle: "It's your turn to choose seats",
    turnLasts: 'Your turn lasts until <time>{{when}}</time>; holding seats keeps it going, and a booking ends it.',
    lessThanMinute: 'less than a minute',
    aboutMinutes_one: 'about {{count, number}} minute',
    aboutMinutes_other: 'about {{count, number}} minutes',
    aboutHours: 'about {{hours, number}} h',
    aboutHoursMinutes: 'about {{hours, number}} h {{minutes, number}} min',
  },
};
