import type { Finding, Severity } from '@smsdesk/shared/schemas/check';
import { useTranslation } from 'react-i18next';
import { UiLocalesDiagnosis } from '../../../components/ui-locales-diagnosis.tsx';
import { findingText } from './finding-text.tsx';

const groups = [
  { severity: 'error', title: 'findings.errors', tone: 'red' },
  { severity: 'warning', title: 'findings.warnings', tone: 'amber' },
  { severity: 'info', title: 'findings.notes', tone: 'grey' },
] as const satisfies readonly { severity: Severity; title: string; tone: string }[];

/** The API's own words and the stable code, for support and for whoever reads English. */
export function FindingDetails({ finding }: { finding: Finding }) {
  const { t } = useTranslation('health');
  return (
    <details className="finding-details">
      <summary>{t('findings.details')}</summary>
      <p>{finding.message}</p>
      <p>{finding.fix}</p>
      <code className="finding-code">{finding.code}</code>
    </details>
  );
}

/** The check's findings grouped by severity, each with what to do about it. */
export function FindingsList({ findings }: { findings: readonly Finding[] }) {
  const { t } = useTranslation('health');
  if (findings.length === 0) return <p className="empty">{t('findings.none')}</p>;
  return (
    <div className="findings">
      {groups.map(({ severity, title, tone }) => {
        const items = findings.filter((f) => f.severity === severity);
        if (items.length === 0) return null;
        return (
          <section key={severity} aria-label={t(title)} data-testid={`findings-${severity}`}>
            <h3>
              {t(title)} <span className={`badge badge-${tone}`}>{items.length}</span>
            </h3>
            <ul className="finding-list">
              {items.map((f, i) => {
                const key = `${f.code}-${f.usageType ?? ''}-${f.templateCode ?? ''}-${i}`;
                if (f.code === 'UI_LOCALES_PARAMETER') {
                  return (
                    <li key={key} className="finding" data-code={f.code}>
                      <UiLocalesDiagnosis tone="info" details={<FindingDetails finding={f} />} />
                    </li>
                  );
                }
                const text = findingText(f);
                return (
                  <li key={key} className="finding" data-code={f.code}>
                    <p className="finding-message">
                      {f.usageType ? <span className="badge badge-grey">{f.usageType}</span> : null}{' '}
                      {text.message}
                    </p>
                    <p className="finding-fix">
                      <strong>{t('findings.fix')}</strong> {text.fix}
                    </p>
                    <FindingDetails finding={f} />
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
