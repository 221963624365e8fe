import type { UsageType } from '@smsdesk/shared/usage-types';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ReadOnlyHint } from '../../components/read-only-hint.tsx';
import { useAccess } from '../../lib/access.ts';
import { useConnector } from '../../features/connectors/api/get-connector.ts';
import { HealthPanel } from '../../features/health/components/health-panel.tsx';
import { MapTemplateDialog } from '../../features/templates/components/map-template-dialog.tsx';
import { TemplateDialog } from '../../features/templates/components/template-dialog.tsx';
import { templateValuesFor } from '../../features/templates/utils/template-form.ts';

type Open = { kind: 'create' | 'map'; usageType: UsageType };

// The health matrix (health feature) fixes a row with the template dialogs (templates feature): composed here.
export function Component() {
  const { id = '' } = useParams();
  const { data } = useConnector(id);
  // Creating a template needs write:templates; mapping it changes the connector, write:connectors.
  const { can: canWrite, readOnly, reason } = useAccess(['write:templates', 'write:connectors']);
  const { t } = useTranslation('health');
  const [open, setOpen] = useState<Open | null>(null);
  const close = () => setOpen(null);
  if (!data) return null;
  const { connector } = data;

  return (
    <>
      <h2>{t('panel.title')}</h2>
      <p className="muted">
        <Trans t={t} i18nKey="panel.intro" components={{ code: <code /> }} />
      </p>
      {readOnly ? <ReadOnlyHint reason={reason} /> : null}
      <HealthPanel
        connectorId={id}
        actions={{
          canWrite,
          onCreateTemplate: (usageType) => setOpen({ kind: 'create', usageType }),
          onMapExisting: (usageType) => setOpen({ kind: 'map', usageType }),
        }}
      />
      {open?.kind === 'create' ? (
        <TemplateDialog
          connectorId={id}
          signName={connector.signName}
          international={connector.international}
          initial={templateValuesFor(open.usageType)}
          mapTo={open.usageType}
          onClose={close}
        />
      ) : null}
      {open?.kind === 'map' ? (
        <MapTemplateDialog
          connectorId={id}
          usageType={open.usageType}
          currentCode={connector.templates.find((t) => t.usageType === open.usageType)?.templateCode}
          onClose={close}
        />
      ) : null}
    </>
  );
}
