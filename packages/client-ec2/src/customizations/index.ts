// Hand-written behaviour the generated methods apply (the generator's customization table names them).
export {
  type CustomizedCall,
  type RunInstancesCallOptions,
  runInstancesUserData,
  withUserDataAsGiven,
} from './user-data.js';
