import type { Template } from '@smsdesk/shared/schemas/templates';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../../components/error-notice.tsx';
import { ReadOnlyHint } from '../../../components/read-only-hint.tsx';
import { Loading } from '../../../components/spinner.tsx';
import { useTemplates } from '../api/get-templates.ts';
import { DeleteTemplateDialog } from './delete-template-dialog.tsx';
import { SignsTable } from './signs-table.tsx';
import { TemplateDialog } from './template-dialog.tsx';
import { TemplatesTable } from './templates-table.tsx';

export interface TemplatesPanelProps {
  connectorId: string;
  signName: string;
  international: boolean;
  /** The caller holds write:templates. */
  canWrite: boolean;
  /** It is known that the caller lacks write:templates (shows the hint; false while unknown). */
  readOnly: boolean;
}

type Open =
  | { kind: 'create' }
  | { kind: 'edit'; template: Template }
  | { kind: 'delete'; template: Template };

/** The Templates tab: the account's templates at Tencent and its signatures. */
export function TemplatesPanel({
  connectorId,
  signName,
  international,
  canWrite,
  readOnly,
}: TemplatesPanelProps) {
  const { t } = useTranslation(['templates', 'common']);
  const { data, error, isPending, refetch } = useTemplates(connectorId);
  const [open, setOpen] = useState<Open | null>(null);
  const close = () => setOpen(null);

  return (
    <>
      <div className="row">
        <h2 className="grow">{t('panel.title')}</h2>
        <button
          type="button"
          className="button primary"
          disabled={!canWrite}
          onClick={() => setOpen({ kind: 'create' })}
        >
          {t('panel.new')}
        </button>
      </div>
      {readOnly ? <ReadOnlyHint /> : null}
      <p className="muted">
        <Trans
          t={t}
          i18nKey="panel.intro"
          values={{ side: international ? t('common:side.international') : t('common:side.mainland') }}
          components={{ code: <code /> }}
        />
      </p>
      {isPending ? (
        <Loading label={t('panel.loading')} />
      ) : error ? (
        <ErrorNotice error={error} title={t('panel.loadFailed')} onRetry={() => void refetch()} />
      ) : data.items.length === 0 ? (
        <p className="empty">{t('panel.empty')}</p>
      ) : (
        <TemplatesTable
          templates={data.items}
          canWrite={canWrite}
          onEdit={(template) => setOpen({ kind: 'edit', template })}
          onDelete={(template) => setOpen({ kind: 'delete', template })}
        />
      )}

      <h2>{t('panel.signatures')}</h2>
      <SignsTable connectorId={connectorId} signName={signName} />

      {open?.kind === 'create' || open?.kind === 'edit' ? (
        <TemplateDialog
          connectorId={connectorId}
          signName={signName}
          international={international}
          template={open.kind === 'edit' ? open.template : undefined}
          onClose={close}
        />
      ) : null}
      {open?.kind === 'delete' ? (
        <DeleteTemplateDialog connectorId={connectorId} template={open.template} onClose={close} />
      ) : null}
    </>
  );
}
