import type { ChannelType } from '../api';

/** Per-platform length limits for a reply; channels without one (generic webhooks) take any length. */
const replyLimits: Partial<Record<ChannelType, number>> = {
  x: 280,
  bluesky: 300,
  mastodon: 500,
  meta: 2200,
  linkedin: 1250,
};

export function replyLimit(channel: ChannelType): number | null {
  return replyLimits[channel] ?? null;
}

/** Platforms count characters, not UTF-16 units, so an emoji counts once. */
export function replyLength(text: string): number {
  return Array.from(text).length;
}
