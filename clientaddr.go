package pokot

import "net"

// ClientAddr is the key under which a peer's requests are throttled, from the connection's
// remote address ("host:port"): the IP address, with an IPv6 address cut to its /64
// network, which one client usually holds whole. No proxy header is trusted: behind a
// reverse proxy, throttling counts per proxy unless the proxy limits per client itself.
func ClientAddr(remoteAddr string) string {
	host, _, err := net.SplitHostPort(remoteAddr)
	if err != nil {
		host = remoteAddr
	}
	ip := net.ParseIP(host)
	if ip == nil {
		return host
	}
	if ip.To4() == nil {
		return ip.Mask(net.CIDRMask(64, 128)).String() + "/64"
	}
	return ip.String()
}
