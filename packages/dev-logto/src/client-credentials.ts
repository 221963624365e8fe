export interface ClientCredentialsRequest {
  /** `http://localhost:3001` (LOGTO_ENDPOINT), the token endpoint is `${endpoint}/oidc/token`. */
  endpoint: string;
  clientId: string;
  clientSecret: string;
  resource: string;
  /** Space-separated permissions; omitted means none are asked for. */
  scope?: string;
  /** Ask for an organization token (Logto's M2M organization tokens), as `organization_id`. */
  organizationId?: string;
}

/** A machine-to-machine access token for `resource`, the way Logto issues one. */
export async function getClientCredentialsToken(request: ClientCredentialsRequest): Promise<string> {
  const body = new URLSearchParams({ grant_type: 'client_credentials', resource: request.resource });
  if (request.scope) body.set('scope', request.scope);
  if (request.organizationId) body.set('organization_id', request.organizationId);
  const basic = Buffer.from(
    `${encodeURIComponent(request.clientId)}:${encodeURIComponent(request.clientSecret)}`,
  ).toString('base64');
  const response = await fetch(`${request.endpoint.replace(/\/$/, '')}/oidc/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
  const json = (await response.json().catch(() => ({}))) as { access_token?: string; error?: string };
  if (!response.ok || !json.access_token) {
    throw new Error(`client_credentials failed: ${response.status} ${json.error ?? 'no access_token'}`);
  }
  return json.access_token;
}
