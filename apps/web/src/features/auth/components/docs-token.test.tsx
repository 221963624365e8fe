import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { env } from '../../../config/env.ts';
import { DocsToken } from './docs-token.tsx';

const token = 'eyJhbGciOiJFUzM4NCJ9.access-token-for-the-api.sig';
const getAccessToken = vi.fn(async (_resource?: string): Promise<string | undefined> => token);
vi.mock('@logto/react', () => ({ useLogto: () => ({ getAccessToken }) }));

const writeText = vi.fn(async (_text: string) => {});
beforeEach(() => {
  getAccessToken.mockClear();
  writeText.mockClear();
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
});
afterEach(cleanup);

describe('the access token for "Try it out" in the API docs', () => {
  it('copies a fresh token for the API resource at the click, and never shows it', async () => {
    render(<DocsToken />);
    expect(screen.getByRole('link', { name: 'API docs' }).getAttribute('href')).toBe('/docs');
    expect(getAccessToken).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Copy my access token' }));
    await screen.findByText('Copied: paste it under Authorize in the API docs.');
    expect(getAccessToken).toHaveBeenCalledWith(env.logtoApiResource);
    expect(writeText).toHaveBeenCalledWith(token);
    expect(document.body.textContent).not.toContain(token);
  });

  it('says so when there is no token to copy', async () => {
    getAccessToken.mockResolvedValueOnce(undefined);
    render(<DocsToken />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy my access token' }));
    await screen.findByText('The token could not be copied: sign in again, or allow the clipboard.');
    expect(writeText).not.toHaveBeenCalled();
  });
});
