import { Logger } from '@aws-lambda-powertools/logger';
import { config } from './config.ts';

let instance: Logger | undefined;

/** The process's structured JSON logger (Powertools), created at first use so importing it reads no config. */
export function logger(): Logger {
  instance ??= new Logger({ serviceName: 'whatsapp-hub', logLevel: config().LOG_LEVEL });
  return instance;
}
