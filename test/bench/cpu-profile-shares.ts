/** The parts of a V8 `.cpuprofile` (the inspector's `Profiler.stop`) that are read here. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** Where busy CPU goes, by who is on the stack; the first rule to match a frame, leaf first, wins. */
const owners: [owner: string, url: RegExp][] = [
  ['AWS SDK and Node HTTP', /@smithy\/|@aws-sdk\/|node:_http/],
  ['Baileys and Signal', /@whiskeysockets\/|libsignal|curve25519|protobufjs|async-mutex|@hapi\/boom|\/ws\/lib\//],
  ['our code', /\/(connector|shared)\/[^/]+/],
];

/**
 * Shares of a profile's busy time (idle samples left out) by owner: the AWS SDK, Baileys, garbage
 * collection, our own code, and the rest (Node internals reached from none of those). A sample
 * counts for the nearest owned frame on its stack, so Node's crypto called by Baileys is Baileys'.
 */
export function cpuShares(profile: CpuProfile): Record<string, number> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const ownerOf = (id: number): string => {
    const leaf = byId.get(id)!.callFrame.functionName;
    if (leaf === '(garbage collector)') return 'garbage collection';
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const { url } = byId.get(at)!.callFrame;
      const owner = owners.find(([, pattern]) => pattern.test(url));
      if (owner) return owner[0];
    }
    return 'other (Node internals, event loop)';
  };
  const time = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, index) => {
    if (byId.get(id)!.callFrame.functionName === '(idle)') return;
    const delta = profile.timeDeltas[index] ?? 0;
    const owner = ownerOf(id);
    time.set(owner, (time.get(owner) ?? 0) + delta);
    busy += delta;
  });
  return Object.fromEntries([...time].sort((a, b) => b[1] - a[1]).map(([owner, spent]) => [owner, spent / busy]));
}
