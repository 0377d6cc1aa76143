import { BlockList, isIP } from 'node:net';

/**
 * Which hosts and addresses a server may fetch on a user's behalf. Only globally routable unicast
 * addresses are public; anything a user could use to reach the service's own network (loopback,
 * private, link-local and cloud metadata, unique-local, CGNAT, multicast, reserved) is not.
 * One module, so the API's check of a URL, the connector's check of resolved addresses and the
 * webhook rule (which admits some non-public classes locally, see `addressClass`) agree.
 */

// IANA IPv4 special-purpose registry, minus the few globally reachable anycast entries.
const nonPublicIpv4 = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network", 0.0.0.0 included
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT; some clouds put metadata services here
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, 169.254.169.254 metadata included
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, 255.255.255.255 broadcast included
] as const) {
  nonPublicIpv4.addSubnet(network, prefix, 'ipv4');
}

// IPv4-mapped IPv6 (::ffff:a.b.c.d) reaches the IPv4 address it embeds, so it is judged as that.
const ipv4Mapped = new BlockList();
ipv4Mapped.addSubnet('::ffff:0:0', 96, 'ipv6');

// Only 2000::/3 is global unicast; that excludes ::, ::1, fc00::/7 (AWS's fd00:ec2::254 too),
// fe80::/10, ff00::/8 and the NAT64 prefixes at once.
const globalUnicastIpv6 = new BlockList();
globalUnicastIpv6.addSubnet('2000::', 3, 'ipv6');

const nonPublicIpv6 = new BlockList();
for (const [network, prefix] of [
  ['2001::', 23], // IETF protocol assignments: Teredo, benchmarking, ORCHID
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4 embeds any IPv4 address, private ones included
  ['3fff::', 20], // documentation
] as const) {
  nonPublicIpv6.addSubnet(network, prefix, 'ipv6');
}

/** Whether `address` (an IPv4 or IPv6 literal) is a globally routable unicast address. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return !nonPublicIpv4.check(address, 'ipv4');
  if (family !== 6) return false;
  if (ipv4Mapped.check(address, 'ipv6')) return !nonPublicIpv4.check(address, 'ipv6');
  return globalUnicastIpv6.check(address, 'ipv6') && !nonPublicIpv6.check(address, 'ipv6');
}

/**
 * What a non-public address is, for rules that admit some of them: `private` is the machine itself or
 * its own network (loopback, RFC 1918, unique-local), where a developer's receiver runs; `linkLocal`
 * is link-local and the cloud metadata services, never a receiver anywhere; `reserved` is every other
 * address that is not public (unspecified, CGNAT, multicast, documentation, transition prefixes).
 */
export type AddressClass = 'public' | 'private' | 'linkLocal' | 'reserved';

const linkLocalOrMetadata = new BlockList();
linkLocalOrMetadata.addSubnet('169.254.0.0', 16, 'ipv4'); // 169.254.169.254 metadata, ECS's 169.254.170.2 included
linkLocalOrMetadata.addSubnet('fe80::', 10, 'ipv6');
linkLocalOrMetadata.addSubnet('fd00:ec2::', 32, 'ipv6'); // AWS's IPv6 metadata, DNS and time service, inside unique-local

const privateNetworks = new BlockList();
for (const [network, prefix, type] of [
  ['127.0.0.0', 8, 'ipv4'],
  ['10.0.0.0', 8, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['::1', 128, 'ipv6'],
  ['fc00::', 7, 'ipv6'],
] as const) {
  privateNetworks.addSubnet(network, prefix, type);
}

/** The class of `address` (an IPv4 or IPv6 literal; IPv4-mapped IPv6 is judged as the IPv4 it embeds). */
export function addressClass(address: string): AddressClass {
  const family = isIP(address);
  if (family === 0) return 'reserved';
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (linkLocalOrMetadata.check(address, type)) return 'linkLocal';
  if (privateNetworks.check(address, type)) return 'private';
  return isPublicAddress(address) ? 'public' : 'reserved';
}

// The names cloud metadata services answer to; they resolve to link-local addresses, but a name is refused before any DNS.
const metadataNames = new Set(['metadata', 'metadata.google.internal', 'metadata.goog', 'instance-data', 'instance-data.ec2.internal']);

/** Whether a host name is one of the cloud metadata services' names. */
export function isMetadataName(name: string): boolean {
  return metadataNames.has(name.toLowerCase().replace(/\.$/, ''));
}

// Suffixes that name a machine or a private network, never a public site (RFC 6761, 6762, 8375, ICANN's .internal).
const localSuffixes = ['localhost', 'local', 'internal', 'localdomain', 'home.arpa'];

/**
 * Whether a host name can only mean something inside a machine or a private network: `localhost`,
 * `*.localhost`, `*.internal` (`metadata.google.internal`), `*.local`, and single labels, which
 * resolvers complete with the network's own search domains.
 */
export function isLocalName(name: string): boolean {
  const host = name.toLowerCase().replace(/\.$/, '');
  if (!host.includes('.')) return true;
  return localSuffixes.some((suffix) => host === suffix || host.endsWith(`.${suffix}`));
}

/** The host of a WHATWG URL (`example.com`, `127.0.0.1`, `[::1]`) as a name or a bare address. */
export function bareHost(urlHostname: string): string {
  return urlHostname.replace(/^\[(.*)\]$/, '$1');
}

/**
 * Whether a URL's host is, without any DNS, plainly not public: an address literal outside the
 * public ranges or a local name. WHATWG URL parsing has already turned `2130706433`, `0x7f.1` and
 * `017700000001` into `127.0.0.1`, so only the canonical forms need judging.
 */
export function isPrivateHost(urlHostname: string): boolean {
  const host = bareHost(urlHostname);
  return isIP(host) === 0 ? isLocalName(host) : !isPublicAddress(host);
}
