import type { SignInResponse, TokenBundle } from '@acimtl/contracts';

/** A browser-like session: the cookies the API set, and the CSRF token to echo. */
export interface BrowserSession {
  cookies: Map<string, string>;
  csrf: string;
}

export function cookieHeader(session: BrowserSession): string {
  return [...session.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
}

/** Keeps the cookies a response sets (and drops the ones it clears). */
export function keepCookies(response: Response, jar = new Map<string, string>()) {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const [name, ...value] = pair.split('=');
    if (/max-age=0|expires=thu, 01 jan 1970/i.test(line)) {
      jar.delete(name);
    } else {
      jar.set(name, value.join('='));
    }
  }

  return jar;
}

export function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

/** Signs in as a script would: tokens in the body, for `Authorization: Bearer`. */
export async function signInForTokens(api: string, email: string, password: string) {
  const response = await postJson(`${api}/api/auth/login`, {
    email,
    password,
    tokenDelivery: 'body',
  });
  const body = (await response.json()) as SignInResponse & { tokens?: TokenBundle };
  if (response.status !== 200 || body.status !== 'signed-in') {
    throw new Error(`Sign-in failed: ${response.status} ${JSON.stringify(body)}`);
  }

  return body.tokens!;
}

/** Signs in as a browser would: cookies, and the CSRF token from its cookie. */
export async function signInAsBrowser(api: string, email: string, password: string) {
  const response = await postJson(`${api}/api/auth/login`, { email, password });
  if (response.status !== 200) {
    throw new Error(`Sign-in failed: ${response.status} ${await response.text()}`);
  }
  const cookies = keepCookies(response);

  return { cookies, csrf: cookies.get('acimtl_csrf')! } satisfies BrowserSession;
}

export function bearer(accessToken: string): Record<string, string> {
  return { authorization: `Bearer ${accessToken}` };
}
