import { type ReactNode, useId } from 'react';

/** The props that tie a control to its label, help and error text. */
export interface FieldControlProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/**
 * The one form field of the SPA: the label, the control (rendered with the ids it needs), a help line and
 * an error line, both linked to the control with `aria-describedby`. Every form uses it, including the
 * inputs in table cells (`labelHidden`: the label is there for assistive technology only).
 */
export function Field({
  label,
  error,
  help,
  labelHidden = false,
  className,
  children,
}: {
  label: ReactNode;
  error?: string | null;
  help?: ReactNode;
  labelHidden?: boolean;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}) {
  const id = useId();
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : null, help ? helpId : null].filter(Boolean).join(' ');
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id} className={labelHidden ? 'sr-only' : undefined}>
        {label}
      </label>
      {children({
        id,
        ...(error ? { 'aria-invalid': true as const } : {}),
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      })}
      {help ? (
        <span id={helpId} className="help">
          {help}
        </span>
      ) : null}
      {error ? (
        <span id={errorId} className="field-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}
