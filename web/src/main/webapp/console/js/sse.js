// Server-Sent Events read with fetch(): EventSource cannot send an Authorization header. SseParser is the
// event-stream format of the HTML standard (fields, comments, CR/LF/CRLF line ends split anywhere across chunks)
// and has no DOM or network in it, so it can be tested alone.

export class SseParser {
    /** @param onEvent called with {type, data, id} for each dispatched event */
    constructor(onEvent) {
        this.onEvent = onEvent;
        this.buffer = '';
        this.data = [];
        this.type = '';
        this.lastEventId = '';
        this.retry = null;
        this.started = false;
    }

    /** Feeds decoded text; complete lines are handled now, a partial one waits for the next chunk. */
    push(text) {
        if (!this.started && text.length > 0) {
            this.started = true;
            if (text.charCodeAt(0) === 0xFEFF) {
                text = text.slice(1);
            }
        }
        this.buffer += text;
        let position = 0;
        for (;;) {
            const cr = this.buffer.indexOf('\r', position);
            const lf = this.buffer.indexOf('\n', position);
            if (cr < 0 && lf < 0) {
                break;
            }
            let end;
            let next;
            if (cr >= 0 && (lf < 0 || cr < lf)) {
                if (cr === this.buffer.length - 1) {
                    break; // a CR at the chunk's end may be the first half of a CRLF
                }
                end = cr;
                next = this.buffer[cr + 1] === '\n' ? cr + 2 : cr + 1;
            } else {
                end = lf;
                next = lf + 1;
            }
            this.line(this.buffer.slice(position, end));
            position = next;
        }
        this.buffer = this.buffer.slice(position);
    }

    /** The stream ended: a trailing CR still ends its line; an event without its blank line is discarded. */
    end() {
        if (this.buffer.endsWith('\r')) {
            this.line(this.buffer.slice(0, -1));
        }
        this.buffer = '';
        this.data = [];
        this.type = '';
    }

    line(line) {
        if (line === '') {
            this.dispatch();
            return;
        }
        if (line.startsWith(':')) {
            return;
        }
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        let value = colon < 0 ? '' : line.slice(colon + 1);
        if (value.startsWith(' ')) {
            value = value.slice(1);
        }
        switch (field) {
            case 'event':
                this.type = value;
                break;
            case 'data':
                this.data.push(value);
                break;
            case 'id':
                if (!value.includes('\u0000')) {
                    this.lastEventId = value;
                }
                break;
            case 'retry':
                if (/^\d+$/.test(value)) {
                    this.retry = Number(value);
                }
                break;
            default:
                break; // unknown fields are ignored, as the standard says
        }
    }

    dispatch() {
        if (this.data.length === 0) {
            this.type = '';
            return;
        }
        const event = {type: this.type || 'message', data: this.data.join('\n'), id: this.lastEventId};
        this.data = [];
        this.type = '';
        this.onEvent(event);
    }
}

/** Reads a fetch() response body as an event stream until it ends or the signal aborts. */
export async function readEvents(response, parser, signal) {
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    const stop = () => reader.cancel().catch(() => {});
    signal?.addEventListener('abort', stop);
    try {
        for (;;) {
            const {done, value} = await reader.read();
            if (done) {
                parser.push(decoder.decode());
                parser.end();
                return;
            }
            parser.push(decoder.decode(value, {stream: true}));
        }
    } finally {
        signal?.removeEventListener('abort', stop);
    }
}

/**
 * Keeps an event stream open: connects with fetchStream(lastEventId), reads it, and reconnects after the
 * server's retry time (default 3 s) when it ends or fails, sending Last-Event-ID so nothing between is lost.
 * A 4xx answer other than 408/429 stops for good. Listeners: onEvent(event), onState(state, detail) with state
 * connecting | open | waiting | stopped.
 */
export function keepOpen(fetchStream, {onEvent, onState, signal, retryMs = 3000}) {
    const parser = new SseParser(onEvent);
    (async () => {
        while (!signal.aborted) {
            onState('connecting');
            let response;
            try {
                response = await fetchStream(parser.lastEventId);
            } catch (e) {
                if (signal.aborted) {
                    return;
                }
                if (e.status === 401) {
                    onState('stopped', e);
                    return;
                }
                onState('waiting', e);
                await pause(parser.retry ?? retryMs, signal);
                continue;
            }
            if (!response.ok) {
                const permanent = response.status >= 400 && response.status < 500 && response.status !== 408
                    && response.status !== 429;
                const error = {status: response.status, body: await response.text().catch(() => '')};
                if (permanent) {
                    onState('stopped', error);
                    return;
                }
                onState('waiting', error);
                await pause(parser.retry ?? retryMs, signal);
                continue;
            }
            onState('open');
            try {
                await readEvents(response, parser, signal);
                if (signal.aborted) {
                    return;
                }
                onState('waiting', {message: 'the stream ended'});
            } catch (e) {
                if (signal.aborted) {
                    return;
                }
                onState('waiting', e);
            }
            await pause(parser.retry ?? retryMs, signal);
        }
    })();
    return parser;
}

function pause(ms, signal) {
    return new Promise(resolve => {
        const timer = setTimeout(resolve, ms);
        signal.addEventListener('abort', () => {
            clearTimeout(timer);
            resolve();
        }, {once: true});
    });
}
