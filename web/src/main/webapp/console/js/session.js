// The signed-in session: the bearer token in sessionStorage (gone when the tab closes) and what it says about its
// holder. The payload is decoded only to show the tenant and user; the server verifies the token on every call.

const TOKEN_KEY = 'herald.console.token';
const NOTICE_KEY = 'herald.console.notice';

/** The claims of a JWT (its middle part, base64url JSON), or throws when the text is not a JWT. */
export function decodeClaims(token) {
    const parts = String(token).trim().split('.');
    if (parts.length !== 3 || !parts[1]) {
        throw new Error('this is not a JSON Web Token (three dot-separated parts)');
    }
    const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(parts[1].length / 4) * 4, '=');
    let text;
    try {
        const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
        text = new TextDecoder().decode(bytes);
    } catch (e) {
        throw new Error('the token\'s payload is not base64url');
    }
    try {
        return JSON.parse(text);
    } catch (e) {
        throw new Error('the token\'s payload is not JSON');
    }
}

/** What the console shows about a token; throws when it is malformed or names no tenant. */
export function describe(token) {
    const claims = decodeClaims(token);
    const tenant = typeof claims.tenant === 'string' ? claims.tenant.trim() : '';
    if (!tenant) {
        throw new Error('the token names no tenant (claim "tenant")');
    }
    return {
        token: String(token).trim(),
        tenant,
        user: claims.upn || claims.preferred_username || claims.sub || '',
        groups: Array.isArray(claims.groups) ? claims.groups : [],
        expiresAt: typeof claims.exp === 'number' ? new Date(claims.exp * 1000) : null,
    };
}

/** The current session, or null when nobody is signed in or the token has expired (then a notice is left). */
export function current() {
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (!token) {
        return null;
    }
    try {
        const session = describe(token);
        if (session.expiresAt && session.expiresAt.getTime() <= Date.now()) {
            end('Your session expired. Sign in again.');
            return null;
        }
        return session;
    } catch (e) {
        end(`The stored token is unusable: ${e.message}.`);
        return null;
    }
}

export function start(token) {
    const session = describe(token);
    sessionStorage.setItem(TOKEN_KEY, session.token);
    sessionStorage.removeItem(NOTICE_KEY);
    return session;
}

/** Signs out; the notice, if any, is shown once on the sign-in page. */
export function end(notice) {
    sessionStorage.removeItem(TOKEN_KEY);
    if (notice) {
        sessionStorage.setItem(NOTICE_KEY, notice);
    } else {
        sessionStorage.removeItem(NOTICE_KEY);
    }
}

export function takeNotice() {
    const notice = sessionStorage.getItem(NOTICE_KEY);
    sessionStorage.removeItem(NOTICE_KEY);
    return notice;
}

export function token() {
    return sessionStorage.getItem(TOKEN_KEY);
}
