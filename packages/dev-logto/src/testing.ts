/**
 * Drives the provider like a browser over plain HTTP (cookies, redirects, the login form): for the tests of
 * this package and of the apps that sign in through it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { getClientCredentialsToken } from './client-credentials.ts';
import { devClients, managementApiResource } from './constants.ts';

/** Just enough of a browser cookie store to carry oidc-provider's session and interaction cookies. */
export class CookieJar {
  readonly #cookies = new Map<string, string>();

  store(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((attribute) => {
        const [key = '', date = ''] = attribute.split('=');
        return key.trim().toLowerCase() === 'expires' && Date.parse(date) <= Date.now();
      });
      if (expired || value === '') this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  get size(): number {
    return this.#cookies.size;
  }
}

/** A fetch that never follows redirects and sends/keeps cookies like a browser would. */
export async function browse(jar: CookieJar, url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (jar.size > 0) headers.set('cookie', jar.header());
  const response = await fetch(url, { ...init, headers, redirect: 'manual' });
  jar.store(response);
  return response;
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function formAction(html: string): string {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`no form in page: ${html.slice(0, 200)}`);
  return action.replaceAll('&amp;', '&');
}

export function hiddenInputs(html: string): URLSearchParams {
  const params = new URLSearchParams();
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\s*\/?>/g)) {
    params.set(match[1] ?? '', match[2] ?? '');
  }
  return params;
}

export interface AuthorizeRequest {
  issuer: string;
  clientId: string;
  redirectUri: string;
  scope: string;
  resource?: string;
  challenge: string;
  state?: string;
}

export function authorizeUrl(request: AuthorizeRequest): string {
  const url = new URL(`${request.issuer}/auth`);
  url.search = new URLSearchParams({
    client_id: request.clientId,
    redirect_uri: request.redirectUri,
    response_type: 'code',
    scope: request.scope,
    prompt: 'consent',
    code_challenge: request.challenge,
    code_challenge_method: 'S256',
    state: request.state ?? 'state-1',
    ...(request.resource ? { resource: request.resource } : {}),
  }).toString();
  return url.href;
}

export interface Landing {
  /** The last response that was not a redirect inside the provider. */
  response: Response;
  /** Where the provider finally sent the browser, when it left the provider. */
  location?: URL;
  body: string;
}

/** Follows redirects while they stay on the provider; stops at a page or at a redirect to elsewhere. */
export async function follow(jar: CookieJar, start: string, init: RequestInit = {}): Promise<Landing> {
  let url = new URL(start);
  let response = await browse(jar, url.href, init);
  for (let hops = 0; hops < 10; hops += 1) {
    const next = response.headers.get('location');
    if (!next || response.status < 300 || response.status >= 400) break;
    const target = new URL(next, url);
    if (target.origin !== url.origin) return { response, location: target, body: '' };
    url = target;
    response = await browse(jar, url.href);
  }
  return { response, body: await response.text() };
}

export interface SignInResult {
  jar: CookieJar;
  /** The redirect back to the application, with `code` and `state`. */
  callback: URL;
}

/** The browser part of an authorization-code flow: authorize, fill in the login form, come back with a code. */
export async function signIn(
  request: AuthorizeRequest,
  username: string,
  password: string,
  jar = new CookieJar(),
): Promise<SignInResult> {
  return signInAt(authorizeUrl(request), username, password, jar);
}

/** The same from any authorization URL, e.g. the redirect an application's sign-in route answers with. */
export async function signInAt(
  url: string,
  username: string,
  password: string,
  jar = new CookieJar(),
): Promise<SignInResult> {
  const login = await follow(jar, url);
  if (login.location) return { jar, callback: login.location };
  const action = new URL(formAction(login.body), login.response.url);
  const submitted = await follow(jar, action.href, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username, password }),
  });
  if (!submitted.location) throw new Error(`sign-in did not return to the app: ${submitted.response.status}`);
  return { jar, callback: submitted.location };
}

export async function postForm(
  url: string,
  params: Record<string, string>,
  headers: Record<string, string> = {},
) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(params),
  });
  return { response, json: (await response.json()) as Record<string, unknown> };
}

/** A Management API answer: the status, and the JSON body (undefined when empty). */
export interface ManagementAnswer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: a test reads the JSON it expects, as JSON.parse gives it.
  json: any;
}

/**
 * The Management API of the dev-logto at `endpoint`, called as Logto's M2M app (the dev `mgmt` client,
 * scope `all`) would: JSON in and out, a body makes it a POST unless `method` says otherwise. The token is
 * taken at the first call and kept.
 */
export function managementApi(endpoint: string) {
  let token: Promise<string> | undefined;
  return async (
    path: string,
    json?: unknown,
    method = json === undefined ? 'GET' : 'POST',
  ): Promise<ManagementAnswer> => {
    token ??= getClientCredentialsToken({
      endpoint,
      clientId: devClients.mgmt.clientId,
      clientSecret: devClients.mgmt.clientSecret,
      resource: managementApiResource,
      scope: 'all',
    });
    const response = await fetch(`${endpoint}${path}`, {
      method,
      headers: { authorization: `Bearer ${await token}`, 'content-type': 'application/json' },
      ...(json === undefined ? {} : { body: JSON.stringify(json) }),
    });
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : undefined };
  };
}

export type ManagementApi = ReturnType<typeof managementApi>;
