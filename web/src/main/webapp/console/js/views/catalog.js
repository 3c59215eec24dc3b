// The catalog browser: categories with counts, search as you type, paging.
import {h, debounce, empty, fill, append} from '../dom.js';
import * as api from '../api.js';
import {itemsOf} from '../catalog-index.js';
import {replaceParams, errorBox} from '../ui.js';

const PAGE_SIZE = 25;

export async function catalog({main, params, signal}) {
    const state = {
        q: params.get('q') || '',
        category: params.get('category') || '',
        page: Math.max(0, Number.parseInt(params.get('page') || '0', 10) || 0),
    };
    const categories = await api.get('catalog/categories', undefined, {signal});
    const total = categories.reduce((sum, c) => sum + c.count, 0);

    const search = h('input', {
        id: 'catalog-search', type: 'search', value: state.q, autocomplete: 'off',
        placeholder: 'type, name or description', 'aria-controls': 'catalog-results',
    });
    const results = h('section', {id: 'catalog-results', 'aria-live': 'polite', 'aria-busy': 'false'});
    const categoryList = h('ul', {class: 'categories'});

    const categoryButton = (name, label, count) => h('li', {},
        h('button', {
            type: 'button', class: 'category', 'aria-pressed': String(state.category === name),
            dataset: {category: name},
            onclick: () => {
                state.category = name;
                state.page = 0;
                for (const other of categoryList.querySelectorAll('button')) {
                    other.setAttribute('aria-pressed', String(other.dataset.category === name));
                }
                refresh();
            },
        }, h('span', {class: 'name'}, label), h('span', {class: 'count'}, String(count))));

    append(categoryList, categoryButton('', 'All categories', total),
        categories.map(c => categoryButton(c.category, c.category, c.count)));

    let latest = 0;
    const refresh = async () => {
        const ticket = ++latest;
        replaceParams({q: state.q, category: state.category, page: state.page || ''});
        results.setAttribute('aria-busy', 'true');
        let page;
        try {
            page = await api.get('catalog', {q: state.q, category: state.category, page: state.page, size: PAGE_SIZE},
                {signal});
        } catch (error) {
            if (ticket === latest && error.name !== 'AbortError') {
                fill(results, errorBox(error));
                results.setAttribute('aria-busy', 'false');
            }
            return;
        }
        if (ticket !== latest) {
            return; // a newer keystroke's answer wins
        }
        results.setAttribute('aria-busy', 'false');
        const focused = results.contains(document.activeElement) ? document.activeElement.id : null;
        renderPage(results, page, state, refresh);
        // The pager is drawn anew: keep the keyboard on the button that was pressed, or its neighbour.
        const again = focused && document.getElementById(focused);
        if (focused && again) {
            (again.disabled ? results.querySelector('.pager button:not([disabled])') : again)?.focus();
        }
    };

    search.addEventListener('input', debounce(() => {
        state.q = search.value.trim();
        state.page = 0;
        refresh();
    }, 200));

    fill(main, 
        h('h1', {}, 'Event catalog'),
        h('div', {class: 'catalog-layout'},
            h('nav', {class: 'card', 'aria-label': 'Categories'}, h('h2', {}, 'Categories'), categoryList),
            h('div', {},
                h('div', {class: 'search-row', role: 'search'},
                    h('label', {for: 'catalog-search'}, 'Search event types'), search),
                results)));
    await refresh();
}

function renderPage(results, page, state, refresh) {
    const items = itemsOf(page);
    const pages = Math.max(1, Math.ceil(page.total / page.size));
    const where = [state.category ? `in ${state.category}` : null, state.q ? `matching “${state.q}”` : null]
        .filter(Boolean).join(' ');
    fill(results, h('p', {class: 'summary', id: 'catalog-total'},
        `${page.total} event type${page.total === 1 ? '' : 's'}${where ? ' ' + where : ''}`));
    if (items.length === 0) {
        results.append(empty('No event types match. Try fewer words or another category.'));
        return;
    }
    results.append(h('table', {class: 'list', id: 'catalog-table'},
        h('caption', {class: 'visually-hidden'}, 'Event types'),
        h('thead', {}, h('tr', {},
            h('th', {scope: 'col'}, 'Event type'), h('th', {scope: 'col'}, 'Name'),
            h('th', {scope: 'col'}, 'Category'), h('th', {scope: 'col'}, 'Status'),
            h('th', {scope: 'col'}, 'Emitted by Herald'))),
        h('tbody', {}, items.map(item => h('tr', {dataset: {eventType: item.eventType}},
            h('td', {}, h('a', {href: `#/catalog/${encodeURIComponent(item.eventType)}`, class: 'mono'}, item.eventType),
                item.scope === 'tenant' ? h('span', {class: 'badge tenant'}, 'your tenant') : null),
            h('td', {}, item.displayName),
            h('td', {}, item.category),
            h('td', {}, h('span', {class: `badge status-${String(item.status).toLowerCase()}`}, item.status)),
            h('td', {}, item.emittedByHerald ? 'yes' : 'no'))))));
    const go = delta => () => {
        state.page += delta;
        refresh();
    };
    results.append(h('nav', {class: 'pager', 'aria-label': 'Pages'},
        h('button', {type: 'button', class: 'secondary', disabled: page.page <= 0, onclick: go(-1), id: 'catalog-previous'},
            '← Previous'),
        h('span', {id: 'catalog-page'}, `Page ${page.page + 1} of ${pages}`),
        h('button', {type: 'button', class: 'secondary', disabled: page.page + 1 >= pages, onclick: go(1), id: 'catalog-next'},
            'Next →')));
}
