export {
  BotoError,
  ConfigError,
  type CredentialSourceAttempt,
  CredentialsError,
  EndpointError,
  isServiceError,
  NetworkError,
  ServiceError,
  TimeoutError,
  ValidationError,
  type ValidationProblem,
  XmlParseError,
} from './errors.js';
