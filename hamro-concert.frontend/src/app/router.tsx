import { createBrowserRouter, createMemoryRouter, type RouteObject } from 'react-router';
import { AppLayout } from './layout/app-layout';
import { ConcertPage } from './routes/concert-page';
import { FindBookingPage } from './routes/find-booking-page';
import { HomePage } from './routes/home-page';
import { NotFoundPage } from './routes/not-found-page';
import { PaymentPage } from './routes/payment-page';
import { RouteError } from './routes/route-error';

export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'concert/:concertId', element: <ConcertPage /> },
      { path: 'find-booking', element: <FindBookingPage /> },
      // Eager like the other buyers' pages: a lazy chunk here made the bundler split out a shared chunk,
      // whose schemas were built before zod-without-eval ran, and the page's CSP refused zod's eval.
      { path: 'payment', element: <PaymentPage /> },
      // Staff pages load on demand, so buyers never download them.
      { path: 'organizer', lazy: async () => ({ Component: (await import('./routes/organizer-page')).OrganizerPage }) },
      { path: 'door', lazy: async () => ({ Component: (await import('./routes/door-page')).DoorPage }) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}

/** For tests: the same routes, starting at the given URL, without a browser location. */
export function createTestRouter(initialPath: string) {
  return createMemoryRouter(routes, { initialEntries: [initialPath] });
}
