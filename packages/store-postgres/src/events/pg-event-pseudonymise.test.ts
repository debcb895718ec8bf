import { randomBytes } from 'node:crypto';
import { after } from 'node:test';
import { eventPseudonymisationContract, pgUrl, skipUnless } from '@vigil/testkit';
import { dropPostgresSchema } from '../connection/pg-drop-schema.ts';
import { openPostgresStorage } from '../postgres-storage.ts';
import { openPostgresEventPseudonymiser } from './pg-event-pseudonymise.ts';

const url = pgUrl();
const schema = `pseudonymise_${randomBytes(4).toString('hex')}`;
after(async () => {
  if (url) await dropPostgresSchema(url, schema);
});

eventPseudonymisationContract(
  'postgres',
  async () => {
    const storage = await openPostgresStorage({ url: url ?? '', schema });
    await storage.migrate();
    return { storage, pseudonymiser: openPostgresEventPseudonymiser({ url: url ?? '', schema }) };
  },
  { skip: skipUnless(url, 'VIGIL_PG_URL') },
);
