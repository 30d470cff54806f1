// Every property test in the suite draws from one seed, so a CI run is repeatable and a failure can be
// replayed. `FC_SEED=<n>` replays or explores a given seed; `FC_SEED=random` draws a fresh one.

import fc from 'fast-check';

const requested = process.env.FC_SEED;
const seed = requested === 'random' ? Date.now() % 2 ** 31 : Number(requested ?? 20_261_126);
if (Number.isFinite(seed)) fc.configureGlobal({ seed });
