import { currentToken } from './session';

export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: Record<string, string[]>;
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDetails | null;

  constructor(status: number, problem: ProblemDetails | null, fallback: string) {
    super(describeProblem(problem) ?? fallback);
    this.status = status;
    this.problem = problem;
  }
}

function describeProblem(problem: ProblemDetails | null): string | null {
  if (!problem) return null;
  const fieldErrors = Object.entries(problem.errors ?? {}).map(
    ([field, messages]) => `${field}: ${messages.join(' ')}`,
  );
  const head = problem.detail || problem.title;
  if (fieldErrors.length === 0) return head ?? null;
  return [head, ...fieldErrors].filter(Boolean).join('\n');
}

type UnauthorizedListener = () => void;
const unauthorizedListeners = new Set<UnauthorizedListener>();

/** Lets the session layer sign out when the server stops accepting the token. */
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

interface RequestOptions {
  method?: string;
  body?: unknown;
  accept?: string;
  anonymous?: boolean;
}

export async function send(path: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: options.accept ?? 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const token = options.anonymous ? null : currentToken();
  if (token) headers.Authorization = `Bearer ${token}`;

  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, null, 'The server could not be reached. Check your connection and try again.');
  }

  if (!response.ok) {
    if (response.status === 401 && !options.anonymous) unauthorizedListeners.forEach((l) => l());
    throw new ApiError(response.status, await readProblem(response), defaultMessage(response.status));
  }
  return response;
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

async function readProblem(response: Response): Promise<ProblemDetails | null> {
  const type = response.headers.get('Content-Type') ?? '';
  if (!type.includes('json')) return null;
  try {
    return (await response.json()) as ProblemDetails;
  } catch {
    return null;
  }
}

function defaultMessage(status: number): string {
  switch (status) {
    case 400: return 'The request was not accepted.';
    case 401: return 'Your session has ended. Please sign in again.';
    case 403: return 'You do not have permission to do that.';
    case 404: return 'Not found.';
    case 409: return 'Someone else changed this first.';
    default: return `The server answered with an error (${status}).`;
  }
}

export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
