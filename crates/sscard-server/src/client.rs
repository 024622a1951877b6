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
    let mut client = peer.ip();
    if !trusted.contains(&client) {
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
        client = ip;
        if !trusted.contains(&ip) {
            break;
        }
    }
    client
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
    }
}
