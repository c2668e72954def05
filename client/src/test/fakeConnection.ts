import type { HubConnectionLike } from '../api';

/** A hub connection the test drives by hand: push server messages, drop and restore the link. */
export class FakeConnection implements HubConnectionLike {
  handlers = new Map<string, (payload: never) => void>();
  reconnecting: (error?: Error) => void = () => undefined;
  reconnected: (id?: string) => void = () => undefined;
  closed: (error?: Error) => void = () => undefined;
  startFailures = 0;
  starts = 0;
  invocations: unknown[][] = [];

  on(method: string, handler: (payload: never) => void) { this.handlers.set(method, handler); }
  onreconnecting(handler: (error?: Error) => void) { this.reconnecting = handler; }
  onreconnected(handler: (id?: string) => void) { this.reconnected = handler; }
  onclose(handler: (error?: Error) => void) { this.closed = handler; }
  async start() {
    this.starts += 1;
    if (this.startFailures > 0) {
      this.startFailures -= 1;
      throw new Error('server down');
    }
  }
  async stop() {}
  async invoke(method: string, ...args: unknown[]) { this.invocations.push([method, ...args]); }

  push(method: string, payload: object) {
    this.handlers.get(method)!(payload as never);
  }
}
