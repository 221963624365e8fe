import type { Finding, UsageTypeHealth } from '@smsdesk/shared/schemas/check';
import type { UsageType } from '@smsdesk/shared/usage-types';
import { useTranslation } from 'react-i18next';
import { StatusMark } from '../../../components/status-cell.tsx';
import { translate } from '../../../lib/translate.ts';
import { rowBlockers, rowFix } from '../utils/blockers.ts';
import { findingText } from './finding-text.tsx';

export interface RowActions {
  /** Opens the create dialog for a template mapped to this usage type afterwards. */
  onCreateTemplate: (usageType: UsageType) => void;
  /** Opens the choice of an existing approved single-{1} template. */
  onMapExisting: (usageType: UsageType) => void;
  /** False for a caller without write access: the buttons stay visible but disabled. */
  canWrite: boolean;
}

const columns = ['mapped', 'exists', 'approved', 'singleVariable'] as const;
const stateLabel = { ok: 'matrix.ready', warning: 'matrix.warning', error: 'matrix.willFail' } as const;
const stateTone = { ok: 'green', warning: 'amber', error: 'red' } as const;

/** The nine usage types × (mapped, exists, approved, one {1}), a row per type. */
export function HealthMatrix({
  rows,
  blockers = [],
  actions,
}: {
  rows: readonly UsageTypeHealth[];
  blockers?: readonly Finding[];
  actions?: RowActions;
}) {
  const { t } = useTranslation(['health', 'common']);
  return (
    <table className="table stack health-matrix" aria-label={t('matrix.label')}>
      <thead>
        <tr>
          <th scope="col">{t('matrix.usageType')}</th>
          <th scope="col">{t('matrix.feature')}</th>
          <th scope="col">{t('matrix.template')}</th>
          {columns.map((c) => (
            <th scope="col" key={c} className="cell-col">
              {t(`matrix.${c}`)}
            </th>
          ))}
          <th scope="col">{t('matrix.state')}</th>
          {actions ? <th scope="col">{t('matrix.fix')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const blockedBy = rowBlockers(row, blockers);
          const fix = rowFix(row, blockedBy);
          return (
            <tr
              key={row.usageType}
              data-testid={`health-${row.usageType}`}
              data-state={row.state}
              data-blocked={blockedBy.length ? 'true' : undefined}
              className={`health-row health-row-${row.state}`}
            >
              <th scope="row">{row.usageType}</th>
              <td data-label={t('matrix.feature')}>
                {row.requiredByLogto ? (
                  <span className="badge badge-amber">{t('common:usageType.required')}</span>
                ) : null}
                <div className="muted small">{translate(`common:usageType.feature.${row.usageType}`)}</div>
              </td>
              <td data-label={t('matrix.template')}>
                {row.templateCode ? <code>{row.templateCode}</code> : <span className="muted">—</span>}
              </td>
              {columns.map((c) => (
                <td
                  key={c}
                  className="cell-col"
                  data-cell={c}
                  data-state={row[c]}
                  data-label={t(`matrix.${c}`)}
                >
                  <StatusMark state={row[c]} title={`${t(`matrix.${c}`)}: ${t(`common:cell.${row[c]}`)}`} />
                </td>
              ))}
              <td data-label={t('matrix.state')}>
                <span className={`badge badge-${stateTone[row.state]}`}>{t(stateLabel[row.state])}</span>
              </td>
              {actions ? (
                <td data-label={t('matrix.fix')}>
                  {blockedBy.map((b) => (
                    <p
                      key={b.code}
                      className="blocked-note small"
                      data-testid="row-blocked"
                      title={t('blocker.rowHelp')}
                    >
                      {t('blocker.row', { problem: findingText(b).message })}
                    </p>
                  ))}
                  {fix === 'template' ? (
                    <div className="row tight">
                      <button
                        type="button"
                        className="button small"
                        disabled={!actions.canWrite}
                        onClick={() => actions.onCreateTemplate(row.usageType)}
                      >
                        {t('matrix.createTemplate')}
                      </button>
                      <button
                        type="button"
                        className="button small"
                        disabled={!actions.canWrite}
                        onClick={() => actions.onMapExisting(row.usageType)}
                      >
                        {t('matrix.mapExisting')}
                      </button>
                    </div>
                  ) : null}
                  {fix === 'review' ? <span className="muted small">{t('matrix.underReview')}</span> : null}
                </td>
              ) : null}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Not mapped, or mapped to a template that is missing, unapproved or takes other than one {1}. */
export function needsFix(row: UsageTypeHealth): boolean {
  return rowFix(row, []) === 'template';
}
