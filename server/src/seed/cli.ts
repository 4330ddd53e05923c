import { loadConfig } from '../config.js';
import { createDb } from '../db/client.js';
import { migrateDatabase } from '../db/migrate.js';
import { openDatabase } from '../db/open.js';
import { formatAccounts, seedDemo } from './seed.js';

/** `npm run seed`: loads the demo content into an empty database (and only then). */
const config = loadConfig();
const database = await openDatabase(config, (l) => console.log(`[seed] ${l}`));
try {
  await migrateDatabase(database.url);
  const handle = createDb(database.url);
  try {
    const accounts = await seedDemo(handle.db);
    if (accounts) console.log(`Demo content loaded.\n\n${formatAccounts(accounts)}`);
    else
      console.log('The database is not empty; nothing was loaded. (Demo content loads only into an empty database.)');
  } finally {
    await handle.close();
  }
} finally {
  await database.stop();
}
