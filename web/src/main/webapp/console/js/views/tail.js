// The live tail: GET /api/tail?types=... as Server-Sent Events, read with fetch() so the bearer token goes along.
// Types are filtered by the server; the category filter is applied here, from the catalog.
import {h, clear, json, time, fill} from '../dom.js';
import * as api from '../api.js';
import {keepOpen} from '../sse.js';
import {allEntries} from '../catalog-index.js';
import {replaceParams, errorBox} from '../ui.js';

const MAX_ROWS = 500;

export async function tail({main, session, params, signal}) {
    const entries = await allEntries(session.tenant);
    const categoryOf = new Map(entries.map(e => [e.eventType, e.category]));
    const categories = [...new Set(entries.map(e => e.category))].sort();

    const typesInput = h('input', {id: 'tail-types', type: 'text', value: params.get('types') || '', autocomplete: 'off',
        placeholder: 'all types, or e.g. TICKET_CREATED, TICKET_CLOSED', 'aria-describedby': 'tail-types-hint'});
    const categorySelect = h('select', {id: 'tail-category'}, h('option', {value: ''}, 'All categories'),
        categories.map(c => h('option', {value: c}, c)));
    categorySelect.value = params.get('category') || '';
    const status = h('p', {id: 'tail-status', class: 'status', role: 'status'}, 'Not connected');
    const pauseButton = h('button', {type: 'button', id: 'tail-pause', class: 'secondary', 'aria-pressed': 'false'}, 'Pause');
    const list = h('ol', {id: 'tail-events', class: 'events', 'aria-label': 'Events, newest first'});
    const emptyNote = h('p', {class: 'empty', id: 'tail-empty'},
        'Waiting for events… Publish one from the ', h('a', {href: '#/simulate'}, 'simulator'), ' or any producer.');
    const problem = h('div', {id: 'tail-problem'});

    let paused = false;
    let held = [];
    let stream = null;

    const types = () => typesInput.value.split(/[\s,]+/).map(t => t.trim().toUpperCase()).filter(Boolean);

    const visible = row => !categorySelect.value || row.dataset.category === categorySelect.value;

    const applyFilter = () => {
        for (const row of list.children) {
            row.hidden = !visible(row);
        }
        emptyNote.hidden = [...list.children].some(row => !row.hidden);
    };

    const addRow = event => {
        let data;
        try {
            data = JSON.parse(event.data);
        } catch (e) {
            data = {payload: event.data};
        }
        const type = data.eventType || event.type;
        const category = categoryOf.get(type) || 'Unknown';
        const id = data.id || event.id;
        const row = h('li', {class: 'event', dataset: {eventId: id || '', eventType: type, category}},
            h('details', {},
                h('summary', {},
                    time(data.timestamp),
                    h('span', {class: 'mono type'}, type),
                    h('span', {class: 'badge'}, category),
                    h('code', {class: 'id'}, id || '')),
                h('dl', {class: 'facts'},
                    h('dt', {}, 'Tenant'), h('dd', {}, data.tenantId || ''),
                    data.channel ? [h('dt', {}, 'Channel'), h('dd', {}, data.channel)] : null),
                json(data.payload ?? data)));
        row.hidden = !visible(row);
        list.prepend(row);
        while (list.children.length > MAX_ROWS) {
            list.lastElementChild.remove();
        }
        if (!row.hidden) {
            emptyNote.hidden = true;
        }
    };

    const showState = () => {
        if (paused) {
            status.textContent = held.length ? `Paused: ${held.length} new event${held.length === 1 ? '' : 's'} held`
                : 'Paused';
        }
    };

    const onEvent = event => {
        if (event.type === 'ready') {
            return; // the server's "subscription is live" signal, not an event of the tenant
        }
        if (paused) {
            held.push(event);
            showState();
        } else {
            addRow(event);
        }
    };

    const onState = (state, detail) => {
        clear(problem);
        if (state === 'connecting') {
            status.textContent = 'Connecting…';
        } else if (state === 'open') {
            status.textContent = paused ? 'Paused' : `Live${types().length ? ': ' + types().join(', ') : ': every type'}`;
            status.dataset.state = 'live';
            return;
        } else if (state === 'waiting') {
            status.textContent = 'Connection lost; reconnecting…';
        } else if (state === 'stopped') {
            status.textContent = 'Stopped';
            const body = typeof detail?.body === 'string' ? safeJson(detail.body) : detail?.body;
            problem.append(errorBox(new api.ApiError(detail?.status ?? 0,
                detail?.status === 404 ? 'The live tail is not available on this server (GET /api/tail answered 404).'
                    : api.reasonOf(body, detail?.status), body)));
        }
        delete status.dataset.state;
    };

    const connect = () => {
        stream?.abort();
        stream = new AbortController();
        signal.addEventListener('abort', () => stream.abort(), {once: true});
        replaceParams({types: types().join(','), category: categorySelect.value});
        const target = api.url('tail', {types: types().join(',')});
        keepOpen(lastEventId => api.authorizedFetch(target, {
            headers: {Accept: 'text/event-stream', ...(lastEventId ? {'Last-Event-ID': lastEventId} : {})},
            signal: stream.signal,
        }), {onEvent, onState, signal: stream.signal});
    };

    pauseButton.addEventListener('click', () => {
        paused = !paused;
        pauseButton.setAttribute('aria-pressed', String(paused));
        pauseButton.textContent = paused ? 'Resume' : 'Pause';
        if (!paused) {
            held.forEach(addRow);
            held = [];
            status.textContent = 'Live';
        }
        showState();
    });
    categorySelect.addEventListener('change', () => {
        replaceParams({types: types().join(','), category: categorySelect.value});
        applyFilter();
    });

    fill(main, 
        h('h1', {}, 'Live tail'),
        h('form', {class: 'card controls', id: 'tail-form', novalidate: true, onsubmit: event => {
            event.preventDefault();
            connect();
        }},
        h('div', {class: 'control'},
            h('label', {for: 'tail-types'}, 'Event types'), typesInput,
            h('datalist', {id: 'tail-type-list'}, entries.map(e => h('option', {value: e.eventType}))),
            h('p', {class: 'hint', id: 'tail-types-hint'}, 'Comma-separated; empty for every type. Apply to reconnect.')),
        h('div', {class: 'control'}, h('label', {for: 'tail-category'}, 'Category'), categorySelect),
        h('div', {class: 'actions'},
            h('button', {type: 'submit', id: 'tail-apply'}, 'Apply'),
            pauseButton,
            h('button', {type: 'button', class: 'secondary', id: 'tail-clear', onclick: () => {
                clear(list);
                held = [];
                showState();
                applyFilter();
            }}, 'Clear'))),
        status,
        problem,
        emptyNote,
        list);
    typesInput.setAttribute('list', 'tail-type-list');
    connect();
}

function safeJson(text) {
    try {
        return JSON.parse(text);
    } catch (e) {
        return text ? {error: text.slice(0, 300)} : null;
    }
}
