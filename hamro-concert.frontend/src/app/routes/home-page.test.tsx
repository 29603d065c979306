import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { problem, stubFetch } from '../../test/fetch-stub';
import { buildConcert } from '../../test/fixtures';
import { renderApp } from '../../test/render';

const page = (data: unknown[], extra: Record<string, number> = {}) => ({
  status: 200,
  body: { data, page: 1, limit: 9, total: data.length, totalPages: 1, ...extra },
});

describe('home page', () => {
  it('lists concerts as cards with date, place, tier availability and tickets left', async () => {
    const soldOut = buildConcert(
      { id: '11111111-2222-4333-8444-555555555555', title: 'Phewa Nights' },
      Array.from({ length: 100 }, (_, i) => i + 1),
    );
    stubFetch(() => page([buildConcert({}, [21, 22]), soldOut]));
    renderApp('/');
    const card = await screen.findByRole('article', { name: 'Himalayan Echoes' });
    expect(card).toHaveTextContent('Sat, 14 Mar 2026 · 7:00 PM');
    expect(card).toHaveTextContent('Tundikhel Open Air Stage, Kathmandu');
    expect(card).toHaveTextContent('98 tickets left');
    expect(within(card).getByRole('list', { name: 'Ticket prices' })).toHaveTextContent(
      'VIPNPR 100.0018 of 20 seats left',
    );
    expect(within(card).getByRole('link', { name: 'Himalayan Echoes' })).toHaveAttribute(
      'href',
      '/concert/6f1c2f7e-3b8a-4d51-9a43-2f1d8b7c5e10',
    );
    const soldOutCard = screen.getByRole('article', { name: 'Phewa Nights' });
    expect(soldOutCard).toHaveTextContent('Sold out');
    expect(soldOutCard).not.toHaveTextContent('tickets left');
  });

  it('shows skeletons while loading, and pages when there are more concerts than fit', async () => {
    stubFetch(({ path }) =>
      page([buildConcert()], { page: path.includes('page=2') ? 2 : 1, total: 12, totalPages: 2 }),
    );
    const { router } = renderApp('/');
    expect(screen.getByRole('status')).toHaveTextContent('Loading concerts…');
    const pager = await screen.findByRole('navigation', { name: 'Concert pages' });
    expect(pager).toHaveTextContent('Page 1 of 2');
    await userEvent.click(within(pager).getByRole('link', { name: 'Next →' }));
    expect(router.state.location.search).toBe('?page=2');
    expect(await screen.findByText('Page 2 of 2')).toBeInTheDocument();
  });

  it('says when there are no concerts', async () => {
    stubFetch(() => page([]));
    renderApp('/');
    expect(await screen.findByRole('heading', { name: 'No concerts on sale yet' })).toBeInTheDocument();
  });

  it('explains a failed load and retries on request', async () => {
    let calls = 0;
    stubFetch(() => (++calls === 1 ? problem(503, 'busy-try-again') : page([buildConcert()])));
    renderApp('/');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("We couldn't load the concerts");
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('article', { name: 'Himalayan Echoes' })).toBeInTheDocument();
  });

  it('shows a placeholder instead of a broken image', async () => {
    stubFetch(() => page([buildConcert({ image: '' })]));
    renderApp('/');
    const card = await screen.findByRole('article', { name: 'Himalayan Echoes' });
    expect(within(card).getByTestId('image-fallback')).toBeInTheDocument();
  });
});
