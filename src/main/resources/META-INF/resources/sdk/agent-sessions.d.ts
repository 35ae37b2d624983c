// Types for agent-sessions.js, the browser client of the agent-sessions service.

export interface Message {
  id: string;
  seq: number;
  role: "user" | "assistant" | "system" | "tool";
  content: string;
  tokens_used?: number;
  client_message_id?: string;
  reply_to_seq?: number;
  metadata?: Record<string, unknown>;
  created_at: string;
}

/** The answer to a message (the `done` event of a stream carries the same). */
export interface ChatAnswer {
  session_id: string;
  /** True when this message started the session. */
  new_session: boolean;
  /** The id that was sent but is gone or ended; the client now holds `session_id` instead. */
  replaced_session_id?: string;
  reply: Message;
  message_count: number;
  context: Record<string, unknown>;
  /** The newest messages, oldest first. */
  history: Message[];
  history_truncated: boolean;
}

export interface Session {
  session_id: string;
  agent_id: string;
  status: "active" | "inactive" | "ended";
  message_count: number;
  context: Record<string, unknown>;
  started_at: string;
  last_activity_at: string;
  ended_at?: string | null;
}

/** An RFC 9457 problem document, as the service sends every refusal. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  field?: string;
  errors?: { field: string; detail: string }[];
}

export class AgentSessionsError extends Error {
  /** HTTP status; 0 when the service could not be reached. */
  readonly status: number;
  readonly problem: Problem | null;
  /** Seconds to wait, from Retry-After (429). */
  readonly retryAfter: number | null;
  /** Whether trying again with the same message may succeed. */
  readonly retryable: boolean;
}

export interface ClientOptions {
  agentId: string;
  /** Where the service is; default: the origin and path this file was loaded from, less `sdk/`. */
  baseUrl?: string;
  /**
   * localStorage key of the session id; default "agent_session_id" (`<key>:ended` marks one this client
   * ended). Give each agent on one site its own.
   */
  storageKey?: string;
  /** End the session with navigator.sendBeacon when the page is closed; default true. */
  endOnPageClose?: boolean;
  /** Called whenever the stored session id changes (null: forgotten). */
  onSessionChange?: (sessionId: string | null) => void;
  storage?: Pick<Storage, "getItem" | "setItem" | "removeItem">;
  fetch?: typeof fetch;
}

export interface MessageOptions {
  metadata?: Record<string, unknown>;
  userId?: string;
}

export interface AgentSessionsClient {
  readonly agentId: string;
  /** The server-issued session id kept in localStorage, or null before the first message. */
  getSessionId(): string | null;
  /**
   * Sends a message, starting a session first when there is none (or this client ended it). A failed
   * send is retried once with the same client_message_id, which the service stores only once.
   */
  sendMessage(text: string, options?: MessageOptions): Promise<ChatAnswer>;
  /** Like sendMessage, passing the reply on piece by piece as the service streams it. */
  stream(text: string, onDelta?: (content: string) => void, options?: MessageOptions): Promise<ChatAnswer>;
  /** The stored session's messages, oldest first; [] (and the id forgotten) when it is gone. */
  loadHistory(options?: { maxMessages?: number }): Promise<Message[]>;
  /** Ends the current session, if any, and starts a new one. */
  createNewSession(options?: { userId?: string; context?: Record<string, unknown> }): Promise<Session>;
  /** Erases the session and its messages on the server and forgets it here. */
  clearSession(): Promise<void>;
  /** Ends the session (what page close does); its history stays readable until retention. */
  end(): Promise<Session | null>;
}

export function createClient(options: ClientOptions): AgentSessionsClient;

/** Parses a text/event-stream body; EventSource cannot send a POST. */
export function readEventStream(
  body: ReadableStream<Uint8Array>,
  onEvent: (event: { event: string; data: string }) => void,
): Promise<void>;
