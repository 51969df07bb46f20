package app.movierec.security;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The key a client is counted under by the rate limits: its IPv4 address, or the /64 network of an
 * IPv6 address (one host usually has a whole /64 to pick addresses from). Behind a reverse proxy
 * the address is the proxy's unless {@code server.forward-headers-strategy} is set to trust its
 * {@code X-Forwarded-For}.
 */
final class ClientAddress {

  private ClientAddress() {}

  static String keyOf(String remoteAddress) {
    if (remoteAddress == null || remoteAddress.isEmpty()) {
      return "unknown";
    }
    if (remoteAddress.indexOf(':') < 0) {
      return remoteAddress;
    }
    try {
      // a literal IPv6 address is parsed without any lookup
      byte[] bytes = InetAddress.getByName(stripBrackets(remoteAddress)).getAddress();
      if (bytes.length != 16) {
        return remoteAddress;
      }
      StringBuilder prefix = new StringBuilder("v6:");
      for (int i = 0; i < 8; i++) {
        prefix.append(String.format("%02x", bytes[i]));
      }
      return prefix.append("/64").toString();
    } catch (UnknownHostException e) {
      return remoteAddress;
    }
  }

  private static String stripBrackets(String address) {
    String plain =
        address.startsWith("[") && address.endsWith("]")
            ? address.substring(1, address.length() - 1)
            : address;
    int zone = plain.indexOf('%');
    return zone < 0 ? plain : plain.substring(0, zone);
  }
}
