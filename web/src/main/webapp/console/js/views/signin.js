// Sign-in: paste a bearer token, or ask the run profile's development endpoint for a demo one.
import {h, fill} from '../dom.js';
import * as api from '../api.js';
import * as session from '../session.js';
import {continueAfterSignIn} from '../ui.js';

export async function signIn({main}) {
    const notice = session.takeNotice();
    const message = h('div', {id: 'signin-message', 'aria-live': 'polite'});
    const tokenInput = h('textarea', {
        id: 'token-input', rows: '5', class: 'code', spellcheck: 'false', autocomplete: 'off',
        'aria-describedby': 'token-hint', required: true,
    });
    const tenantInput = h('input', {id: 'demo-tenant', type: 'text', value: 'demo', autocomplete: 'off', required: true});

    const say = (kind, text) => {
        fill(message, h('p', {class: kind, role: kind === 'error' ? 'alert' : 'status'}, text));
    };

    /** Checks the token with a harmless call before keeping it: a refused token never becomes a session. */
    const useToken = async text => {
        let described;
        try {
            described = session.describe(text);
        } catch (e) {
            say('error', `This token cannot be used: ${e.message}.`);
            tokenInput.focus();
            return;
        }
        try {
            await api.call('catalog/categories', {token: described.token, handle401: true});
        } catch (e) {
            say('error', e.status === 401
                ? 'Herald refused this token (expired, or not signed by a key it trusts).'
                : `The token could not be checked: ${e.message}`);
            return;
        }
        session.start(described.token);
        continueAfterSignIn();
    };

    const pasted = h('form', {
        class: 'card', 'aria-labelledby': 'paste-heading', novalidate: true,
        onsubmit: event => {
            event.preventDefault();
            useToken(tokenInput.value);
        },
    },
    h('h2', {id: 'paste-heading'}, 'Paste a token'),
    h('label', {for: 'token-input'}, 'Bearer token (JWT)'),
    tokenInput,
    h('p', {class: 'hint', id: 'token-hint'},
        'A MicroProfile JWT whose "tenant" claim names your tenant. It is kept in this tab only (sessionStorage).'),
    h('button', {type: 'submit', id: 'signin-button'}, 'Sign in'));

    const demo = h('form', {
        class: 'card', 'aria-labelledby': 'demo-heading', novalidate: true,
        onsubmit: async event => {
            event.preventDefault();
            const tenant = tenantInput.value.trim();
            if (!tenant) {
                say('error', 'Name the demo tenant first.');
                tenantInput.focus();
                return;
            }
            try {
                const {body} = await api.call('dev/tokens', {method: 'POST', query: {tenant}, token: '', handle401: true});
                tokenInput.value = body.token;
                await useToken(body.token);
            } catch (e) {
                say('error', e.status === 404
                    ? 'Demo tokens are off on this server: they exist only in the run profile (mvn -Prun package). Paste a token instead.'
                    : `No demo token: ${e.message}`);
            }
        },
    },
    h('h2', {id: 'demo-heading'}, 'Or try a demo tenant'),
    h('label', {for: 'demo-tenant'}, 'Tenant'),
    tenantInput,
    h('p', {class: 'hint'}, 'Development servers only: a token for this tenant with the reader, simulator and admin groups.'),
    h('button', {type: 'submit', id: 'demo-token-button', class: 'secondary'}, 'Get a demo token'));

    fill(main, 
        h('h1', {}, 'Sign in to Herald'),
        notice ? h('p', {class: 'notice', role: 'alert', id: 'signin-notice'}, notice) : null,
        message,
        h('div', {class: 'columns'}, pasted, demo));
}
