import type { LiveLog } from './types.js';

/**
 * The one ordered chain of the hub's work: reading new events, subscribing, unsubscribing and
 * ending sessions run one step at a time, in order, so a subscription's replay and the live
 * events around it never interleave. A failed step is logged and the chain goes on.
 */
export class SerialSteps {
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly log: LiveLog) {}

  enqueue(step: () => Promise<void> | void): void {
    this.chain = this.chain.then(step).catch((err: unknown) => this.log.error({ err }, 'live: step failed'));
  }

  /** Resolves once every step enqueued so far has run. */
  idle(): Promise<void> {
    return this.chain;
  }
}
