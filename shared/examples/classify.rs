//! What the classifier says of each User-Agent on standard input, one per line, fetched from
//! an ordinary consumer address (or from the address given as the first argument): its kind,
//! whether that counts as a read, the reason and the client, tab-separated before the agent.
//!
//!     cargo run -p mailping-shared --example classify [ADDRESS] < agents.txt

use std::io::{BufRead, Write};
use std::net::IpAddr;

use mailping_shared::classifier::{Fetch, Method, Networks, TrackerContext, admit, verdict};
use mailping_shared::net;

fn main() {
    let client: IpAddr = match std::env::args().nth(1) {
        Some(address) => match address.parse() {
            Ok(ip) => ip,
            Err(_) => {
                eprintln!("error: {address:?} is not an IP address");
                std::process::exit(2);
            }
        },
        None => "203.0.113.7".parse().expect("a literal address"),
    };
    let ctx = TrackerContext::SETTLED;
    let origin = admit(Method::Get, [], client, Networks::embedded()).expect("a GET");
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for line in std::io::stdin().lock().lines() {
        let Ok(ua) = line else { break };
        let fetch = Fetch {
            user_agent: (!ua.is_empty()).then_some(ua.as_str()),
            network: Some(net::truncate(client)),
            origin,
        };
        let v = verdict(&fetch, &ctx);
        let read = if v.kind.counts_as_read() {
            "read"
        } else {
            "not-read"
        };
        if writeln!(out, "{}\t{read}\t{}\t{}\t{ua}", v.kind, v.reason, v.client).is_err() {
            break;
        }
    }
}
