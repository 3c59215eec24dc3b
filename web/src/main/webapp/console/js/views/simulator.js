// The simulator: fill a payload (a form built from the schema, or raw JSON), dry-run or publish it through
// POST /api/simulator/events, and see the issues at their fields or the event and the workflows it triggers.
import {h, clear, json, empty, fill, append} from '../dom.js';
import * as api from '../api.js';
import * as pointers from '../pointer.js';
import {allEntries} from '../catalog-index.js';
import {PayloadForm} from '../form.js';
import {errorBox} from '../ui.js';

export async function simulator({main, session, args: [eventType], signal}) {
    if (!eventType) {
        return picker(main, session, signal);
    }
    const item = await api.get(`catalog/${encodeURIComponent(eventType)}`, undefined, {signal});
    const ref = item.payloadSchemaRef;
    const [descriptor, example] = ref ? await Promise.all([
        api.get(`schemas/${encodeURIComponent(ref)}/form`, undefined, {signal}),
        api.get(`schemas/${encodeURIComponent(ref)}/example`, undefined, {signal}),
    ]) : [{fields: []}, {}];

    const initial = {...(example && typeof example === 'object' ? example : {}), tenantId: session.tenant};
    const tenantLocked = (descriptor.fields || []).some(field => field.pointer === '/tenantId');
    const form = new PayloadForm(descriptor, initial, {locked: tenantLocked ? {'/tenantId': session.tenant} : {}});
    const editor = h('textarea', {
        id: 'payload-json', class: 'code', rows: '18', spellcheck: 'false',
        'aria-describedby': 'json-hint json-issue',
    });
    const jsonIssue = h('div', {id: 'json-issue', class: 'issue', hidden: true, 'aria-live': 'polite'});
    const summary = h('div', {id: 'issue-summary'});
    const result = h('section', {id: 'simulation-result', 'aria-live': 'polite'});
    let mode = ref && (descriptor.fields || []).length > 0 ? 'form' : 'json';
    editor.value = JSON.stringify(initial, null, 2);

    const formPanel = h('div', {id: 'form-panel'}, form.element);
    const jsonPanel = h('div', {id: 'json-panel'},
        h('label', {for: 'payload-json'}, 'Payload (JSON)'),
        editor,
        h('p', {class: 'hint', id: 'json-hint'},
            `Prefilled with the schema's example. tenantId must be your tenant, ${session.tenant}.`),
        jsonIssue);

    const showMode = () => {
        formPanel.hidden = mode !== 'form';
        jsonPanel.hidden = mode !== 'json';
        for (const radio of modeSwitch.querySelectorAll('input')) {
            radio.checked = radio.value === mode;
        }
    };

    /** The payload as the current editor has it, or null (and the reason shown) when it cannot be read. */
    const currentPayload = () => {
        if (mode === 'form') {
            const {value, problems} = form.read();
            if (problems.length > 0) {
                showIssues(problems, 'Fix these fields first:');
                return null;
            }
            return value;
        }
        try {
            const value = JSON.parse(editor.value);
            clear(jsonIssue).hidden = true;
            editor.removeAttribute('aria-invalid');
            return value;
        } catch (e) {
            fill(jsonIssue, `The payload is not valid JSON: ${e.message}`);
            jsonIssue.hidden = false;
            editor.setAttribute('aria-invalid', 'true');
            return null;
        }
    };

    const switchTo = next => {
        if (next === mode) {
            return;
        }
        const value = currentPayload();
        if (value === null) {
            showMode();
            return; // stay: switching must not lose what was typed
        }
        if (next === 'json') {
            editor.value = JSON.stringify(value, null, 2);
        } else {
            form.setValue(value);
        }
        mode = next;
        clear(summary);
        showMode();
    };

    const modeSwitch = h('fieldset', {class: 'mode-switch'},
        h('legend', {}, 'Editor'),
        radio('form', 'Form', !ref || (descriptor.fields || []).length === 0),
        radio('json', 'JSON', false));
    modeSwitch.addEventListener('change', event => switchTo(event.target.value));

    /** Issues beside their fields, and all of them in a summary whose entries move to the field. */
    const showIssues = (issues, heading) => {
        const placed = mode === 'form' ? form.showIssues(issues) : issues.map(issue => ({...issue, target: null}));
        fill(summary, h('div', {class: 'error', role: 'alert', id: 'issues'},
            h('h2', {}, heading || `${issues.length} issue${issues.length === 1 ? '' : 's'} in the payload`),
            h('ul', {}, placed.map(issue => h('li', {dataset: {pointer: issue.pointer ?? ''}},
                issue.target !== null
                    ? h('a', {href: '#', onclick: event => {
                        event.preventDefault();
                        form.focus(issue.target);
                    }}, pointers.label(issue.pointer))
                    : h('code', {}, issue.pointer || '(payload)'),
                ': ', issue.message)))));
    };

    const send = async dryRun => {
        clear(result);
        clear(summary);
        form.clearIssues();
        const payload = currentPayload();
        if (payload === null) {
            return;
        }
        for (const button of actions.querySelectorAll('button')) {
            button.disabled = true;
        }
        result.append(h('p', {class: 'loading', role: 'status'}, dryRun ? 'Checking…' : 'Publishing…'));
        try {
            const answer = await api.call('simulator/events', {method: 'POST', body: {eventType, payload, dryRun}});
            fill(result, outcome(answer.body, answer.status));
        } catch (error) {
            clear(result);
            if (error.issues.length > 0) {
                showIssues(error.issues);
            } else if (error.status === 404 && error.body === null) {
                // No body at all: the route itself is missing, not the event type.
                append(result, errorBox(new api.ApiError(404,
                    'This server has no simulator: POST /api/simulator/events answered 404.')));
            } else {
                result.append(errorBox(error));
            }
        } finally {
            for (const button of actions.querySelectorAll('button')) {
                button.disabled = false;
            }
        }
    };

    const actions = h('div', {class: 'actions'},
        h('button', {type: 'button', id: 'dry-run-button', class: 'secondary', onclick: () => send(true)}, 'Dry run'),
        h('button', {type: 'button', id: 'publish-button', onclick: () => send(false)}, 'Publish'));

    fill(main, 
        h('p', {class: 'crumbs'}, h('a', {href: '#/simulate'}, 'Simulator'), ' › ',
            h('a', {href: `#/catalog/${encodeURIComponent(eventType)}`}, eventType)),
        h('h1', {}, 'Simulate ', h('code', {}, eventType)),
        h('p', {class: 'description'}, item.description || item.displayName),
        ref ? null : h('p', {class: 'notice'}, 'No registered payload schema: write the payload as JSON.'),
        modeSwitch,
        h('form', {id: 'simulator-form', novalidate: true, onsubmit: event => {
            event.preventDefault();
            send(true);
        }}, formPanel, jsonPanel),
        summary,
        actions,
        result);
    showMode();
}

function radio(value, label, disabled) {
    const id = `mode-${value}`;
    return h('span', {class: 'radio'},
        h('input', {type: 'radio', name: 'editor-mode', id, value, disabled}),
        h('label', {for: id}, label));
}

/** What the simulator answered: the event (or that nothing was published) and the triggers it matched. */
function outcome(body, status) {
    const triggers = Array.isArray(body?.matchedTriggers) ? body.matchedTriggers : [];
    const published = body?.published ?? status === 202;
    const columns = [...new Set(triggers.flatMap(t => Object.keys(t)))];
    return h('div', {class: published ? 'success' : 'notice', id: 'simulation-outcome'},
        h('h2', {}, published ? 'Published' : 'Valid: dry run, nothing published'),
        h('dl', {class: 'facts'},
            body?.eventId ? [h('dt', {}, 'Event id'), h('dd', {}, h('code', {id: 'published-event-id'}, body.eventId))] : null,
            body?.simulationId ? [h('dt', {}, 'Simulation'), h('dd', {}, h('code', {}, body.simulationId))] : null),
        h('h3', {}, 'Matched workflow triggers'),
        triggers.length === 0 ? empty('No workflow trigger matches this event.')
            : h('table', {class: 'list', id: 'matched-triggers'},
                h('thead', {}, h('tr', {}, columns.map(c => h('th', {scope: 'col'}, c)))),
                h('tbody', {}, triggers.map(t => h('tr', {}, columns.map(c => h('td', {},
                    typeof t[c] === 'object' && t[c] !== null ? JSON.stringify(t[c]) : String(t[c] ?? ''))))))),
        body?.payload ? h('details', {}, h('summary', {}, 'Payload as sent'), json(body.payload)) : null,
        published ? h('p', {}, 'See it arrive on the ', h('a', {href: '#/tail'}, 'live tail'), '.') : null);
}

/** #/simulate without a type: choose one. */
async function picker(main, session, signal) {
    const entries = await allEntries(session.tenant);
    if (signal.aborted) {
        return;
    }
    const input = h('input', {id: 'simulate-type', type: 'text', list: 'simulate-types', autocomplete: 'off',
        placeholder: 'TICKET_CREATED'});
    const message = h('p', {'aria-live': 'polite'});
    fill(main, 
        h('h1', {}, 'Simulator'),
        h('p', {}, 'Pick the event type to simulate. Dry runs validate a payload; publishing sends it like any producer.'),
        h('form', {class: 'card inline', novalidate: true, onsubmit: event => {
            event.preventDefault();
            const type = input.value.trim().toUpperCase();
            if (!entries.some(e => e.eventType === type)) {
                message.textContent = type ? `${type} is not in your catalog.` : 'Name an event type.';
                message.className = 'issue';
                input.focus();
                return;
            }
            location.hash = `#/simulate/${encodeURIComponent(type)}`;
        }},
        h('label', {for: 'simulate-type'}, 'Event type'),
        input,
        h('datalist', {id: 'simulate-types'}, entries.map(e => h('option', {value: e.eventType}, e.displayName))),
        h('button', {type: 'submit'}, 'Open'),
        message));
}
