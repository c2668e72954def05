// The black-box journey against a desk started with `dotnet run`: a signed mention arrives live in an agent's
// inbox, is claimed, answered and resolved, and shows up in the supervisor's report.
// Usage: node tests/smoke/journey.mjs http://127.0.0.1:5097   (exit code 0 when every step passed)
import { createHmac, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../../client/package.json', import.meta.url));
const signalR = require('@microsoft/signalr');

const base = process.argv[2] ?? 'http://127.0.0.1:5080';
const password = 'Demo!pass1';

function check(condition, what) {
  if (!condition) throw new Error(`journey failed: ${what}`);
  console.log(`ok  ${what}`);
}

async function call(method, path, { token, body, headers = {}, raw } = {}) {
  const response = await fetch(base + path, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body || raw ? { 'content-type': 'application/json' } : {}), ...headers },
    body: raw ?? (body ? JSON.stringify(body) : undefined),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

async function login(email) {
  const { status, json } = await call('POST', '/api/auth/login', { body: { email, password } });
  check(status === 200, `${email} signs in`);
  return json.accessToken;
}

const admin = await login('admin@demo.caredesk');
const agent = await login('agent@demo.caredesk');
const supervisor = await login('supervisor@demo.caredesk');

const channel = await call('POST', '/api/channels', { token: admin, body: { type: 'generic', name: `Smoke ${Date.now()}` } });
check(channel.status === 201 && channel.json.secret, 'admin connects a generic channel and sees its secret once');

const hub = new signalR.HubConnectionBuilder()
  .withUrl(`${base}/hubs/inbox`, { accessTokenFactory: () => agent })
  .configureLogging(signalR.LogLevel.Warning)
  .build();
const created = new Promise((resolve) => hub.on('ConversationCreated', resolve));
await hub.start();
check(hub.state === 'Connected', 'the agent connects to the inbox hub');

const mentionId = `smoke-${randomUUID()}`;
const raw = JSON.stringify({
  id: mentionId, kind: 'post', text: 'My order arrived broken and nobody answers my emails!',
  createdAt: new Date().toISOString(), author: { id: 'smoke-customer', handle: '@smoke', name: 'Smoke Customer', followers: 120 },
});
const signature = 'sha256=' + createHmac('sha256', channel.json.secret).update(raw).digest('hex');
const path = `/api/webhooks/generic/${channel.json.key}`;
const accepted = await call('POST', path, { raw, headers: { 'x-caredesk-signature': signature } });
check(accepted.status === 202 && !accepted.json.duplicate, 'a signed mention is accepted (202)');
const repeat = await call('POST', path, { raw, headers: { 'x-caredesk-signature': signature } });
check(repeat.status === 200 && repeat.json.duplicate && repeat.json.mentionId === accepted.json.mentionId, 'the same mention again is a duplicate (200)');
const tampered = await call('POST', path, { raw, headers: { 'x-caredesk-signature': 'sha256=' + '0'.repeat(64) } });
check(tampered.status === 401, 'a bad signature is refused (401)');

const pushed = await Promise.race([created, new Promise((_, reject) => setTimeout(() => reject(new Error('journey failed: no live push')), 10000))]);
const id = accepted.json.conversationId;
check(pushed.id === id && pushed.sentiment.label === 'negative', 'the conversation arrives live, analysed as negative');
await hub.stop();

check((await call('POST', `/api/conversations/${id}/claim`, { token: agent })).status === 200, 'the agent claims it');
const reply = await call('POST', `/api/conversations/${id}/replies`, { token: agent, body: { text: 'Sorry about that — we are on it.' } });
check(reply.status === 202 && reply.json.status === 'queued', 'the reply is queued (202)');
const resolved = await call('POST', `/api/conversations/${id}/resolve`, { token: agent, body: { outcome: 'resolved' } });
check(resolved.status === 200 && resolved.json.firstResponseSeconds !== null, 'resolving writes the outcome record');

const report = await call('GET', '/api/reports/outcomes?groupBy=all', { token: supervisor });
check(report.status === 200 && report.json[0]?.count >= 1, "the supervisor's report counts it");
const events = await call('GET', '/api/events?after=0', { token: agent });
check(events.status === 200 && events.json.events.some((e) => e.type === 'ConversationCreated' && e.payload.id === id), 'a reconnecting client can catch up through /api/events');
console.log('journey passed');
