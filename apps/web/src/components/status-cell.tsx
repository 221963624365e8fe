import { useTranslation } from 'react-i18next';

/** A check outcome as the matrix and badges show it: colour, symbol and words for screen readers. */
export type CellState = 'ok' | 'warning' | 'error' | 'unknown';

export const cellSymbol: Record<CellState, string> = { ok: '✓', warning: '!', error: '✗', unknown: '?' };
export const cellTone: Record<CellState, 'green' | 'amber' | 'red' | 'grey'> = {
  ok: 'green',
  warning: 'amber',
  error: 'red',
  unknown: 'grey',
};

/** A coloured ✓ / ! / ✗ / ? with its meaning spelled out for assistive technology. */
export function StatusMark({ state, title }: { state: CellState; title?: string }) {
  const { t } = useTranslation();
  return (
    <span className={`status-mark badge badge-${cellTone[state]}`} data-state={state} title={title}>
      <span aria-hidden="true">{cellSymbol[state]}</span>
      <span className="sr-only">{t(`cell.${state}`)}</span>
    </span>
  );
}
