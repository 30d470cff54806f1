// Hand-written behaviour the generated methods apply (the generator's customization table names them).
export { encodeRunInstancesUserData, type RunInstancesCallOptions } from './user-data.js';
