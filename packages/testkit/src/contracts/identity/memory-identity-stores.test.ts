import { memoryIdentityStores } from '@vigil/identity';
import { identityStoresContract } from './identity-stores.contract.ts';

// The in-memory stores are the reference behaviour: they must pass the same contract as the adapters.
identityStoresContract('memory', () => {
  const stores = memoryIdentityStores();
  return Promise.resolve({
    kind: 'memory',
    stores,
    twin: () => Promise.resolve(stores),
    close: () => Promise.resolve(),
  });
});
