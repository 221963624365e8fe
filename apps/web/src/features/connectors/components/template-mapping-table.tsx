import type { TemplateMapping } from '@smsdesk/shared/schemas/connectors';
import { requiredUsageTypes, usageTypeFeatures, usageTypes } from '@smsdesk/shared/usage-types';

/** All nine usage types, mapped or not: the Tencent connector has no fallback to Generic. */
export function TemplateMappingTable({ templates }: { templates: readonly TemplateMapping[] }) {
  return (
    <table className="table" aria-label="Template mapping">
      <thead>
        <tr>
          <th>Usage type</th>
          <th>Template code</th>
          <th>Without a template, Logto cannot send</th>
        </tr>
      </thead>
      <tbody>
        {usageTypes.map((usageType) => {
          const code = templates.find((t) => t.usageType === usageType)?.templateCode;
          const required = requiredUsageTypes.includes(usageType);
          return (
            <tr key={usageType} data-usage-type={usageType}>
              <td>
                <code>{usageType}</code> {required ? <RequiredMarker /> : null}
              </td>
              <td>
                {code ? (
                  <code>{code}</code>
                ) : (
                  <span className={`badge ${required ? 'badge-red' : 'badge-grey'}`}>not mapped</span>
                )}
              </td>
              <td className="muted">{usageTypeFeatures[usageType]}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function RequiredMarker() {
  return <span className="badge badge-amber">required by Logto</span>;
}
