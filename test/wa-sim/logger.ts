/** The simulator's logger; silent unless WA_SIM_LOG_LEVEL asks otherwise. */
import { pino } from 'pino';

export const simLogger = pino({ level: process.env['WA_SIM_LOG_LEVEL'] ?? 'silent' });
