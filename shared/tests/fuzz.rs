//! Property tests over every parser that sees raw input: nothing panics, and what is
//! accepted is well-formed.

use mailping_shared::classifier::{self, Fetch, Meaning, Method, Networks, Origin, TrackerContext};
use mailping_shared::commands::{Action, Command};
use mailping_shared::config::{ProxyHeader, TrustedProxies};
use mailping_shared::domain::{Label, Token};
use mailping_shared::links;
use mailping_shared::net;
use proptest::prelude::*;
use std::net::IpAddr;

/// A header line of `hops`, written the way `header` writes them.
fn header_line(hops: &[String], header: ProxyHeader) -> String {
    match header {
        ProxyHeader::XForwardedFor => hops.join(", "),
        ProxyHeader::Forwarded => hops
            .iter()
            .map(|h| format!("for=\"{h}\""))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

fn ctx() -> TrackerContext<'static> {
    TrackerContext::SETTLED
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn pixel_paths_parse_only_into_round_tripping_tokens(
        // Half of the inputs are near misses of a pixel file name, so the round trip is
        // reached: 32 hex digits of either case with `.gif`, or one digit short or long, or
        // another extension.
        file in prop_oneof![
            ".{0,80}",
            "[0-9a-fA-F]{32}\\.gif",
            "[0-9a-fA-F]{31,33}\\.(gif|GIF|png|gif\\.gif)?",
        ],
    ) {
        let parsed = links::parse_pixel_file(&file);
        if let Some(token) = parsed {
            prop_assert_eq!(format!("{token}.gif"), file.to_lowercase());
        }
        let pixel_file = file.len() == 36
            && file.ends_with(".gif")
            && file[..32].bytes().all(|b| b.is_ascii_hexdigit());
        prop_assert_eq!(parsed.is_some(), pixel_file, "{:?}", file);
    }

    #[test]
    fn hex_tokens_round_trip(hex in "[0-9a-f]{32}") {
        let token = Token::parse(&hex).expect("32 hex digits parse");
        prop_assert_eq!(token.to_string(), hex);
    }

    #[test]
    fn forwarded_for_never_panics_and_untrusted_peers_are_never_replaced(
        lines in proptest::collection::vec(proptest::collection::vec(any::<u8>(), 0..200), 0..4),
        peer in any::<[u8; 4]>(),
        rfc_7239 in any::<bool>(),
    ) {
        let peer = IpAddr::from(peer);
        let trusted: TrustedProxies = "10.0.0.0/8".parse().unwrap();
        let header = if rfc_7239 { ProxyHeader::Forwarded } else { ProxyHeader::XForwardedFor };
        let client = net::client_ip(peer, lines.iter().map(Vec::as_slice), header, &trusted);
        if !trusted.contains(&peer) {
            prop_assert_eq!(client, peer);
        }
        let _ = net::truncate(client);
        let _ = net::rate_limit_key(client);
    }

    #[test]
    fn forwarded_for_chains_from_a_trusted_proxy_never_panic(
        hops in proptest::collection::vec("(10\\.1\\.2\\.3|1\\.2\\.3\\.4|::1|junk|)", 0..50),
    ) {
        let trusted: TrustedProxies = "10.0.0.0/8".parse().unwrap();
        for header in [ProxyHeader::XForwardedFor, ProxyHeader::Forwarded] {
            let _ = net::client_ip("10.0.0.1".parse().unwrap(), [header_line(&hops, header)].iter().map(|l| l.as_bytes()), header, &trusted);
        }
    }

    #[test]
    fn the_edge_never_panics_and_admits_only_a_get_without_prefetch(
        get in any::<bool>(),
        // The prefetch headers browsers send, in any case, half of the time.
        name in prop_oneof![
            prop::sample::select(vec!["sec-purpose", "purpose", "x-purpose", "x-moz"]).prop_map(str::to_owned),
            "[A-Za-z-]{0,20}",
        ],
        upper in proptest::collection::vec(any::<bool>(), 20),
        value in prop_oneof![
            "(prefetch|preview|prefetch;anonymous-client-ip|prerender|Prefetch|PREVIEW|none)".prop_map(String::into_bytes),
            proptest::collection::vec(any::<u8>(), 0..100),
        ],
        client in any::<IpAddr>(),
    ) {
        let name: String = name
            .chars()
            .zip(upper.iter().cycle())
            .map(|(c, up)| if *up { c.to_ascii_uppercase() } else { c })
            .collect();
        let method = if get { Method::Get } else { Method::Head };
        let origin = classifier::admit(method, [(name.as_str(), value.as_slice())], client, Networks::embedded());
        if !get {
            prop_assert_eq!(origin, None);
        }
        let lower = String::from_utf8_lossy(&value).to_ascii_lowercase();
        let prefetch = ["sec-purpose", "purpose", "x-purpose", "x-moz"]
            .iter()
            .any(|n| name.eq_ignore_ascii_case(n))
            && (lower.contains("prefetch") || lower.contains("preview"));
        if get {
            prop_assert_eq!(origin.is_none(), prefetch, "{}: {:?}", name, lower);
        }
        // No header at all: a GET is always admitted.
        prop_assert!(classifier::admit(Method::Get, std::iter::empty(), client, Networks::embedded()).is_some());
    }

    #[test]
    fn the_verdict_never_panics_and_a_bot_is_never_a_read(
        ua in proptest::option::of(".{0,300}"),
        client in any::<IpAddr>(),
    ) {
        let origin = Origin::of(client, Networks::embedded());
        let verdict = classifier::verdict(
            &Fetch { user_agent: ua.as_deref(), network: Some(net::truncate(client)), origin },
            &ctx(),
        );
        if classifier::is_bot(ua.as_deref(), client, Networks::embedded()) {
            prop_assert!(!verdict.kind.counts_as_read(), "{:?}", verdict);
        }
        if matches!(origin, Origin::Listed(n) if n.meaning != Meaning::Relay) && verdict.kind == mailping_shared::domain::OpenKind::Direct {
            prop_assert!(false, "a read-looking fetch from {} was a read", client);
        }
    }

    #[test]
    fn commands_and_button_payloads_never_panic(text in ".{0,300}", data in ".{0,70}") {
        let _ = Command::parse_text(&text);
        if let Some(action) = Action::decode(&data) {
            prop_assert_eq!(Action::decode(&action.encode()), Some(action));
        }
    }

    #[test]
    fn accepted_labels_are_short_and_free_of_control_characters(raw in ".{0,300}") {
        if let Ok(label) = Label::parse(&raw) {
            prop_assert!(label.as_str().chars().count() <= 200);
            prop_assert!(!label.as_str().chars().any(char::is_control));
            prop_assert!(!label.as_str().is_empty());
        }
    }
}
