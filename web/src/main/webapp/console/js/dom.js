// Tiny DOM helpers: the console builds its pages with these instead of a framework.

/**
 * h('a', {href: '#/x', class: 'link', onclick: fn, dataset: {id: 1}}, 'text', child, [more]) → element.
 * Attribute values false/null/undefined are left out; true sets a boolean attribute.
 */
export function h(tag, attrs, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
        if (value === false || value === null || value === undefined) {
            continue;
        }
        if (name.startsWith('on') && typeof value === 'function') {
            element.addEventListener(name.slice(2), value);
        } else if (name === 'dataset') {
            Object.assign(element.dataset, value);
        } else if (name === 'value') {
            element.value = value;
        } else {
            element.setAttribute(name, value === true ? '' : String(value));
        }
    }
    append(element, children);
    return element;
}

export function append(parent, ...children) {
    for (const child of children.flat(Infinity)) {
        if (child === null || child === undefined || child === false) {
            continue;
        }
        parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return parent;
}

export function clear(node) {
    node.replaceChildren();
    return node;
}

/** A local date and time for people, with the ISO instant kept in the element for machines. */
export function time(iso) {
    if (!iso) {
        return h('span', {class: 'muted'}, '—');
    }
    const date = new Date(iso);
    const text = Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
    return h('time', {datetime: iso, title: iso}, text);
}

export function json(value) {
    return h('pre', {class: 'json', tabindex: '0'}, JSON.stringify(value, null, 2));
}

/** A message saying there is nothing to show, so that an empty list is never a blank page. */
export function empty(text, ...more) {
    return h('p', {class: 'empty'}, text, ...more);
}

/** Calls fn once the caller has stopped calling for `ms` milliseconds (search as you type). */
export function debounce(fn, ms) {
    let timer;
    return (...args) => {
        clearTimeout(timer);
        timer = setTimeout(() => fn(...args), ms);
    };
}

let idCounter = 0;

export function uniqueId(prefix) {
    idCounter += 1;
    return `${prefix}-${idCounter}`;
}

/** Replaces a node's children (null, false and nested arrays among them are skipped). */
export function fill(node, ...children) {
    node.replaceChildren();
    return append(node, children);
}
