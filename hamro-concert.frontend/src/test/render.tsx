import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { RouterProvider } from 'react-router';
import { createTestRouter } from '../app/router';
import { createQueryClient } from '../lib/query-client';

/** A fresh query client that does not retry, so failures show at once. */
export function testQueryClient() {
  const client = createQueryClient();
  client.setDefaultOptions({ queries: { ...client.getDefaultOptions().queries, retry: false } });
  return client;
}

export function renderWithQuery(ui: ReactNode) {
  const client = testQueryClient();
  return { client, ...render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>) };
}

/** The whole app with its real routes, starting at a path. */
export function renderApp(path: string) {
  const client = testQueryClient();
  const router = createTestRouter(path);
  return {
    client,
    router,
    ...render(
      <QueryClientProvider client={client}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    ),
  };
}
