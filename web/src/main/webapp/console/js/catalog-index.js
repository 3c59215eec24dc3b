// Every catalog entry the tenant sees, fetched once per page load: the live tail's category filter and the
// simulator's type picker need the whole list, not one page.
import * as api from './api.js';

const cache = new Map();

export function allEntries(tenant) {
    if (!cache.has(tenant)) {
        const loading = load().catch(error => {
            cache.delete(tenant);
            throw error;
        });
        cache.set(tenant, loading);
    }
    return cache.get(tenant);
}

async function load() {
    const size = 200;
    const entries = [];
    for (let page = 0; ; page++) {
        const answer = await api.get('catalog', {page, size, sort: 'eventType'});
        const items = itemsOf(answer);
        entries.push(...items);
        if (items.length < size || entries.length >= answer.total) {
            return entries;
        }
    }
}

/** The rows of a catalog page (CatalogPage answers "items"; "entries" is accepted too). */
export function itemsOf(page) {
    return page?.items || page?.entries || [];
}
