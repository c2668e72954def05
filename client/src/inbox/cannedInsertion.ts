import type { CannedResponse } from '../api';

export interface ShortcutToken {
  query: string;
  start: number;
  end: number;
}

const normalize = (shortcut: string) => shortcut.replace(/^\//, '').toLowerCase();

/** The "/keyword" being typed just before the caret, if any. */
export function shortcutAt(text: string, caret: number): ShortcutToken | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)\/([\w-]*)$/.exec(before);
  if (!match) return null;
  const start = caret - match[2].length - 1;
  return { query: match[2].toLowerCase(), start, end: caret };
}

export function matchingResponses(responses: CannedResponse[], query: string): CannedResponse[] {
  return responses
    .filter((r) => normalize(r.shortcut).startsWith(query))
    .sort((a, b) => normalize(a.shortcut).length - normalize(b.shortcut).length);
}

export function insertResponse(text: string, token: ShortcutToken, response: CannedResponse) {
  const next = text.slice(0, token.start) + response.text + text.slice(token.end);
  return { text: next, caret: token.start + response.text.length };
}

export function exactResponse(responses: CannedResponse[], query: string): CannedResponse | undefined {
  return responses.find((r) => normalize(r.shortcut) === query);
}
