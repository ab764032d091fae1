/** `npm run seed`: (re)imports every sample organisation from SEED_DIR, replacing same-id ones. */
import { readConfig } from '../config/config.ts';
import { seedStore } from '../seeding/seed-store.ts';
import { runWithStore } from './with-store.ts';

await runWithStore(async (store) => {
  const names = await seedStore(store, readConfig().seedDir);
  console.error(`Seeded ${names.length} organisation(s): ${names.join(', ')}`);
});
