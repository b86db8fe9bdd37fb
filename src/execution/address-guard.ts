import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';

type Subnet = [network: string, prefix: number, family: 'ipv4' | 'ipv6'];

/**
 * Addresses inside our own network, which webhook calls must not reach, checked in this order
 * (metadata before link-local, so the message names the more specific kind). BlockList also
 * matches IPv4-mapped IPv6 addresses (::ffff:10.0.0.1) against the IPv4 ranges.
 */
const INTERNAL_RANGES: [kind: string, subnets: Subnet[]][] = [
  [
    'cloud-metadata',
    [
      ['169.254.169.254', 32, 'ipv4'],
      ['fd00:ec2::254', 128, 'ipv6'],
    ],
  ],
  [
    'loopback',
    [
      ['127.0.0.0', 8, 'ipv4'],
      ['::1', 128, 'ipv6'],
    ],
  ],
  [
    'unspecified',
    [
      ['0.0.0.0', 8, 'ipv4'],
      ['::', 128, 'ipv6'],
    ],
  ],
  [
    'private',
    [
      ['10.0.0.0', 8, 'ipv4'],
      ['172.16.0.0', 12, 'ipv4'],
      ['192.168.0.0', 16, 'ipv4'],
      ['fc00::', 7, 'ipv6'],
    ],
  ],
  [
    'link-local',
    [
      ['169.254.0.0', 16, 'ipv4'],
      ['fe80::', 10, 'ipv6'],
    ],
  ],
  ['carrier-grade NAT', [['100.64.0.0', 10, 'ipv4']]],
];

const internalRanges = INTERNAL_RANGES.map(([kind, subnets]) => {
  const list = new BlockList();
  subnets.forEach((subnet) => list.addSubnet(...subnet));
  return { kind, list };
});

export const ADDRESS_FORBIDDEN = 'ERR_WEBHOOK_ADDRESS_FORBIDDEN';

/**
 * What the API says of a refused address. Failure reasons and delivery errors are read by anyone
 * with privacy-request:read, while the host and its address belong to the connection's secret URL:
 * those go to the server log only (RefusedAddress).
 */
export const ADDRESS_REFUSED_MESSAGE = 'refused: the address is not allowed (private networks are off; the server log names it)';

/** The detail of a refused address, for the server log. */
export interface RefusedAddress {
  host: string;
  address: string;
  kind: string;
}

export class ForbiddenAddressError extends Error {
  readonly code = ADDRESS_FORBIDDEN;
  constructor(readonly refused: RefusedAddress) {
    super(ADDRESS_REFUSED_MESSAGE);
  }
}

/** The kind of internal address this is ("loopback", "private", ...), or null for a public one. */
export function forbiddenAddressKind(address: string): string | null {
  const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
  return internalRanges.find(({ list }) => list.check(address, family))?.kind ?? null;
}

/** URL hostnames keep IPv6 literals in brackets; returns the bare IP, or null for a name. */
export function ipLiteral(hostname: string): string | null {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return isIP(bare) ? bare : null;
}

/** Throws ForbiddenAddressError when the URL's host is an IP literal inside our network. */
export function assertPublicLiteral(hostname: string): void {
  const ip = ipLiteral(hostname);
  const kind = ip && forbiddenAddressKind(ip);
  if (ip && kind) throw new ForbiddenAddressError({ host: ip, address: ip, kind });
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for net/tls.connect that resolves every address of the host and refuses the
 * connection if any is internal. The socket then connects to an address this function checked,
 * so a DNS answer that changes between check and connect (rebinding) cannot slip through.
 */
export function guardedLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    for (const { address } of addresses) {
      const kind = forbiddenAddressKind(address);
      if (kind) return callback(new ForbiddenAddressError({ host: hostname, address, kind }), []);
    }
    if (options.all) return callback(null, addresses);
    const [first] = addresses;
    callback(null, first.address, first.family);
  });
}
