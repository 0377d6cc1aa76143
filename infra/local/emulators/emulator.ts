/** A running local stand-in for an AWS service. */
export interface Emulator {
  endpoint: string;
  stop(): Promise<void>;
}
