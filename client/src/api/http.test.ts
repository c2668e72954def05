import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, onUnauthorized, request, send } from './http';
import { saveSession } from './session';

function respond(status: number, body: unknown, contentType = 'application/problem+json') {
  return vi.fn().mockResolvedValue(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } }));
}

describe('http', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    sessionStorage.clear();
  });

  it('sends the token only as a bearer header', async () => {
    saveSession({ accessToken: 'secret-token', expiresIn: 60, user: { id: 'u', name: 'U', email: 'u@x', roles: ['Agent'] } });
    const fetchMock = respond(200, { ok: true }, 'application/json');
    vi.stubGlobal('fetch', fetchMock);
    await request('/api/me');
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/me');
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer secret-token');
  });

  it('turns a validation problem into a readable message', async () => {
    vi.stubGlobal('fetch', respond(400, {
      title: 'One or more validation errors occurred.', status: 400, errors: { text: ['Text is required.'] },
    }));
    const error = await request('/api/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).message).toBe('One or more validation errors occurred.\ntext: Text is required.');
  });

  it('prefers the problem detail and falls back to a plain message without one', async () => {
    vi.stubGlobal('fetch', respond(409, { title: 'Conflict', detail: 'Sam holds this conversation.' }));
    await expect(request('/api/x')).rejects.toThrow('Sam holds this conversation.');
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response('oops', { status: 503 })));
    await expect(request('/api/x')).rejects.toThrow('The server answered with an error (503).');
  });

  it('tells the session layer when the server stops accepting the token, except on sign-in', async () => {
    const listener = vi.fn();
    const stop = onUnauthorized(listener);
    vi.stubGlobal('fetch', respond(401, { title: 'Unauthorized' }));
    await expect(send('/api/auth/login', { method: 'POST', anonymous: true })).rejects.toThrow();
    expect(listener).not.toHaveBeenCalled();
    await expect(send('/api/me')).rejects.toThrow();
    expect(listener).toHaveBeenCalledTimes(1);
    stop();
  });
});
