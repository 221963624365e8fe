import type { UsageTypeHealth } from '@smsdesk/shared/schemas/check';
import { usageTypeFeatures } from '@smsdesk/shared/usage-types';
import type { UsageType } from '@smsdesk/shared/usage-types';
import { StatusMark } from '../../../components/status-cell.tsx';

export interface RowActions {
  /** Opens the create dialog for a template mapped to this usage type afterwards. */
  onCreateTemplate: (usageType: UsageType) => void;
  /** Opens the choice of an existing approved single-{1} template. */
  onMapExisting: (usageType: UsageType) => void;
  /** False for a caller without write:templates: the buttons stay visible but disabled. */
  canWrite: boolean;
}

const columns = [
  { key: 'mapped', label: 'Mapped' },
  { key: 'exists', label: 'Exists at Tencent' },
  { key: 'approved', label: 'Approved' },
  { key: 'singleVariable', label: 'One {1}' },
] as const;

const stateLabel = { ok: 'ready', warning: 'warning', error: 'will fail' } as const;
const stateTone = { ok: 'green', warning: 'amber', error: 'red' } as const;

/** The nine usage types × (mapped, exists, approved, one {1}), a row per type. */
export function HealthMatrix({ rows, actions }: { rows: readonly UsageTypeHealth[]; actions?: RowActions }) {
  return (
    <table className="table health-matrix" aria-label="Usage type health">
      <thead>
        <tr>
          <th scope="col">Usage type</th>
          <th scope="col">Without it, Logto cannot send</th>
          <th scope="col">Template</th>
          {columns.map((c) => (
            <th scope="col" key={c.key} className="cell-col">
              {c.label}
            </th>
          ))}
          <th scope="col">State</th>
          {actions ? <th scope="col">Fix</th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr
            key={row.usageType}
            data-testid={`health-${row.usageType}`}
            data-state={row.state}
            className={`health-row health-row-${row.state}`}
          >
            <th scope="row">{row.usageType}</th>
            <td>
              {row.requiredByLogto ? <span className="badge badge-amber">required by Logto</span> : null}
              <div className="muted small">{usageTypeFeatures[row.usageType]}</div>
            </td>
            <td>{row.templateCode ? <code>{row.templateCode}</code> : <span className="muted">—</span>}</td>
            {columns.map((c) => (
              <td key={c.key} className="cell-col" data-cell={c.key} data-state={row[c.key]}>
                <StatusMark state={row[c.key]} title={`${c.label}: ${row[c.key]}`} />
              </td>
            ))}
            <td>
              <span className={`badge badge-${stateTone[row.state]}`}>{stateLabel[row.state]}</span>
            </td>
            {actions ? (
              <td>
                {needsFix(row) ? (
                  <div className="row tight">
                    <button
                      type="button"
                      className="button small"
                      disabled={!actions.canWrite}
                      onClick={() => actions.onCreateTemplate(row.usageType)}
                    >
                      Create template
                    </button>
                    <button
                      type="button"
                      className="button small"
                      disabled={!actions.canWrite}
                      onClick={() => actions.onMapExisting(row.usageType)}
                    >
                      Map existing…
                    </button>
                  </div>
                ) : null}
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Not mapped, or mapped to a template that is missing, unapproved or takes other than one {1}. */
export function needsFix(row: UsageTypeHealth): boolean {
  return row.state !== 'ok' || row.mapped !== 'ok';
}
