import { z } from 'zod';
import { storableString } from './schemas/common.js';
import { inboxItem } from './schemas/notifications.js';

/**
 * The live channel's messages (GET /api/live, WebSocket). The server validates what clients send
 * with `clientMessage` and builds what it sends as `serverMessage`; the web client takes their types
 * (web/src/lib/live.ts; no zod in the browser).
 */

/** Refuses U+0000 and lone surrogates (`bad_message`) before a query could choke on them. */
const spaceSlug = storableString().min(1).max(80);

export const clientMessage = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('subscribe'),
    space: spaceSlug,
    /** The last event id the client has seen for this space: replays everything after it. */
    since: z.number().int().min(0).optional(),
  }),
  z.strictObject({ type: z.literal('unsubscribe'), space: spaceSlug }),
  z.strictObject({ type: z.literal('ping') }),
]);
export type ClientMessage = z.infer<typeof clientMessage>;

export const LIVE_EVENT_KINDS = [
  'comment.published',
  'comment.updated',
  'comment.withdrawn',
  'question.changed',
  'space.changed',
  'outcome.published',
  'outcome.unpublished',
  'comment.submitted',
  'comment.decided',
  'comment.reported',
  'queue.counts',
  'note.saved',
  'comment.status',
] as const;
export type LiveEventKind = (typeof LIVE_EVENT_KINDS)[number];

export const serverMessage = z.discriminatedUnion('type', [
  /** Sent after a subscribe (and its replay): live from here on. */
  z.object({ type: z.literal('ready'), space: spaceSlug, lastEventId: z.number().int() }),
  z.object({
    type: z.literal('event'),
    id: z.number().int(),
    space: spaceSlug,
    kind: z.enum(LIVE_EVENT_KINDS),
    data: z.record(z.string(), z.unknown()),
  }),
  /** How many are viewing the space right now. */
  z.object({ type: z.literal('presence'), space: spaceSlug, count: z.number().int() }),
  /** The client cannot be brought up to date by replay: refetch the space, then subscribe again. */
  z.object({ type: z.literal('reset'), space: spaceSlug }),
  z.object({ type: z.literal('error'), code: z.string(), message: z.string() }),
  z.object({ type: z.literal('pong') }),
  /**
   * To the signed-in user's own sockets only: their unread notification count changed (a new
   * one, with `item`, or some marked read in another tab).
   */
  z.object({ type: z.literal('notifications'), unread: z.number().int(), item: inboxItem.optional() }),
]);
export type ServerMessage = z.infer<typeof serverMessage>;

/** WebSocket close codes the server uses, beyond the standard ones. */
export const LIVE_CLOSE = {
  goingAway: 1001,
  policy: 1008,
  /** The client sent more messages than allowed. */
  flood: 4029,
  /** The client did not read fast enough; its buffer would have grown without bound. */
  slowConsumer: 4013,
} as const;
