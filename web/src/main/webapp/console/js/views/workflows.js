// Workflow executions: the tenant's newest (paged), open one by id, find those with a correlation key, start one
// from a definition.
import {h, clear, empty, fill} from '../dom.js';
import * as api from '../api.js';
import {errorBox} from '../ui.js';

const RECENT_PAGE_SIZE = 20;

export async function workflows({main, params, signal}) {
    const definitions = await api.get('workflows/definitions', undefined, {signal});
    const newest = new Map();
    for (const definition of definitions) {
        if (!newest.has(definition.name) || newest.get(definition.name).version < definition.version) {
            newest.set(definition.name, definition);
        }
    }

    const found = h('div', {id: 'correlated', 'aria-live': 'polite'});
    const keyInput = h('input', {id: 'correlation-key', type: 'text', value: params.get('correlationKey') || '',
        autocomplete: 'off'});
    const findByKey = async () => {
        const key = keyInput.value.trim();
        clear(found);
        if (!key) {
            found.append(h('p', {class: 'issue'}, 'Type a correlation key (a ticket id, for instance).'));
            keyInput.focus();
            return;
        }
        try {
            const executions = await api.get('workflows/executions', {correlationKey: key}, {signal});
            found.append(executions.length === 0 ? empty(`No execution has the correlation key ${key}.`)
                : executionTable(executions));
        } catch (error) {
            found.append(errorBox(error));
        }
    };

    const idInput = h('input', {id: 'execution-id', type: 'text', autocomplete: 'off', spellcheck: 'false'});
    const startMessage = h('div', {id: 'start-message', 'aria-live': 'polite'});
    const workflowSelect = h('select', {id: 'start-workflow'},
        [...newest.values()].map(d => h('option', {value: d.name}, `${d.name} (v${d.version})`)));
    const startKey = h('input', {id: 'start-key', type: 'text', autocomplete: 'off'});
    const startData = h('textarea', {id: 'start-data', class: 'code', rows: '4', spellcheck: 'false',
        placeholder: '{"priority": "high"}', 'aria-describedby': 'start-data-hint'});

    const start = async () => {
        clear(startMessage);
        let data;
        if (startData.value.trim()) {
            try {
                data = JSON.parse(startData.value);
            } catch (e) {
                startMessage.append(h('p', {class: 'issue', role: 'alert'}, `Initial data is not valid JSON: ${e.message}`));
                startData.setAttribute('aria-invalid', 'true');
                startData.focus();
                return;
            }
        }
        startData.removeAttribute('aria-invalid');
        try {
            const {body} = await api.call('workflows/executions', {method: 'POST', body: {
                workflowName: workflowSelect.value, correlationKey: startKey.value.trim() || undefined, data,
            }});
            location.hash = `#/workflows/${encodeURIComponent(body.executionId)}`;
        } catch (error) {
            startMessage.append(errorBox(error));
        }
    };

    const recent = h('div', {id: 'recent-executions', 'aria-live': 'polite'});
    const showRecent = async page => {
        try {
            const executions = await api.get('workflows/executions', {page, size: RECENT_PAGE_SIZE}, {signal});
            // A full page may have an older one after it; the button then finds out (and says so when empty).
            const pager = h('nav', {class: 'pager', 'aria-label': 'Execution pages'},
                h('button', {type: 'button', class: 'secondary', id: 'recent-newer', disabled: page === 0,
                    onclick: () => showRecent(page - 1)}, '← Newer'),
                h('span', {id: 'recent-page'}, `Page ${page + 1}`),
                h('button', {type: 'button', class: 'secondary', id: 'recent-older',
                    disabled: executions.length < RECENT_PAGE_SIZE, onclick: () => showRecent(page + 1)}, 'Older →'));
            fill(recent, executions.length === 0
                ? empty(page === 0 ? 'No execution yet: start one below, or publish an event a workflow is triggered by.'
                    : 'No older execution.')
                : executionTable(executions), page === 0 && executions.length < RECENT_PAGE_SIZE ? null : pager);
        } catch (error) {
            fill(recent, errorBox(error));
        }
    };

    fill(main, 
        h('h1', {}, 'Workflow executions'),
        h('div', {class: 'columns'},
            h('form', {class: 'card', novalidate: true, 'aria-labelledby': 'open-heading', onsubmit: event => {
                event.preventDefault();
                const id = idInput.value.trim();
                if (id) {
                    location.hash = `#/workflows/${encodeURIComponent(id)}`;
                } else {
                    idInput.focus();
                }
            }},
            h('h2', {id: 'open-heading'}, 'Open an execution'),
            h('label', {for: 'execution-id'}, 'Execution id'), idInput,
            h('button', {type: 'submit'}, 'Open')),
            h('form', {class: 'card', novalidate: true, 'aria-labelledby': 'find-heading', onsubmit: event => {
                event.preventDefault();
                findByKey();
            }},
            h('h2', {id: 'find-heading'}, 'Find by correlation key'),
            h('label', {for: 'correlation-key'}, 'Correlation key'), keyInput,
            h('button', {type: 'submit', id: 'find-button'}, 'Find'),
            found)),
        h('section', {'aria-labelledby': 'recent-heading'},
            h('h2', {id: 'recent-heading'}, 'Newest executions'),
            recent),
        h('form', {class: 'card', novalidate: true, 'aria-labelledby': 'start-heading', onsubmit: event => {
            event.preventDefault();
            start();
        }},
        h('h2', {id: 'start-heading'}, 'Start an execution'),
        newest.size === 0 ? empty('No workflow definition is deployed.') : [
            h('label', {for: 'start-workflow'}, 'Workflow'), workflowSelect,
            h('label', {for: 'start-key'}, 'Correlation key (optional)'), startKey,
            h('label', {for: 'start-data'}, 'Initial data (optional JSON object)'), startData,
            h('p', {class: 'hint', id: 'start-data-hint'}, 'Starts the newest version of the workflow in your tenant.'),
            h('button', {type: 'submit', id: 'start-button'}, 'Start')],
        startMessage),
        h('section', {'aria-labelledby': 'definitions-heading'},
            h('h2', {id: 'definitions-heading'}, 'Definitions'),
            definitions.length === 0 ? empty('No workflow definition is deployed.')
                : definitions.map(definitionView)));
    await showRecent(0);
    if (keyInput.value) {
        await findByKey();
    }
}

export function executionTable(executions) {
    return h('table', {class: 'list executions'},
        h('thead', {}, h('tr', {}, ['Execution', 'Workflow', 'Correlation key', 'State', 'Status', 'Sequence']
            .map(c => h('th', {scope: 'col'}, c)))),
        h('tbody', {}, executions.map(e => h('tr', {dataset: {executionId: e.executionId}},
            h('td', {}, h('a', {href: `#/workflows/${encodeURIComponent(e.executionId)}`, class: 'mono'}, e.executionId)),
            h('td', {}, `${e.workflowName} v${e.workflowVersion}`),
            h('td', {}, e.correlationKey || '—'),
            h('td', {}, e.state?.currentState ?? ''),
            h('td', {}, e.state?.status ?? ''),
            h('td', {}, String(e.state?.sequence ?? ''))))));
}

function definitionView(definition) {
    return h('details', {class: 'definition'},
        h('summary', {}, h('strong', {}, definition.name), ` v${definition.version} · starts in ${definition.initialState}`,
            definition.triggers?.length ? ` · triggered by ${definition.triggers.join(', ')}` : ''),
        h('h3', {}, 'States'),
        h('ul', {}, Object.entries(definition.states || {}).map(([state, status]) => h('li', {}, `${state}: ${status}`))),
        h('h3', {}, 'Transitions'),
        h('ul', {class: 'mono'}, (definition.transitions || []).map(t => h('li', {}, t))));
}
