import {
  hubEventTypes, hubMethods, isHubEventType, toHubEvent,
  type EventsAfterResponse, type HubConnectionLike, type HubEvent,
} from '../api';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

export interface RealtimeClientOptions {
  connect: () => HubConnectionLike;
  fetchEventsAfter: (sequence: number) => Promise<EventsAfterResponse>;
  /** Delays for restarting after SignalR's own automatic reconnect has given up. */
  retryDelaysMs?: number[];
}

type Listener<T> = (value: T) => void;

/**
 * Owns the hub connection and makes the stream of server events exactly-once and in order
 * across reconnects: it remembers the last applied sequence, and after a reconnect fetches
 * what it missed while holding back live messages until the gap is filled.
 */
export class RealtimeClient {
  private readonly options: RealtimeClientOptions;
  private readonly connection: HubConnectionLike;
  private readonly eventListeners = new Set<Listener<HubEvent>>();
  private readonly stateListeners = new Set<Listener<ConnectionState>>();
  private readonly resyncListeners = new Set<Listener<void>>();
  private state: ConnectionState = 'disconnected';
  private lastSequence: number | null = null;
  private catchingUp = false;
  private heldBack: HubEvent[] = [];
  private everConnected = false;
  private stopped = false;
  private retryAttempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private viewing: string | null = null;

  constructor(options: RealtimeClientOptions) {
    this.options = options;
    this.connection = options.connect();
    for (const type of hubEventTypes) {
      this.connection.on(type, (payload: never) => this.receive(toHubEvent(type, payload)));
    }
    this.connection.onreconnecting(() => this.setState('reconnecting'));
    this.connection.onreconnected(() => void this.afterConnected());
    this.connection.onclose(() => {
      if (this.stopped) return;
      this.setState('disconnected');
      this.scheduleRetry();
    });
  }

  get connectionState(): ConnectionState {
    return this.state;
  }

  get lastAppliedSequence(): number | null {
    return this.lastSequence;
  }

  start(): Promise<void> {
    this.stopped = false;
    return this.tryStart();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    await this.connection.stop();
    this.setState('disconnected');
  }

  onEvent(listener: Listener<HubEvent>): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  onStateChange(listener: Listener<ConnectionState>): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /** Fires when missed events cannot be replayed, so views must reload their snapshots. */
  onResync(listener: Listener<void>): () => void {
    this.resyncListeners.add(listener);
    return () => this.resyncListeners.delete(listener);
  }

  /** Tells the server which conversation this user has open (one at a time); re-sent after reconnects. */
  view(conversationId: string | null): void {
    if (this.viewing === conversationId) return;
    if (this.viewing) this.invokeBestEffort(hubMethods.leaveConversation, this.viewing);
    this.viewing = conversationId;
    if (conversationId) this.invokeBestEffort(hubMethods.viewConversation, conversationId);
  }

  typing(conversationId: string, isTyping: boolean): void {
    this.invokeBestEffort(hubMethods.typing, conversationId, isTyping);
  }

  receive(event: HubEvent): void {
    if (this.catchingUp) this.heldBack.push(event);
    else this.apply(event);
  }

  private apply(event: HubEvent): void {
    if (this.lastSequence !== null && event.sequence <= this.lastSequence) return;
    this.lastSequence = event.sequence;
    this.eventListeners.forEach((listener) => listener(event));
  }

  private async tryStart(): Promise<void> {
    this.setState('connecting');
    try {
      await this.connection.start();
    } catch {
      if (!this.stopped) {
        this.setState('disconnected');
        this.scheduleRetry();
      }
      return;
    }
    await this.afterConnected();
  }

  private async afterConnected(): Promise<void> {
    const isReconnect = this.everConnected;
    this.everConnected = true;
    this.retryAttempt = 0;
    this.setState('connected');
    if (this.viewing) this.invokeBestEffort(hubMethods.viewConversation, this.viewing);
    if (isReconnect) await this.catchUp();
  }

  private async catchUp(): Promise<void> {
    if (this.lastSequence === null) {
      this.resyncListeners.forEach((listener) => listener());
      return;
    }
    this.catchingUp = true;
    let missed: HubEvent[] = [];
    let replayed = true;
    try {
      const response = await this.options.fetchEventsAfter(this.lastSequence);
      missed = response.events
        .filter((e) => isHubEventType(e.type))
        .map((e) => ({ type: e.type, sequence: e.sequence, payload: e.payload }) as HubEvent);
    } catch {
      replayed = false;
    }
    const pending = [...missed, ...this.heldBack].sort((a, b) => a.sequence - b.sequence);
    this.heldBack = [];
    this.catchingUp = false;
    pending.forEach((event) => this.apply(event));
    if (!replayed) this.resyncListeners.forEach((listener) => listener());
  }

  private scheduleRetry(): void {
    const delays = this.options.retryDelaysMs ?? [2000, 5000, 10000, 30000];
    const delay = delays[Math.min(this.retryAttempt, delays.length - 1)];
    this.retryAttempt += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.tryStart();
    }, delay);
  }

  private invokeBestEffort(method: string, ...args: unknown[]): void {
    if (this.state !== 'connected') return;
    // Presence is advisory and is re-sent after every reconnect, so a lost call needs no handling.
    this.connection.invoke(method, ...args).catch(() => undefined);
  }

  private setState(state: ConnectionState): void {
    if (this.state === state) return;
    this.state = state;
    this.stateListeners.forEach((listener) => listener(state));
  }
}
