// Operations, for platform operators: each consumer group's lag and pending entries per stream, the workflow queue,
// the event path's rates over the last minutes (plain SVG), and the dead letters with their replay. The figures are
// the server's operations sampler's (the same as the gauges at /metrics); the view asks again every 10 seconds.
import {h, empty, fill, time} from '../dom.js';
import * as api from '../api.js';
import {errorBox} from '../ui.js';

const REFRESH_MS = 10_000;
const DEAD_LETTER_PAGE = 20;
const SVG = 'http://www.w3.org/2000/svg';
const SERIES = [
    {key: 'published', label: 'Published', css: 'published'},
    {key: 'relayed', label: 'Relayed (per channel)', css: 'relayed'},
    {key: 'delivered', label: 'Delivered (per subscriber)', css: 'delivered'},
];

export async function operations({main, signal}) {
    const status = h('div', {id: 'ops-status', 'aria-live': 'polite'});
    const backlog = h('div', {id: 'ops-backlog'});
    const queue = h('div', {id: 'ops-queue'});
    const rates = h('div', {id: 'ops-rates'});
    const relay = h('div', {id: 'ops-relay-failures'});
    const subscriberLetters = h('div', {id: 'ops-subscriber-dead-letters'});
    const workflowLetters = h('div', {id: 'ops-workflow-dead-letters'});

    const refresh = async () => {
        const [snapshot, history] = await Promise.all([
            api.get('operations/backlog', undefined, {signal}),
            api.get('operations/rates', undefined, {signal}),
        ]);
        fill(status, statusLine(snapshot, refresh));
        fill(backlog, backlogTable(snapshot));
        fill(queue, queueFigures(snapshot));
        fill(rates, rateChart(history));
        return snapshot;
    };
    const refreshLetters = async snapshot => {
        await Promise.all([
            showRelayFailures(relay, signal),
            showSubscriberDeadLetters(subscriberLetters, snapshot, signal),
            showWorkflowDeadLetters(workflowLetters, signal),
        ]);
    };

    fill(main,
        h('h1', {}, 'Operations'),
        status,
        h('section', {'aria-labelledby': 'ops-backlog-heading'},
            h('h2', {id: 'ops-backlog-heading'}, 'Consumer groups'),
            h('p', {class: 'hint'}, 'Lag: entries written to the stream that no consumer of the group has read yet. '
                + 'Pending: read by a consumer and not acknowledged yet.'),
            backlog),
        h('section', {'aria-labelledby': 'ops-queue-heading'},
            h('h2', {id: 'ops-queue-heading'}, 'Workflow queue'), queue),
        h('section', {'aria-labelledby': 'ops-rates-heading'},
            h('h2', {id: 'ops-rates-heading'}, 'Rates'), rates),
        h('section', {'aria-labelledby': 'ops-dead-heading'},
            h('h2', {id: 'ops-dead-heading'}, 'Dead letters and failed relays'),
            h('div', {class: 'actions'}, h('button', {type: 'button', class: 'secondary small', id: 'ops-letters-refresh',
                onclick: async () => refreshLetters(await refresh())}, 'Look again')),
            h('h3', {}, 'Relay failures'), relay,
            h('h3', {}, 'Subscriber dead letters'), subscriberLetters,
            h('h3', {}, 'Workflow stream dead letters'), workflowLetters));

    const snapshot = await refresh();
    await refreshLetters(snapshot);
    const timer = setInterval(() => refresh().catch(error => {
        if (error.name !== 'AbortError') {
            fill(status, errorBox(error));
        }
    }), REFRESH_MS);
    signal.addEventListener('abort', () => clearInterval(timer));
}

function statusLine(snapshot, refresh) {
    const paused = snapshot.subscribers?.paused;
    const toggle = async button => {
        button.disabled = true;
        try {
            await api.call(`operations/subscribers/${paused ? 'resume' : 'pause'}`, {method: 'POST'});
            await refresh();
        } catch (error) {
            button.after(errorBox(error));
            button.disabled = false;
        }
    };
    return h('div', {class: 'card ops-status'},
        h('p', {}, 'Sampled ', time(snapshot.sampledAt), ` in ${snapshot.sampleMillis} ms · subscribers of this server (group `,
            h('span', {class: 'mono'}, snapshot.subscribers?.group ?? '?'), '): ',
            h('strong', {id: 'ops-subscribers-state', class: paused ? 'state-paused' : 'state-running'},
                paused ? 'paused' : (snapshot.subscribers?.running ? 'running' : 'not running')),
            ' ', h('button', {type: 'button', class: 'secondary small', id: 'ops-pause-toggle',
                onclick: event => toggle(event.currentTarget)}, paused ? 'Resume' : 'Pause')),
        snapshot.errors?.length ? h('ul', {class: 'issue', id: 'ops-errors'},
            snapshot.errors.map(error => h('li', {}, error))) : null);
}

function streamLabel(stream) {
    return stream.eventType ? [h('strong', {}, stream.eventType), ' on ', stream.channel]
        : [h('strong', {}, 'workflow stream')];
}

function backlogTable(snapshot) {
    const rows = snapshot.streams.flatMap(stream => stream.groups.map(group => ({stream, group})));
    if (rows.length === 0) {
        return empty('No consumer group on Herald\'s streams yet.');
    }
    return h('table', {class: 'list numbers', id: 'backlog-table'},
        h('thead', {}, h('tr', {}, ['Stream', 'Group', 'Lag', 'Pending', 'Consumers', 'Dead letters']
            .map(c => h('th', {scope: 'col'}, c)))),
        h('tbody', {}, rows.map(({stream, group}) => h('tr', {
            dataset: {stream: stream.stream, group: group.group},
            class: group.lag > 0 || group.pending > 0 ? 'behind' : null},
        h('td', {title: stream.stream}, streamLabel(stream)),
        h('td', {class: 'mono'}, group.group),
        h('td', {class: 'lag'}, group.lagCapped ? `≥ ${group.lag}` : String(group.lag)),
        h('td', {class: 'pending'}, String(group.pending)),
        h('td', {}, String(group.consumers)),
        h('td', {}, String(stream.deadLetters))))));
}

function queueFigures(snapshot) {
    const figure = (id, label, value) => h('div', {class: 'figure'},
        h('span', {class: 'figure-value', id}, value === undefined ? '—' : String(value)), h('span', {}, label));
    return h('div', {class: 'figures'},
        figure('ops-queue-depth', 'queued events not applied yet', snapshot.workflowQueue?.queued),
        figure('ops-queue-dead', 'DEAD queued events', snapshot.workflowQueue?.dead),
        figure('ops-trigger-lag', 'workflow-stream entries the triggers have not read', snapshot.triggerLag));
}

/** One line per series over the rate history: x is time, y events per second, all on one scale. */
function rateChart(history) {
    const points = history.points || [];
    if (points.length < 2) {
        return empty(`The rates appear after two ${history.stepSeconds || 10}-second samples.`);
    }
    const width = 720;
    const height = 220;
    const pad = {left: 48, right: 12, top: 12, bottom: 28};
    const first = Date.parse(points[0].at);
    const last = Date.parse(points[points.length - 1].at);
    const top = Math.max(1, ...points.flatMap(p => SERIES.map(s => p[s.key])));
    const x = at => pad.left + (Date.parse(at) - first) / Math.max(1, last - first) * (width - pad.left - pad.right);
    const y = value => height - pad.bottom - value / top * (height - pad.top - pad.bottom);
    const svg = node('svg', {id: 'rates-chart', viewBox: `0 0 ${width} ${height}`, role: 'img',
        'aria-labelledby': 'rates-chart-title'});
    svg.append(node('title', {id: 'rates-chart-title'}, `Events per second over the last ${Math.round((last - first) / 60000)} minutes`));
    for (const fraction of [0, 0.5, 1]) {
        const value = top * fraction;
        svg.append(node('line', {class: 'grid', x1: pad.left, x2: width - pad.right, y1: y(value), y2: y(value)}),
            node('text', {class: 'axis', x: pad.left - 6, y: y(value) + 4, 'text-anchor': 'end'}, format(value)));
    }
    svg.append(node('text', {class: 'axis', x: pad.left, y: height - 8}, new Date(first).toLocaleTimeString()),
        node('text', {class: 'axis', x: width - pad.right, y: height - 8, 'text-anchor': 'end'}, new Date(last).toLocaleTimeString()));
    for (const series of SERIES) {
        svg.append(node('polyline', {class: `series ${series.css}`, dataset: series.key,
            points: points.map(p => `${x(p.at).toFixed(1)},${y(p[series.key]).toFixed(1)}`).join(' ')}));
    }
    const latest = points[points.length - 1];
    return h('figure', {class: 'card chart'}, svg,
        h('figcaption', {}, h('ul', {class: 'legend'}, SERIES.map(series => h('li', {},
            h('span', {class: `swatch ${series.css}`, 'aria-hidden': 'true'}), `${series.label}: `,
            h('strong', {id: `rate-${series.key}`}, `${format(latest[series.key])}/s`), ' now')))));
}

function node(tag, attrs, text) {
    const element = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attrs)) {
        if (name === 'dataset') {
            element.setAttribute('data-series', value);
        } else {
            element.setAttribute(name, String(value));
        }
    }
    if (text !== undefined) {
        element.textContent = text;
    }
    return element;
}

function format(value) {
    return value >= 10 ? value.toFixed(0) : value.toFixed(1);
}

async function showRelayFailures(container, signal) {
    try {
        const {items} = await api.get('relay/failed', undefined, {signal});
        const open = items.filter(f => f.status === 'RETRYING' || f.status === 'DEAD_LETTERED');
        fill(container, open.length === 0 ? empty('No relay failure is retrying or dead-lettered.')
            : h('table', {class: 'list', id: 'relay-failures-table'},
                h('thead', {}, h('tr', {}, ['Event', 'Type', 'Status', 'Attempts', 'Last failed', 'Last error', '']
                    .map(c => h('th', {scope: 'col'}, c)))),
                h('tbody', {}, open.map(f => h('tr', {dataset: {eventId: f.eventId}},
                    h('td', {class: 'mono'}, f.eventId), h('td', {}, f.eventType), h('td', {}, f.status),
                    h('td', {}, String(f.attempts)), h('td', {}, time(f.lastFailedAt)),
                    h('td', {class: 'reason', title: f.lastError || ''}, shortened(f.lastError)),
                    h('td', {}, f.status === 'DEAD_LETTERED' ? replayButton(
                        () => api.call(`relay/failed/${encodeURIComponent(f.eventId)}/replay`, {method: 'POST'}),
                        () => showRelayFailures(container, signal)) : null))))));
    } catch (error) {
        fill(container, errorBox(error));
    }
}

async function showSubscriberDeadLetters(container, snapshot, signal) {
    const streams = snapshot.streams.filter(s => s.eventType && s.deadLetters > 0);
    if (streams.length === 0) {
        fill(container, empty('No per-type stream has dead letters.'));
        return;
    }
    fill(container, await Promise.all(streams.map(async stream => {
        const path = `subscribe/dead-letters/${encodeURIComponent(stream.eventType)}`;
        try {
            const page = await api.get(path, {channel: stream.channel, count: DEAD_LETTER_PAGE}, {signal});
            return h('div', {class: 'dead-letters', dataset: {stream: stream.stream}},
                h('p', {}, streamLabel(stream), ` · ${stream.deadLetters} dead letter${stream.deadLetters === 1 ? '' : 's'}`),
                letterTable(page.entries, letter => api.call(`${path}/${encodeURIComponent(letter.id)}/replay`,
                    {method: 'POST', query: {channel: stream.channel}}), async () => {
                    const fresh = await api.get('operations/backlog', undefined, {signal});
                    await showSubscriberDeadLetters(container, fresh, signal);
                }));
        } catch (error) {
            return errorBox(error);
        }
    })));
}

async function showWorkflowDeadLetters(container, signal) {
    try {
        const page = await api.get('workflows/stream/dead-letters', {count: DEAD_LETTER_PAGE}, {signal});
        fill(container, page.entries.length === 0 ? empty('The workflow stream has no dead letter.')
            : letterTable(page.entries, letter => api.call(`workflows/stream/dead-letters/${encodeURIComponent(letter.id)}/replay`,
                {method: 'POST'}), () => showWorkflowDeadLetters(container, signal)));
    } catch (error) {
        fill(container, errorBox(error));
    }
}

/** The event id of a dead letter: the workflow stream's field, or the envelope's of a per-type stream entry. */
function eventIdOf(fields) {
    if (fields.event_id) {
        return fields.event_id;
    }
    try {
        return JSON.parse(fields.event || '{}').id || '';
    } catch (e) {
        return '';
    }
}

function letterTable(entries, replay, after) {
    return h('table', {class: 'list dead-letter-table'},
        h('thead', {}, h('tr', {}, ['Dead letter', 'Event', 'Deliveries', 'Dead-lettered', 'Reason', '']
            .map(c => h('th', {scope: 'col'}, c)))),
        h('tbody', {}, entries.map(letter => h('tr', {dataset: {id: letter.id}},
            h('td', {class: 'mono'}, letter.id),
            h('td', {class: 'mono'}, eventIdOf(letter.fields)),
            h('td', {}, letter.fields.deliveries || ''),
            h('td', {}, time(letter.fields.deadLetteredAt)),
            h('td', {class: 'reason', title: letter.fields.reason || ''}, shortened(letter.fields.reason)),
            h('td', {}, replayButton(() => replay(letter), after))))));
}

/** A reason as long as a table cell bears; the whole text stays in the cell's title. */
function shortened(text, max = 160) {
    const value = text || '';
    return value.length > max ? `${value.slice(0, max)}…` : value;
}

function replayButton(replay, after) {
    return h('button', {type: 'button', class: 'secondary small replay', onclick: async event => {
        const button = event.currentTarget;
        button.disabled = true;
        try {
            await replay();
            await after();
        } catch (error) {
            button.after(errorBox(error));
            button.disabled = false;
        }
    }}, 'Replay');
}
