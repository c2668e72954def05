import { HubConnectionBuilder, LogLevel } from '@microsoft/signalr';
import { hubPath } from './hubMessages';
import { currentToken } from './session';

/** The part of SignalR's HubConnection the realtime client uses; tests supply a fake. */
export interface HubConnectionLike {
  on(method: string, handler: (payload: never) => void): void;
  onreconnecting(handler: (error?: Error) => void): void;
  onreconnected(handler: (connectionId?: string) => void): void;
  onclose(handler: (error?: Error) => void): void;
  start(): Promise<void>;
  stop(): Promise<void>;
  invoke(method: string, ...args: unknown[]): Promise<unknown>;
}

export function createHubConnection(): HubConnectionLike {
  return new HubConnectionBuilder()
    .withUrl(hubPath, { accessTokenFactory: () => currentToken() ?? '' })
    .withAutomaticReconnect([0, 2000, 5000, 10000, 20000, 30000])
    .configureLogging(LogLevel.Warning)
    .build();
}
