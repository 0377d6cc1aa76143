import * as leases from '../../shared/leases/repository.ts';
import type { ShardLease } from '../../shared/leases/repository.ts';
import { logger } from '../../shared/logger.ts';

export interface LeaseManagerOptions {
  taskId: string;
  shardCount: number;
  ttlMs: number;
  renewMs: number;
  /** Called when this task takes a shard; its sessions may now connect under `lease.fence`. */
  onAcquired(lease: ShardLease): Promise<void>;
  /** Called before a shard is given up or after it is lost; must close the shard's sockets. */
  onLost(shard: number): Promise<void>;
}

/**
 * Holds this task's share of the shards. Every round it renews its leases, drops any it could not
 * renew in time (before a peer could take them, so two tasks never run one shard), gives up
 * shards above its fair share of the live tasks, and takes free or lapsed ones up to that share.
 */
export class LeaseManager {
  readonly #options: LeaseManagerOptions;
  readonly #held = new Map<number, { lease: ShardLease; validUntilMs: number }>();
  #timer: NodeJS.Timeout | undefined;
  #round: Promise<void> = Promise.resolve();
  #stopped = false;
  #lastRoundOk = 0;

  constructor(options: LeaseManagerOptions) {
    this.#options = options;
  }

  /** Runs the first round now, then one every `renewMs`. */
  async start(): Promise<void> {
    await this.#runRound();
    this.#timer = setInterval(() => void this.#runRound(), this.#options.renewMs);
  }

  heldShards(): number[] {
    return [...this.#held.keys()].sort((a, b) => a - b);
  }

  fenceOf(shard: number): number | undefined {
    return this.#held.get(shard)?.lease.fence;
  }

  /** Whether the last round reached DynamoDB within two lease lifetimes. */
  healthy(now = Date.now()): boolean {
    return now - this.#lastRoundOk < 2 * this.#options.ttlMs;
  }

  /** Gives every shard back (after closing its sockets) and leaves the membership. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#timer);
    await this.#round;
    for (const shard of this.heldShards()) await this.#giveUp(shard);
    await leases.leaveMembership(this.#options.taskId).catch((error: unknown) => logger().warn('Could not leave membership', { error }));
  }

  #runRound(): Promise<void> {
    this.#round = this.#round.then(() => this.#roundOnce()).catch((error: unknown) => logger().error('Lease round failed', { error }));
    return this.#round;
  }

  async #roundOnce(): Promise<void> {
    if (this.#stopped) return;
    const { taskId, ttlMs, shardCount } = this.#options;
    const now = Date.now();
    try {
      await leases.heartbeat(taskId, now + ttlMs);
      await this.#renewAll(now);
      const members = await leases.liveMembers(now);
      const fairShare = Math.ceil(shardCount / Math.max(1, members.length));
      await this.#shedAbove(fairShare);
      await this.#takeUpTo(fairShare, now);
      this.#lastRoundOk = Date.now();
    } finally {
      await this.#dropExpired(Date.now());
    }
  }

  async #renewAll(now: number): Promise<void> {
    for (const [shard, held] of this.#held) {
      if (await leases.renewLease(held.lease, this.#options.ttlMs, now)) {
        held.validUntilMs = now + this.#options.ttlMs;
      } else {
        logger().warn('Shard lease taken over', { shard });
        this.#held.delete(shard);
        await this.#options.onLost(shard);
      }
    }
  }

  /** Our own clock says the lease may have lapsed: stop before a peer can start. */
  async #dropExpired(now: number): Promise<void> {
    const margin = Math.min(this.#options.renewMs, this.#options.ttlMs / 3);
    for (const [shard, held] of this.#held) {
      if (now < held.validUntilMs - margin) continue;
      logger().warn('Shard lease could not be renewed in time; dropping its sessions', { shard });
      this.#held.delete(shard);
      await this.#options.onLost(shard);
    }
  }

  async #shedAbove(fairShare: number): Promise<void> {
    const extra = this.heldShards().slice(fairShare);
    for (const shard of extra) await this.#giveUp(shard);
  }

  async #takeUpTo(fairShare: number, now: number): Promise<void> {
    if (this.#held.size >= fairShare) return;
    const current = new Map((await leases.listLeases()).map((lease) => [lease.shard, lease]));
    const free = Array.from({ length: this.#options.shardCount }, (_, shard) => shard).filter((shard) => {
      const lease = current.get(shard);
      return !this.#held.has(shard) && (!lease || lease.leaseExpiresAtMs < now);
    });
    // Peers starting together would race for the same shards in the same order.
    free.sort(() => Math.random() - 0.5);
    for (const shard of free) {
      if (this.#held.size >= fairShare || this.#stopped) return;
      const lease = await leases.acquireLease(shard, this.#options.taskId, this.#options.ttlMs, now);
      if (!lease) continue;
      this.#held.set(shard, { lease, validUntilMs: now + this.#options.ttlMs });
      logger().info('Shard lease acquired', { shard, fence: lease.fence });
      await this.#options.onAcquired(lease);
    }
  }

  async #giveUp(shard: number): Promise<void> {
    const held = this.#held.get(shard);
    if (!held) return;
    this.#held.delete(shard);
    await this.#options.onLost(shard);
    await leases.releaseLease(held.lease);
    logger().info('Shard lease released', { shard });
  }
}
