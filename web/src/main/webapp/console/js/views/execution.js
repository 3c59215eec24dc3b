// One workflow execution as a timeline: the journal (paged), snapshot markers, and the state replayed at any
// sequence with the trace of how the replay was made.
import {h, clear, json, time, empty, debounce, fill} from '../dom.js';
import * as api from '../api.js';
import {replaceParams, errorBox} from '../ui.js';

const PAGE_SIZE = 50;

export async function execution({main, params, args: [executionId], signal}) {
    const path = `workflows/executions/${encodeURIComponent(executionId)}`;
    const [summary, snapshots] = await Promise.all([
        api.get(path, undefined, {signal}),
        api.get(`${path}/snapshots`, undefined, {signal}),
    ]);
    const snapshotAt = new Set(snapshots.map(s => s.sequence));
    const last = summary.state.sequence;
    const requested = Number.parseInt(params.get('sequence') ?? '', 10);
    let selected = Number.isInteger(requested) && requested >= 0 && requested <= last ? requested : last;
    let page = Math.floor(selected / PAGE_SIZE);

    const slider = h('input', {id: 'sequence-slider', type: 'range', min: '0', max: String(last), step: '1',
        value: String(selected), 'aria-describedby': 'sequence-hint'});
    const number = h('input', {id: 'sequence-input', type: 'number', min: '0', max: String(last), step: '1',
        value: String(selected), class: 'narrow'});
    const statePanel = h('section', {id: 'state-panel', 'aria-live': 'polite', 'aria-labelledby': 'state-heading'});
    const timeline = h('div', {id: 'timeline'});
    const journalNotice = h('div', {id: 'journal-notice', 'aria-live': 'polite'});

    let latest = 0;
    const showState = async () => {
        const ticket = ++latest;
        replaceParams({sequence: selected === last ? '' : selected});
        markSelected(timeline, selected);
        let replay;
        try {
            replay = await api.get(`${path}/state`, {sequence: selected, trace: true}, {signal});
        } catch (error) {
            if (ticket === latest && error.name !== 'AbortError') {
                fill(statePanel, h('h2', {id: 'state-heading'}, `State at sequence ${selected}`), errorBox(error));
            }
            return;
        }
        if (ticket !== latest) {
            return;
        }
        renderState(statePanel, replay, selected, last);
    };

    const select = async (sequence, {fromTimeline = false} = {}) => {
        selected = Math.max(0, Math.min(last, sequence));
        slider.value = String(selected);
        number.value = String(selected);
        const wanted = Math.floor(selected / PAGE_SIZE);
        if (wanted !== page && !fromTimeline) {
            page = wanted;
            await loadJournal();
        }
        await showState();
    };

    const loadJournal = async () => {
        let journal;
        try {
            journal = await api.get(`${path}/journal`, {page, size: PAGE_SIZE}, {signal});
        } catch (error) {
            fill(timeline, errorBox(error));
            return;
        }
        renderJournal(timeline, journal, snapshotAt, selected, {
            choose: sequence => select(sequence, {fromTimeline: true}),
            turn: async delta => {
                page += delta;
                await loadJournal();
            },
            // A DEAD event's retry or discard (admins only; the API says no to others, and the error is shown in place).
            resolve: async (entry, action, outcome) => {
                try {
                    await api.call(`${path}/events/${encodeURIComponent(entry.eventId)}:${action.verb}`, {method: 'POST'});
                } catch (error) {
                    fill(outcome, errorBox(error));
                    return;
                }
                fill(journalNotice, h('p', {class: 'notice', role: 'status'},
                    `#${entry.sequence} ${entry.eventName} ${action.done}`));
                await loadJournal();
            },
        });
    };

    const fromSlider = debounce(() => select(Number(slider.value)), 150);
    slider.addEventListener('input', () => {
        number.value = slider.value;
        fromSlider();
    });
    number.addEventListener('change', () => {
        const value = Number.parseInt(number.value, 10);
        if (Number.isInteger(value)) {
            select(value);
        }
    });
    number.addEventListener('keydown', event => {
        if (event.key === 'Enter') {
            event.preventDefault();
            number.dispatchEvent(new Event('change'));
        }
    });

    fill(main, 
        h('p', {class: 'crumbs'}, h('a', {href: '#/workflows'}, 'Workflows'), ' › ', h('code', {}, executionId)),
        h('h1', {}, summary.workflowName, ' ', h('span', {class: 'muted'}, `v${summary.workflowVersion}`)),
        h('dl', {class: 'facts', id: 'execution-facts'},
            h('dt', {}, 'Execution'), h('dd', {}, h('code', {}, summary.executionId)),
            h('dt', {}, 'Correlation key'), h('dd', {}, summary.correlationKey || '—'),
            h('dt', {}, 'Now'), h('dd', {id: 'execution-now'},
                `${summary.state.currentState} (${summary.state.status}) at sequence ${last}`),
            h('dt', {}, 'Snapshots'), h('dd', {}, snapshots.length === 0 ? 'none'
                : snapshots.map(s => `#${s.sequence}`).join(', '))),
        h('div', {class: 'card scrubber'},
            h('label', {for: 'sequence-slider'}, 'Replay to sequence'),
            h('div', {class: 'control-row'}, slider,
                h('label', {for: 'sequence-input', class: 'visually-hidden'}, 'Sequence number'), number,
                h('span', {class: 'muted'}, `of ${last}`)),
            h('p', {class: 'hint', id: 'sequence-hint'},
                'Arrow keys move one event; the state below is replayed from the journal at that sequence.')),
        h('div', {class: 'execution-layout'},
            h('section', {'aria-labelledby': 'journal-heading'}, h('h2', {id: 'journal-heading'}, 'Journal'),
                journalNotice, timeline),
            statePanel));
    await loadJournal();
    await showState();
}

function renderJournal(container, journal, snapshotAt, selected, {choose, turn, resolve}) {
    const entries = journal.entries || journal.items || [];
    const pages = Math.max(1, Math.ceil(journal.total / journal.size));
    clear(container);
    if (entries.length === 0) {
        container.append(empty('The journal has no entries on this page.'));
        return;
    }
    container.append(h('ol', {class: 'timeline', id: 'journal'}, entries.map(entry => h('li', {
        class: 'step', dataset: {sequence: String(entry.sequence)},
    },
    h('button', {type: 'button', class: 'step-button', 'aria-label': `Show the state at sequence ${entry.sequence}`,
        onclick: () => choose(entry.sequence)},
    h('span', {class: 'sequence'}, `#${entry.sequence}`),
    h('span', {class: 'event mono'}, entry.eventName || entry.eventType || '(start)'),
    h('span', {class: 'transition'}, entry.fromState ? `${entry.fromState} → ${entry.toState ?? '…'}`
        : entry.toState ? `→ ${entry.toState}` : ''),
    time(entry.createdAt),
    entry.processingStatus && entry.processingStatus !== 'DONE'
        ? h('span', {class: `badge status-${entry.processingStatus.toLowerCase()}`}, entry.processingStatus) : null,
    snapshotAt.has(entry.sequence) ? h('span', {class: 'badge snapshot', title: 'a snapshot is stored here'}, 'snapshot')
        : null),
    entry.lastError ? h('p', {class: 'issue'}, entry.lastError) : null,
    entry.processingStatus === 'DEAD' ? deadActions(entry, resolve) : null))));
    if (pages > 1) {
        container.append(h('nav', {class: 'pager', 'aria-label': 'Journal pages'},
            h('button', {type: 'button', class: 'secondary', disabled: journal.page <= 0, onclick: () => turn(-1)}, '← Earlier'),
            h('span', {}, `Page ${journal.page + 1} of ${pages} (${journal.total} entries)`),
            h('button', {type: 'button', class: 'secondary', disabled: journal.page + 1 >= pages, onclick: () => turn(1)},
                'Later →')));
    }
    markSelected(container, selected);
}

const RETRY = {verb: 'retry', done: 'retried: the workers take it again from its first attempt.'};
const DISCARD = {verb: 'discard', done: 'discarded: the state stays as it was and the events after it go on.'};

/** A DEAD event holds back the events after it: the ways out, retry once its cause is gone or discard it. */
function deadActions(entry, resolve) {
    const outcome = h('div', {class: 'retry-outcome', 'aria-live': 'polite'});
    return h('div', {class: 'dead-actions'},
        h('button', {type: 'button', class: 'secondary retry', onclick: () => resolve(entry, RETRY, outcome)}, 'Retry'),
        h('button', {type: 'button', class: 'secondary discard', onclick: () => resolve(entry, DISCARD, outcome)}, 'Discard'),
        h('span', {class: 'hint'}, 'It holds back the events after it. Retry once its cause is gone, or discard it'
            + ' if it should never apply (it stays in the journal and changes nothing).'),
        outcome);
}

function markSelected(container, selected) {
    for (const step of container.querySelectorAll('.step')) {
        const sequence = Number(step.dataset.sequence);
        step.classList.toggle('selected', sequence === selected);
        step.classList.toggle('future', sequence > selected);
        const button = step.querySelector('button');
        if (sequence === selected) {
            button.setAttribute('aria-current', 'step');
        } else {
            button.removeAttribute('aria-current');
        }
    }
}

function renderState(panel, replay, selected, last) {
    const state = replay.state;
    const trace = replay.trace;
    fill(panel, 
        h('h2', {id: 'state-heading'}, selected === last ? `State now (sequence ${selected})` : `State at sequence ${selected}`),
        h('p', {class: 'state-line'}, h('strong', {id: 'state-current'}, state.currentState), ' ',
            h('span', {class: 'badge', id: 'state-status'}, state.status),
            ' after sequence ', h('span', {id: 'state-sequence'}, String(state.sequence))),
        h('h3', {}, 'Data'),
        h('div', {id: 'state-data'}, json(state.data)),
        trace ? h('div', {id: 'replay-trace'},
            h('h3', {}, 'Replay trace'),
            h('ul', {},
                h('li', {}, trace.snapshotSequence === undefined || trace.snapshotSequence === null
                    ? 'Replayed from the start of the journal (no snapshot used)'
                    : `Started from the snapshot at sequence ${trace.snapshotSequence}`),
                h('li', {}, trace.appliedSequences?.length
                    ? `Applied sequences ${trace.appliedSequences.join(', ')}` : 'No event applied after it'),
                h('li', {}, `${trace.millis} ms`))) : null);
}
