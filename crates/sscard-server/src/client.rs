//! Who the client is: the peer address, or, when the peer is a configured
//! trusted proxy, the address that proxy put in `X-Forwarded-For`.
//!
//! The header is read only from trusted proxies: anyone else could write any
//! address into it and escape per-address throttling.

use std::net::{IpAddr, SocketAddr};

use axum::http::HeaderMap;

/// The client address of a request from `peer`.
///
/// Walks `X-Forwarded-For` from the right (the entry the nearest proxy
/// appended) past further trusted proxies; the first other address is the
/// client. A malformed entry stops the walk at the last trusted hop.
pub fn client_ip(peer: SocketAddr, headers: &HeaderMap, trusted: &[IpAddr]) -> IpAddr {
    // `::ffff:127.0.0.1` (a dual-stack listener) is 127.0.0.1.
    let is_trusted = |ip: &IpAddr| {
        trusted
            .iter()
            .any(|t| t.to_canonical() == ip.to_canonical())
    };
    let mut client = peer.ip().to_canonical();
    if !is_trusted(&client) {
        return client;
    }
    let hops = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect::<Vec<_>>();
    for hop in hops.into_iter().rev() {
        let Ok(ip) = hop.parse::<IpAddr>() else {
            break;
        };
        client = ip.to_canonical();
        if !is_trusted(&client) {
            break;
        }
    }
    client
}

/// The key throttling counts a client under: an IPv4 address, or the /64 of an
/// IPv6 one (a single subscriber usually holds a whole /64, so per-address
/// limits on /128s would be no limits at all).
pub fn throttle_key(ip: IpAddr) -> String {
    match ip.to_canonical() {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(xff: &[&str]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for v in xff {
            h.append("x-forwarded-for", v.parse().unwrap());
        }
        h
    }

    #[test]
    fn forwarded_header_counts_only_from_a_trusted_proxy() {
        let proxy: IpAddr = "10.0.0.1".parse().unwrap();
        let peer = SocketAddr::new(proxy, 5000);
        let stranger = SocketAddr::new("203.0.113.9".parse().unwrap(), 5000);
        let h = headers(&["1.2.3.4, 198.51.100.7"]);
        assert_eq!(client_ip(stranger, &h, &[proxy]), stranger.ip());
        assert_eq!(client_ip(peer, &h, &[]), proxy);
        // The rightmost entry was appended by the trusted proxy: a spoofed left one is ignored.
        assert_eq!(
            client_ip(peer, &h, &[proxy]),
            "198.51.100.7".parse::<IpAddr>().unwrap()
        );
        // A chain of trusted proxies is walked past.
        let inner: IpAddr = "10.0.0.2".parse().unwrap();
        let h = headers(&["198.51.100.7", "10.0.0.2"]);
        assert_eq!(
            client_ip(peer, &h, &[proxy, inner]),
            "198.51.100.7".parse::<IpAddr>().unwrap()
        );
        assert_eq!(client_ip(peer, &headers(&["garbage"]), &[proxy]), proxy);
        // A dual-stack listener sees the proxy as ::ffff:10.0.0.1.
        let mapped = SocketAddr::new("::ffff:10.0.0.1".parse().unwrap(), 5000);
        assert_eq!(
            client_ip(mapped, &headers(&["198.51.100.7"]), &[proxy]),
            "198.51.100.7".parse::<IpAddr>().unwrap()
        );
    }

    #[test]
    fn throttling_counts_ipv6_by_64_and_mapped_ipv4_as_ipv4() {
        let key = |s: &str| throttle_key(s.parse().unwrap());
        assert_eq!(key("2001:db8:1:2::1"), key("2001:db8:1:2:ffff::9"));
        assert_ne!(key("2001:db8:1:2::1"), key("2001:db8:1:3::1"));
        assert_eq!(key("2001:db8:1:2::1"), "2001:db8:1:2::/64");
        assert_eq!(key("::ffff:203.0.113.9"), "203.0.113.9");
        assert_eq!(key("203.0.113.9"), "203.0.113.9");
    }
}
