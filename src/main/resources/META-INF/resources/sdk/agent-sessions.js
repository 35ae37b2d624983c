// agent-sessions browser client: plain JavaScript module, no dependencies, no build step.
// Types: agent-sessions.d.ts beside this file.

const DEFAULT_STORAGE_KEY = "agent_session_id";
const HISTORY_PAGE_SIZE = 100;
const DEFAULT_MAX_HISTORY = 1000;
const RETRY_DELAY_MS = 500;
// A 409 (the turn is still held by a request, perhaps on a replica that died) or a 503 (database or
// backend unavailable) says in Retry-After when a retry can succeed; the one retry waits that long, up to this.
const MAX_RETRY_WAIT_MS = 10_000;
// Worth one more try with the same client_message_id: the server stores the message once either way.
const RETRYABLE_STATUS = new Set([409, 502, 503, 504]);

/** A refusal or failure, carrying the server's problem document when there is one. */
export class AgentSessionsError extends Error {
  constructor(message, { status = 0, problem = null, retryAfter = null, retryable = false } = {}) {
    super(message);
    this.name = "AgentSessionsError";
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
    this.retryable = retryable;
  }
}

/**
 * Creates a client for one agent. Options: agentId (required), baseUrl (default: where this file was
 * served from), storageKey (default "agent_session_id"), endOnPageClose (default true),
 * onSessionChange(sessionId | null), storage (default localStorage), fetch (default window.fetch).
 */
export function createClient(options) {
  const { agentId, storageKey = DEFAULT_STORAGE_KEY, endOnPageClose = true, onSessionChange } = options ?? {};
  if (typeof agentId !== "string" || agentId === "") {
    throw new TypeError("createClient needs an agentId");
  }
  const base = String(options.baseUrl ?? new URL("..", import.meta.url)).replace(/\/*$/, "/");
  const agentUrl = `${base}api/chat/${encodeURIComponent(agentId)}/`;
  const doFetch = options.fetch ?? ((...args) => globalThis.fetch(...args));
  const store = sessionStore(options.storage, storageKey);
  // The id of a session this client ended (page close, end(), a new conversation): its history stays
  // readable, but the next message goes to a new session.
  const endedStore = sessionStore(options.storage, `${storageKey}:ended`);

  const sessionUrl = (id, suffix = "") => `${agentUrl}sessions/${encodeURIComponent(id)}${suffix}`;

  function remember(sessionId) {
    if (sessionId !== store.get()) {
      sessionId == null ? store.remove() : store.set(sessionId);
      endedStore.remove();
      onSessionChange?.(sessionId ?? null);
    }
  }

  async function startSession({ userId, context } = {}) {
    const body = {};
    if (userId) body.user_id = userId;
    if (context) body.context = context;
    const session = await (await request(`${agentUrl}sessions`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(body),
    })).json();
    remember(session.session_id);
    return session;
  }

  // A message always names its session, so that a retry with the same client_message_id lands in the
  // same one: a first message would otherwise start a second session on retry.
  async function liveSessionId(userId) {
    const sessionId = store.get();
    if (sessionId && endedStore.get() !== sessionId) return sessionId;
    return (await startSession({ userId })).session_id;
  }

  async function request(url, init) {
    let response;
    try {
      response = await doFetch(url, init);
    } catch (cause) {
      // Browsers report a refused CORS request exactly like a network failure.
      throw new AgentSessionsError(
          `Could not reach the chat service (offline, or this website is not allowed): ${cause.message}`,
          { retryable: true });
    }
    if (!response.ok) {
      throw await errorFrom(response);
    }
    return response;
  }

  async function messageBody(text, { metadata, userId } = {}) {
    const body = { message: text, session_id: await liveSessionId(userId), client_message_id: newClientMessageId() };
    if (metadata) body.metadata = metadata;
    if (userId) body.user_id = userId;
    return body;
  }

  function postMessage(body, accept) {
    return request(`${agentUrl}message`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: accept },
      body: JSON.stringify(body),
    });
  }

  function finished(answer) {
    remember(answer.session_id);
    return answer;
  }

  async function sendMessage(text, messageOptions) {
    const body = await messageBody(text, messageOptions);
    return finished(await withOneRetry(async () => (await postMessage(body, "application/json")).json(),
        (error) => retryIn(body, error)));
  }

  // A failed turn's problem names the session its message is stored in (a new one, when the old was
  // gone): the retry must go there, or the message would be stored again in yet another session.
  function retryIn(body, error) {
    const stored = error.problem?.session_id;
    if (stored && stored !== body.session_id) {
      body.session_id = stored;
      remember(stored);
    }
  }

  async function stream(text, onDelta = () => {}, messageOptions) {
    const body = await messageBody(text, messageOptions);
    let delivered = "";
    const deliver = (chunk) => {
      delivered += chunk;
      onDelta(chunk);
    };
    let failure;
    try {
      return finished(await streamOnce(body, deliver));
    } catch (error) {
      if (!error.retryable) throw error;
      retryIn(body, error);
      failure = error;
    }
    // The retry asks for the whole answer: with the same client_message_id the server finishes or
    // returns the stored turn, and only what was not shown yet is passed on.
    await sleep(retryDelay(failure));
    const answer = await (await postMessage(body, "application/json")).json();
    const content = answer.reply?.content ?? "";
    if (content.startsWith(delivered) && content.length > delivered.length) {
      onDelta(content.slice(delivered.length));
    }
    return finished(answer);
  }

  async function streamOnce(body, deliver) {
    // Both are acceptable, the stream preferred: a server without streaming answers JSON.
    const response = await postMessage(body, "text/event-stream, application/json;q=0.5");
    if (!(response.headers.get("Content-Type") ?? "").startsWith("text/event-stream")) {
      const answer = await response.json();
      deliver(answer.reply?.content ?? "");
      return answer;
    }
    let done = null;
    try {
      await readEventStream(response.body, ({ event, data }) => {
        const payload = JSON.parse(data);
        if (event === "session") remember(payload.session_id);
        else if (event === "delta") deliver(payload.content ?? "");
        else if (event === "done") done = payload;
        else if (event === "error") throw problemError(payload, payload.status ?? 0);
      });
    } catch (error) {
      if (error instanceof AgentSessionsError) throw error;
      throw new AgentSessionsError(`The reply stream broke: ${error.message}`, { retryable: true });
    }
    if (!done) {
      throw new AgentSessionsError("The reply stream ended before the reply was complete", { retryable: true });
    }
    return done;
  }

  async function loadHistory({ maxMessages = DEFAULT_MAX_HISTORY } = {}) {
    const sessionId = store.get();
    const messages = [];
    let afterSeq = 0;
    while (sessionId && messages.length < maxMessages) {
      const limit = Math.min(HISTORY_PAGE_SIZE, maxMessages - messages.length);
      let page;
      try {
        page = await (await request(`${sessionUrl(sessionId, "/messages")}?after_seq=${afterSeq}&limit=${limit}`,
            { headers: { Accept: "application/json" } })).json();
      } catch (error) {
        if (error.status !== 404) throw error;
        // Gone, expired or never ours: the next message starts a new session.
        remember(null);
        return [];
      }
      messages.push(...page.messages);
      if (!page.has_more) break;
      afterSeq = page.next_after_seq;
    }
    return messages;
  }

  async function end() {
    const sessionId = store.get();
    if (!sessionId) return null;
    try {
      const session = await (await request(sessionUrl(sessionId, "/end"), { method: "POST" })).json();
      endedStore.set(sessionId);
      return session;
    } catch (error) {
      if (error.status !== 404) throw error;
      remember(null);
      return null;
    }
  }

  async function createNewSession(sessionOptions) {
    await end().catch(() => {});
    return startSession(sessionOptions);
  }

  async function clearSession() {
    const sessionId = store.get();
    if (sessionId) {
      try {
        await request(sessionUrl(sessionId), { method: "DELETE" });
      } catch (error) {
        if (error.status !== 404) throw error;
      }
    }
    remember(null);
  }

  if (endOnPageClose && typeof addEventListener === "function") {
    addEventListener("pagehide", () => {
      const sessionId = store.get();
      if (sessionId && typeof navigator !== "undefined" && navigator.sendBeacon
          && navigator.sendBeacon(sessionUrl(sessionId, "/end"))) {
        endedStore.set(sessionId);
      }
    });
  }

  return {
    agentId,
    getSessionId: () => store.get(),
    sendMessage,
    stream,
    loadHistory,
    createNewSession,
    clearSession,
    end,
  };
}

/**
 * Reads a text/event-stream body and calls onEvent({event, data}) for each event, as the
 * EventSource specification parses it (EventSource itself cannot POST).
 */
export async function readEventStream(body, onEvent) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  let event = "";
  let data = [];
  const takeLine = (line) => {
    if (line === "") {
      if (data.length > 0) onEvent({ event: event || "message", data: data.join("\n") });
      event = "";
      data = [];
      return;
    }
    if (line.startsWith(":")) return;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") event = value;
    else if (field === "data") data.push(value);
  };
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end;
      // A "\r" at the very end may be the first half of "\r\n": wait for the next chunk.
      while ((end = buffer.search(/\r\n|\r(?!$)|\n/)) >= 0) {
        const lineBreak = buffer.startsWith("\r\n", end) ? 2 : 1;
        takeLine(buffer.slice(0, end));
        buffer = buffer.slice(end + lineBreak);
      }
    }
  } catch (error) {
    reader.cancel().catch(() => {});
    throw error;
  }
}

function retryDelay(error) {
  return error.retryAfter == null ? RETRY_DELAY_MS : Math.min(error.retryAfter * 1000, MAX_RETRY_WAIT_MS);
}

async function withOneRetry(attempt, beforeRetry = () => {}) {
  let failure;
  try {
    return await attempt();
  } catch (error) {
    if (!error.retryable) throw error;
    beforeRetry(error);
    failure = error;
  }
  await sleep(retryDelay(failure));
  return attempt();
}

async function errorFrom(response) {
  let problem = null;
  try {
    problem = await response.json();
  } catch {
    // not a problem document
  }
  return problemError(problem, response.status, response.headers.get("Retry-After"));
}

function problemError(problem, status, retryAfterHeader = null) {
  const retryAfter = retryAfterHeader == null ? null : Number(retryAfterHeader);
  const message = problem?.detail ?? problem?.title ?? `The chat service answered ${status}`;
  return new AgentSessionsError(message, {
    status,
    problem,
    retryAfter: Number.isFinite(retryAfter) ? retryAfter : null,
    retryable: RETRYABLE_STATUS.has(status),
  });
}

function newClientMessageId() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function sessionStore(storage, key) {
  try {
    const backing = storage ?? globalThis.localStorage;
    backing.getItem(key);
    return {
      get: () => backing.getItem(key),
      set: (value) => backing.setItem(key, value),
      remove: () => backing.removeItem(key),
    };
  } catch {
    // Storage blocked (privacy settings, sandboxed frames): keep the id for this page only.
    let value = null;
    return { get: () => value, set: (v) => { value = v; }, remove: () => { value = null; } };
  }
}
