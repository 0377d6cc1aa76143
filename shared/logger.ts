import { Logger } from '@aws-lambda-powertools/logger';
import { config } from './config.ts';

/** The process's structured JSON logger (Powertools); one per process. */
export const logger = new Logger({
  serviceName: 'whatsapp-hub',
  logLevel: config().LOG_LEVEL,
});
