// A payload form built from the server's form descriptor (dev.herald.schema.FormDescriptor): one input per
// field by type, enum choices, required marks, nested objects and arrays. Every input is registered under its
// concrete JSON pointer (/items/0/name), so an issue the server reports lands next to the field it names.
import {h, clear, uniqueId} from './dom.js';
import * as pointers from './pointer.js';

export class PayloadForm {
    /**
     * @param descriptor {fields: [...]} as GET /api/schemas/{ref}/form answers
     * @param value      the initial payload
     * @param locked     pointer → value the form shows read-only and always sends (e.g. /tenantId from the session)
     */
    constructor(descriptor, value, {locked = {}} = {}) {
        this.descriptor = descriptor;
        this.locked = locked;
        this.element = h('div', {class: 'payload-form'});
        this.registry = new Map();
        this.current = applyLocked(isObject(value) ? value : {}, locked);
        this.render();
    }

    /** {value, problems}: problems are what the browser can tell alone (text that is not JSON in a JSON field). */
    read({keepBlanks = false} = {}) {
        const context = {problems: [], keepBlanks};
        const value = this.readRoot(context);
        return {value, problems: context.problems};
    }

    setValue(value) {
        this.current = applyLocked(isObject(value) ? value : {}, this.locked);
        this.render();
    }

    render() {
        this.registry = new Map();
        clear(this.element);
        const fields = this.descriptor.fields || [];
        if (fields.length === 0) {
            this.element.append(h('p', {class: 'empty'}, 'The schema describes no fields: use the JSON editor.'));
            this.readRoot = () => this.current;
            return;
        }
        const readers = fields.map(field => this.field(field, field.pointer, this.current[field.name], this.element));
        this.readRoot = context => objectFrom(fields, readers, this.current, context) ?? {};
    }

    /** Shows each issue at the input its pointer names; returns them with the pointer each was placed at (or null). */
    showIssues(issues) {
        this.clearIssues();
        return issues.map(issue => {
            const target = pointers.placeIssue(issue.pointer, this.registry);
            if (target !== null) {
                const entry = this.registry.get(target);
                entry.slot.append(h('span', {}, issue.pointer === target ? issue.message
                    : `${pointers.label(issue.pointer)}: ${issue.message}`));
                entry.slot.hidden = false;
                entry.control?.setAttribute('aria-invalid', 'true');
                entry.wrapper.classList.add('invalid');
            }
            return {...issue, target};
        });
    }

    clearIssues() {
        for (const entry of this.registry.values()) {
            clear(entry.slot).hidden = true;
            entry.control?.removeAttribute('aria-invalid');
            entry.wrapper.classList.remove('invalid');
        }
    }

    focus(pointer) {
        const entry = this.registry.get(pointer);
        (entry?.control || entry?.wrapper)?.focus();
    }

    field(field, pointer, value, parent) {
        if (Object.prototype.hasOwnProperty.call(this.locked, pointer)) {
            return this.lockedInput(field, pointer, parent);
        }
        if (field.enum && field.enum.length > 0) {
            return this.choice(field, pointer, value, parent, field.enum);
        }
        switch (field.type) {
            case 'object':
                return field.children ? this.object(field, pointer, value, parent) : this.jsonInput(field, pointer, value, parent);
            case 'array':
                return field.items ? this.array(field, pointer, value, parent) : this.jsonInput(field, pointer, value, parent);
            case 'boolean':
                return this.choice(field, pointer, value, parent, [true, false]);
            case 'string':
            case 'integer':
            case 'number':
                return this.input(field, pointer, value, parent);
            default:
                return this.jsonInput(field, pointer, value, parent);
        }
    }

    /** label + hint + issue slot around a control, registered under its pointer. */
    wrap(field, pointer, control, parent, extra) {
        const slot = h('p', {class: 'issue', id: uniqueId('issue'), hidden: true, 'aria-live': 'polite'});
        const hint = hintOf(field);
        const hintId = hint ? uniqueId('hint') : null;
        control.setAttribute('aria-describedby', [hintId, slot.id].filter(Boolean).join(' '));
        control.dataset.pointer = pointer;
        if (field.required) {
            control.setAttribute('aria-required', 'true');
        }
        const wrapper = h('div', {class: 'field', dataset: {pointer}},
            h('label', {for: control.id}, nameOf(field), field.required ? requiredMark() : null,
                h('span', {class: 'type'}, typeText(field))),
            h('div', {class: 'control-row'}, control, extra),
            hint ? h('p', {class: 'hint', id: hintId}, hint) : null,
            slot);
        parent.append(wrapper);
        this.registry.set(pointer, {control, slot, wrapper});
    }

    lockedInput(field, pointer, parent) {
        const value = this.locked[pointer];
        const control = h('input', {id: uniqueId('f'), type: 'text', readonly: true, value: String(value)});
        this.wrap({...field, description: 'From your session: a payload may only name your own tenant.'}, pointer,
            control, parent);
        return () => value;
    }

    input(field, pointer, value, parent) {
        const numeric = field.type === 'integer' || field.type === 'number';
        const control = h('input', {
            id: uniqueId('f'), type: 'text', value: value === undefined || value === null ? '' : String(value),
            inputmode: numeric ? (field.type === 'integer' ? 'numeric' : 'decimal') : null,
            placeholder: placeholderOf(field), autocomplete: 'off', spellcheck: 'false',
        });
        const generator = generatorOf(field);
        const extra = generator ? h('button', {
            type: 'button', class: 'small', 'aria-label': `${generator.label} for ${nameOf(field)}`,
            onclick: () => {
                control.value = generator.make();
                control.focus();
            },
        }, generator.label) : null;
        this.wrap(field, pointer, control, parent, extra);
        return () => {
            const text = control.value.trim();
            if (text === '') {
                return undefined;
            }
            if (field.type === 'integer' && /^-?\d+$/.test(text)) {
                return Number.parseInt(text, 10);
            }
            if (field.type === 'number' && text !== '' && Number.isFinite(Number(text))) {
                return Number(text);
            }
            // Sent as typed (also "12x" in a number field): the server's issue then says what is wrong.
            return field.type === 'string' ? control.value : text;
        };
    }

    choice(field, pointer, value, parent, options) {
        const control = h('select', {id: uniqueId('f')},
            h('option', {value: ''}, field.required ? '— choose —' : '— not set —'),
            options.map((option, index) => h('option', {value: String(index)},
                typeof option === 'string' ? option : JSON.stringify(option))));
        const selected = options.findIndex(option => JSON.stringify(option) === JSON.stringify(value));
        control.value = selected >= 0 ? String(selected) : '';
        this.wrap(field, pointer, control, parent);
        return () => control.value === '' ? undefined : options[Number(control.value)];
    }

    jsonInput(field, pointer, value, parent) {
        const control = h('textarea', {
            id: uniqueId('f'), rows: '3', class: 'code', spellcheck: 'false',
            value: value === undefined ? '' : JSON.stringify(value, null, 2),
        });
        this.wrap({...field, description: [field.description, 'JSON value'].filter(Boolean).join(' · ')}, pointer,
            control, parent);
        return context => {
            const text = control.value.trim();
            if (text === '') {
                return undefined;
            }
            try {
                return JSON.parse(text);
            } catch (e) {
                context.problems.push({pointer, message: `is not valid JSON (${e.message})`});
                return undefined;
            }
        };
    }

    object(field, pointer, value, parent) {
        const own = isObject(value) ? value : {};
        const group = h('fieldset', {class: 'group', dataset: {pointer}, tabindex: '-1'},
            h('legend', {}, nameOf(field), field.required ? requiredMark() : null, h('span', {class: 'type'}, 'object')));
        const hint = hintOf(field);
        if (hint) {
            group.append(h('p', {class: 'hint'}, hint));
        }
        const slot = h('p', {class: 'issue', hidden: true});
        group.append(slot);
        const readers = field.children.map(childField =>
            this.field(childField, pointers.child(pointer, childField.name), own[childField.name], group));
        parent.append(group);
        this.registry.set(pointer, {control: null, slot, wrapper: group});
        return context => {
            const result = objectFrom(field.children, readers, own, context);
            return result === undefined && field.required ? {} : result;
        };
    }

    array(field, pointer, value, parent) {
        const items = Array.isArray(value) ? value : [];
        const group = h('fieldset', {class: 'group array', dataset: {pointer}, tabindex: '-1'},
            h('legend', {}, nameOf(field), field.required ? requiredMark() : null,
                h('span', {class: 'type'}, `array of ${typeText(field.items)}`)));
        const hint = hintOf(field);
        if (hint) {
            group.append(h('p', {class: 'hint'}, hint));
        }
        const slot = h('p', {class: 'issue', hidden: true});
        group.append(slot);
        const list = h('ol', {class: 'items'});
        group.append(list);
        const readers = items.map((item, index) => {
            const itemPointer = `${pointer}/${index}`;
            const row = h('li', {class: 'item'});
            list.append(row);
            const read = this.field({...field.items, name: `${field.name}[${index}]`, required: false}, itemPointer, item, row);
            row.append(h('button', {
                type: 'button', class: 'small secondary', 'aria-label': `Remove ${field.name}[${index}]`,
                onclick: () => this.edit(pointer, list2 => list2.splice(index, 1), pointer),
            }, 'Remove'));
            return read;
        });
        if (items.length === 0) {
            list.append(h('li', {class: 'muted'}, 'No items.'));
        }
        group.append(h('button', {
            type: 'button', class: 'small', onclick: () => this.edit(pointer,
                list2 => list2.push(blankOf(field.items)), `${pointer}/${items.length}`),
        }, `Add ${field.name} item`));
        parent.append(group);
        this.registry.set(pointer, {control: null, slot, wrapper: group});
        return context => {
            // While editing, an item left blank keeps its place (null), so adding a second item keeps the first.
            const values = readers.map(read => read(context))
                .map(item => item === undefined && context.keepBlanks ? null : item)
                .filter(item => item !== undefined);
            return values.length === 0 && !field.required && items.length === 0 ? undefined : values;
        };
    }

    /** Adds or removes an array item: re-read what was typed, change it, draw the form again, keep the focus near. */
    edit(arrayPointer, change, focusPointer) {
        const {value} = this.read({keepBlanks: true});
        const segments = pointers.parse(arrayPointer);
        let holder = value;
        for (const segment of segments.slice(0, -1)) {
            holder[segment] = isObject(holder[segment]) || Array.isArray(holder[segment]) ? holder[segment] : {};
            holder = holder[segment];
        }
        const last = segments[segments.length - 1];
        const list = Array.isArray(holder[last]) ? holder[last] : [];
        change(list);
        holder[last] = list;
        this.setValue(value);
        const target = this.registry.has(focusPointer) ? focusPointer : arrayPointer;
        const entry = this.registry.get(target);
        const focusable = entry?.control || entry?.wrapper.querySelector('input, select, textarea') || entry?.wrapper;
        focusable?.focus();
    }
}

/** The described properties as typed, over the properties the form does not describe (kept, never dropped). */
function objectFrom(fields, readers, original, context) {
    const described = new Set(fields.map(field => field.name));
    const result = {};
    for (const [key, kept] of Object.entries(isObject(original) ? original : {})) {
        if (!described.has(key)) {
            result[key] = kept;
        }
    }
    fields.forEach((field, index) => {
        const value = readers[index](context);
        if (value !== undefined) {
            result[field.name] = value;
        }
    });
    return Object.keys(result).length === 0 ? undefined : result;
}

function applyLocked(value, locked) {
    const copy = structuredClone(value);
    for (const [pointer, lockedValue] of Object.entries(locked)) {
        const segments = pointers.parse(pointer);
        if (segments.length === 1) {
            copy[segments[0]] = lockedValue;
        }
    }
    return copy;
}

function isObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function nameOf(field) {
    return field.name;
}

function requiredMark() {
    return h('abbr', {class: 'required', title: 'required', 'aria-label': 'required'}, '*');
}

function typeText(field) {
    if (!field) {
        return 'any';
    }
    return field.format ? `${field.type}, ${field.format}` : field.type;
}

function hintOf(field) {
    return [field.title && field.title !== field.name ? field.title : null, field.description].filter(Boolean).join(': ');
}

function placeholderOf(field) {
    switch (field.format) {
        case 'uuid':
            return '00000000-0000-4000-8000-000000000000';
        case 'date-time':
            return '2025-01-31T12:00:00Z';
        case 'date':
            return '2025-01-31';
        case 'email':
            return 'name@example.com';
        default:
            return field.type === 'integer' ? '0' : null;
    }
}

function generatorOf(field) {
    if (field.format === 'uuid') {
        return {label: 'New UUID', make: randomUuid};
    }
    if (field.format === 'date-time') {
        return {label: 'Now', make: () => new Date().toISOString()};
    }
    return null;
}

export function randomUuid() {
    if (crypto.randomUUID) {
        return crypto.randomUUID();
    }
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = [...bytes].map(b => b.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** What "Add item" puts in an array: an empty object for objects, nothing typed yet for the rest. */
function blankOf(itemField) {
    return itemField?.type === 'object' ? {} : undefined;
}
