import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { displayNameOf } from '../lib/display-name.ts';
import { ActorName } from './actor-name.tsx';

vi.mock('@logto/react', () => ({
  useLogto: () => ({
    isAuthenticated: true,
    getIdTokenClaims: async () => ({ sub: 'dev-admin', username: 'admin', name: 'Ada Admin' }),
  }),
}));

afterEach(cleanup);

describe('one display name per user', () => {
  it('names the signed-in user as the header does, with the sub on hover; others by their sub', async () => {
    render(
      <QueryClientProvider client={new QueryClient()}>
        <ActorName sub="dev-admin" />
        <ActorName sub="smsdesk-m2m" />
      </QueryClientProvider>,
    );
    const me = await screen.findByText('admin');
    expect(me.getAttribute('title')).toBe('dev-admin');
    expect(screen.getByText('smsdesk-m2m').getAttribute('title')).toBe('smsdesk-m2m');
  });

  it('prefers the username, then the name, then the sub', () => {
    expect(displayNameOf({ sub: 's', username: 'u', name: 'n' })).toBe('u');
    expect(displayNameOf({ sub: 's', username: null, name: 'n' })).toBe('n');
    expect(displayNameOf({ sub: 's' })).toBe('s');
  });
});
