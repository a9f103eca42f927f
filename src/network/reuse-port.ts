/**
 * SO_REUSEPORT for Otter's listeners: several Otter nodes on one host bind the same RADIUS (or SMTP)
 * port and the kernel spreads the traffic over them. Node gained the `reusePort` option of
 * `dgram.createSocket` and `server.listen` in 23.1 and 22.12; Node 20 ignores it, so a second node
 * would fail with EADDRINUSE.
 */
export function nodeHasReusePort(version: string = process.versions.node): boolean {
  const [major = 0, minor = 0] = version.split(".").map(Number);
  return major >= 24 || (major === 23 && minor >= 1) || (major === 22 && minor >= 12);
}

/**
 * The socket option for a listener asked to share its port. Refuses on a Node without it: quietly
 * binding alone would let the next node on the host fail with a misleading EADDRINUSE.
 */
export function reusePortOption(wanted: boolean | undefined): { reusePort?: true } {
  if (!wanted) return {};
  if (!nodeHasReusePort()) {
    throw new Error(
      `OTTER_REUSE_PORT=true needs Node.js 22.12 or later (this is ${process.version}); ` +
        `upgrade Node or give each Otter node on this host its own ports`,
    );
  }
  return { reusePort: true };
}
