import type { Finding, Severity } from '@smsdesk/shared/schemas/check';

const groups: { severity: Severity; title: string; tone: string }[] = [
  { severity: 'error', title: 'Errors', tone: 'red' },
  { severity: 'warning', title: 'Warnings', tone: 'amber' },
  { severity: 'info', title: 'Notes', tone: 'grey' },
];

/** The check's findings grouped by severity, each with what to do about it. */
export function FindingsList({ findings }: { findings: readonly Finding[] }) {
  if (findings.length === 0) return <p className="empty">No findings: nothing to fix.</p>;
  return (
    <div className="findings">
      {groups.map(({ severity, title, tone }) => {
        const items = findings.filter((f) => f.severity === severity);
        if (items.length === 0) return null;
        return (
          <section key={severity} aria-label={title} data-testid={`findings-${severity}`}>
            <h3>
              {title} <span className={`badge badge-${tone}`}>{items.length}</span>
            </h3>
            <ul className="finding-list">
              {items.map((f, i) => (
                <li key={`${f.code}-${f.usageType ?? ''}-${f.templateCode ?? ''}-${i}`} className="finding">
                  <div>
                    <code className="finding-code">{f.code}</code>
                    {f.usageType ? <span className="badge badge-grey">{f.usageType}</span> : null}
                    {f.templateCode ? <span className="muted"> template {f.templateCode}</span> : null}
                  </div>
                  <p className="finding-message">{f.message}</p>
                  <p className="finding-fix">
                    <strong>Fix:</strong> {f.fix}
                  </p>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
