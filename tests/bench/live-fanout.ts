import { performance } from 'node:perf_hooks';
import { testConfig } from '../../server/src/config.js';
import { spaces } from '../../server/src/db/schema/index.js';
import { LiveClient, emit, startInstance } from '../helpers/live.js';
import { type BenchDatabase, report } from './harness.js';

/**
 * One approval's event reaching N sockets subscribed to the space on this machine: from just
 * before the write's transaction starts to the moment the last socket has it.
 */
export async function liveFanout(db: BenchDatabase, sockets = 1_000, rounds = 30) {
  const config = testConfig();
  const instance = await startInstance(db.db, config);
  const clients: LiveClient[] = [];
  try {
    const [space] = await db.db
      .insert(spaces)
      .values({ slug: 'bench', code: 'B', title: 'Bench', status: 'open' })
      .returning();
    if (!space) throw new Error('no space');
    for (let i = 0; i < sockets; i += 100) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(100, sockets - i) }, () =>
          LiveClient.connect(instance.url, { origin: config.appOrigin }),
        ),
      );
      await Promise.all(batch.map((c) => c.subscribe('bench')));
      clients.push(...batch);
    }
    const samples: number[] = [];
    for (let r = 0; r < rounds + 3; r++) {
      const comment = { id: crypto.randomUUID(), bodyHtml: '<p>An approved contribution of a few words.</p>' };
      const t0 = performance.now();
      const id = await emit(db.db, space.id, 'comment.published', { comment });
      await Promise.all(clients.map((c) => c.waitFor((m) => m.type === 'event' && m.id === id)));
      if (r >= 3) samples.push(performance.now() - t0); // first rounds warm up
      for (const c of clients) c.messages.length = 0;
    }
    report(`live: approval event → ${sockets} sockets (same process)`, samples);
  } finally {
    for (const c of clients) c.close();
    await instance.app.close();
  }
}
