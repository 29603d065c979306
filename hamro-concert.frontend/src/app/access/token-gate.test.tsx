import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../lib/api-client';
import { problem, stubFetch, type StubRequest } from '../../test/fetch-stub';
import { renderWithQuery } from '../../test/render';
import { TokenGate } from './token-gate';

const TOKEN = 'organizer-token-0123456789';
const KEY = 'test.adminToken';

function refusal(status: number, code: string) {
  return new ApiError(status, {
    type: 'about:blank',
    title: code,
    status,
    detail: code,
    code,
    instance: '',
    requestId: '',
  });
}

function renderGate(failure = refusal(403, 'forbidden')) {
  return renderWithQuery(
    <TokenGate
      role="admin"
      storageKey={KEY}
      title="Organizer sign-in"
      tokenLabel="Admin token"
      intro="Enter the admin token."
    >
      {(access) => (
        <>
          <p>Signed in with {access.token.length} characters</p>
          <button onClick={access.signOut}>Sign out</button>
          <button onClick={() => access.refused(failure)}>Request refused</button>
        </>
      )}
    </TokenGate>,
  );
}

async function signIn(user: ReturnType<typeof userEvent.setup>, token = TOKEN) {
  await user.type(screen.getByLabelText('Admin token'), token);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

/** The API's answer to the sign-in check: the right admin token opens it, any other is refused. */
function accessApi(request: StubRequest) {
  if (request.path !== '/access/admin') return problem(404, 'route-not-found');
  return request.authorization === `Bearer ${TOKEN}` ? { status: 204, body: null } : problem(403, 'forbidden');
}

let calls: StubRequest[];
beforeEach(() => {
  calls = stubFetch(accessApi).calls;
});

afterEach(() => {
  sessionStorage.clear();
  localStorage.clear();
  vi.unstubAllGlobals();
});

describe('the staff token gate', () => {
  it('asks for the token in a password field and keeps it only in session storage', async () => {
    const user = userEvent.setup();
    renderGate();
    expect(screen.getByLabelText('Admin token')).toHaveAttribute('type', 'password');
    await signIn(user);
    expect(await screen.findByText(`Signed in with ${TOKEN.length} characters`)).toBeInTheDocument();
    expect(calls.map((call) => call.path)).toEqual(['/access/admin']);
    expect(sessionStorage.getItem(KEY)).toBe(TOKEN);
    expect(localStorage.length).toBe(0);
    expect(window.location.href).not.toContain(TOKEN);
  });

  it('remembers the token for this tab: a new visit to the page does not ask again', () => {
    sessionStorage.setItem(KEY, TOKEN);
    renderGate();
    expect(screen.getByText(`Signed in with ${TOKEN.length} characters`)).toBeInTheDocument();
  });

  it('refuses a token that is too short to be one, without storing it', async () => {
    const user = userEvent.setup();
    renderGate();
    await signIn(user, 'short');
    expect(screen.getByText('A token has at least 16 characters.')).toBeInTheDocument();
    expect(sessionStorage.getItem(KEY)).toBeNull();
    expect(calls).toHaveLength(0);
  });

  it('checks the token with the API when it is entered, and refuses a wrong one at once', async () => {
    const user = userEvent.setup();
    renderGate();
    await signIn(user, 'not-the-organizer-token');
    expect(await screen.findByText('That token was not accepted. Check it and try again.')).toBeInTheDocument();
    expect(calls[0]?.authorization).toBe('Bearer not-the-organizer-token');
    expect(sessionStorage.getItem(KEY)).toBeNull();
    expect(screen.getByLabelText('Admin token')).toBeInTheDocument();
  });

  it('says so when the server has no admin token configured', async () => {
    stubFetch(() => problem(403, 'admin-access-disabled'));
    const user = userEvent.setup();
    renderGate();
    await signIn(user);
    expect(await screen.findByText(/Access is switched off on this server/)).toBeInTheDocument();
    expect(sessionStorage.getItem(KEY)).toBeNull();
  });

  it('Sign out forgets the token and asks again', async () => {
    const user = userEvent.setup();
    renderGate();
    await signIn(user);
    await user.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(sessionStorage.getItem(KEY)).toBeNull();
    expect(screen.getByLabelText('Admin token')).toHaveValue('');
    expect(screen.getByRole('alert')).toHaveTextContent('You are signed out');
  });

  it.each([
    [403, 'forbidden', 'That token was not accepted'],
    [401, 'unauthorized', 'Your session needs the token again'],
    [403, 'admin-access-disabled', 'Access is switched off on this server'],
  ])('when the API answers %i %s, forgets the token, says why and asks again', async (status, code, message) => {
    const user = userEvent.setup();
    renderGate(refusal(status, code));
    await signIn(user);
    await user.click(await screen.findByRole('button', { name: 'Request refused' }));
    expect(sessionStorage.getItem(KEY)).toBeNull();
    expect(screen.getByRole('alert')).toHaveTextContent(message);
    expect(screen.getByLabelText('Admin token')).toBeInTheDocument();
  });
});
