// The console's shell: hash routes, the header with the signed-in tenant, and one place that turns any failure
// into a message on the page (never a blank one).
import {h, clear, append} from './dom.js';
import * as session from './session.js';
import {currentRoute, rememberTarget, showError} from './ui.js';
import {signIn} from './views/signin.js';
import {catalog} from './views/catalog.js';
import {entry} from './views/entry.js';
import {simulator} from './views/simulator.js';
import {tail} from './views/tail.js';
import {workflows} from './views/workflows.js';
import {execution} from './views/execution.js';
import {operations} from './views/operations.js';

const ROUTES = [
    {pattern: /^signin$/, view: signIn, open: true, title: 'Sign in'},
    {pattern: /^catalog$/, view: catalog, section: 'catalog', title: 'Catalog'},
    {pattern: /^catalog\/([^/]+)$/, view: entry, section: 'catalog', title: 'Event type'},
    {pattern: /^simulate(?:\/([^/]+))?$/, view: simulator, section: 'simulate', title: 'Simulator'},
    {pattern: /^tail$/, view: tail, section: 'tail', title: 'Live tail'},
    {pattern: /^workflows$/, view: workflows, section: 'workflows', title: 'Workflows'},
    {pattern: /^workflows\/([^/]+)$/, view: execution, section: 'workflows', title: 'Workflow execution'},
    {pattern: /^operations$/, view: operations, section: 'operations', title: 'Operations'},
];

const main = document.getElementById('main');
let cleanup = null;

async function route() {
    if (cleanup) {
        cleanup();
        cleanup = null;
    }
    const {path, params} = currentRoute();
    const match = ROUTES.map(r => ({route: r, found: r.pattern.exec(path)})).find(m => m.found);
    if (!match) {
        location.replace('#/catalog');
        return;
    }
    const current = session.current();
    if (!match.route.open && !current) {
        rememberTarget(location.hash);
        location.replace('#/signin');
        return;
    }
    renderHeader(current, match.route.section);
    document.title = `${match.route.title} · Herald console`;
    clear(main);
    main.append(h('p', {class: 'loading', role: 'status'}, 'Loading…'));
    const controller = new AbortController();
    cleanup = () => controller.abort();
    try {
        const args = match.found.slice(1).map(part => part === undefined ? undefined : decodeURIComponent(part));
        await match.route.view({main, session: current, params, args, signal: controller.signal});
    } catch (error) {
        if (controller.signal.aborted || error.name === 'AbortError') {
            return;
        }
        showError(main, error);
    }
    if (!controller.signal.aborted) {
        // Moves the reading position to the new page for keyboard and screen-reader users.
        const heading = main.querySelector('h1');
        if (heading && (document.activeElement === document.body || !main.contains(document.activeElement))) {
            heading.setAttribute('tabindex', '-1');
            heading.focus({preventScroll: true});
        }
    }
}

function renderHeader(current, section) {
    const nav = document.getElementById('sections');
    for (const link of nav.querySelectorAll('a')) {
        if (link.dataset.section === section) {
            link.setAttribute('aria-current', 'page');
        } else {
            link.removeAttribute('aria-current');
        }
    }
    nav.hidden = !current;
    const who = clear(document.getElementById('who'));
    if (current) {
        append(who, 
            h('span', {class: 'tenant'}, 'Tenant ', h('strong', {id: 'session-tenant'}, current.tenant)),
            current.user ? h('span', {class: 'user', title: current.user}, current.user) : null,
            h('button', {type: 'button', class: 'secondary small', onclick: () => {
                session.end();
                location.hash = '#/signin';
            }}, 'Sign out'));
    }
}

window.addEventListener('hashchange', route);
window.addEventListener('unhandledrejection', event => {
    if (event.reason?.name !== 'AbortError') {
        showError(main, event.reason || new Error('unexpected failure'));
    }
});
route();
