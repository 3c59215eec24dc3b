// Herald's HTTP API as the console calls it: bearer token on every request, JSON in and out, and one shape of
// error whichever the server answered with ({"error"} bodies or application/problem+json).
import * as session from './session.js';

/** Beside the console in the same WAR: /console/ → /api/. */
export const API_BASE = new URL('../api/', document.baseURI);

export class ApiError extends Error {
    /**
     * @param status HTTP status, 0 when the server could not be reached
     * @param body   the parsed error body, when there was one
     */
    constructor(status, message, body) {
        super(message);
        this.status = status;
        this.body = body || null;
        this.issues = Array.isArray(body?.issues) ? body.issues : [];
    }
}

/** The readable reason of an error body: problem+json detail or title, Herald's "error", or the status. */
export function reasonOf(body, status) {
    if (body && typeof body === 'object') {
        const reason = body.detail || body.error || body.title || body.message;
        if (reason) {
            return String(reason);
        }
    }
    return status ? `the server answered HTTP ${status}` : 'no answer from the server';
}

export function url(path, query) {
    const target = new URL(path.replace(/^\//, ''), API_BASE);
    for (const [name, value] of Object.entries(query || {})) {
        if (value !== undefined && value !== null && value !== '') {
            target.searchParams.set(name, value);
        }
    }
    return target;
}

/** The token expired or was revoked: back to the sign-in page, which says so. */
export function sessionExpired() {
    session.end('Your session expired. Sign in again.');
    if (!location.hash.startsWith('#/signin')) {
        location.hash = '#/signin';
    }
}

/**
 * fetch() with the session's bearer token. A 401 ends the session unless the caller handles it (the sign-in page
 * checking a pasted token); an unreachable server is an ApiError with status 0.
 */
export async function authorizedFetch(target, init = {}, {token = session.token(), handle401 = false} = {}) {
    const headers = new Headers(init.headers || {});
    if (token) {
        headers.set('Authorization', `Bearer ${token}`);
    }
    let response;
    try {
        response = await fetch(target, {...init, headers});
    } catch (e) {
        if (e.name === 'AbortError') {
            throw e;
        }
        throw new ApiError(0, 'Herald\'s API cannot be reached: is the server running? (' + e.message + ')');
    }
    if (response.status === 401 && !handle401) {
        sessionExpired();
        throw new ApiError(401, 'Your session expired. Sign in again.', await bodyOf(response));
    }
    return response;
}

async function bodyOf(response) {
    const text = await response.text();
    if (!text) {
        return null;
    }
    try {
        return JSON.parse(text);
    } catch (e) {
        return {error: text.slice(0, 500)};
    }
}

/**
 * One JSON call. Options: method, query, body (sent as JSON), signal, token (defaults to the session's),
 * handle401 (true: a 401 is thrown like any other status). Returns {status, body}; non-2xx throws ApiError.
 */
export async function call(path, {method = 'GET', query, body, signal, token, handle401} = {}) {
    const init = {method, signal, headers: {Accept: 'application/json'}};
    if (body !== undefined) {
        init.headers['Content-Type'] = 'application/json';
        init.body = JSON.stringify(body);
    }
    const response = await authorizedFetch(url(path, query), init, {token: token ?? session.token(), handle401});
    const parsed = response.status === 204 ? null : await bodyOf(response);
    if (!response.ok) {
        throw new ApiError(response.status, reasonOf(parsed, response.status), parsed);
    }
    return {status: response.status, body: parsed};
}

export async function get(path, query, options = {}) {
    return (await call(path, {...options, query})).body;
}
