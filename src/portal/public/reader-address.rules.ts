import { isIPv4, isIPv6 } from "node:net";

/**
 * The address a reader is counted by (views, ratings). Not the browser: a User-Agent is the client's
 * to choose, so counting by it let one address add 2.000 views or 20 ratings by changing it.
 * An IPv6 address counts by its /64 network: one home or phone is given a whole /64 and may pick any
 * address in it. An IPv4-mapped IPv6 address (`::ffff:203.0.113.5`) is the IPv4 address.
 */
export function readerAddress(ip: string): string {
  const address = ip.trim().toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped?.[1] && isIPv4(mapped[1])) return mapped[1];
  if (!isIPv6(address)) return address;
  return `${expandIPv6(address).slice(0, 4).join(":")}::/64`;
}

/** The eight groups of an IPv6 address, as numbers written without leading zeros. */
function expandIPv6(address: string): string[] {
  let text = address.replace(/%.*$/, "");
  // An embedded IPv4 tail ("::1.2.3.4") becomes two groups.
  const tail = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (tail) {
    const [a, b, c, d] = tail.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, tail.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", rest] = text.split("::");
  const left = head ? head.split(":") : [];
  const right = rest ? rest.split(":") : [];
  const groups =
    rest === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill("0"), ...right];
  return groups.map((g) => Number.parseInt(g || "0", 16).toString(16));
}
