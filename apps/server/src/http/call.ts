// One request's state, from its first byte to its log line: what was asked, who
// asked (once known), and the response headers the work added. One plain object
// per request, passed along instead of looked up.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Principal, RequestRecord } from "@acme/api";

export class Call implements RequestRecord {
  readonly startedAt = performance.now();
  procedure: string | undefined = undefined;
  principal: Principal | undefined = undefined;
  authFailure: string | undefined = undefined;
  /** Headers the work added (rate limits, Retry-After, Allow), as name, value, name, value. */
  headers: string[] | null = null;
  /** Set once an answer was handed to the response writer; later ones are dropped. */
  answered = false;
  /** Whether it holds one of the gate's turns (http/gate.ts). */
  holdsTurn = false;

  constructor(
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    readonly requestId: string,
    readonly ip: string,
    readonly method: string,
    readonly path: string,
    readonly query: string,
    /** The request's Origin when it is an allowed one (CORS headers go out), else undefined. */
    readonly origin: string | undefined,
  ) {}

  /** Sets a response header for this call, replacing one of the same name. */
  setHeader(name: string, value: string): void {
    const headers = this.headers;
    if (headers === null) {
      this.headers = [name, value];
      return;
    }
    for (let i = 0; i < headers.length; i += 2) {
      if (headers[i] === name) {
        headers[i + 1] = value;
        return;
      }
    }
    headers.push(name, value);
  }

  /** Whether the body is declared as JSON (Content-Type: application/json, any parameters). */
  sendsJson(): boolean {
    return this.header("content-type")?.toLowerCase().startsWith("application/json") === true;
  }

  header(name: string): string | undefined {
    const value = this.req.headers[name];
    return Array.isArray(value) ? value[0] : value;
  }
}
