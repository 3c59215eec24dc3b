// One catalog entry: what it is, which workflows it triggers, its payload schema as a table, raw and by example.
import {h, json, empty, fill} from '../dom.js';
import * as api from '../api.js';
import {errorBox} from '../ui.js';

export async function entry({main, args: [eventType], signal}) {
    const item = await api.get(`catalog/${encodeURIComponent(eventType)}`, undefined, {signal});
    const ref = item.payloadSchemaRef;
    const [form, schema] = ref ? await Promise.all([
        api.get(`schemas/${encodeURIComponent(ref)}/form`, undefined, {signal}).catch(error => ({error})),
        api.get(`schemas/${encodeURIComponent(ref)}`, undefined, {signal}).catch(error => ({error})),
    ]) : [null, null];

    fill(main, 
        h('p', {class: 'crumbs'}, h('a', {href: '#/catalog'}, 'Catalog'), ' › ',
            h('a', {href: `#/catalog?category=${encodeURIComponent(item.category)}`}, item.category)),
        h('h1', {}, item.displayName, ' ', h('code', {id: 'entry-type'}, item.eventType)),
        h('dl', {class: 'facts'},
            fact('Category', item.category),
            fact('Status', h('span', {class: `badge status-${String(item.status).toLowerCase()}`}, item.status)),
            fact('Emitted by Herald', item.emittedByHerald ? 'yes: a reference service publishes it' : 'no'),
            fact('Defined by', item.scope === 'tenant' ? 'your tenant (custom event type)' : 'Herald (system catalog)'),
            fact('Payload schema', ref ? h('code', {}, ref) : 'none registered')),
        item.description ? h('p', {class: 'description', id: 'entry-description'}, item.description) : null,
        h('p', {}, h('a', {class: 'button', href: `#/simulate/${encodeURIComponent(item.eventType)}`, id: 'simulate-link'},
            'Simulate this event')),
        triggersSection(item.workflowTriggers),
        h('section', {'aria-labelledby': 'fields-heading'},
            h('h2', {id: 'fields-heading'}, 'Payload fields'),
            !ref ? empty('This event type has no registered payload schema.')
                : form.error ? errorBox(form.error) : fieldTable(form.fields || [])),
        ref ? h('section', {'aria-labelledby': 'raw-heading'},
            h('h2', {id: 'raw-heading'}, 'JSON Schema'),
            schema.error ? errorBox(schema.error)
                : h('details', {id: 'raw-schema'}, h('summary', {}, `Show the raw schema of ${ref}`), json(schema))) : null,
        h('section', {'aria-labelledby': 'example-heading'},
            h('h2', {id: 'example-heading'}, 'Example payload'),
            item.examplePayload !== undefined ? h('div', {id: 'example-payload'}, json(item.examplePayload))
                : empty('No example: the event type has no registered schema.')));
}

function fact(term, value) {
    return [h('dt', {}, term), h('dd', {}, value)];
}

/** Which workflows this event starts or resumes, when the catalog says so. */
function triggersSection(triggers) {
    if (!Array.isArray(triggers)) {
        return null;
    }
    const columns = [...new Set(triggers.flatMap(t => Object.keys(t)))].sort((a, b) =>
        a === 'workflow' ? -1 : b === 'workflow' ? 1 : a.localeCompare(b));
    return h('section', {'aria-labelledby': 'triggers-heading', id: 'workflow-triggers'},
        h('h2', {id: 'triggers-heading'}, 'Workflow triggers'),
        triggers.length === 0 ? empty('No workflow starts or resumes on this event.')
            : h('table', {class: 'list'},
                h('thead', {}, h('tr', {}, columns.map(c => h('th', {scope: 'col'}, c)))),
                h('tbody', {}, triggers.map(t => h('tr', {}, columns.map(c => h('td', {},
                    c === 'workflow' ? h('a', {href: '#/workflows'}, String(t[c]))
                        : typeof t[c] === 'object' ? JSON.stringify(t[c]) : String(t[c] ?? '')))))))); 
}

/** The form descriptor's tree as rows, nested fields indented under their parent. */
function fieldTable(fields) {
    const rows = [];
    const walk = (list, depth, prefix) => {
        for (const field of list) {
            const path = prefix ? `${prefix}.${field.name}` : field.name;
            rows.push(h('tr', {dataset: {pointer: field.pointer}},
                h('th', {scope: 'row', class: 'mono', style: `padding-left: ${0.5 + depth * 1.25}rem`}, path),
                h('td', {}, field.format ? `${field.type} (${field.format})` : field.type,
                    field.type === 'array' && field.items ? ` of ${field.items.type}` : ''),
                h('td', {}, field.required ? h('strong', {}, 'required') : 'optional'),
                h('td', {}, field.enum ? field.enum.map(v => h('code', {class: 'enum'}, JSON.stringify(v))) : ''),
                h('td', {}, [field.title, field.description].filter(Boolean).join(': '))));
            if (field.children) {
                walk(field.children, depth + 1, path);
            }
            if (field.items?.children) {
                walk(field.items.children, depth + 1, `${path}[]`);
            }
        }
    };
    walk(fields, 0, '');
    if (rows.length === 0) {
        return empty('The schema describes no fields.');
    }
    return h('table', {class: 'list fields', id: 'field-table'},
        h('caption', {class: 'visually-hidden'}, 'Payload fields'),
        h('thead', {}, h('tr', {}, ['Field', 'Type', 'Required', 'Allowed values', 'Description']
            .map(c => h('th', {scope: 'col'}, c)))),
        h('tbody', {}, rows));
}
