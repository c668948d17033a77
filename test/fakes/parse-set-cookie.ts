/** Parse Set-Cookie header values into their parts, for tests that check or keep cookies. */

/** One Set-Cookie value, parsed. */
export interface SetCookie {
  name: string;
  value: string;
  maxAge?: number;
  path?: string;
  httpOnly: boolean;
  secure: boolean;
  sameSite?: string;
}

/** Parse each Set-Cookie value (as `Headers.getSetCookie()` lists them). */
export function parseCookies(values: string[]): SetCookie[] {
  return values.map((raw) => {
    const [pair, ...attributes] = raw.split(';').map((s) => s.trim());
    const eq = pair.indexOf('=');
    const cookie: SetCookie = { name: pair.slice(0, eq), value: pair.slice(eq + 1), httpOnly: false, secure: false };
    for (const attribute of attributes) {
      const [key, ...rest] = attribute.split('=');
      const value = rest.join('=');
      switch (key.toLowerCase()) {
        case 'max-age':
          cookie.maxAge = Number(value);
          break;
        case 'path':
          cookie.path = value;
          break;
        case 'httponly':
          cookie.httpOnly = true;
          break;
        case 'secure':
          cookie.secure = true;
          break;
        case 'samesite':
          cookie.sameSite = value;
          break;
      }
    }
    return cookie;
  });
}
