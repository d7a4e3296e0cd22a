import { describe, expect, it } from "vitest";
import { clientIp, proxyListField, trustedProxies } from "./client-ip";

describe("client IP behind trusted proxies", () => {
  const proxies = trustedProxies(["10.0.0.0/8", "127.0.0.1", "fd00::/8"]);

  it("is the socket's peer when no proxy is trusted or the peer is not one", () => {
    expect(clientIp("203.0.113.9", "198.51.100.1", null)).toBe("203.0.113.9");
    expect(clientIp("203.0.113.9", "198.51.100.1", proxies)).toBe("203.0.113.9");
    expect(clientIp("::ffff:203.0.113.9", undefined, proxies)).toBe("203.0.113.9");
  });

  it("is the rightmost untrusted hop: a spoofed leftmost entry changes nothing", () => {
    expect(clientIp("127.0.0.1", "198.51.100.7", proxies)).toBe("198.51.100.7");
    expect(clientIp("127.0.0.1", "1.2.3.4, 198.51.100.7", proxies)).toBe("198.51.100.7");
    expect(clientIp("127.0.0.1", "5.6.7.8, 198.51.100.7, 10.1.2.3", proxies)).toBe("198.51.100.7");
    expect(clientIp("::ffff:127.0.0.1", ["9.9.9.9", "198.51.100.7"], proxies)).toBe("198.51.100.7");
  });

  it("stops at a malformed hop, and takes the leftmost when every hop is a trusted proxy", () => {
    expect(clientIp("127.0.0.1", "198.51.100.7, not-an-ip", proxies)).toBe("127.0.0.1");
    expect(clientIp("127.0.0.1", "10.0.0.2, 10.0.0.1", proxies)).toBe("10.0.0.2");
    expect(clientIp("fd00::1", "2001:db8::5", proxies)).toBe("2001:db8::5");
  });

  it("accepts lists of addresses and CIDRs, and refuses true or malformed entries with a message", () => {
    const field = proxyListField();
    expect(field.parse("10.0.0.0/8, 127.0.0.1,::1")).toEqual(["10.0.0.0/8", "127.0.0.1", "::1"]);
    expect(field.parse("false")).toEqual([]);
    expect(field.parse(undefined)).toEqual([]);
    expect(field.safeParse("true").error?.issues[0]?.message).toMatch(/addresses or CIDRs/);
    expect(field.safeParse("10.0.0.0/33").error?.issues[0]?.message).toBe('"10.0.0.0/33" has a prefix outside 0-32');
    expect(field.safeParse("proxy.internal").error?.issues[0]?.message).toBe(
      '"proxy.internal" is not an IP address or CIDR',
    );
  });
});
