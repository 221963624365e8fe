import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../lib/api-client.ts';
import { ErrorNotice } from './error-notice.tsx';

describe('ErrorNotice', () => {
  it('renders nothing without an error', () => {
    const { container } = render(<ErrorNotice error={null} />);
    expect(container.innerHTML).toBe('');
  });

  it('names the missing scope of a 403', () => {
    render(
      <ErrorNotice
        error={new ApiError(403, 'FORBIDDEN', 'Missing scope', { requiredScopes: ['write:connectors'] })}
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain('Missing scope');
    expect(screen.getByRole('alert').textContent).toContain('lacks the scope write:connectors');
    expect(screen.getByText('FORBIDDEN')).toBeTruthy();
  });
});
