// JSON pointers (RFC 6901), as the server names a payload issue, and which input of a form an issue belongs to.

export function parse(pointer) {
    if (pointer === '' || pointer === undefined || pointer === null) {
        return [];
    }
    if (!pointer.startsWith('/')) {
        throw new Error(`not a JSON pointer: ${pointer}`);
    }
    return pointer.slice(1).split('/').map(part => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function compile(segments) {
    return segments.map(part => '/' + String(part).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

export function child(pointer, name) {
    return pointer + compile([name]);
}

/**
 * The pointer among `known` that an issue at `pointer` belongs to: itself, else its nearest known ancestor
 * (an issue inside a free-form JSON field lands on that field). A pointer the server gave relative to the
 * whole request ("/payload/ticketId", as POST /api/events names them) is tried relative to the payload too.
 * Returns null when nothing in the form is named (the issue is then shown in the summary only).
 */
export function placeIssue(pointer, known) {
    const candidates = [pointer];
    if (typeof pointer === 'string' && pointer.startsWith('/payload/') && !known.has(pointer)) {
        candidates.push(pointer.slice('/payload'.length));
    }
    for (const candidate of candidates) {
        let segments;
        try {
            segments = parse(candidate);
        } catch (e) {
            continue;
        }
        for (let length = segments.length; length > 0; length--) {
            const prefix = compile(segments.slice(0, length));
            if (known.has(prefix)) {
                return prefix;
            }
        }
    }
    return null;
}

/** "/items/0/name" → "items[0].name", the way a person reads a field path. */
export function label(pointer) {
    const segments = parse(pointer || '');
    if (segments.length === 0) {
        return '(whole payload)';
    }
    return segments.reduce((text, part) => /^\d+$/.test(part) ? `${text}[${part}]` : text ? `${text}.${part}` : part, '');
}
