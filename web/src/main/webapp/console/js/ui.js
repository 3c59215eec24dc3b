// What every view shares: the current hash route, and errors shown as words on the page.
import {h, clear} from './dom.js';
import {ApiError} from './api.js';

let afterSignIn = null;

/** '#/catalog/TICKET_CREATED?q=x' → {path: 'catalog/TICKET_CREATED', params} */
export function currentRoute() {
    const hash = location.hash.replace(/^#\/?/, '');
    const [path, query] = hash.split('?');
    return {path: path || '', params: new URLSearchParams(query || '')};
}

/** Changes the query of the current route without a new history entry or a re-render (search as you type). */
export function replaceParams(entries) {
    const kept = Object.entries(entries).filter(([, value]) => value !== '' && value !== null && value !== undefined);
    const query = kept.length ? '?' + new URLSearchParams(kept) : '';
    history.replaceState(null, '', `#/${currentRoute().path}${query}`);
}

/** The page asked for before the sign-in page interrupted: shown once signed in. */
export function rememberTarget(hash) {
    afterSignIn = hash;
}

export function continueAfterSignIn() {
    const target = afterSignIn && !afterSignIn.startsWith('#/signin') ? afterSignIn : '#/catalog';
    afterSignIn = null;
    location.hash = target;
}

/** Draws the current route again (the Retry button of an error page). */
export function rerender() {
    window.dispatchEvent(new HashChangeEvent('hashchange'));
}

export function showError(container, error) {
    clear(container);
    container.append(errorBox(error, true));
}

/** A failure in words, with what the person can do next; withHeading makes it the page's heading and offers Retry. */
export function errorBox(error, withHeading = false) {
    const status = error instanceof ApiError ? error.status : null;
    let title = 'Something went wrong';
    let advice = null;
    if (status === 0) {
        title = 'Herald\'s API cannot be reached';
        advice = 'Check that the server is running, then retry.';
    } else if (status === 401) {
        title = 'Session expired';
    } else if (status === 403) {
        title = 'Not allowed';
        advice = 'Your token\'s groups do not allow this.';
    } else if (status === 404) {
        title = 'Not found';
    } else if (status && status >= 500) {
        title = 'The server failed';
        advice = 'Retry in a moment; the server log has the details.';
    } else if (status && status >= 400) {
        title = 'Refused';
    }
    const box = h('div', {class: 'error', role: 'alert'},
        withHeading ? h('h1', {}, title) : h('strong', {}, title),
        h('p', {class: 'reason'}, error.message || String(error)),
        advice ? h('p', {}, advice) : null);
    if (withHeading && status !== 401) {
        box.append(h('button', {type: 'button', onclick: rerender}, 'Retry'));
    }
    return box;
}
