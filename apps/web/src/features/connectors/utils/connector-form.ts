import type {
  Connector,
  CreateConnector,
  TemplateMapping,
  UpdateConnector,
} from '@smsdesk/shared/schemas/connectors';
import { fieldIssues } from '@smsdesk/shared/field-issues';
import { CreateConnectorSchema } from '@smsdesk/shared/schemas/connectors';
import { requiredUsageTypes, type UsageType, usageTypes } from '@smsdesk/shared/usage-types';

/** What the connector form edits; every text as typed, one template code per usage type ('' = not mapped). */
export interface ConnectorFormValues {
  name: string;
  description: string;
  accessKeyId: string;
  /** Only sent when typed: the stored secret is never shown. */
  accessKeySecret: string;
  signName: string;
  region: string;
  sdkAppId: string;
  international: boolean;
  templates: Record<UsageType, string>;
}

/** The inputs a server field error can point at; anything else is shown above the form. */
export const formFields = [
  'name',
  'description',
  'accessKeyId',
  'accessKeySecret',
  'signName',
  'region',
  'sdkAppId',
  'international',
  'templates',
] as const;
export type FormField = (typeof formFields)[number];

export interface FormErrors {
  fields: Partial<Record<FormField, string>>;
  templates: Partial<Record<UsageType, string>>;
  /** Errors for fields the form has no input for, as `field: message`. */
  other: string[];
}

export const noErrors: FormErrors = { fields: {}, templates: {}, other: [] };

const noTemplates = () => Object.fromEntries(usageTypes.map((t) => [t, ''])) as Record<UsageType, string>;

export function emptyFormValues(): ConnectorFormValues {
  return {
    name: '',
    description: '',
    accessKeyId: '',
    accessKeySecret: '',
    signName: '',
    region: '',
    sdkAppId: '',
    international: false,
    templates: noTemplates(),
  };
}

export function formValuesOf(connector: Connector): ConnectorFormValues {
  const templates = noTemplates();
  for (const t of connector.templates) templates[t.usageType] = t.templateCode;
  return {
    name: connector.name,
    description: connector.description ?? '',
    accessKeyId: connector.accessKeyId,
    accessKeySecret: '',
    signName: connector.signName,
    region: connector.region,
    sdkAppId: connector.sdkAppId,
    international: connector.international,
    templates,
  };
}

/** The rows that are mapped, in usage-type order: the array the server sees (its indexes name the rows). */
export function templatesOf(values: ConnectorFormValues): TemplateMapping[] {
  return usageTypes.flatMap((usageType) => {
    const templateCode = values.templates[usageType].trim();
    return templateCode ? [{ usageType, templateCode }] : [];
  });
}

export function createBodyOf(values: ConnectorFormValues): CreateConnector {
  const description = values.description.trim();
  return {
    name: values.name.trim(),
    ...(description ? { description } : {}),
    accessKeyId: values.accessKeyId.trim(),
    ...(values.accessKeySecret ? { accessKeySecret: values.accessKeySecret } : {}),
    signName: values.signName.trim(),
    region: values.region.trim(),
    sdkAppId: values.sdkAppId.trim(),
    international: values.international,
    templates: templatesOf(values),
  };
}

// Order does not matter to Logto: compare as one code (or none) per usage type.
const sameTemplates = (a: readonly TemplateMapping[], b: readonly TemplateMapping[]) => {
  const key = (list: readonly TemplateMapping[]) =>
    JSON.stringify(usageTypes.map((t) => list.find((m) => m.usageType === t)?.templateCode ?? null));
  return key(a) === key(b);
};

/**
 * The PATCH body: only what differs from the connector the form was opened on. The secret goes only when
 * a new one was typed; an emptied description is sent as null, which clears it.
 */
export function updateBodyOf(connector: Connector, values: ConnectorFormValues): UpdateConnector {
  const body: UpdateConnector = {};
  const text = (key: 'name' | 'accessKeyId' | 'signName' | 'region' | 'sdkAppId') => {
    const value = values[key].trim();
    if (value !== connector[key]) body[key] = value;
  };
  text('name');
  text('accessKeyId');
  text('signName');
  text('region');
  text('sdkAppId');
  const description = values.description.trim();
  if (description !== (connector.description ?? '')) body.description = description || null;
  if (values.accessKeySecret) body.accessKeySecret = values.accessKeySecret;
  if (values.international !== connector.international) body.international = values.international;
  const templates = templatesOf(values);
  if (!sameTemplates(templates, connector.templates)) body.templates = templates;
  return body;
}

/**
 * Places the server's field errors (keys without `body.`, as `ApiError.fieldErrors()` gives them) on the
 * form. `templates.<i>.…` names the i-th row of the array that was sent, which is mapped back to its usage
 * type.
 */
export function placeFieldErrors(
  fieldErrors: Record<string, string>,
  sentTemplates: readonly TemplateMapping[],
): FormErrors {
  const errors: FormErrors = { fields: {}, templates: {}, other: [] };
  for (const [field, message] of Object.entries(fieldErrors)) {
    const row = /^templates\.(\d+)(?:\.|$)/.exec(field);
    if (row) {
      const usageType = sentTemplates[Number(row[1])]?.usageType;
      if (usageType) {
        errors.templates[usageType] = join(errors.templates[usageType], message);
        continue;
      }
    }
    const top = field.split('.')[0] ?? '';
    if ((formFields as readonly string[]).includes(top)) {
      const key = top as FormField;
      errors.fields[key] = join(errors.fields[key], top === field ? message : `${field}: ${message}`);
    } else {
      errors.other.push(`${field || 'request'}: ${message}`);
    }
  }
  return errors;
}

const join = (a: string | undefined, b: string) => (a ? `${a}; ${b}` : b);

export function hasErrors(errors: FormErrors): boolean {
  return (
    Object.keys(errors.fields).length > 0 ||
    Object.keys(errors.templates).length > 0 ||
    errors.other.length > 0
  );
}

/** The required usage types a mapping lacks; Logto refuses the config until this is empty. */
export function missingRequired(templates: readonly TemplateMapping[]): UsageType[] {
  return requiredUsageTypes.filter((t) => !templates.some((m) => m.usageType === t && m.templateCode));
}

/**
 * The browser's check before sending, with the schema the API validates the create body with (an edit is
 * checked as the whole connector it would produce). `message` turns each issue into the user's sentence.
 */
export function checkConnectorForm(
  values: ConnectorFormValues,
  message: (issue: { field: string; rule: string; limit?: number }) => string,
): FormErrors {
  const body = createBodyOf(values);
  const issues = fieldIssues(CreateConnectorSchema, body);
  return placeFieldErrors(
    Object.fromEntries(issues.map((issue) => [issue.field, message(issue)])),
    body.templates ?? [],
  );
}

/** The form's inputs in screen order, so the first invalid one can take the focus. */
export function errorPaths(errors: FormErrors): string[] {
  return [
    ...formFields.filter((f) => f !== 'templates' && errors.fields[f]),
    ...usageTypes.filter((u) => errors.templates[u]).map((u) => `templates.${u}`),
  ];
}
