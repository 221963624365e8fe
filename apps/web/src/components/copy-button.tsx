import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Copies text to the clipboard and says so; the clipboard needs a secure context (https or localhost). */
export function CopyButton({
  text,
  label,
  compact = false,
}: {
  text: string;
  label?: string;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <>
      <button
        type="button"
        className={`button small${compact ? ' link-like' : ''}`}
        onClick={() => void copy()}
      >
        {label ?? t('state.copy')}
      </button>
      <span className="copy-status" role="status">
        {state === 'copied' ? t('state.copied') : state === 'failed' ? t('state.copyFailed') : ''}
      </span>
    </>
  );
}
