import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfirmDialog } from './confirm-dialog.tsx';

afterEach(cleanup);

/** A page with the button that opens a confirmation, as the Delete buttons do. */
function Page() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button">Something else</button>
      <button type="button" onClick={() => setOpen(true)}>
        Delete
      </button>
      {open ? (
        <ConfirmDialog
          title="Delete it?"
          confirmLabel="Delete for good"
          onConfirm={() => setOpen(false)}
          onCancel={() => setOpen(false)}
        >
          <p>It cannot be undone.</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}

function openFromButton() {
  const opener = screen.getByRole('button', { name: 'Delete' });
  opener.focus();
  fireEvent.click(opener);
  const dialog = screen.getByRole('dialog', { name: 'Delete it?' });
  // As in a browser, the focus moves into the modal.
  screen.getByRole('button', { name: 'Cancel' }).focus();
  return { opener, dialog };
}

describe('a dialog gives the focus back to the button that opened it', () => {
  it('after Cancel', async () => {
    render(<Page />);
    const { opener } = openFromButton();
    expect(document.activeElement).not.toBe(opener);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(opener);
  });

  it('after Esc (the dialog’s cancel event)', async () => {
    render(<Page />);
    const { opener, dialog } = openFromButton();
    fireEvent(dialog, new Event('cancel', { cancelable: true }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(opener);
  });

  it('after the action', async () => {
    render(<Page />);
    const { opener } = openFromButton();
    fireEvent.click(screen.getByRole('button', { name: 'Delete for good' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(opener);
  });
});
